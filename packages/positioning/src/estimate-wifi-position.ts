import { BeatplanError, issueReason, parseOrThrow, type PositionFix } from '@beatplan/core';
import { ApTableImpl, type ApTable } from './internal/ap-table.js';
import { readEstimateOptions, type EstimateOptions } from './internal/estimate-options.js';
import { locateEmitters } from './internal/locate-emitters.js';
import { weightedEstimate } from './internal/weighted-estimate.js';
import { POSITIONING_CONFIDENCE } from './positioning-confidence.js';
import { WifiScanSchema, type WifiScanInput } from './schemas/wifi-observation.js';

/** Defaults of {@link estimateWifiPosition}: accuracy floor 30 m, minimum AP range 30 m, range × 1.5 below 3 samples. */
export const WIFI_ESTIMATE_DEFAULTS = Object.freeze({
  floorM: 30,
  minRangeM: 30,
  lowSampleCount: 3,
  lowSampleFactor: 1.5,
});

/** An access point of the scan that was found in the table, and what it contributed. */
export interface UsedAccessPoint {
  /** Index in `scan.accessPoints`. */
  index: number;
  /** Canonical BSSID. */
  bssid: string;
  /** AP position (table crs), degrees. */
  lng: number;
  lat: number;
  /** Effective range used in the accuracy formula, metres. */
  rangeM: number;
  /** Share of the total weight, 0..1. */
  weight: number;
  /** Distance from the estimate, metres. */
  distanceM: number;
}

/** Result of {@link estimateWifiPosition}. */
export interface WifiPositionEstimate {
  /** The estimate as a fix: `source: 'wifi'`, `accuracyConfidence: 0.95`, `at` of the scan, `crs` of the table. */
  fix: PositionFix;
  /** The known access points, in scan order. */
  used: UsedAccessPoint[];
  /** The access points not in the table, in scan order (canonical BSSIDs). */
  unknown: { index: number; bssid: string }[];
  /** Weighted RMS distance of the used APs from the estimate, metres. */
  spreadM: number;
}

/**
 * Estimates where the phone was from the WiFi access points it observed, against an AP table — the
 * same method as `estimateCellPosition`: RSSI-weighted centroid (wᵢ = 10^((rssiᵢ − rssi_max)/10); a
 * missing RSSI weighs as the weakest reported one; none reported → equal weights) and the 95 % radius
 *
 *     rᵢ = max(rangeᵢ, minRangeM) · (lowSampleFactor if 1 ≤ samplesᵢ < lowSampleCount else 1)
 *     accuracyM = max(floorM, Σ wᵢ (dᵢ + rᵢ) / Σ wᵢ)
 *
 * An AP that moved (a phone hotspot, a relocated router) pulls the centroid and, through dᵢ, inflates
 * the radius: the estimate becomes coarse rather than confidently wrong.
 *
 * @param table - a table from `createApTableLoader`, `parseApTable` or `loadApTable`.
 * @param scan - `{ at, accessPoints: [{ bssid, rssiDbm? }] }`, see `WifiScanSchema`; BSSIDs in any spelling.
 * @param options - `floorM` (default 30 m), `minRangeM` (30 m), `lowSampleCount` (3), `lowSampleFactor` (1.5).
 * @returns the estimate with the used and unknown access points.
 * @throws {BeatplanError} `INVALID_INPUT` for a bad scan (e.g. a malformed BSSID), options or table;
 *   `NO_POSITION` when no observed AP is in the table (`issues` name each: `path ['accessPoints', i]`, value the BSSID).
 * @example
 * const table = parseApTable('bssid,lon,lat,range\naa:bb:cc:dd:ee:01,116.4000,39.9,40\naa:bb:cc:dd:ee:02,116.4002,39.9,40\n');
 * const { fix } = estimateWifiPosition(table, {
 *   at: 1740963600000,
 *   accessPoints: [{ bssid: 'AA-BB-CC-DD-EE-01', rssiDbm: -50 }, { bssid: 'aabbccddee02', rssiDbm: -50 }],
 * });
 * fix.lng; // ≈ 116.4001 (equal signals: the midpoint)
 */
export function estimateWifiPosition(
  table: ApTable,
  scan: WifiScanInput,
  options: EstimateOptions = {},
): WifiPositionEstimate {
  if (!(table instanceof ApTableImpl)) {
    throw new BeatplanError('INVALID_INPUT', [{ path: ['table'], ...issueReason('positioning.ap_table') }]);
  }
  const settings = readEstimateOptions(options, WIFI_ESTIMATE_DEFAULTS);
  const { at, accessPoints } = parseOrThrow(WifiScanSchema, scan, ['scan']);
  const s = table.store;
  const located = locateEmitters(
    accessPoints,
    s,
    (ap) => table.findRow(ap.bssid),
    (ap) => ap.rssiDbm,
    {
      field: 'accessPoints',
      unknown: 'access point is not in the AP table',
      none: 'no access point was observed',
      idOf: (ap) => ap.bssid,
    },
  );
  const unknown = located.unknown.map(({ index, o }) => ({ index, bssid: o.bssid }));
  const e = weightedEstimate(located.found, settings);
  return {
    fix: {
      lng: e.lng,
      lat: e.lat,
      crs: table.crs,
      accuracyM: e.accuracyM,
      accuracyConfidence: POSITIONING_CONFIDENCE,
      source: 'wifi',
      at,
    },
    used: e.used.map(({ emitter: f, weight, rangeM, distanceM }) => ({
      index: f.index,
      bssid: f.o.bssid,
      lng: f.lng,
      lat: f.lat,
      rangeM,
      weight,
      distanceM,
    })),
    unknown,
    spreadM: e.spreadM,
  };
}
