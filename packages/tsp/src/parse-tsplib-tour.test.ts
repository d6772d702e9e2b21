import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TspError } from './errors.js';
import { parseTsplibTour } from './parse-tsplib-tour.js';

const TSP_DIR = new URL('../test/data/tsplib/', import.meta.url);
const tourFiles = readdirSync(TSP_DIR).filter((f) => f.endsWith('.opt.tour'));

function catchTspError(f: () => unknown): TspError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TspError);
    return e as TspError;
  }
  throw new Error('expected a TspError, nothing was thrown');
}

describe('parseTsplibTour', () => {
  it('finds the 20 TSPLIB opt tours', () => {
    expect(tourFiles.length).toBe(20);
  });

  it.each(tourFiles)('%s: a permutation of 0..DIMENSION-1', (file) => {
    const text = readFileSync(new URL(file, TSP_DIR), 'utf8');
    const dimension = Number(/DIMENSION\s*:\s*(\d+)/.exec(text)![1]);
    const { name, tour } = parseTsplibTour(text);
    expect(name).toMatch(/\S/);
    expect([...tour].sort((a, b) => a - b)).toEqual(Array.from({ length: dimension }, (_, i) => i));
  });

  it('runs the JSDoc example', () => {
    const { name, tour } = parseTsplibTour(`NAME : tri.opt.tour
TYPE : TOUR
DIMENSION : 3
TOUR_SECTION
1
3
2
-1
EOF`);
    expect(name).toBe('tri.opt.tour');
    expect(tour).toEqual([0, 2, 1]);
  });

  it.each([
    ['no -1 and no EOF', 'TYPE: TOUR\nDIMENSION: 4\nTOUR_SECTION\n2 4\n3 1'],
    ['a closing second -1', 'TYPE: TOUR\nDIMENSION: 4\nTOUR_SECTION\n2 4 3 1 -1\n-1\nEOF\n'],
    ['no DIMENSION (the tour is 1..k)', 'TOUR_SECTION\n2\n4\n3\n1\n-1\n'],
    ['KEY:value and KEY : value', 'NAME:t\nCOMMENT : x: y\nTYPE :TOUR\nDIMENSION :4\nTOUR_SECTION :\n2 4 3 1\n-1\n'],
  ])('reads a tour with %s', (_, text) => {
    expect(parseTsplibTour(text).tour).toEqual([1, 3, 2, 0]);
  });

  const tour = (body: string, dimension = 'DIMENSION: 4\n'): string =>
    `NAME: t\nTYPE: TOUR\n${dimension}TOUR_SECTION\n${body}`;
  it.each<[string, string, string, string[], RegExp]>([
    [
      'node id out of range',
      tour('1 2\n5 3\n-1\n'),
      'TSPLIB_PARSE',
      ['TOUR_SECTION'],
      /out of range.*1\.\.4.*line 6.*5/,
    ],
    ['node id 0', tour('0 1 2 3\n-1\n'), 'TSPLIB_PARSE', ['TOUR_SECTION'], /out of range.*line 5/],
    ['node id twice', tour('1 2\n2 3\n-1\n'), 'TSPLIB_PARSE', ['TOUR_SECTION'], /twice \(line 6\)/],
    [
      'a tour shorter than DIMENSION',
      tour('1 2 3\n-1\n'),
      'TSPLIB_PARSE',
      ['TOUR_SECTION'],
      /visits 3 nodes, DIMENSION is 4/,
    ],
    ['a non-numeric token', tour('1 2\nthree 4\n-1\n'), 'TSPLIB_PARSE', ['TOUR_SECTION'], /number at line 6.*"three"/],
    ['a fractional id', tour('1 2 3.5 4\n-1\n'), 'TSPLIB_PARSE', ['TOUR_SECTION'], /integer.*line 5/],
    [
      'two tours',
      tour('1 2 3 4\n-1\n4 3 2 1\n-1\n-1\n'),
      'TSPLIB_PARSE',
      ['TOUR_SECTION'],
      /more than one tour \(line 7\)/,
    ],
    ['an empty tour', tour('-1\n'), 'TSPLIB_PARSE', ['TOUR_SECTION'], /no tour/],
    ['missing TOUR_SECTION', 'NAME: t\nTYPE: TOUR\nDIMENSION: 4\nEOF\n', 'TSPLIB_PARSE', ['TOUR_SECTION'], /missing/],
    ['a problem file', 'NAME: t\nTYPE: TSP\nDIMENSION: 4\n', 'TSPLIB_PARSE', ['TYPE'], /TOUR.*line 2.*"TSP"/],
    [
      'a bad DIMENSION',
      tour('1\n-1\n', 'DIMENSION: many\n'),
      'TSPLIB_PARSE',
      ['DIMENSION'],
      /positive integer \(line 3\)/,
    ],
    ['a huge DIMENSION', tour('1\n-1\n', 'DIMENSION: 1000000000\n'), 'TOO_LARGE', ['DIMENSION'], /line 3/],
  ])('%s gives the expected error and path', (_, text, code, path, message) => {
    const e = catchTspError(() => parseTsplibTour(text));
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
    expect(e.message).toMatch(message);
  });
});
