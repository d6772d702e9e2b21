import { BeatplanError, checklistIssues, SEED_ITEMS, type SeedItemId } from '@beatplan/core';
import type { ReportInput } from '../report-input.js';

/**
 * Checks every inspection against the input's checklist (core's `checklistIssues`, paths
 * `inspections[i]…`) and returns the seed items the checklist leaves out, in `SEED_ITEMS` order.
 * @throws {BeatplanError} `INVALID_INPUT` listing every record that does not fit.
 */
export function checkChecklist(input: ReportInput): SeedItemId[] {
  const issues = input.inspections.flatMap((r, i) => checklistIssues(r, input.checklist, ['inspections', i]));
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  const asked = new Set(input.checklist.map((item) => item.id));
  return SEED_ITEMS.filter((s) => !asked.has(s.id)).map((s) => s.id);
}
