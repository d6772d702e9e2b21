/**
 * An incremental CSV tokenizer: fed text or UTF-8 bytes in chunks of any size, it calls `onRecord`
 * once per record, in order, with the record's fields. Records may be split anywhere across chunks
 * (inside a field, between `\r` and `\n`, inside a multi-byte UTF-8 character).
 *
 * - Line ends: `\n` or `\r\n` (a lone `\r` is not a line end).
 * - RFC 4180 quoting: `"a, b"`, `"say ""hi"""`, and line breaks inside quotes. Lines without a quote
 *   take a fast path (`split`).
 * - A leading UTF-8 byte-order mark is dropped; blank (whitespace-only) lines are skipped.
 * - Memory: only the unfinished record is kept between chunks, at most `maxRecordChars` characters;
 *   longer (typically an unbalanced quote swallowing the file) calls `onOverflow`.
 */
export class CsvRecordReader {
  private rest = '';
  private decoder: TextDecoder | undefined;
  private started = false;
  private readonly delim: number;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: (fields: string[], problem?: string) => void,
    private readonly onOverflow: (chars: number) => never,
    private readonly maxRecordChars = 1 << 16,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feeds one chunk. */
  push(chunk: string | Uint8Array): void {
    let text: string;
    if (typeof chunk === 'string') text = this.flushDecoder() + chunk;
    else {
      this.decoder ??= new TextDecoder('utf-8', { ignoreBOM: true }); // the BOM is stripped below
      text = this.decoder.decode(chunk, { stream: true });
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.scan(this.rest + text, false);
  }

  /** Ends the input: the last record may lack its line end. */
  end(): void {
    this.scan(this.rest + this.flushDecoder(), true);
  }

  private flushDecoder(): string {
    if (!this.decoder) return '';
    const tail = this.decoder.decode();
    this.decoder = undefined;
    return tail;
  }

  private scan(text: string, final: boolean): void {
    const n = text.length;
    let p = 0;
    let nextQuote = text.indexOf('"');
    if (nextQuote < 0) nextQuote = n;
    while (p < n) {
      const nl = text.indexOf('\n', p);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? n : nl;
      if (nextQuote < p) {
        nextQuote = text.indexOf('"', p);
        if (nextQuote < 0) nextQuote = n;
      }
      if (nextQuote >= lineEnd) {
        let end = lineEnd;
        if (end > p && text.charCodeAt(end - 1) === 13) end--;
        const line = text.slice(p, end);
        if (line.trim() !== '') this.onRecord(line.split(this.delimiter));
        p = lineEnd + 1;
        continue;
      }
      const next = this.parseQuoted(text, p, final);
      if (next < 0) break;
      p = next;
    }
    this.rest = p >= n ? '' : text.slice(p);
    if (this.rest.length > this.maxRecordChars) this.onOverflow(this.rest.length);
  }

  /** Parses one record that contains a quote, starting at `start`; returns the index after it, or -1 when it is incomplete. */
  private parseQuoted(text: string, start: number, final: boolean): number {
    const n = text.length;
    const fields: string[] = [];
    let problem: string | undefined;
    let i = start;
    for (;;) {
      let field = '';
      if (text.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const j = text.indexOf('"', i);
          if (j < 0) {
            if (!final) return -1;
            problem = 'unterminated quoted field';
            field += text.slice(i);
            i = n;
            break;
          }
          field += text.slice(i, j);
          if (j + 1 >= n && !final) return -1;
          if (text.charCodeAt(j + 1) === 34) {
            field += '"';
            i = j + 2;
            continue;
          }
          i = j + 1;
          break;
        }
      }
      let k = i;
      let c = -1;
      while (k < n) {
        c = text.charCodeAt(k);
        if (c === this.delim || c === 10) break;
        k++;
      }
      if (k >= n && !final) return -1;
      let piece = text.slice(i, k);
      if (k >= n || c === 10) piece = piece.replace(/\r$/, '');
      fields.push(field + piece);
      if (k >= n || c === 10) {
        this.onRecord(fields, problem);
        return k >= n ? n : k + 1;
      }
      i = k + 1;
    }
  }
}
