import { localDayNumberOf } from '@beatplan/core';
import type { BatchKeys } from './evidence.js';
import { scratchI32 } from './scratch.js';

/** One manager's visits on one local date, in start-time order (ties by visit id). */
export interface DayGroup {
  readonly managerId: string;
  /** Local date as whole days since 1970-01-01. */
  readonly day: number;
  /** Visit indices (a view into the batch's scratch memory: valid while the batch runs). */
  readonly members: Int32Array;
}

/** Code-unit order of strings (locale-free, the same on every machine). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups visits by manager and local date of their start fix. The groups come sorted by manager id
 * then date, members by start time then visit id: the result does not depend on the input order.
 *
 * Linear apart from the sorts within a manager: visits are bucketed by manager (a counting sort over
 * the managers' ranks), each manager's visits sorted by start time, then cut where the date changes.
 */
export function groupDays(keys: BatchKeys, fixAt: Float64Array, utcOffsetMinutes: number): DayGroup[] {
  const { ids, manager, managerIds } = keys;
  const m = managerIds.length;
  const byName = Array.from({ length: m }, (_, k) => k).sort((a, b) => compareIds(managerIds[a]!, managerIds[b]!));
  const rank = new Int32Array(m);
  for (let r = 0; r < m; r++) rank[byName[r]!] = r;
  const first = new Int32Array(m + 1);
  for (let i = 0; i < manager.length; i++) first[rank[manager[i]!]! + 1]!++;
  for (let r = 0; r < m; r++) first[r + 1]! += first[r]!;
  const next = first.slice(0, m);
  const order = scratchI32(manager.length); // the groups' members are views into it: valid for the batch only
  for (let i = 0; i < manager.length; i++) order[next[rank[manager[i]!]!]!++] = i;
  // Returns -1, 0 or 1, never the time difference: a double returned to the sort builtin is boxed
  // (a heap allocation per comparison).
  const byStart = (a: number, b: number) => {
    const d = fixAt[2 * a]! - fixAt[2 * b]!;
    return d < 0 ? -1 : d > 0 ? 1 : compareIds(ids[a]!, ids[b]!);
  };
  const groups: DayGroup[] = [];
  for (let r = 0; r < m; r++) {
    const from = first[r]!;
    const to = first[r + 1]!;
    if (from === to) continue;
    const managerId = managerIds[byName[r]!]!;
    if (to - from <= 32) {
      // A manager's day or two: insertion sort in place (the builtin sort copies into two work arrays).
      for (let k = from + 1; k < to; k++) {
        const v = order[k]!;
        let j = k;
        while (j > from && byStart(order[j - 1]!, v) > 0) {
          order[j] = order[j - 1]!;
          j--;
        }
        order[j] = v;
      }
    } else order.subarray(from, to).sort(byStart);
    let cut = from;
    let day = localDayNumberOf(fixAt[2 * order[from]!]!, utcOffsetMinutes);
    for (let k = from + 1; k < to; k++) {
      const d = localDayNumberOf(fixAt[2 * order[k]!]!, utcOffsetMinutes);
      if (d !== day && !(Number.isNaN(d) && Number.isNaN(day))) {
        groups.push({ managerId, day, members: order.subarray(cut, k) });
        cut = k;
        day = d;
      }
    }
    groups.push({ managerId, day, members: order.subarray(cut, to) });
  }
  return groups;
}
