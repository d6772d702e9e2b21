import type { BeatplanIssue } from '../beatplan-error.js';
import { fromZodError } from '../parse-or-throw.js';
import { RetailerSchema, type Retailer } from '../schemas/retailer.js';
import type { IssueList } from '../issue-list.js';
import { issueReason } from '../issue-reason.js';

/**
 * Validates one candidate retailer built from an imported row. Zod issues are re-addressed by
 * `locate` (zod path → import path and raw value) and added to `issues` with the row number; paths
 * already reported while converting the row (`reported`, joined with `.`) and paths below them are
 * not reported twice.
 */
export function validateRetailerRecord(
  candidate: Record<string, unknown>,
  row: number,
  issues: IssueList,
  reported: ReadonlySet<string>,
  locate: (zodPath: (string | number)[]) => { path: (string | number)[]; raw?: unknown },
): Retailer | undefined {
  const result = RetailerSchema.safeParse(candidate, { reportInput: true });
  if (result.success) return reported.size ? undefined : result.data;
  const seen = new Set<string>();
  for (const issue of fromZodError(result.error, [], candidate)) {
    const where = locate(issue.path);
    const key = where.path.join('.');
    if ([...reported].some((r) => key === r || key.startsWith(`${r}.`))) continue;
    // One message per field and reason is enough (e.g. a polygon with many bad positions).
    const dedupe = `${key}\u0000${issue.message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const out: BeatplanIssue = { row, path: where.path, message: issue.message };
    if ('raw' in where) out.value = where.raw;
    else if ('value' in issue) out.value = issue.value;
    issues.add(out);
  }
  return undefined;
}

/** Reports a duplicate id; returns true when `id` was already seen. */
export function checkDuplicateId(
  id: string,
  row: number,
  seen: Map<string, number>,
  issues: IssueList,
  path: (string | number)[],
): boolean {
  const first = seen.get(id);
  if (first !== undefined) {
    issues.add({ row, path, value: id, ...issueReason('core.duplicate_id', { row: first }) });
    return true;
  }
  seen.set(id, row);
  return false;
}
