import { failIndex } from './internal/fail-index.js';
import { fillCoordinateMatrix } from './internal/tsplib-distances.js';
import { isKeyword, parseDimension, TsplibScanner, tsplibError } from './internal/tsplib-scanner.js';
import type {
  TsplibEdgeWeightFormat,
  TsplibEdgeWeightType,
  TsplibInstance,
  TsplibProblemType,
} from './tsplib-types.js';

const PROBLEM_TYPES: readonly TsplibProblemType[] = ['TSP', 'ATSP'];
const EDGE_WEIGHT_TYPES: readonly TsplibEdgeWeightType[] = ['EXPLICIT', 'EUC_2D', 'CEIL_2D', 'ATT', 'GEO'];
const EDGE_WEIGHT_FORMATS: readonly TsplibEdgeWeightFormat[] = [
  'FUNCTION',
  'FULL_MATRIX',
  'UPPER_ROW',
  'LOWER_ROW',
  'UPPER_DIAG_ROW',
  'LOWER_DIAG_ROW',
  'UPPER_COL',
  'LOWER_COL',
  'UPPER_DIAG_COL',
  'LOWER_DIAG_COL',
];
/** Keywords that shape the data and so must precede every data section. */
const SHAPE_KEYWORDS = new Set(['TYPE', 'DIMENSION', 'EDGE_WEIGHT_TYPE', 'EDGE_WEIGHT_FORMAT']);

interface Header {
  name: string | null;
  comment: string | null;
  type: TsplibProblemType | null;
  n: number | null;
  edgeWeightType: TsplibEdgeWeightType | null;
  edgeWeightFormat: TsplibEdgeWeightFormat | null;
}

/** The header once it is known to be complete and consistent: EXPLICIT weights come with their matrix format. */
type Spec = { type: TsplibProblemType; n: number } & (
  | { edgeWeightType: 'EXPLICIT'; edgeWeightFormat: Exclude<TsplibEdgeWeightFormat, 'FUNCTION'> }
  | { edgeWeightType: Exclude<TsplibEdgeWeightType, 'EXPLICIT'>; edgeWeightFormat: 'FUNCTION' | null }
);

/** The first word of `value` (TSPLIB has `TYPE : TSP (M.~Hofmeister)`), checked against `allowed`. */
function pick<T extends string>(key: string, allowed: readonly T[], value: string, line: number): T {
  const upper = (value.split(/\s/, 1)[0] ?? '').toUpperCase();
  const found = allowed.find((a) => a === upper);
  if (found === undefined) throw tsplibError(key, `must be one of ${allowed.join(', ')} (line ${line})`, value);
  return found;
}

function readKeywordValue(h: Header, key: string, value: string, line: number, seen: Map<string, number>): void {
  const first = seen.get(key);
  if (first !== undefined && (SHAPE_KEYWORDS.has(key) || key === 'NAME'))
    throw tsplibError(key, `given twice (lines ${first} and ${line})`, value);
  seen.set(key, line);
  if (key === 'NAME') h.name = value === '' ? null : value;
  else if (key === 'COMMENT') h.comment = h.comment === null ? value : `${h.comment}\n${value}`;
  else if (key === 'TYPE') h.type = pick('TYPE', PROBLEM_TYPES, value, line);
  else if (key === 'DIMENSION') h.n = parseDimension(value, line);
  else if (key === 'EDGE_WEIGHT_TYPE') h.edgeWeightType = pick(key, EDGE_WEIGHT_TYPES, value, line);
  else if (key === 'EDGE_WEIGHT_FORMAT') h.edgeWeightFormat = pick(key, EDGE_WEIGHT_FORMATS, value, line);
  // Other keywords (DISPLAY_DATA_TYPE, NODE_COORD_TYPE, ...) do not change the costs and are ignored.
}

/** Checks that the header is complete and consistent; `where` says which section needed it. */
function completeHeader(h: Header, where: string): Spec {
  const { type, n, edgeWeightType: ewt, edgeWeightFormat: ewf } = h;
  if (type === null) throw tsplibError('TYPE', `missing: TYPE must be given before ${where}`);
  if (n === null) throw tsplibError('DIMENSION', `missing: DIMENSION must be given before ${where}`);
  if (ewt === null) throw tsplibError('EDGE_WEIGHT_TYPE', `missing: EDGE_WEIGHT_TYPE must be given before ${where}`);
  if (ewt === 'EXPLICIT') {
    if (ewf === null || ewf === 'FUNCTION') {
      throw tsplibError(
        'EDGE_WEIGHT_FORMAT',
        `EDGE_WEIGHT_TYPE EXPLICIT needs a matrix format before ${where}`,
        ewf ?? undefined,
      );
    }
    if (type === 'ATSP' && ewf !== 'FULL_MATRIX') {
      throw tsplibError(
        'EDGE_WEIGHT_FORMAT',
        'TYPE ATSP needs FULL_MATRIX (a triangle cannot hold asymmetric costs)',
        ewf,
      );
    }
    return { type, n, edgeWeightType: ewt, edgeWeightFormat: ewf };
  }
  if (ewf !== null && ewf !== 'FUNCTION') {
    throw tsplibError(
      'EDGE_WEIGHT_FORMAT',
      `${ewf} lists weights, but EDGE_WEIGHT_TYPE ${ewt} computes them from coordinates`,
      ewf,
    );
  }
  return { type, n, edgeWeightType: ewt, edgeWeightFormat: ewf };
}

/** Reads the next number of a `id x y` line, which must still be on `line`. */
function readOnLine(sc: TsplibScanner, line: number, expected: number, found: number): number {
  const S = 'NODE_COORD_SECTION';
  const value = sc.readNumber(S, expected, found);
  if (sc.line !== line) {
    const count = found % 3;
    throw tsplibError(S, `line ${line} has ${count} number${count === 1 ? '' : 's'}; each line is "id x y"`);
  }
  return value;
}

/** GEO coordinates are DDD.MM: latitude within ±90°, longitude within ±180°, minutes below 60. */
function checkGeo(lat: number, lng: number, id: number, line: number): void {
  const bad = (v: number, max: number) => Math.abs(v) > max || Math.abs(v - Math.trunc(v)) >= 0.6;
  if (bad(lat, 90))
    throw tsplibError('NODE_COORD_SECTION', `node ${id}: GEO latitude must be DDD.MM within ±90 (line ${line})`, lat);
  if (bad(lng, 180))
    throw tsplibError('NODE_COORD_SECTION', `node ${id}: GEO longitude must be DDD.MM within ±180 (line ${line})`, lng);
}

/** Reads `n` lines of `id x y` (ids 1..n, any order, one node a line) into x, y pairs by 0-based node. */
function readCoords(sc: TsplibScanner, n: number, geo: boolean): Float64Array {
  const S = 'NODE_COORD_SECTION';
  const coords = new Float64Array(2 * n);
  const seen = new Uint8Array(n);
  const expected = 3 * n;
  for (let k = 0; k < n; k++) {
    const id = sc.readNumber(S, expected, 3 * k);
    const line = sc.line;
    if (!Number.isInteger(id) || id < 1 || id > n) {
      throw tsplibError(S, `node id out of range: must be an integer in 1..${n} (line ${line})`, id);
    }
    if (seen[id - 1] === 1) throw tsplibError(S, `node id ${id} appears twice (line ${line})`, id);
    seen[id - 1] = 1;
    const x = readOnLine(sc, line, expected, 3 * k + 1);
    const y = readOnLine(sc, line, expected, 3 * k + 2);
    if (geo) checkGeo(x, y, id, line);
    coords[2 * (id - 1)] = x;
    coords[2 * (id - 1) + 1] = y;
  }
  sc.expectSectionEnd(S, expected);
  return coords;
}

/** Reads an EDGE_WEIGHT_SECTION in `format` into a full n*n matrix (both triangles unless FULL_MATRIX). */
function readWeights(sc: TsplibScanner, n: number, format: TsplibEdgeWeightFormat): Int32Array {
  const S = 'EDGE_WEIGHT_SECTION';
  const full = format === 'FULL_MATRIX';
  // Column formats list the mirror triangle of the row formats, so for symmetric costs UPPER_COL = LOWER_ROW.
  const upper =
    format === 'UPPER_ROW' || format === 'UPPER_DIAG_ROW' || format === 'LOWER_COL' || format === 'LOWER_DIAG_COL';
  const diag = format.includes('DIAG');
  const expected = full ? n * n : diag ? (n * (n + 1)) / 2 : (n * (n - 1)) / 2;
  const matrix = new Int32Array(n * n);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const from = full || !upper ? 0 : diag ? i : i + 1;
    const to = full || upper ? n : diag ? i + 1 : i;
    for (let j = from; j < to; j++) {
      const w = sc.readNumber(S, expected, found++);
      if (!Number.isInteger(w) || w > 2_147_483_647 || w < -2_147_483_648) {
        throw tsplibError(S, `edge weight must be an integer in the int32 range (line ${sc.line})`, w);
      }
      matrix[i * n + j] = w;
      if (!full) matrix[j * n + i] = w;
    }
  }
  sc.expectSectionEnd(S, expected);
  return matrix;
}

function checkSymmetric(matrix: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i * n + j] ?? failIndex('matrix', i * n + j);
      const b = matrix[j * n + i] ?? failIndex('matrix', j * n + i);
      if (a !== b) {
        const why = `TYPE TSP needs a symmetric matrix, but ${i + 1}->${j + 1} costs ${a} and ${j + 1}->${i + 1} costs ${b}`;
        throw tsplibError('EDGE_WEIGHT_SECTION', why, b);
      }
    }
  }
}

/**
 * Reads a TSPLIB95 problem file (`TYPE: TSP` or `ATSP`) into an integer cost matrix.
 *
 * Weights come from an `EDGE_WEIGHT_SECTION` (`EDGE_WEIGHT_TYPE: EXPLICIT`, formats `FULL_MATRIX`,
 * `UPPER_ROW`, `LOWER_ROW`, `UPPER_DIAG_ROW`, `LOWER_DIAG_ROW` and their `*_COL` twins) or from a
 * `NODE_COORD_SECTION` with TSPLIB's exact integer conventions: `EUC_2D` (rounded Euclidean), `CEIL_2D`,
 * `ATT` (pseudo-Euclidean) and `GEO` (km on TSPLIB's idealised sphere, coordinates as DDD.MM). Keywords
 * may be written `KEY: value` or `KEY : value`; a NODE_COORD_SECTION holds one `id x y` a line; weights
 * may be spread over lines in any way; `EOF` may be
 * missing; `DISPLAY_DATA_SECTION` and unknown `KEY: value` lines are ignored. The diagonal is set to 0 (br17 holds
 * 9999 there). Runs in one pass over the text plus O(n²) for the matrix.
 *
 * @param text the whole file, as text.
 * @returns the header fields, the n*n row-major `matrix` (`matrix[i * n + j]` = cost i -> j, 0-based
 *   nodes, unit of the file) and the coordinates when the file has them.
 * @throws {TspError} `TOO_LARGE` (path `['DIMENSION']`) when DIMENSION exceeds 15,000, before anything is
 *   allocated. `TSPLIB_PARSE` when the file cannot be read; the issue path names the keyword or section
 *   (`['TYPE']`, `['EDGE_WEIGHT_SECTION']`, ...) and the message the line: missing TYPE, DIMENSION,
 *   EDGE_WEIGHT_TYPE or section; a TYPE other than TSP/ATSP (CVRP, HCP, SOP, TOUR); an unknown
 *   EDGE_WEIGHT_TYPE or FORMAT; too few or too many numbers in a section; a token that is not a number;
 *   a node id out of 1..n or repeated; a coordinate line without three numbers; GEO coordinates out
 *   of range (latitude ±90, longitude ±180, DDD.MM minutes below 60); NAME, TYPE, DIMENSION,
 *   EDGE_WEIGHT_TYPE or EDGE_WEIGHT_FORMAT given twice; a TYPE TSP matrix that is not symmetric.
 * @example
 * const inst = parseTsplib(`NAME: tri
 * TYPE: TSP
 * DIMENSION: 3
 * EDGE_WEIGHT_TYPE: EUC_2D
 * NODE_COORD_SECTION
 * 1 0 0
 * 2 3 0
 * 3 3 4
 * EOF`);
 * // inst.n = 3, inst.matrix = Int32Array [0, 3, 5, 3, 0, 4, 5, 4, 0]
 */
export function parseTsplib(text: string): TsplibInstance {
  const sc = new TsplibScanner(text);
  const h: Header = { name: null, comment: null, type: null, n: null, edgeWeightType: null, edgeWeightFormat: null };
  let coords: Float64Array | null = null;
  let weights: Int32Array | null = null;
  let dataStarted = false;
  const seen = new Map<string, number>();
  while (sc.skipBlank()) {
    const line = sc.line;
    if (sc.atNumber()) {
      // Most likely the section header line was left out: name the section the header calls for.
      const section =
        h.edgeWeightType === null
          ? 'DATA'
          : h.edgeWeightType === 'EXPLICIT'
            ? 'EDGE_WEIGHT_SECTION'
            : 'NODE_COORD_SECTION';
      throw tsplibError(section, `missing: a number at line ${line} comes before any section header`, sc.peekToken());
    }
    const key = sc.readKeyword();
    if (key === 'EOF') break;
    const hasColon = sc.skipColon();
    if (!key.endsWith('_SECTION')) {
      if (!hasColon && !isKeyword(key)) throw tsplibError(key, `unknown keyword without a value (line ${line})`);
      if (dataStarted && SHAPE_KEYWORDS.has(key))
        throw tsplibError(key, `must come before the data sections (line ${line})`);
      readKeywordValue(h, key, sc.readRestOfLine(), line, seen);
      continue;
    }
    const spec = completeHeader(h, `${key} (line ${line})`);
    dataStarted = true;
    if ((key === 'NODE_COORD_SECTION' && coords) || (key === 'EDGE_WEIGHT_SECTION' && weights)) {
      throw tsplibError(key, `appears twice (line ${line})`);
    }
    if (key === 'NODE_COORD_SECTION') coords = readCoords(sc, spec.n, spec.edgeWeightType === 'GEO');
    else if (key === 'EDGE_WEIGHT_SECTION') {
      if (spec.edgeWeightType !== 'EXPLICIT') {
        throw tsplibError(key, `needs EDGE_WEIGHT_TYPE EXPLICIT, the file says ${spec.edgeWeightType} (line ${line})`);
      }
      weights = readWeights(sc, spec.n, spec.edgeWeightFormat);
    } else if (key === 'DISPLAY_DATA_SECTION') {
      while (sc.skipBlank() && sc.atNumber()) sc.readNumber(key, 0, 0);
    } else throw tsplibError(key, `is not supported by parseTsplib (line ${line})`);
  }
  const spec = completeHeader(h, 'the end of the file');
  const { n, type, edgeWeightType } = spec;
  let matrix: Int32Array;
  if (edgeWeightType === 'EXPLICIT') {
    if (weights === null)
      throw tsplibError('EDGE_WEIGHT_SECTION', 'missing: EDGE_WEIGHT_TYPE EXPLICIT needs an EDGE_WEIGHT_SECTION');
    matrix = weights;
    if (type === 'TSP' && spec.edgeWeightFormat === 'FULL_MATRIX') checkSymmetric(matrix, n);
  } else {
    if (coords === null)
      throw tsplibError('NODE_COORD_SECTION', `missing: EDGE_WEIGHT_TYPE ${edgeWeightType} needs a NODE_COORD_SECTION`);
    matrix = new Int32Array(n * n);
    fillCoordinateMatrix(edgeWeightType, coords, n, matrix);
  }
  for (let i = 0; i < n; i++) matrix[i * n + i] = 0;
  return {
    name: h.name,
    comment: h.comment,
    type,
    n,
    edgeWeightType,
    edgeWeightFormat: spec.edgeWeightFormat,
    matrix,
    coords,
  };
}
