import { describe, expect, it } from 'vitest';
import { chunked } from '../../test/helpers.js';
import { CsvRecordReader } from './csv-record-reader.js';

function read(
  chunks: (string | Uint8Array)[],
  delimiter = ',',
): { records: string[][]; problems: (string | undefined)[] } {
  const records: string[][] = [];
  const problems: (string | undefined)[] = [];
  const reader = new CsvRecordReader(
    delimiter,
    (f, p) => {
      records.push(f);
      problems.push(p);
    },
    (n) => {
      throw new Error(`overflow ${n}`);
    },
    64,
  );
  for (const c of chunks) reader.push(c);
  reader.end();
  return { records, problems };
}

const TEXT = '\uFEFFa,b,c\r\n1,"x, ""y""",3\r\n\r\n  \n4,"multi\nline",6\n7,,\n"",8,"9"';
const EXPECTED = [
  ['a', 'b', 'c'],
  ['1', 'x, "y"', '3'],
  ['4', 'multi\nline', '6'],
  ['7', '', ''],
  ['', '8', '9'],
];

describe('CsvRecordReader', () => {
  it('reads LF and CRLF records, quotes, blank lines and a BOM, without a final line end', () => {
    expect(read([TEXT]).records).toEqual(EXPECTED);
  });

  it('gives the same records for every way of splitting the text into chunks', () => {
    for (let size = 1; size <= 9; size++)
      expect(read(chunked(TEXT, [size])).records, `chunks of ${size}`).toEqual(EXPECTED);
  });

  it('decodes UTF-8 bytes split inside a multi-byte character and strips a byte BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFname,city\r\n"Café",北京\r\n');
    for (let size = 1; size <= 5; size++)
      expect(read(chunked(bytes, [size])).records).toEqual([
        ['name', 'city'],
        ['Café', '北京'],
      ]);
  });

  it('reports an unterminated quote at the end of the input', () => {
    const r = read(['a,"open\n']);
    expect(r.records).toEqual([['a', 'open\n']]);
    expect(r.problems).toEqual(['unterminated quoted field']);
  });

  it('calls onOverflow when one record grows past the limit (an unbalanced quote swallowing the file)', () => {
    expect(() => read(['a,"never closed', ' and more text '.repeat(10)])).toThrow(/overflow/);
  });

  it('keeps a lone CR inside a field and honours another delimiter', () => {
    expect(read(['a;b\rc;d\n'], ';').records).toEqual([['a', 'b\rc', 'd']]);
  });
});
