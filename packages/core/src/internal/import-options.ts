import { BeatplanError } from '../beatplan-error.js';
import { CRS_VALUES, type Crs } from '../schemas/crs.js';
import { MAX_ISSUES } from '../beatplan-error.js';

/** Reads a crs cell leniently: case-insensitive, `GCJ-02`, `BD-09`, `WGS-84`, `EPSG:4326`, `CGCS2000` (`EPSG:4490`, = WGS84) accepted. */
export function readCrs(text: string): Crs | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[-_\s]/g, '');
  if (t === 'EPSG:4326' || t === 'CGCS2000' || t === 'EPSG:4490') return 'WGS84';
  return (CRS_VALUES as readonly string[]).includes(t) ? (t as Crs) : undefined;
}

/** Validates the shared import options and returns the issue cap. */
export function readMaxIssues(value: unknown): number {
  if (value === undefined) return MAX_ISSUES;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'maxIssues'], message: 'maxIssues must be a whole number ≥ 1', value },
    ]);
  }
  return value;
}

/** Validates `options.defaultCrs`. */
export function readDefaultCrs(value: unknown): Crs | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (CRS_VALUES as readonly string[]).includes(value)) return value as Crs;
  throw new BeatplanError('UNSUPPORTED_CRS', [
    { path: ['options', 'defaultCrs'], message: 'crs must be one of "WGS84", "GCJ02", "BD09"', value },
  ]);
}
