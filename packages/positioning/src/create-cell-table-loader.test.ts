import { formatIssue } from '@beatplan/core';
import { createCellTableLoader, parseCellTable } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { chunked, OCID_HEADER, thrown } from '../test/helpers.js';

const ROW = (radio: string, cell: number, lon = 116.3975, lat = 39.9087, range = 1000, samples = 12) =>
  `${radio},460,0,4369,${cell},,${lon},${lat},${range},${samples},1,1459813793,1561993743,0`;

describe('createCellTableLoader', () => {
  it('example from the JSDoc', () => {
    const loader = createCellTableLoader({ filter: { mcc: [460] } });
    loader.push(
      'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\r\nLTE,460,0,4369,2654',
    );
    loader.push('3821,,116.3975,39.9087,1000,12,1,1459813793,1561993743,0\r\n');
    const table = loader.finish();
    expect(table.lookup({ mcc: 460, mnc: 0, area: 4369, cellId: 26543821 })?.rangeM).toBe(1000);
  });

  it('reads a file without header in OpenCellID column order (header: auto)', () => {
    const table = parseCellTable(`${ROW('GSM', 17)}\n${ROW('LTE', 18)}\n`);
    expect(table.size).toBe(2);
    expect(table.lookup({ radio: 'GSM', mcc: 460, mnc: 0, area: 4369, cellId: 17 })).toEqual({
      radio: 'GSM',
      mcc: 460,
      mnc: 0,
      area: 4369,
      cellId: 17,
      lng: 116.3975,
      lat: 39.9087,
      rangeM: 1000,
      samples: 12,
    });
    expect(table.lookup({ radio: 'LTE', mcc: 460, mnc: 0, area: 4369, cellId: 17 })).toBeUndefined();
    expect(table.lookup({ mcc: 460, mnc: 1, area: 4369, cellId: 17 })).toBeUndefined();
  });

  it('maps a header in any order and case, with aliases, ignoring other columns', () => {
    const table = parseCellTable(
      'LAT;Lng;Range;Cell;TAC;MNC;MCC;Radio;comment\n39.9;116.4;500;7;4369;1;460;nr;hello\n',
      { delimiter: ';' },
    );
    expect(table.lookup({ radio: 'NR', mcc: 460, mnc: 1, area: 4369, cellId: 7 })).toMatchObject({
      lng: 116.4,
      lat: 39.9,
      rangeM: 500,
      samples: 0,
    });
  });

  it('fails at once when a required header column is missing (path columns.<name>, no row)', () => {
    const e = thrown(() => parseCellTable('radio,mcc,net,area,cell,lon,lat\nGSM,460,0,1,2,116,39\n'));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.issues).toEqual([
      { path: ['columns', 'range'], message: 'required column is missing', reason: { key: 'core.required_column' } },
    ]);
  });

  it('reports every bad field of a bad row with row number, column, raw value and reason, and skips the row', () => {
    const text = `${OCID_HEADER}\n${ROW('GSM', 1)}\n\nFOO,4600,0,4369,x,,190,39.9,-5,1.5\n${ROW('GSM', 3)}\nGSM,460\n`;
    const table = parseCellTable(text);
    expect(table.size).toBe(2);
    expect(table.stats).toEqual({ rows: 4, loaded: 2, filtered: 0, skipped: 2, duplicates: 0 });
    expect(table.issues).toMatchObject([
      { row: 2, path: ['radio'], message: 'radio must be one of GSM, UMTS, LTE, NR, CDMA', value: 'FOO' },
      { row: 2, path: ['mcc'], message: 'mcc must be an integer within [0, 999]', value: '4600' },
      { row: 2, path: ['cell'], message: 'cell must be a number', value: 'x' },
      { row: 2, path: ['lon'], message: 'longitude must be within [-180, 180]', value: '190' },
      { row: 2, path: ['range'], message: 'range must be a number of metres ≥ 0', value: '-5' },
      { row: 2, path: ['samples'], message: 'samples must be an integer ≥ 0', value: '1.5' },
      { row: 4, path: [], message: 'row has 2 fields, expected at least 9', value: 2 },
    ]);
  });

  it('keys every bad row’s reason, so it is written in Chinese with zh-CN (issue 13)', () => {
    const text = `${OCID_HEADER}\nFOO,4600,0,4369,x,,190,95,-5,1.5\nGSM,460\n`;
    const issues = parseCellTable(text).issues;
    expect(issues.every((i) => i.reason !== undefined)).toBe(true);
    expect(issues.map((i) => formatIssue(i, { locale: 'zh-CN' }))).toEqual([
      '第 1 行，radio：radio 必须是 GSM、UMTS、LTE、NR、CDMA 之一，实际为 "FOO"',
      '第 1 行，mcc：mcc 必须是 [0, 999] 之内的整数，实际为 "4600"',
      '第 1 行，cell：cell 必须是数字，实际为 "x"',
      '第 1 行，lon：经度 必须在 [-180, 180] 之内，实际为 "190"',
      '第 1 行，lat：纬度 必须在 [-90, 90] 之内，实际为 "95"',
      '第 1 行，range：range 必须是不小于 0 的米数，实际为 "-5"',
      '第 1 行，samples：samples 必须是不小于 0 的整数，实际为 "1.5"',
      '第 2 行：该行有 2 个字段，至少应有 9 个，实际为 2',
    ]);
  });

  it("with onRowError 'fail' throws IMPORT_FAILED at the first bad row", () => {
    const loader = createCellTableLoader({ onRowError: 'fail' });
    loader.push(`${ROW('GSM', 1)}\n`);
    const e = thrown(() => loader.push(`${ROW('GSM', 2, 116.4, 95)}\n${ROW('GSM', 3)}\n`));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.issues).toMatchObject([
      { row: 2, path: ['lat'], message: 'latitude must be within [-90, 90]', value: '95' },
    ]);
    expect(thrown(() => loader.finish()).code).toBe('INVALID_INPUT'); // the loader is spent
  });

  it('caps the issues at maxIssues and counts the rest', () => {
    const bad = Array.from({ length: 10 }, () => 'GSM,460,0,1,2,,x,39,100').join('\n');
    const table = parseCellTable(bad, { maxIssues: 3 });
    expect(table.issues).toHaveLength(3);
    expect(table.omittedIssues).toBe(7);
    expect(table.stats.skipped).toBe(10);
  });

  it('filters by mcc, mnc, radio and bounding box, counting the rows left out', () => {
    const rows = [
      'GSM,460,0,1,1,,116.4,39.9,100',
      'GSM,250,0,1,2,,37.6,55.7,100',
      'LTE,460,1,1,3,,116.4,39.9,100',
      'UMTS,460,0,1,4,,116.4,39.9,100',
      'GSM,460,0,1,5,,121.5,31.2,100',
    ].join('\n');
    const table = parseCellTable(rows, {
      filter: { mcc: [460], mnc: [0], radios: ['gsm' as 'GSM', 'UMTS'], bbox: [115, 39, 118, 41] },
    });
    expect(table.size).toBe(2);
    expect(table.stats).toMatchObject({ rows: 5, loaded: 2, filtered: 3 });
  });

  it('keeps the row with more samples for a repeated cell and counts duplicates', () => {
    const table = parseCellTable(
      `${ROW('GSM', 1, 116.1, 39.1, 100, 5)}\n${ROW('GSM', 1, 116.2, 39.2, 100, 50)}\n${ROW('GSM', 1, 116.3, 39.3, 100, 7)}\n`,
    );
    expect(table.size).toBe(1);
    expect(table.stats.duplicates).toBe(2);
    expect(table.lookup({ mcc: 460, mnc: 0, area: 4369, cellId: 1 })?.lng).toBe(116.2);
  });

  it('without radio, a lookup takes the matching row with the most samples', () => {
    const table = parseCellTable(`${ROW('GSM', 1, 116.1, 39.1, 100, 5)}\n${ROW('UMTS', 1, 116.2, 39.2, 100, 9)}\n`);
    expect(table.lookup({ mcc: 460, mnc: 0, area: 4369, cellId: 1 })?.radio).toBe('UMTS');
    expect(table.lookup({ radio: 'GSM', mcc: 460, mnc: 0, area: 4369, cellId: 1 })?.lng).toBe(116.1);
  });

  it('keys are exact up to 36-bit NR cell ids and 32-bit area codes', () => {
    const big = 2 ** 36 - 1;
    const table = parseCellTable(`NR,999,999,4294967295,${big},,1,2,300\nNR,999,999,4294967295,${big - 1},,3,4,300\n`);
    expect(table.lookup({ mcc: 999, mnc: 999, area: 4294967295, cellId: big })?.lng).toBe(1);
    expect(table.lookup({ mcc: 999, mnc: 999, area: 4294967295, cellId: big - 1 })?.lng).toBe(3);
  });

  it('rejects bad options and bad chunks with INVALID_INPUT', () => {
    expect(thrown(() => createCellTableLoader({ delimiter: ';;' })).path).toEqual(['options', 'delimiter']);
    expect(thrown(() => createCellTableLoader({ filter: { bbox: [0, 10, 1, 5] } })).code).toBe('INVALID_INPUT');
    expect(thrown(() => createCellTableLoader().push(42 as unknown as string)).path).toEqual(['chunk']);
  });

  it('regression: 200,000 CRLF rows fed as bytes in odd-sized chunks split rows anywhere, then look up correctly', () => {
    const radios = ['GSM', 'UMTS', 'LTE', 'NR', 'CDMA'];
    const n = 200_000;
    const lines = [OCID_HEADER];
    for (let i = 0; i < n; i++) {
      const lon = (100 + (i % 1000) * 0.01).toFixed(5);
      const lat = (20 + Math.floor(i / 1000) * 0.01).toFixed(5);
      const bad = i % 40_000 === 39_999;
      lines.push(
        `${radios[i % 5]},${i % 2 ? 460 : 250},${i % 4},${1000 + (i % 97)},${i * 131},,${lon},${bad ? 'north' : lat},${100 + (i % 900)},${1 + (i % 50)},1,1,1,0`,
      );
    }
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const loader = createCellTableLoader({ filter: { mcc: [460] }, expectedRows: 16 });
    for (const chunk of chunked(bytes, [1, 7, 4093, 13, 65_537, 2, 999_983])) loader.push(chunk);
    const table = loader.finish();
    expect(table.stats).toEqual({ rows: n, loaded: 99_995, filtered: 100_000, skipped: 5, duplicates: 0 });
    expect(table.issues.map((i) => [i.row, i.path[0], i.value])).toEqual(
      [39_999, 79_999, 119_999, 159_999, 199_999].map((i) => [i + 1, 'lat', 'north']),
    );
    for (const i of [1, 3, 12_345, 99_999, 150_001, 199_997]) {
      expect(
        table.lookup({ radio: radios[i % 5] as 'GSM', mcc: 460, mnc: i % 4, area: 1000 + (i % 97), cellId: i * 131 }),
        `row ${i}`,
      ).toEqual({
        radio: radios[i % 5],
        mcc: 460,
        mnc: i % 4,
        area: 1000 + (i % 97),
        cellId: i * 131,
        lng: Number((100 + (i % 1000) * 0.01).toFixed(5)),
        lat: Number((20 + Math.floor(i / 1000) * 0.01).toFixed(5)),
        rangeM: 100 + (i % 900),
        samples: 1 + (i % 50),
      });
    }
    expect(table.lookup({ mcc: 250, mnc: 0, area: 1000, cellId: 0 })).toBeUndefined(); // filtered out
    expect(table.lookup({ mcc: 460, mnc: 3, area: 1000 + (39_999 % 97), cellId: 39_999 * 131 })).toBeUndefined(); // bad row
  });
});
