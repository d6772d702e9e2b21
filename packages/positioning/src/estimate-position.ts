import {
  BeatplanError,
  isBeatplanError,
  type BeatplanIssue,
  type PositionFix,
  type PositionFixInput,
  type TimestampInput,
  issueReason,
} from '@beatplan/core';
import { chooseEstimate, type ChooseEstimateOptions, type EstimateChoice } from './choose-estimate.js';
import { estimateCellPosition, type CellPositionEstimate } from './estimate-cell-position.js';
import { estimateWifiPosition, type WifiPositionEstimate } from './estimate-wifi-position.js';
import type { ApTable } from './internal/ap-table.js';
import type { CellTable } from './internal/cell-table.js';
import type { EstimateOptions } from './internal/estimate-options.js';
import { normalizeFix } from './normalize-fix.js';
import type { CellScanInput } from './schemas/cell-observation.js';
import type { WifiScanInput } from './schemas/wifi-observation.js';

/** Everything the phone reported for one button press. Each part is optional. */
export interface PositionObservations {
  /** Decision time (epoch ms or ISO 8601); default the latest candidate's `at`. */
  at?: TimestampInput;
  /** Ready fixes: GNSS, a provider's answer, a browser position, … */
  fixes?: PositionFixInput[];
  /** A cell scan, estimated against `tables.cells`. */
  cells?: CellScanInput;
  /** A WiFi scan, estimated against `tables.wifi`. */
  wifi?: WifiScanInput;
}

/** Result of {@link estimatePosition}. */
export interface PositionEstimate {
  /** The chosen fix (95 %), why, and the ranking; indices refer to `candidates`. */
  choice: EstimateChoice;
  /** Every candidate, normalised: the `fixes` in order, then the cell estimate, then the WiFi estimate. */
  candidates: PositionFix[];
  /** The cell estimate, when a scan was given and a cell was known. */
  cell?: CellPositionEstimate;
  /** The WiFi estimate, when a scan was given and an access point was known. */
  wifi?: WifiPositionEstimate;
  /** Why a scan gave no candidate (the `NO_POSITION` issues of its estimator). */
  notes: BeatplanIssue[];
}

/**
 * The positioning step of the *prove* flow: turns one button press's observations — ready fixes, a
 * cell scan, a WiFi scan — into candidates (`normalizeFix`, `estimateCellPosition`,
 * `estimateWifiPosition`) and picks one with `chooseEstimate`. A scan with no known cell/AP does not
 * fail the call; it is noted in `notes`.
 *
 * @param observations - see {@link PositionObservations}.
 * @param tables - `{ cells?: CellTable, wifi?: ApTable }`, needed for the scans given.
 * @param options - `chooseEstimate` options (its `at` is `observations.at`), plus `cellOptions` and `wifiOptions` for the estimators.
 * @returns the choice, the candidates, the scan estimates and notes.
 * @throws {BeatplanError} `INVALID_INPUT` for bad observations, or a scan without its table;
 *   `NO_POSITION` when there is no candidate at all (`issues`: the notes) or all are too old.
 * @example
 * const cells = parseCellTable('LTE,460,0,4369,101,,116.40,39.90,800,20\n');
 * const { choice } = estimatePosition(
 *   { fixes: [{ lng: 116.4001, lat: 39.9001, accuracyM: 8, source: 'gnss', at: 1740963600000 }],
 *     cells: { at: 1740963600000, cells: [{ mcc: 460, mnc: 0, tac: 4369, cellId: 101, signalDbm: -80 }] } },
 *   { cells },
 * );
 * choice.fix.source; // 'gnss'
 */
export function estimatePosition(
  observations: PositionObservations,
  tables: { cells?: CellTable; wifi?: ApTable } = {},
  options: Omit<ChooseEstimateOptions, 'at'> & { cellOptions?: EstimateOptions; wifiOptions?: EstimateOptions } = {},
): PositionEstimate {
  const { cellOptions, wifiOptions, ...chooseOptions } = options;
  const candidates = (observations.fixes ?? []).map((f, i) => normalizeFix(f, ['fixes', i]));
  const notes: BeatplanIssue[] = [];
  const result: Omit<PositionEstimate, 'choice'> = { candidates, notes };
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!isBeatplanError(e, 'NO_POSITION')) throw e;
      notes.push(...e.issues);
      return undefined;
    }
  };
  const { cells, wifi: aps } = observations;
  if (cells !== undefined) {
    const table = need(tables.cells, 'cells');
    const cell = attempt(() => estimateCellPosition(table, cells, cellOptions));
    if (cell) {
      result.cell = cell;
      candidates.push(cell.fix);
    }
  }
  if (aps !== undefined) {
    const table = need(tables.wifi, 'wifi');
    const wifi = attempt(() => estimateWifiPosition(table, aps, wifiOptions));
    if (wifi) {
      result.wifi = wifi;
      candidates.push(wifi.fix);
    }
  }
  if (candidates.length === 0) {
    throw new BeatplanError(
      'NO_POSITION',
      notes.length ? notes : [{ path: [], ...issueReason('positioning.no_input') }],
    );
  }
  const at = observations.at;
  return { choice: chooseEstimate(candidates, at === undefined ? chooseOptions : { ...chooseOptions, at }), ...result };
}

function need<T>(table: T | undefined, name: 'cells' | 'wifi'): T {
  if (table === undefined) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['tables', name],
        ...issueReason('positioning.table_required', { name }),
      },
    ]);
  }
  return table;
}
