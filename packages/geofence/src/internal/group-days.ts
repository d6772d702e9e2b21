import { localDayNumberOf } from '@beatplan/core';
import type { BatchKeys } from './evidence.js';
import { failEvidence } from './evidence-bug.js';
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
  // The managers in name order, each with its index in managerIds.
  const byName = managerIds.map((id, k) => ({ id, k })).sort((a, b) => compareIds(a.id, b.id));
  const rank = new Int32Array(m);
  byName.forEach(({ k }, r) => (rank[k] = r));
  // first[r] = where manager rank r's visits begin in `order` (a counting sort): counts, then sums.
  const first = new Int32Array(m + 1);
  for (const k of manager) {
    const r = rank[k] ?? failEvidence('manager rank', k);
    first[r + 1] = (first[r + 1] ?? failEvidence('first', r + 1)) + 1;
  }
  for (let r = 0, sum = 0; r <= m; r++) first[r] = sum += first[r] ?? failEvidence('first', r);
  const next = first.slice(0, m);
  const order = scratchI32(manager.length); // the groups' members are views into it: valid for the batch only
  let i = 0;
  for (const k of manager) {
    const r = rank[k] ?? failEvidence('manager rank', k);
    const at = next[r] ?? failEvidence('next', r);
    order[at] = i++;
    next[r] = at + 1;
  }
  const startOf = (v: number) => fixAt[2 * v] ?? failEvidence('fixAt', 2 * v);
  // Returns -1, 0 or 1, never the time difference: a double returned to the sort builtin is boxed
  // (a heap allocation per comparison).
  const byStart = (a: number, b: number) => {
    const d = startOf(a) - startOf(b);
    return d < 0 ? -1 : d > 0 ? 1 : compareIds(ids[a] ?? failEvidence('ids', a), ids[b] ?? failEvidence('ids', b));
  };
  const groups: DayGroup[] = [];
  byName.forEach(({ id: managerId }, r) => {
    const from = first[r] ?? failEvidence('first', r);
    const to = first[r + 1] ?? failEvidence('first', r + 1);
    if (from === to) return;
    const visits = order.subarray(from, to);
    if (visits.length <= 32) sortShort(visits, byStart);
    else visits.sort(byStart);
    let cut = 0;
    let day = NaN;
    let k = 0;
    for (const v of visits) {
      const d = localDayNumberOf(startOf(v), utcOffsetMinutes);
      if (k > 0 && d !== day && !(Number.isNaN(d) && Number.isNaN(day))) {
        groups.push({ managerId, day, members: visits.subarray(cut, k) });
        cut = k;
      }
      day = d;
      k++;
    }
    groups.push({ managerId, day, members: visits.subarray(cut) });
  });
  return groups;
}

/**
 * Sorts a manager's day or two in place by insertion (the builtin sort copies into two work arrays);
 * `compare` returns -1, 0 or 1.
 */
function sortShort(a: Int32Array, compare: (x: number, y: number) => number): void {
  for (let k = 1; k < a.length; k++) {
    const v = a[k] ?? failEvidence('order', k);
    let j = k;
    while (j > 0) {
      const before = a[j - 1] ?? failEvidence('order', j - 1);
      if (!(compare(before, v) > 0)) break;
      a[j] = before;
      j--;
    }
    a[j] = v;
  }
}
