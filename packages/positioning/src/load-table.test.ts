import { Readable } from 'node:stream';
import { loadApTable, loadCellTable } from '@beatplan/positioning';
import { describe, expect, it } from 'vitest';
import { chunked, OCID_HEADER, rejected } from '../test/helpers.js';

const CSV = `${OCID_HEADER}\r\nLTE,460,0,4369,1,,116.40,39.90,500,20,1,0,0,0\r\nGSM,460,0,4369,2,,116.41,39.91,800,20,1,0,0,0\r\n`;

describe('loadCellTable / loadApTable', () => {
  it('loads from a Node readable stream of Buffers', async () => {
    const bytes = Buffer.from(CSV);
    const table = await loadCellTable(Readable.from(chunked(bytes, [5, 11]), { objectMode: true }));
    expect(table.size).toBe(2);
    expect(table.lookup({ mcc: 460, mnc: 0, area: 4369, cellId: 2 })?.radio).toBe('GSM');
  });

  it('loads from a web ReadableStream, an async generator and a plain string', async () => {
    const stream = new ReadableStream<string>({
      start(c) {
        for (const part of chunked(CSV, [17])) c.enqueue(part);
        c.close();
      },
    });
    expect((await loadCellTable(stream)).size).toBe(2);
    async function* gen() {
      yield* chunked(CSV, [9]);
    }
    expect((await loadCellTable(gen(), { filter: { radios: ['LTE'] } })).size).toBe(1);
    expect((await loadCellTable(CSV)).size).toBe(2);
  });

  it('example from the JSDoc of loadApTable', async () => {
    const table = await loadApTable(['bssid,lon,lat,range\naa:bb:cc:dd:ee:ff,116.39', '75,39.9087,40\n']);
    expect(table.size).toBe(1);
    expect(table.lookup('aa:bb:cc:dd:ee:ff')?.lng).toBe(116.3975);
  });

  it('rejects ABORTED when the signal fires between chunks, and INVALID_INPUT for another source', async () => {
    const ctrl = new AbortController();
    async function* gen() {
      yield CSV.slice(0, 50);
      ctrl.abort(new Error('user left'));
      yield CSV.slice(50);
    }
    const e = await rejected(loadCellTable(gen(), { signal: ctrl.signal }));
    expect(e.code).toBe('ABORTED');
    expect((await rejected(loadCellTable(42 as unknown as string))).code).toBe('INVALID_INPUT');
  });
});
