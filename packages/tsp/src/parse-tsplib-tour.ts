import { isKeyword, parseDimension, TsplibScanner, tsplibError } from './internal/tsplib-scanner.js';
import type { TsplibTour } from './tsplib-types.js';

const S = 'TOUR_SECTION';

/** Reads the node ids of one tour up to its `-1` (or the end of the section), with the line of each. */
function readTourIds(sc: TsplibScanner): { ids: number[]; lines: number[] } {
  const ids: number[] = [];
  const lines: number[] = [];
  while (sc.skipBlank()) {
    if (!sc.atNumber()) {
      const token = sc.peekToken();
      if (!isKeyword(token)) throw tsplibError(S, `expected a number at line ${sc.line}`, token);
      break;
    }
    const id = sc.readNumber(S, 0, 0);
    if (id === -1) break;
    ids.push(id);
    lines.push(sc.line);
  }
  return { ids, lines };
}

/** Checks that `ids` (1-based) are a permutation of 1..n and returns them 0-based. */
function toTour(ids: number[], lines: number[], n: number, dimensionGiven: boolean): number[] {
  if (ids.length === 0) throw tsplibError(S, 'holds no tour');
  const seen = new Uint8Array(n);
  const tour = new Array<number>(ids.length);
  for (const [k, id] of ids.entries()) {
    if (!Number.isInteger(id) || id < 1 || id > n) {
      const of = dimensionGiven ? `DIMENSION ${n}` : `${n} nodes in the tour`;
      throw tsplibError(S, `node id out of range: must be an integer in 1..${n} for ${of} (line ${lines[k]})`, id);
    }
    if (seen[id - 1] === 1) throw tsplibError(S, `node id ${id} appears twice (line ${lines[k]})`, id);
    seen[id - 1] = 1;
    tour[k] = id - 1;
  }
  if (ids.length !== n) throw tsplibError(S, `the tour visits ${ids.length} nodes, DIMENSION is ${n}`, ids.length);
  return tour;
}

/**
 * Reads a TSPLIB95 tour file (`TYPE: TOUR`, e.g. the `.opt.tour` files TSPLIB ships) into 0-based node
 * indices. The `TOUR_SECTION` lists 1-based node ids ended by `-1` (a second `-1` may close the
 * section; the ending `-1` and `EOF` may be missing). Keywords may be written `KEY: value` or
 * `KEY : value`; COMMENT and unknown `KEY: value` lines are ignored. When DIMENSION is absent the tour must be a
 * permutation of 1..k, k its length.
 *
 * @param text the whole file, as text.
 * @returns `name` (NAME or null) and `tour`, a permutation of 0..n-1 in visiting order.
 * @throws {TspError} `TOO_LARGE` (path `['DIMENSION']`) when DIMENSION exceeds 15,000. `TSPLIB_PARSE`
 *   with the keyword or section as path and the line in the message: a TYPE other than TOUR, a bad
 *   DIMENSION, a missing TOUR_SECTION, a token that is not a number, a node id out of 1..n or repeated,
 *   a tour shorter or longer than DIMENSION, or more than one tour.
 * @example
 * const { name, tour } = parseTsplibTour(`NAME : tri.opt.tour
 * TYPE : TOUR
 * DIMENSION : 3
 * TOUR_SECTION
 * 1
 * 3
 * 2
 * -1
 * EOF`);
 * // name = 'tri.opt.tour', tour = [0, 2, 1]
 */
export function parseTsplibTour(text: string): TsplibTour {
  const sc = new TsplibScanner(text);
  let name: string | null = null;
  let n: number | null = null;
  let tour: number[] | null = null;
  while (sc.skipBlank()) {
    const line = sc.line;
    if (sc.atNumber())
      throw tsplibError(S, `missing: a number at line ${line} comes before TOUR_SECTION`, sc.peekToken());
    const key = sc.readKeyword();
    if (key === 'EOF') break;
    const hasColon = sc.skipColon();
    if (key === S) {
      if (tour !== null) throw tsplibError(S, `appears twice (line ${line})`);
      const { ids, lines } = readTourIds(sc);
      tour = toTour(ids, lines, n ?? ids.length, n !== null);
      // A second -1 may close the section; any other number would start a second tour.
      if (sc.skipBlank() && sc.atNumber()) {
        const next = sc.readNumber(S, 0, 0);
        if (next !== -1)
          throw tsplibError(S, `holds more than one tour (line ${sc.line}); parseTsplibTour reads one`, next);
      }
    } else if (key.endsWith('_SECTION')) {
      throw tsplibError(key, `is not part of a tour file (line ${line})`);
    } else {
      if (!hasColon && !isKeyword(key)) throw tsplibError(key, `unknown keyword without a value (line ${line})`);
      const value = sc.readRestOfLine();
      if (key === 'NAME') name = value === '' ? null : value;
      else if (key === 'TYPE' && value.toUpperCase() !== 'TOUR') {
        throw tsplibError('TYPE', `must be TOUR in a tour file (line ${line}); read problems with parseTsplib`, value);
      } else if (key === 'DIMENSION') {
        if (tour !== null) throw tsplibError(key, `must come before TOUR_SECTION (line ${line})`);
        n = parseDimension(value, line);
      }
    }
  }
  if (tour === null) throw tsplibError(S, 'missing: a tour file needs a TOUR_SECTION');
  return { name, tour };
}
