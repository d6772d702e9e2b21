import { measureSpread } from '@beatplan/core';
import type { BalanceMetric, BalanceReport, ManagerReport } from '../report.js';
import type { Repartition } from '../report-input.js';
import { round1, round4 } from './round.js';

const round1OrNull = (v: number | undefined) => (v === undefined ? null : round1(v));

/** The balance metrics: label and unit for tables and charts. */
export const BALANCE_METRICS: readonly { metric: BalanceMetric; label: string; unit: string }[] = [
  { metric: 'retailers', label: 'Assigned retailers', unit: 'retailers' },
  { metric: 'assignedServiceMinutesPer4Weeks', label: 'Required service time per 4 weeks', unit: 'min' },
  { metric: 'plannedStops', label: 'Planned stops', unit: 'stops' },
  { metric: 'plannedWorkMinutes', label: 'Planned work (travel + service)', unit: 'min' },
  { metric: 'visits', label: 'Visits reported', unit: 'visits' },
  { metric: 'verifiedDwellMinutes', label: 'Verified time on site', unit: 'min' },
];

/** Spreads of the workload metrics across managers, and the before/after of a re-partition. */
export function computeBalance(
  managers: readonly ManagerReport[],
  repartition: Repartition | undefined,
): BalanceReport {
  const values = managers.map((m) => ({
    managerId: m.managerId,
    retailers: m.retailers,
    assignedServiceMinutesPer4Weeks: m.assignedServiceMinutesPer4Weeks,
    plannedStops: m.plannedStops,
    plannedWorkMinutes: m.plannedWorkMinutes,
    visits: m.visits,
    verifiedDwellMinutes: round1(m.verifiedDwellS / 60),
  }));
  const metrics = BALANCE_METRICS.map((d) => ({ ...d, spread: measureSpread(values.map((v) => v[d.metric])) }));
  const primary: BalanceMetric = managers.some((m) => m.plannedStops > 0)
    ? 'plannedWorkMinutes'
    : 'assignedServiceMinutesPer4Weeks';
  let rep: BalanceReport['repartition'] = null;
  if (repartition) {
    const before = measureSpread(repartition.before.map((f) => f.workloadMinutes));
    const after = measureSpread(repartition.after.map((f) => f.workloadMinutes));
    const b = new Map(repartition.before.map((f) => [f.managerId, f.workloadMinutes]));
    const a = new Map(repartition.after.map((f) => [f.managerId, f.workloadMinutes]));
    const ids = [...managers.map((m) => m.managerId)].filter((id) => b.has(id) || a.has(id));
    rep = {
      label: repartition.label ?? 'Re-partition',
      moved: repartition.moved ?? null,
      before,
      after,
      change: {
        cv: round4(after.cv - before.cv),
        maxToMinRatio:
          after.maxToMinRatio !== null && before.maxToMinRatio !== null
            ? round4(after.maxToMinRatio - before.maxToMinRatio)
            : null,
        max: round4(after.max - before.max),
        min: round4(after.min - before.min),
      },
      managers: ids.map((managerId) => ({
        managerId,
        before: round1OrNull(b.get(managerId)),
        after: round1OrNull(a.get(managerId)),
      })),
    };
  }
  return { metrics, primary, values, repartition: rep };
}
