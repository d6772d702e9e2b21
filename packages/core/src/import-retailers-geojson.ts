import { BeatplanError } from './beatplan-error.js';
import { readCrs, readDefaultCrs, readMaxIssues } from './internal/import-options.js';
import { IssueList } from './issue-list.js';
import { isHoursError, parseOpeningHoursText } from './internal/opening-hours-text.js';
import { checkDuplicateId, validateRetailerRecord } from './internal/retailer-record.js';
import type { Crs } from './schemas/crs.js';
import type { Retailer } from './schemas/retailer.js';
import { issueReason, type ReasonedMessage } from './issue-reason.js';

/** Retailer fields read from a feature's `properties` (camelCase; the CSV snake_case names are aliases). */
const PROPERTIES = [
  'id',
  'name',
  'crs',
  'segment',
  'class',
  'serviceMinutes',
  'openingHours',
  'visitFrequency',
  'orderCount',
  'orderVolume',
  'managerId',
  'region',
  'geofence',
  'licenceNo',
  'address',
  'phone',
  'storeType',
  'grade',
  'attributes',
];
const ALIASES = new Map([
  ['service_minutes', 'serviceMinutes'],
  ['opening_hours', 'openingHours'],
  ['visit_frequency', 'visitFrequency'],
  ['order_count', 'orderCount'],
  ['order_volume', 'orderVolume'],
  ['manager_id', 'managerId'],
  ['licence_no', 'licenceNo'],
  ['store_type', 'storeType'],
]);

/** Options of {@link importRetailersGeoJson}. */
export interface ImportRetailersGeoJsonOptions {
  /** crs for features without a `crs` property. Default: none (= WGS84, as RFC 7946 says). */
  defaultCrs?: Crs;
  /** Ignore properties that are not retailer fields instead of failing. Default false. */
  ignoreUnknownProperties?: boolean;
  /** Keep at most this many issues; the rest are counted in `omittedIssues`. Default 1000. */
  maxIssues?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Imports retailers from a GeoJSON FeatureCollection of Point features (`[lng, lat]`). Each feature's
 * `properties` hold the other Retailer fields by their schema names (`serviceMinutes`, ...; the CSV
 * column names `service_minutes`, ... are accepted as aliases); `id` may also be the feature's `id`;
 * `crs` (property) gives the system of the point and of `geofence` (a Polygon geometry object);
 * `openingHours` may be an object or the compact text form. A point's third coordinate is ignored.
 *
 * All or nothing: any problem makes the whole import fail with ONE error. Rows are feature numbers,
 * 1-based (`features[0]` is row 1).
 *
 * @param featureCollection - a FeatureCollection object, or its JSON text.
 * @param options - see {@link ImportRetailersGeoJsonOptions}.
 * @returns `{ retailers }` in feature order.
 * @throws {BeatplanError} `IMPORT_FAILED`: `issues` lists every bad feature (`row`, path such as
 *   `['features', 4, 'properties', 'segment']`, value, reason), capped at `maxIssues`; duplicate ids are
 *   errors; JSON that does not parse or is not a FeatureCollection is one issue.
 * @example
 * const { retailers } = importRetailersGeoJson({ type: 'FeatureCollection', features: [{
 *   type: 'Feature', id: 'R1', geometry: { type: 'Point', coordinates: [116.41, 39.92] },
 *   properties: { name: 'Happy Mart', crs: 'GCJ02', segment: 'retail', class: 'B', serviceMinutes: 15,
 *     visitFrequency: 'weekly', orderCount: 12, orderVolume: 3400 },
 * }] });
 */
export function importRetailersGeoJson(
  featureCollection: unknown,
  options: ImportRetailersGeoJsonOptions = {},
): { retailers: Retailer[] } {
  const issues = new IssueList(readMaxIssues(options.maxIssues));
  const defaultCrs = readDefaultCrs(options.defaultCrs);
  let root = featureCollection;
  if (typeof root === 'string') {
    try {
      root = JSON.parse(root) as unknown;
    } catch (e) {
      throw new BeatplanError(
        'IMPORT_FAILED',
        [{ path: [], ...issueReason('core.json_invalid', { detail: (e as Error).message }) }],
        {
          cause: e,
        },
      );
    }
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new BeatplanError('IMPORT_FAILED', [{ path: [], value: root, ...issueReason('core.feature_collection') }]);
  }
  const retailers: Retailer[] = [];
  const seenIds = new Map<string, number>();
  root.features.forEach((feature: unknown, i: number) => {
    const row = i + 1;
    const at = ['features', i];
    if (!isObject(feature) || feature.type !== 'Feature') {
      issues.add({ row, path: at, value: feature, ...issueReason('core.feature') });
      return;
    }
    const reported = new Set<string>();
    const fail = (path: (string | number)[], reasoned: ReasonedMessage, value?: unknown): void => {
      reported.add([...at, ...path].join('.'));
      issues.add({ row, path: [...at, ...path], ...reasoned, ...(value !== undefined ? { value } : {}) });
    };
    const geometry = feature.geometry;
    const coords = isObject(geometry) ? geometry.coordinates : undefined;
    const location: Record<string, unknown> = {};
    if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(coords)) {
      fail(['geometry'], issueReason('core.import_point'), isObject(geometry) ? geometry.type : geometry);
    } else {
      location.lng = coords[0];
      location.lat = coords[1];
    }
    const props = feature.properties ?? {};
    if (!isObject(props)) fail(['properties'], issueReason('core.import_object'), props);
    const candidate: Record<string, unknown> = { location };
    const source: Record<string, string> = {}; // field → property name it came from
    for (const [name, value] of Object.entries(isObject(props) ? props : {})) {
      const field = ALIASES.get(name) ?? name;
      if (!PROPERTIES.includes(field)) {
        if (!options.ignoreUnknownProperties) fail(['properties', name], issueReason('core.import_unknown_property'));
        continue;
      }
      if (field in source)
        fail(['properties', name], issueReason('core.import_given_twice', { other: String(source[field]) }), value);
      else if (value !== null && value !== undefined && value !== '') {
        source[field] = name;
        candidate[field] = value;
      }
    }
    if (candidate.id === undefined && (typeof feature.id === 'string' || typeof feature.id === 'number')) {
      candidate.id = String(feature.id);
      source.id = '#id';
    }
    const crs = candidate.crs;
    delete candidate.crs;
    if (typeof crs === 'string' && readCrs(crs)) location.crs = readCrs(crs);
    else if (crs !== undefined) fail(['properties', source.crs ?? 'crs'], issueReason('core.import_crs'), crs);
    else if (defaultCrs) location.crs = defaultCrs;
    if (typeof candidate.openingHours === 'string') {
      const hours = parseOpeningHoursText(candidate.openingHours);
      if (isHoursError(hours))
        fail(['properties', source.openingHours ?? 'openingHours'], hours, candidate.openingHours);
      if (hours === undefined || isHoursError(hours)) delete candidate.openingHours;
      else candidate.openingHours = hours;
    }
    const duplicate =
      typeof candidate.id === 'string' &&
      checkDuplicateId(
        candidate.id,
        row,
        seenIds,
        issues,
        source.id === '#id' ? [...at, 'id'] : [...at, 'properties', source.id ?? 'id'],
      );
    const retailer = validateRetailerRecord(candidate, row, issues, reported, (path) => {
      const [head, sub, ...rest] = path;
      if (head === 'location') return { path: [...at, 'geometry', 'coordinates', sub === 'lat' ? 1 : 0] };
      if (head === 'id' && source.id === '#id') return { path: [...at, 'id'] };
      return {
        path: [...at, 'properties', source[String(head)] ?? String(head), ...(sub === undefined ? [] : [sub]), ...rest],
      };
    });
    if (retailer && !duplicate) retailers.push(retailer);
  });
  issues.throwIfAny();
  return { retailers };
}
