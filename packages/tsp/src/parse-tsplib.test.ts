import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TspError } from './errors.js';
import { parseTsplib } from './parse-tsplib.js';
import { parseTsplibTour } from './parse-tsplib-tour.js';

const TSP_DIR = new URL('../test/data/tsplib/', import.meta.url);
const ATSP_DIR = new URL('../test/data/tsplib-atsp/', import.meta.url);
const readData = (dir: URL, file: string): string => readFileSync(new URL(file, dir), 'utf8');

interface Optimum {
  n: number;
  edge_weight_type: string;
  edge_weight_format?: string;
  optimum: number;
  opt_tour?: string | null;
}
const tspOptima = Object.entries(JSON.parse(readData(TSP_DIR, 'optima.json')) as Record<string, Optimum>);
const atspOptima = Object.entries(JSON.parse(readData(ATSP_DIR, 'optima.json')) as Record<string, Optimum>);

function tourLength(matrix: Int32Array, n: number, tour: number[]): number {
  let sum = 0;
  for (let k = 0; k < tour.length; k++) sum += matrix[tour[k]! * n + tour[(k + 1) % tour.length]!]!;
  return sum;
}

function isSymmetric(m: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (m[i * n + j] !== m[j * n + i]) return false;
  return true;
}

function hasZeroDiagonal(m: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (m[i * n + i] !== 0) return false;
  return true;
}

/** Runs `f` and returns the TspError it throws (fails the test if it throws anything else or nothing). */
function catchTspError(f: () => unknown): TspError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TspError);
    return e as TspError;
  }
  throw new Error('expected a TspError, nothing was thrown');
}

describe('parseTsplib on the TSPLIB data', () => {
  it('every instance file in both folders is listed in its optima.json', () => {
    const tsp = readdirSync(TSP_DIR)
      .filter((f) => f.endsWith('.tsp'))
      .map((f) => f.slice(0, -4));
    const atsp = readdirSync(ATSP_DIR)
      .filter((f) => f.endsWith('.atsp'))
      .map((f) => f.slice(0, -5));
    expect(tsp.sort()).toEqual(tspOptima.map(([name]) => name).sort());
    expect(atsp.sort()).toEqual(atspOptima.map(([name]) => name).sort());
  });

  it.each(tspOptima)('%s: symmetric TSP with the n, type and format of optima.json', (name, opt) => {
    const inst = parseTsplib(readData(TSP_DIR, `${name}.tsp`));
    expect(inst.type).toBe('TSP');
    expect(inst.n).toBe(opt.n);
    expect(inst.edgeWeightType).toBe(opt.edge_weight_type);
    expect(inst.edgeWeightFormat).toBe(opt.edge_weight_format ?? null);
    expect(inst.matrix.length).toBe(opt.n * opt.n);
    expect(inst.coords === null).toBe(opt.edge_weight_type === 'EXPLICIT');
    expect(isSymmetric(inst.matrix, inst.n)).toBe(true);
    expect(hasZeroDiagonal(inst.matrix, inst.n)).toBe(true);
  });

  it.each(atspOptima)('%s: asymmetric ATSP with the n of optima.json and a zero diagonal', (name, opt) => {
    const inst = parseTsplib(readData(ATSP_DIR, `${name}.atsp`));
    expect(inst.type).toBe('ATSP');
    expect(inst.n).toBe(opt.n);
    expect(inst.edgeWeightFormat).toBe('FULL_MATRIX');
    expect(isSymmetric(inst.matrix, inst.n)).toBe(false);
    expect(hasZeroDiagonal(inst.matrix, inst.n)).toBe(true);
  });

  it('br17: the 9999 diagonal becomes 0 and the rest is kept row-major (cost i -> j at i*n+j)', () => {
    const inst = parseTsplib(readData(ATSP_DIR, 'br17.atsp'));
    // First row of the file: 9999 3 5 48 48 8 8 5 5 3 3 0 3 5 8 8 5
    expect(Array.from(inst.matrix.subarray(0, 17))).toEqual([0, 3, 5, 48, 48, 8, 8, 5, 5, 3, 3, 0, 3, 5, 8, 8, 5]);
    expect(inst.name).toBe('br17');
  });

  const withTour = tspOptima.filter(([, opt]) => opt.opt_tour);
  it.each(withTour)('%s: the .opt.tour has the published optimum length', (name, opt) => {
    const inst = parseTsplib(readData(TSP_DIR, `${name}.tsp`));
    const { tour } = parseTsplibTour(readData(TSP_DIR, opt.opt_tour!));
    expect([...tour].sort((a, b) => a - b)).toEqual(Array.from({ length: inst.n }, (_, i) => i));
    expect(tourLength(inst.matrix, inst.n, tour)).toBe(opt.optimum);
  });
});

/** The same symmetric 4-node instance in every EXPLICIT format. */
const FOUR = [0, 3, 5, 9, 3, 0, 4, 7, 5, 4, 0, 2, 9, 7, 2, 0];
const header = (format: string): string =>
  `NAME: four\nTYPE: TSP\nDIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: ${format}\nEDGE_WEIGHT_SECTION\n`;
const FOUR_FILES: Record<string, string> = {
  FULL_MATRIX: `${header('FULL_MATRIX')}0 3 5 9\n3 0 4 7\n5 4 0 2\n9 7 2 0\nEOF\n`,
  UPPER_ROW: `${header('UPPER_ROW')}3 5 9\n4 7\n2\nEOF\n`,
  LOWER_ROW: `${header('LOWER_ROW')}3\n5 4\n9 7 2\nEOF\n`,
  UPPER_DIAG_ROW: `${header('UPPER_DIAG_ROW')}0 3 5 9\n0 4 7\n0 2\n0\nEOF\n`,
  LOWER_DIAG_ROW: `${header('LOWER_DIAG_ROW')}0\n3 0\n5 4 0\n9 7 2 0\nEOF\n`,
  UPPER_COL: `${header('UPPER_COL')}3\n5 4\n9 7 2\n`,
  LOWER_DIAG_COL: `${header('LOWER_DIAG_COL')}0 3 5 9 0 4 7 0 2 0`,
};

describe('parseTsplib on hand-written files', () => {
  it.each(Object.entries(FOUR_FILES))('%s gives the same 4-node matrix', (format, text) => {
    const inst = parseTsplib(text);
    expect(inst.edgeWeightFormat).toBe(format);
    expect(Array.from(inst.matrix)).toEqual(FOUR);
  });

  it('reads numbers split across lines in any way, KEY : value and KEY:value, and no EOF', () => {
    const text =
      'NAME :four\n  TYPE   :   TSP  \nDIMENSION:4\r\nEDGE_WEIGHT_TYPE :EXPLICIT\n' +
      'EDGE_WEIGHT_FORMAT :\tLOWER_DIAG_ROW\nEDGE_WEIGHT_SECTION :\n0 3\n0 5 4\n\n   0 9\n7\n2\t0';
    const inst = parseTsplib(text);
    expect(inst.name).toBe('four');
    expect(Array.from(inst.matrix)).toEqual(FOUR);
  });

  it('reads CRLF line breaks, a byte order mark and a TYPE with a remark after it', () => {
    const text = `\uFEFF${FOUR_FILES.UPPER_ROW!.replace('TYPE: TSP', 'TYPE: TSP (M.~Hofmeister)')}`.replace(
      /\n/g,
      '\r\n',
    );
    const inst = parseTsplib(text);
    expect(inst.name).toBe('four');
    expect(inst.type).toBe('TSP');
    expect(Array.from(inst.matrix)).toEqual(FOUR);
  });

  it('ignores DISPLAY_DATA_SECTION and unknown KEY: value lines; joins COMMENT lines', () => {
    const text = `${header('UPPER_ROW').replace('NAME: four\n', 'NAME: four\nCOMMENT: a\nCOMMENT: b\nDISPLAY_DATA_TYPE: TWOD_DISPLAY\nFOO: bar\n')}3 5 9 4 7 2\nDISPLAY_DATA_SECTION\n1 0 0\n2 1 0\n3 1 1\n4 0 1\nEOF\n`;
    const inst = parseTsplib(text);
    expect(inst.comment).toBe('a\nb');
    expect(Array.from(inst.matrix)).toEqual(FOUR);
  });

  const coordFile = (type: string, points: [number, number][]): string =>
    `TYPE: TSP\nDIMENSION: ${points.length}\nEDGE_WEIGHT_TYPE: ${type}\nNODE_COORD_SECTION\n${points.map(([x, y], i) => `${i + 1} ${x} ${y}`).join('\n')}\nEOF\n`;

  it('EUC_2D rounds and CEIL_2D rounds up (hand-computed)', () => {
    const pts: [number, number][] = [
      [0, 0],
      [1, 1],
      [3, 0],
    ];
    // |01| = 1.414, |02| = 3, |12| = sqrt(5) = 2.236
    expect(Array.from(parseTsplib(coordFile('EUC_2D', pts)).matrix)).toEqual([0, 1, 3, 1, 0, 2, 3, 2, 0]);
    expect(Array.from(parseTsplib(coordFile('CEIL_2D', pts)).matrix)).toEqual([0, 2, 3, 2, 0, 3, 3, 3, 0]);
  });

  it('ATT is pseudo-Euclidean, ceil(sqrt(d² / 10)) (hand-computed)', () => {
    const inst = parseTsplib(
      coordFile('ATT', [
        [0, 0],
        [10, 0],
        [0, 25],
        [30, 10],
      ]),
    );
    // r01 = sqrt(10) = 3.16 -> 4; r02 = sqrt(62.5) = 7.91 -> 8; r03 = sqrt(100) = 10 -> 10 (exact, not 11);
    // r12 = sqrt(72.5) = 8.51 -> 9; r13 = sqrt(50) = 7.07 -> 8; r23 = sqrt(112.5) = 10.61 -> 11
    expect(Array.from(inst.matrix)).toEqual([0, 4, 8, 10, 4, 0, 9, 8, 8, 9, 0, 11, 10, 8, 11, 0]);
  });

  it('GEO truncates degrees toward zero, also for negative coordinates (hand-computed)', () => {
    // -12.30 is -12 degrees 30 minutes: trunc gives -12.5 degrees; (int)(x + 0.5) would give -11 - 1.3*5/3.
    // 16.55 is 16 degrees 55 minutes: trunc gives 16.917; rounding would give 17 - 0.45*5/3 = 16.25.
    const inst = parseTsplib(
      coordFile('GEO', [
        [16.55, 96.1],
        [-12.3, 45.0],
        [-33.52, -70.4],
      ]),
    );
    // Expected with truncation: 6511, 17739, 11503 (with rounding they would be 6513, 17712, 11511).
    expect(Array.from(inst.matrix)).toEqual([0, 6511, 17739, 6511, 0, 11503, 17739, 11503, 0]);
    expect(Array.from(inst.coords!)).toEqual([16.55, 96.1, -12.3, 45.0, -33.52, -70.4]);
  });

  it('reads node ids in any order and the stray EDGE_WEIGHT_FORMAT: FUNCTION of coordinate files', () => {
    const text =
      'TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nEDGE_WEIGHT_FORMAT: FUNCTION\nNODE_COORD_SECTION\n3 3 4\n1 0 0\n2 3 0\n';
    const inst = parseTsplib(text);
    expect(inst.edgeWeightFormat).toBe('FUNCTION');
    expect(Array.from(inst.matrix)).toEqual([0, 3, 5, 3, 0, 4, 5, 4, 0]);
  });

  it('runs the JSDoc example', () => {
    const inst = parseTsplib(`NAME: tri
TYPE: TSP
DIMENSION: 3
EDGE_WEIGHT_TYPE: EUC_2D
NODE_COORD_SECTION
1 0 0
2 3 0
3 3 4
EOF`);
    expect(inst.n).toBe(3);
    expect(inst.matrix).toEqual(Int32Array.from([0, 3, 5, 3, 0, 4, 5, 4, 0]));
  });

  it('reads a 1,000-node EUC_2D file', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${i + 1} ${(i * 7919) % 1000} ${(i * 104729) % 997}.5`);
    const inst = parseTsplib(
      `TYPE: TSP\nDIMENSION: 1000\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n${lines.join('\n')}\nEOF\n`,
    );
    expect(inst.n).toBe(1000);
    expect(inst.matrix[1]).toBe(Math.round(Math.hypot(7919 % 1000, 104729 % 997)));
  });
});

describe('parseTsplib errors', () => {
  const euc = (body: string, dimension = 'DIMENSION: 3\n'): string =>
    `NAME: bad\nTYPE: TSP\n${dimension}EDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n${body}`;
  const cases: [string, string, string[], RegExp][] = [
    ['missing DIMENSION', euc('1 0 0\n2 1 1\n3 2 2\n', ''), ['DIMENSION'], /missing/],
    ['DIMENSION not a positive integer', euc('', 'DIMENSION: 3.5\n'), ['DIMENSION'], /positive integer \(line 3\)/],
    ['DIMENSION 0', euc('', 'DIMENSION: 0\n'), ['DIMENSION'], /positive integer \(line 3\)/],
    ['TYPE CVRP', 'NAME: v\nTYPE: CVRP\nDIMENSION: 3\n', ['TYPE'], /TSP, ATSP \(line 2\).*"CVRP"/],
    ['TYPE HCP', 'TYPE : HCP\n', ['TYPE'], /line 1.*"HCP"/],
    [
      'missing TYPE',
      'DIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n',
      ['TYPE'],
      /missing.*line 3/,
    ],
    [
      'unknown EDGE_WEIGHT_TYPE',
      'TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_3D\n',
      ['EDGE_WEIGHT_TYPE'],
      /line 3.*"EUC_3D"/,
    ],
    ['unknown EDGE_WEIGHT_FORMAT', `${header('TRIANGLE')}1 2 3\n`, ['EDGE_WEIGHT_FORMAT'], /line 5.*"TRIANGLE"/],
    [
      'EXPLICIT without a format',
      'TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_SECTION\n0 1 1 0\n',
      ['EDGE_WEIGHT_FORMAT'],
      /line 4/,
    ],
    [
      'a weight format on a coordinate type',
      'TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: GEO\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\n',
      ['EDGE_WEIGHT_FORMAT'],
      /coordinates/,
    ],
    [
      'ATSP in a triangle format',
      `${header('UPPER_ROW').replace('TYPE: TSP', 'TYPE: ATSP')}1 2 3 4 5 6\n`,
      ['EDGE_WEIGHT_FORMAT'],
      /FULL_MATRIX/,
    ],
    [
      'too few weights (section ends)',
      `${header('UPPER_ROW')}3 5 9\n4 7\nEOF\n`,
      ['EDGE_WEIGHT_SECTION'],
      /expected 6, found 5.*line 9/,
    ],
    [
      'too few weights (file ends)',
      `${header('UPPER_ROW')}3 5 9\n4`,
      ['EDGE_WEIGHT_SECTION'],
      /expected 6, found 4.*line 8/,
    ],
    ['too many weights', `${header('UPPER_ROW')}3 5 9\n4 7\n2\n1\nEOF\n`, ['EDGE_WEIGHT_SECTION'], /too many.*line 10/],
    ['too few coordinates', euc('1 0 0\n2 1 1\n3 2\nEOF\n'), ['NODE_COORD_SECTION'], /expected 9, found 8.*line 9/],
    ['too many coordinates', euc('1 0 0\n2 1 1\n3 2 2\n4 3 3\n'), ['NODE_COORD_SECTION'], /too many.*line 9/],
    [
      'a non-numeric weight',
      `${header('UPPER_ROW')}3 5 9\n4 x7\n2\n`,
      ['EDGE_WEIGHT_SECTION'],
      /number at line 8.*"x7"/,
    ],
    ['a malformed number', euc('1 0 0\n2 1.5.2 1\n3 2 2\n'), ['NODE_COORD_SECTION'], /number at line 7.*"1.5.2"/],
    ['a word inside a section', euc('1 0 0\n2 one 1\n3 2 2\n'), ['NODE_COORD_SECTION'], /number at line 7.*"one"/],
    [
      'a fractional explicit weight',
      `${header('UPPER_ROW')}3 5 9\n4 7.5\n2\n`,
      ['EDGE_WEIGHT_SECTION'],
      /integer.*line 8/,
    ],
    [
      'missing NODE_COORD_SECTION',
      'TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: ATT\nEOF\n',
      ['NODE_COORD_SECTION'],
      /missing/,
    ],
    [
      'missing EDGE_WEIGHT_SECTION',
      header('FULL_MATRIX').replace('EDGE_WEIGHT_SECTION\n', ''),
      ['EDGE_WEIGHT_SECTION'],
      /missing/,
    ],
    [
      'section header left out',
      'TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: ATT\n1 0 0\n',
      ['NODE_COORD_SECTION'],
      /line 4/,
    ],
    ['node id out of range', euc('1 0 0\n4 1 1\n3 2 2\n'), ['NODE_COORD_SECTION'], /out of range.*1\.\.3 \(line 7\)/],
    ['node id 0', euc('0 0 0\n1 1 1\n3 2 2\n'), ['NODE_COORD_SECTION'], /out of range.*line 6/],
    ['node id twice', euc('1 0 0\n1 1 1\n3 2 2\n'), ['NODE_COORD_SECTION'], /twice \(line 7\)/],
    [
      'an unsupported section',
      euc('1 0 0\n2 1 1\n3 2 2\nFIXED_EDGES_SECTION\n1 2\n-1\n'),
      ['FIXED_EDGES_SECTION'],
      /line 9/,
    ],
    [
      'EDGE_WEIGHT_SECTION on a coordinate type',
      'TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEDGE_WEIGHT_SECTION\n0 1 1 0\n',
      ['EDGE_WEIGHT_SECTION'],
      /EXPLICIT/,
    ],
    [
      'TSP FULL_MATRIX not symmetric',
      `${header('FULL_MATRIX')}0 3 5 9\n3 0 4 7\n5 4 0 2\n9 7 1 0\n`,
      ['EDGE_WEIGHT_SECTION'],
      /4->3 costs 1/,
    ],
    ['DIMENSION after the data', euc('1 0 0\n2 1 1\n3 2 2\nDIMENSION: 4\n'), ['DIMENSION'], /before the data.*line 9/],
    ['a bare unknown word', 'TYPE: TSP\nhello\n', ['HELLO'], /unknown keyword.*line 2/],
    [
      'EUC_2D distance beyond int32',
      'TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3e9 0\n',
      ['NODE_COORD_SECTION'],
      /int32/,
    ],
  ];
  it.each(cases)('%s: TSPLIB_PARSE at the right path', (_, text, path, message) => {
    const e = catchTspError(() => parseTsplib(text));
    expect(e.code).toBe('TSPLIB_PARSE');
    expect(e.path).toEqual(path);
    expect(e.issues[0]!.path).toEqual(path);
    expect(e.message).toMatch(message);
  });

  it.each(['15001', '1000000000', '99999999999999999999'])(
    'DIMENSION %s: TOO_LARGE before anything is allocated',
    (dim) => {
      // No section follows: the error must come from the DIMENSION line itself.
      const e = catchTspError(() => parseTsplib(`TYPE: TSP\nDIMENSION: ${dim}\n`));
      expect(e.code).toBe('TOO_LARGE');
      expect(e.path).toEqual(['DIMENSION']);
    },
  );
});

/** Writes a symmetric n*n matrix as a TSPLIB EXPLICIT file, `perLine` numbers to a line. */
function writeExplicit(m: number[], n: number, format: string, perLine: number, type = 'TSP'): string {
  const out: number[] = [];
  const upper = ['UPPER_ROW', 'UPPER_DIAG_ROW', 'LOWER_COL', 'LOWER_DIAG_COL'].includes(format);
  const diag = format.includes('DIAG');
  for (let i = 0; i < n; i++) {
    if (format === 'FULL_MATRIX') for (let j = 0; j < n; j++) out.push(m[i * n + j]!);
    else if (upper) for (let j = diag ? i : i + 1; j < n; j++) out.push(m[i * n + j]!);
    else for (let j = 0; j < (diag ? i + 1 : i); j++) out.push(m[i * n + j]!);
  }
  const lines: string[] = [];
  for (let k = 0; k < out.length; k += perLine) lines.push(out.slice(k, k + perLine).join(' '));
  return `TYPE: ${type}\nDIMENSION: ${n}\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: ${format}\nEDGE_WEIGHT_SECTION\n${lines.join('\n')}\nEOF\n`;
}

describe('parseTsplib round trip (property)', () => {
  const FORMATS = [
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
  const weight = fc.integer({ min: -2_147_483_648, max: 2_147_483_647 });
  const symmetric = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.array(weight, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
      const m = new Array<number>(n * n).fill(0);
      let k = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) m[i * n + j] = m[j * n + i] = upper[k++]!;
      return { n, m };
    }),
  );

  it('a symmetric integer matrix written in any EXPLICIT format reads back unchanged', () => {
    fc.assert(
      fc.property(
        symmetric,
        fc.constantFrom(...FORMATS),
        fc.integer({ min: 1, max: 10 }),
        ({ n, m }, format, perLine) => {
          expect(Array.from(parseTsplib(writeExplicit(m, n, format, perLine)).matrix)).toEqual(m);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an asymmetric ATSP FULL_MATRIX reads back with its diagonal set to 0', () => {
    const full = fc
      .integer({ min: 1, max: 8 })
      .chain((n) => fc.array(weight, { minLength: n * n, maxLength: n * n }).map((m) => ({ n, m })));
    fc.assert(
      fc.property(full, fc.integer({ min: 1, max: 10 }), ({ n, m }, perLine) => {
        const expected = m.map((v, k) => (k % (n + 1) === 0 ? 0 : v));
        expect(Array.from(parseTsplib(writeExplicit(m, n, 'FULL_MATRIX', perLine, 'ATSP')).matrix)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

// Regressions (issue 15, defect 6).
describe('parseTsplib rejects what it used to misread', () => {
  const coordFile = (header: string, body: string) => `NAME: t\nTYPE: TSP\n${header}NODE_COORD_SECTION\n${body}EOF\n`;
  it('a keyword that shapes the data, given twice (DIMENSION silently overrode the first)', () => {
    for (const key of ['NAME: u', 'TYPE: TSP', 'DIMENSION: 2', 'EDGE_WEIGHT_TYPE: EUC_2D']) {
      const e = catchTspError(() =>
        parseTsplib(coordFile(`DIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\n${key}\n`, '1 0 0\n2 3 0\n3 3 4\n')),
      );
      expect(e.code).toBe('TSPLIB_PARSE');
      expect(e.message).toContain('given twice');
    }
  });
  it('a short coordinate line is named as such (was "node id 1 appears twice")', () => {
    const e = catchTspError(() =>
      parseTsplib(coordFile('DIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\n', '1 0\n2 3 0\n3 3 4\n')),
    );
    expect(e.message).toBe('NODE_COORD_SECTION: line 6 has 2 numbers; each line is "id x y"');
  });
  it('GEO coordinates out of range (latitude 91 was accepted)', () => {
    for (const [lat, lng] of [
      [91, 10],
      [-90.5, 10],
      [45.7, 10],
      [10, 181],
    ] as const) {
      const e = catchTspError(() =>
        parseTsplib(coordFile('DIMENSION: 2\nEDGE_WEIGHT_TYPE: GEO\n', `1 ${lat} ${lng}\n2 10 10\n`)),
      );
      expect(e.code).toBe('TSPLIB_PARSE');
      expect(e.message).toMatch(/node 1: GEO (latitude|longitude) must be DDD\.MM/);
    }
    expect(parseTsplib(coordFile('DIMENSION: 2\nEDGE_WEIGHT_TYPE: GEO\n', '1 90 -180\n2 -89.59 179.59\n')).n).toBe(2);
  });
});
