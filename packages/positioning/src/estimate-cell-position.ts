import { BeatplanError, getKnown, issueReason, parseOrThrow, type PositionFix } from '@beatplan/core';
import { CellTableImpl, type CellTable } from './internal/cell-table.js';
import { readEstimateOptions, type EstimateOptions } from './internal/estimate-options.js';
import { locateEmitters } from './internal/locate-emitters.js';
import { weightedEstimate } from './internal/weighted-estimate.js';
import { POSITIONING_CONFIDENCE } from './positioning-confidence.js';
import {
  CellScanSchema,
  RADIO_VALUES,
  type CellObservation,
  type CellScanInput,
  type Radio,
} from './schemas/cell-observation.js';

/** Defaults of {@link estimateCellPosition}: accuracy floor 200 m, minimum tower range 200 m, range × 1.5 below 3 samples. */
export const CELL_ESTIMATE_DEFAULTS = Object.freeze({
  floorM: 200,
  minRangeM: 200,
  lowSampleCount: 3,
  lowSampleFactor: 1.5,
});

/** A cell of the scan that was found in the table, and what it contributed. */
export interface UsedCell {
  /** Index in `scan.cells`. */
  index: number;
  /** The table row's radio. */
  radio: Radio;
  /** `mcc-mnc-area-cellId`. */
  id: string;
  /** Tower position (table crs), degrees. */
  lng: number;
  lat: number;
  /** Effective range used in the accuracy formula, metres. */
  rangeM: number;
  /** Share of the total weight, 0..1 (all shares sum to 1). */
  weight: number;
  /** Distance from the estimate, metres. */
  distanceM: number;
}

/** Result of {@link estimateCellPosition}. */
export interface CellPositionEstimate {
  /** The estimate as a fix: `source: 'cell'`, `accuracyConfidence: 0.95`, `at` of the scan, `crs` of the table. */
  fix: PositionFix;
  /** The known cells, in scan order. */
  used: UsedCell[];
  /** The cells not in the table (reported, not silently dropped), in scan order. */
  unknown: { index: number; id: string; cell: CellObservation }[];
  /** Weighted RMS distance of the used towers from the estimate, metres. */
  spreadM: number;
}

const cellId = (c: { mcc: number; mnc: number; area: number; cellId: number }) =>
  `${c.mcc}-${c.mnc}-${c.area}-${c.cellId}`;

/**
 * Estimates where the phone was from the cells it observed, against a tower table.
 *
 * Position: the signal-weighted centroid of the known towers. Weight = relative linear power
 * wᵢ = 10^((dBmᵢ − dBm_max)/10) (10 dB stronger = 10× the weight); a cell without `signalDbm` gets the
 * weight of the weakest reported signal, and when no cell reports one all weights are equal. The mean
 * is taken in a local plane around the first known tower, so it works across the antimeridian.
 *
 * Accuracy, a 95 % radius (`accuracyConfidence: 0.95`), deliberately conservative:
 *
 *     rᵢ = max(rangeᵢ, minRangeM) · (lowSampleFactor if 1 ≤ samplesᵢ < lowSampleCount else 1)
 *     accuracyM = max(floorM, Σ wᵢ (dᵢ + rᵢ) / Σ wᵢ)      dᵢ = distance estimate → tower i
 *
 * The phone is within rᵢ of tower i, hence within dᵢ + rᵢ of the estimate, for every i; the weighted
 * mean of these bounds is never smaller than the tightest one, and it grows with both the towers'
 * ranges and their spread. One tower: its (effective) range.
 *
 * @param table - a table from `createCellTableLoader`, `parseCellTable` or `loadCellTable`.
 * @param scan - `{ at, cells: [{ radio?, mcc, mnc, lac|tac|area, cellId, signalDbm? }] }`, see `CellScanSchema`.
 * @param options - `floorM` (default 200 m), `minRangeM` (200 m), `lowSampleCount` (3), `lowSampleFactor` (1.5).
 * @returns the estimate with the used and unknown cells.
 * @throws {BeatplanError} `INVALID_INPUT` for a bad scan, options or table; `NO_POSITION` when no
 *   observed cell is in the table (`issues` name every unknown cell: `path ['cells', i]`, value `mcc-mnc-area-cellId`).
 * @example
 * const table = parseCellTable('LTE,460,0,4369,101,,116.40,39.90,500,20\nLTE,460,0,4369,102,,116.41,39.90,500,20\n');
 * const { fix, unknown } = estimateCellPosition(table, {
 *   at: '2025-03-03T09:00:00+08:00',
 *   cells: [{ mcc: 460, mnc: 0, tac: 4369, cellId: 101, signalDbm: -80 }, { mcc: 460, mnc: 0, tac: 4369, cellId: 102, signalDbm: -90 }, { mcc: 460, mnc: 0, tac: 4369, cellId: 999 }],
 * });
 * fix.lng;       // ≈ 116.4009 (10 dB stronger: 10× the weight)
 * unknown[0]?.id; // '460-0-4369-999'
 */
export function estimateCellPosition(
  table: CellTable,
  scan: CellScanInput,
  options: EstimateOptions = {},
): CellPositionEstimate {
  if (!(table instanceof CellTableImpl)) {
    throw new BeatplanError('INVALID_INPUT', [{ path: ['table'], ...issueReason('positioning.cell_table') }]);
  }
  const settings = readEstimateOptions(options, CELL_ESTIMATE_DEFAULTS);
  const { at, cells } = parseOrThrow(CellScanSchema, scan, ['scan']);
  const s = table.store;
  const located = locateEmitters(
    cells,
    s,
    (cell) => table.findRow(cell),
    (cell) => cell.signalDbm,
    {
      field: 'cells',
      unknown: 'cell is not in the tower table',
      none: 'no cell was observed',
      idOf: cellId,
    },
  );
  const unknown = located.unknown.map(({ index, o }) => ({ index, id: cellId(o), cell: o }));
  const e = weightedEstimate(located.found, settings);
  return {
    fix: {
      lng: e.lng,
      lat: e.lat,
      crs: table.crs,
      accuracyM: e.accuracyM,
      accuracyConfidence: POSITIONING_CONFIDENCE,
      source: 'cell',
      at,
    },
    used: e.used.map(({ emitter: f, weight, rangeM, distanceM }) => ({
      index: f.index,
      radio: getKnown(RADIO_VALUES, f.tag - 1, 'radio tag'),
      id: cellId(f.o),
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
