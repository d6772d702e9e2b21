import * as z from 'zod';

/** The coordinate reference systems beatplan knows, in the spelling used in data. */
export const CRS_VALUES = ['WGS84', 'GCJ02', 'BD09'] as const;

/**
 * A coordinate reference system: `WGS84` (GNSS, GeoJSON, OpenStreetMap), `GCJ02` (the obfuscated
 * system of Chinese web maps: AMap/Gaode, Tencent, Google China) or `BD09` (Baidu Maps).
 *
 * @example
 * CrsSchema.parse('GCJ02'); // 'GCJ02'
 */
export const CrsSchema = z.enum(CRS_VALUES, { error: 'crs must be one of "WGS84", "GCJ02", "BD09"' });

/** A coordinate reference system, see {@link CrsSchema}. */
export type Crs = z.infer<typeof CrsSchema>;
