import { SEED_ITEMS, type SeedItemId } from '@beatplan/core';

/** The seed items an inspection's score averages (`inspectionScore`), in `SEED_ITEMS` order. */
export const SCORED_ITEMS: readonly SeedItemId[] = ['pricesTagged', 'policyMaterialDisplayed', 'satisfaction'];

/** The counts of inspections that did not ask each left-out seed item, as a report carries them. */
export type NotAsked = Partial<Record<SeedItemId, number>> | undefined;

/**
 * The seed items the checklist in force left out, read from a report's `notAsked` (present only when it
 * left one out; its keys are exactly those items), in `SEED_ITEMS` order; none under the default checklist.
 */
export function leftOutOf(notAsked: NotAsked): SeedItemId[] {
  if (notAsked === undefined) return [];
  return SEED_ITEMS.filter((s) => notAsked[s.id] !== undefined).map((s) => s.id);
}

/**
 * How many of a period's `inspections` asked what a KPI scores: for `inspection`, those that asked at
 * least one of {@link SCORED_ITEMS}; for `integrity`, those that asked `managerVisitConfirmed` (the KPIs'
 * denominators). A report's inspections are all made under its one checklist, so an item's `notAsked`
 * count is either 0 or all of them, and the inspections that asked no scored item are the fewest not
 * asking one of them. Null when `inspections` is unknown.
 */
export function inspectionsAsking(
  kpi: 'inspection' | 'integrity',
  inspections: number | null,
  notAsked: NotAsked,
): number | null {
  if (inspections === null) return null;
  const missing = (id: SeedItemId) => notAsked?.[id] ?? 0;
  const none = kpi === 'integrity' ? missing('managerVisitConfirmed') : Math.min(...SCORED_ITEMS.map(missing));
  return Math.max(0, inspections - none);
}
