import { BeatplanError, issueReason, type BeatplanIssue } from '@beatplan/core';
import type { ReportInput } from '../report-input.js';

/** Reports every repeated id at `[...at, i, field]` (no field: `[...at, i]`); returns the set of ids. */
function findDuplicates(
  issues: BeatplanIssue[],
  at: (string | number)[],
  ids: readonly string[],
  field: string | null = 'id',
): Set<string> {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const j = first.get(id);
    if (j !== undefined) {
      issues.push({
        path: field === null ? [...at, i] : [...at, i, field],
        value: id,
        ...issueReason('reports.duplicate', { field: field ?? 'id', first: j }),
      });
    } else first.set(id, i);
  });
  return new Set(ids);
}

/**
 * Checks ids: unique where they name a record, known where they refer to one. Throws ONE error listing
 * every problem: `INVALID_INPUT` when any id is duplicated, else `UNKNOWN_REFERENCE`.
 */
export function checkReferences(input: ReportInput): void {
  const dup: BeatplanIssue[] = [];
  const retailers = findDuplicates(
    dup,
    ['retailers'],
    input.retailers.map((r) => r.id),
  );
  const managers = findDuplicates(
    dup,
    ['managers'],
    input.managers.map((m) => m.id),
  );
  const visits = findDuplicates(
    dup,
    ['visits'],
    input.visits.map((v) => v.id),
  );
  const inspections = findDuplicates(
    dup,
    ['inspections'],
    input.inspections.map((r) => r.id),
  );
  findDuplicates(
    dup,
    ['territories'],
    input.territories.map((t) => t.id),
  );
  findDuplicates(
    dup,
    ['verdicts'],
    input.verdicts.map((v) => v.visitId),
    'visitId',
  );
  findDuplicates(
    dup,
    ['plans'],
    input.plans.map((p) => `${p.managerId} ${p.date}`),
    'date',
  );
  input.territories.forEach((t, i) => findDuplicates(dup, ['territories', i, 'retailerIds'], t.retailerIds, null));

  const ref: BeatplanIssue[] = [];
  const need = (set: Set<string>, what: string, path: (string | number)[], id: string | undefined) => {
    if (id !== undefined && !set.has(id))
      ref.push({ path, value: id, ...issueReason('reports.unknown_ref', { what }) });
  };
  input.retailers.forEach((r, i) => need(managers, 'manager', ['retailers', i, 'managerId'], r.managerId));
  input.plans.forEach((p, i) => {
    need(managers, 'manager', ['plans', i, 'managerId'], p.managerId);
    p.stops.forEach((s, j) => need(retailers, 'retailer', ['plans', i, 'stops', j, 'retailerId'], s.retailerId));
  });
  input.visits.forEach((v, i) => {
    need(managers, 'manager', ['visits', i, 'managerId'], v.managerId);
    need(retailers, 'retailer', ['visits', i, 'retailerId'], v.retailerId);
  });
  input.verdicts.forEach((v, i) => need(visits, 'visit', ['verdicts', i, 'visitId'], v.visitId));
  input.inspections.forEach((r, i) => need(retailers, 'retailer', ['inspections', i, 'retailerId'], r.retailerId));
  input.contradictions.forEach((c, i) => {
    need(retailers, 'retailer', ['contradictions', i, 'retailerId'], c.retailerId);
    need(managers, 'manager', ['contradictions', i, 'managerId'], c.managerId);
    need(inspections, 'inspection', ['contradictions', i, 'inspectionId'], c.inspectionId);
    need(visits, 'visit', ['contradictions', i, 'visitId'], c.visitId);
  });
  input.territories.forEach((t, i) => {
    need(managers, 'manager', ['territories', i, 'managerId'], t.managerId);
    t.retailerIds.forEach((id, j) => need(retailers, 'retailer', ['territories', i, 'retailerIds', j], id));
  });
  for (const side of ['before', 'after'] as const) {
    const figures = input.repartition?.[side] ?? [];
    findDuplicates(
      dup,
      ['repartition', side],
      figures.map((f) => f.managerId),
      'managerId',
    );
    figures.forEach((f, i) => need(managers, 'manager', ['repartition', side, i, 'managerId'], f.managerId));
  }
  if (dup.length) throw new BeatplanError('INVALID_INPUT', [...dup, ...ref]);
  if (ref.length) throw new BeatplanError('UNKNOWN_REFERENCE', ref);
}
