import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gb18030 } from '../test/gb18030.js';
import { thrown } from '../test/helpers.js';
import { formatErrorMessage } from './format-issue.js';
import { importRetailersCsv } from './import-retailers-csv.js';
import { retailersToCsv } from './retailers-to-csv.js';
import { LOCALES } from './schemas/locale.js';
import { RetailerSchema } from './schemas/retailer.js';

// Issue 13 item 1: retailer records as a Chinese tobacco company keeps them.
const ZH_HEADER =
  '许可证号,客户名称,经度,纬度,坐标系,业态,类别,服务分钟,拜访频率,订货次数,订货量,档位,地址,电话,终端类型,片区';
const ZH_ROW =
  '330302100123,鹿城烟酒店,120.6994,27.9943,GCJ02,retail,B,15,weekly,12,3400,17,温州市鹿城区五马街12号,0577-88881234,便利店,五马';
const ZH_COLUMNS = {
  id: '许可证号',
  licenceNo: '许可证号_', // replaced below: the licence number is also the id in this file
  name: '客户名称',
  lng: '经度',
  lat: '纬度',
  crs: '坐标系',
  segment: '业态',
  class: '类别',
  serviceMinutes: '服务分钟',
  visitFrequency: '拜访频率',
  orderCount: '订货次数',
  orderVolume: '订货量',
  grade: '档位',
  address: '地址',
  phone: '电话',
  storeType: '终端类型',
};

const columns = { ...ZH_COLUMNS } as Record<string, string>;
delete columns.licenceNo;

describe('retailer records as companies keep them', () => {
  it('reads Chinese headers through a column mapping, with licence, grade, address, phone, store type and attributes', () => {
    const csv = `${ZH_HEADER}\n${ZH_ROW}\n`;
    const { retailers } = importRetailersCsv(csv, {
      columns,
      unknownColumnsAsAttributes: true,
      grades: { min: 1, max: 30 },
    });
    expect(retailers[0]).toMatchObject({
      id: '330302100123',
      name: '鹿城烟酒店',
      location: { lng: 120.6994, lat: 27.9943, crs: 'GCJ02' },
      grade: 17,
      address: '温州市鹿城区五马街12号',
      phone: '0577-88881234',
      storeType: '便利店',
      attributes: [{ key: '片区', value: '五马' }],
    });
  });

  it('a mapping naming a column the file lacks, two fields on one column, or an unknown field is an error', () => {
    const missing = thrown(() =>
      importRetailersCsv(`${ZH_HEADER}\n${ZH_ROW}\n`, { columns: { ...columns, licenceNo: '专卖证号' } }),
    );
    expect(missing.code).toBe('IMPORT_FAILED');
    expect(missing.issues).toContainEqual({
      path: ['columns', '专卖证号'],
      message: 'the column mapping names "专卖证号" for licence_no, which the header does not have',
      reason: { key: 'core.mapped_column_missing', header: '专卖证号', field: 'licence_no' },
    });
    expect(formatErrorMessage(missing, { locale: 'zh-CN' })).toContain(
      'columns.专卖证号：列映射为 licence_no 指定了 "专卖证号"，但表头中没有这一列',
    );
    const twice = thrown(() =>
      importRetailersCsv(`${ZH_HEADER}\n`, { columns: { ...columns, licenceNo: '许可证号' } }),
    );
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.issues[0]?.message).toBe('two fields on one column: "许可证号" is already mapped to id');
    const unknown = thrown(() => importRetailersCsv(`${ZH_HEADER}\n`, { columns: { licence: '许可证号' } }));
    expect(unknown.issues[0]?.path).toEqual(['options', 'columns', 'licence']);
  });

  it('a grade outside the declared scale, a bad phone and a repeated attribute key are errors naming row and column', () => {
    const header =
      'id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume,grade,phone,attr:渠道,attr:渠道';
    const e = thrown(() =>
      importRetailersCsv(`${header}\nR1,A,120.7,28,retail,A,10,weekly,1,1,31,call me,x,y\n`, {
        grades: { min: 1, max: 30 },
      }),
    );
    expect(e.issues).toMatchObject([{ path: ['columns', 'attr:渠道'], message: 'attribute key appears twice' }]);
    const e2 = thrown(() =>
      importRetailersCsv(`${header.replace(/,attr:渠道$/, '')}\nR1,A,120.7,28,retail,A,10,weekly,1,1,31,call me,x\n`, {
        grades: { min: 1, max: 30 },
      }),
    );
    expect(e2.issues).toMatchObject([
      { row: 1, path: ['grade'], message: 'grade must be within the declared scale [1, 30]', value: '31' },
      { row: 1, path: ['phone'], message: 'phone must be 3–32 digits, spaces or + - ( )', value: 'call me' },
    ]);
  });

  it('reads GB18030 bytes (what Excel on Chinese Windows saves) and UTF-8 with a BOM; invalid bytes name the line', () => {
    const csv = `${ZH_HEADER}\n${ZH_ROW}\n`;
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    const gb = gb18030(csv);
    const a = importRetailersCsv(utf8Bom, { columns, unknownColumnsAsAttributes: true }).retailers;
    const b = importRetailersCsv(gb, { columns, unknownColumnsAsAttributes: true }).retailers;
    expect(b).toEqual(a);
    expect(b[0]?.name).toBe('鹿城烟酒店');
    const broken = new Uint8Array([...new TextEncoder().encode(`${ZH_HEADER}\n`), 0xff, 0xfe, 0x0a]);
    const e = thrown(() => importRetailersCsv(broken, { columns, encoding: 'utf-8' }));
    expect(e.code).toBe('IMPORT_FAILED');
    expect(e.message).toMatch(/^line 2 is not valid UTF-8/);
    expect(thrown(() => importRetailersCsv(gb, { encoding: 'latin1' as never })).code).toBe('INVALID_INPUT');
  });

  it('property: export (with BOM, headers in either language) and import give back the same retailers, company fields included', () => {
    const retailer = fc.record({
      id: fc.stringMatching(/^R[0-9]{1,6}$/),
      licenceNo: fc.option(fc.stringMatching(/^[0-9]{12}$/), { nil: undefined }),
      grade: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      phone: fc.option(fc.constantFrom('+86 577 8888 1234', '0577-88881234', '13800138000'), { nil: undefined }),
      attributes: fc.option(
        fc.uniqueArray(
          fc.record({
            key: fc.constantFrom('片区', 'channel', '=cmd'),
            value: fc.string({ minLength: 1, maxLength: 8 }),
          }),
          {
            selector: (a) => a.key,
            minLength: 1, // an empty list reads back as no attributes
            maxLength: 3,
          },
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(retailer, { selector: (r) => r.id, minLength: 1, maxLength: 5 }),
        fc.constantFrom(...LOCALES),
        (rows, locale) => {
          const rs = rows.map((r) =>
            RetailerSchema.parse({
              ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
              ...(r.attributes
                ? { attributes: r.attributes.map((a) => ({ ...a, value: a.value.trim() || 'x' })) }
                : {}),
              name: `店 ${r.id}`,
              location: { lng: 120.7, lat: 28 },
              segment: 'retail',
              class: 'B',
              serviceMinutes: 10,
              visitFrequency: 'weekly',
              orderCount: 1,
              orderVolume: 2,
            }),
          );
          const csv = retailersToCsv(rs, { bom: true, locale });
          expect(csv.charCodeAt(0)).toBe(0xfeff);
          expect(csv.slice(1).startsWith(locale === 'en' ? 'id,name,lng,' : '编号,名称,经度,纬度,坐标系,')).toBe(true);
          // attributes come back in column order (first appearance over all retailers): compare as sets
          const byKey = (xs: typeof rs) =>
            xs.map((r) =>
              r.attributes ? { ...r, attributes: [...r.attributes].sort((a, b) => a.key.localeCompare(b.key)) } : r,
            );
          expect(byKey(importRetailersCsv(new TextEncoder().encode(csv)).retailers)).toEqual(byKey(rs));
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });
});

describe('company fields in GeoJSON', () => {
  it('round-trip through retailersToGeoJson and importRetailersGeoJson', async () => {
    const { importRetailersGeoJson, retailersToGeoJson } = await import('@beatplan/core');
    const r = RetailerSchema.parse({
      id: 'R1',
      name: '鹿城烟酒店',
      location: { lng: 120.7, lat: 28, crs: 'GCJ02' },
      segment: 'retail',
      class: 'B',
      serviceMinutes: 15,
      visitFrequency: 'weekly',
      orderCount: 12,
      orderVolume: 3400,
      licenceNo: '330302100123',
      grade: 17,
      storeType: '便利店',
      attributes: [{ key: '片区', value: '五马' }],
    });
    expect(importRetailersGeoJson(retailersToGeoJson([r])).retailers).toEqual([r]);
  });
});
