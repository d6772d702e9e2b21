import { BeatplanError } from '@beatplan/core';
import type { PointStore } from './point-store.js';
import type { Emitter } from './weighted-estimate.js';

/** How an estimator names its observations in `NO_POSITION` issues. */
export interface ObservationNames<T> {
  /** The scan's field, e.g. `'cells'`. */
  field: string;
  /** Issue message for an unknown observation, e.g. `'cell is not in the tower table'`. */
  unknown: string;
  /** Issue message when the scan holds none, e.g. `'no cell was observed'`. */
  none: string;
  /** The observation's id shown as the value. */
  idOf: (o: T) => string;
}

/**
 * Looks every observation of a scan up in a table's point store: the emitters found (with their
 * observation index and table row, in scan order) and the observations the table does not know.
 * @throws {BeatplanError} `NO_POSITION` when none is known, naming every unknown observation (or saying none was observed).
 */
export function locateEmitters<T>(
  observations: readonly T[],
  store: PointStore,
  findRow: (o: T) => number,
  signalOf: (o: T) => number | undefined,
  names: ObservationNames<T>,
): { found: (Emitter & { index: number; row: number; o: T; tag: number })[]; unknown: { index: number; o: T }[] } {
  const found: (Emitter & { index: number; row: number; o: T; tag: number })[] = [];
  const unknown: { index: number; o: T }[] = [];
  observations.forEach((o, index) => {
    const row = findRow(o);
    if (row < 0) unknown.push({ index, o });
    else found.push({ index, row, o, ...store.pointAt(row), signalDbm: signalOf(o) });
  });
  if (found.length === 0) {
    throw new BeatplanError(
      'NO_POSITION',
      observations.length
        ? unknown.map((u) => ({ path: ['scan', names.field, u.index], message: names.unknown, value: names.idOf(u.o) }))
        : [{ path: ['scan', names.field], message: names.none }],
    );
  }
  return { found, unknown };
}
