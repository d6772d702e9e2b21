import { TspError, type TspErrorCode } from '../errors.js';

/** DIMENSIONs above this are refused with `TOO_LARGE` (an n*n Int32Array of 15,000 nodes is 900 MB). */
export const MAX_TSPLIB_DIMENSION = 15_000;

/** Keywords of TSPLIB95 (specification part); a token that is one of these ends a data section. */
const KEYWORDS = new Set([
  'NAME',
  'TYPE',
  'COMMENT',
  'DIMENSION',
  'CAPACITY',
  'EDGE_WEIGHT_TYPE',
  'EDGE_WEIGHT_FORMAT',
  'EDGE_DATA_FORMAT',
  'NODE_COORD_TYPE',
  'DISPLAY_DATA_TYPE',
  'EOF',
]);

/** Builds the `TspError` of the TSPLIB readers: one issue whose path is the keyword or section. */
export function tsplibError(
  path: string,
  message: string,
  value?: unknown,
  code: TspErrorCode = 'TSPLIB_PARSE',
): TspError {
  const issue = value === undefined ? { path: [path], message } : { path: [path], message, value };
  return new TspError(code, [issue]);
}

/** Parses a DIMENSION value: a positive integer, at most {@link MAX_TSPLIB_DIMENSION} (else `TOO_LARGE`). */
export function parseDimension(value: string, line: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1)) throw tsplibError('DIMENSION', `must be a positive integer (line ${line})`, value);
  if (n > MAX_TSPLIB_DIMENSION) {
    const why = `${n} nodes need a ${n}x${n} matrix; at most ${MAX_TSPLIB_DIMENSION} nodes are read (line ${line})`;
    throw tsplibError('DIMENSION', why, n, 'TOO_LARGE');
  }
  return n;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A single forward pass over a TSPLIB text that knows the current line. Numbers are checked char by
 * char and converted with `Number` (no regex, no split), so large sections read in linear time.
 */
export class TsplibScanner {
  private pos: number;
  /** 1-based line of the next character. */
  line = 1;

  constructor(private readonly text: string) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // skip a byte order mark
  }

  /** Skips blanks and line breaks; returns false at the end of the text. */
  skipBlank(): boolean {
    const t = this.text;
    let p = this.pos;
    for (; p < t.length; p++) {
      const c = t.charCodeAt(p);
      if (c === 10) this.line++;
      else if (!isBlank(c)) break;
    }
    this.pos = p;
    return p < t.length;
  }

  /** True when the next token starts like a number (digit, sign or dot). Call after `skipBlank`. */
  atNumber(): boolean {
    const c = this.text.charCodeAt(this.pos);
    return isDigit(c) || c === 45 || c === 43 || c === 46;
  }

  /** The next token (up to a blank) without consuming it. */
  peekToken(): string {
    let q = this.pos;
    while (q < this.text.length && !isBlank(this.text.charCodeAt(q))) q++;
    return this.text.slice(this.pos, q);
  }

  /** Reads a keyword: everything up to a blank or a colon, upper-cased. */
  readKeyword(): string {
    const start = this.pos;
    let p = start;
    while (p < this.text.length) {
      const c = this.text.charCodeAt(p);
      if (isBlank(c) || c === 58) break;
      p++;
    }
    this.pos = p;
    return this.text.slice(start, p).toUpperCase();
  }

  /**
   * Skips spaces and tabs, then one colon if there is one (the `KEY : value` and `KEY: value` forms).
   * @returns whether there was a colon.
   */
  skipColon(): boolean {
    let p = this.pos;
    while (this.text.charCodeAt(p) === 32 || this.text.charCodeAt(p) === 9) p++;
    const colon = this.text.charCodeAt(p) === 58;
    this.pos = colon ? p + 1 : p;
    return colon;
  }

  /** Reads the rest of the current line, trimmed (the line break is left for `skipBlank`). */
  readRestOfLine(): string {
    const start = this.pos;
    let p = start;
    while (p < this.text.length && this.text.charCodeAt(p) !== 10) p++;
    this.pos = p;
    return this.text.slice(start, p).trim();
  }

  /**
   * Reads the next number of a data section.
   * @param section section name for errors; `expected`/`found`: counts for the "too few numbers" message.
   * @throws {TspError} `TSPLIB_PARSE` when the section ends first, or the token is not a finite number.
   */
  readNumber(section: string, expected: number, found: number): number {
    if (!this.skipBlank() || !this.atNumber()) {
      const token = this.peekToken();
      if (token === '' || isKeyword(token)) {
        const where = token === '' ? `the file ends at line ${this.line}` : `the section ends at line ${this.line}`;
        throw tsplibError(section, `too few numbers: expected ${expected}, found ${found}; ${where}`);
      }
      throw tsplibError(section, `expected a number at line ${this.line}`, token);
    }
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    if (c === 45 || c === 43) c = t.charCodeAt(++p);
    let digits = 0;
    for (; isDigit(c); c = t.charCodeAt(++p)) digits++;
    if (c === 46) for (c = t.charCodeAt(++p); isDigit(c); c = t.charCodeAt(++p)) digits++;
    if (digits > 0 && (c === 101 || c === 69)) {
      c = t.charCodeAt(++p);
      if (c === 45 || c === 43) c = t.charCodeAt(++p);
      let expDigits = 0;
      for (; isDigit(c); c = t.charCodeAt(++p)) expDigits++;
      if (expDigits === 0) digits = 0;
    }
    const value = digits > 0 && (p >= t.length || isBlank(c)) ? Number(t.slice(start, p)) : NaN;
    if (!Number.isFinite(value))
      throw tsplibError(section, `expected a finite number at line ${this.line}`, this.peekToken());
    this.pos = p;
    return value;
  }

  /**
   * Checks that a data section holds no more numbers.
   * @throws {TspError} `TSPLIB_PARSE` naming the line of the first extra number.
   */
  expectSectionEnd(section: string, expected: number): void {
    if (this.skipBlank() && this.atNumber()) {
      throw tsplibError(
        section,
        `too many numbers: expected ${expected}, found more at line ${this.line}`,
        this.peekToken(),
      );
    }
  }
}

/** True for a TSPLIB95 keyword or section name (with or without its colon): a token that ends a data section. */
export function isKeyword(token: string): boolean {
  const colon = token.indexOf(':');
  const key = (colon >= 0 ? token.slice(0, colon) : token).toUpperCase();
  return KEYWORDS.has(key) || key.endsWith('_SECTION');
}
