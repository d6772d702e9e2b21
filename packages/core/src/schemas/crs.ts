import * as z from 'zod';

/** The coordinate reference systems beatplan knows, in the spelling used in data. */
export const CRS_VALUES = ['WGS84', 'GCJ02', 'BD09'] as const;

/**
 * Labels read as WGS84: `CGCS2000`, China's geodetic datum (国家2000坐标系), which agrees with WGS84
 * within centimetres — far below any positioning accuracy beatplan deals with.
 */
export const WGS84_ALIASES = ['CGCS2000'] as const;

/**
 * A coordinate reference system: `WGS84` (GNSS, GeoJSON, OpenStreetMap), `GCJ02` (the obfuscated
 * system of Chinese web maps: AMap/Gaode, Tencent, Google China) or `BD09` (Baidu Maps). `CGCS2000`
 * is accepted on input and read as `WGS84` (see {@link WGS84_ALIASES}).
 *
 * @example
 * CrsSchema.parse('GCJ02'); // 'GCJ02'
 * CrsSchema.parse('CGCS2000'); // 'WGS84'
 */
export const CrsSchema = z.codec(
  z.enum([...CRS_VALUES, ...WGS84_ALIASES], { error: 'crs must be one of "WGS84", "GCJ02", "BD09"' }),
  z.enum(CRS_VALUES),
  {
    // a codec, not a transform: see TimestampSchema (zod's hot paths stay monomorphic)
    decode: (v) => (v === 'CGCS2000' ? 'WGS84' : v),
    encode: (v) => v,
  },
);

/** A coordinate reference system, see {@link CrsSchema}. */
export type Crs = z.output<typeof CrsSchema>;
