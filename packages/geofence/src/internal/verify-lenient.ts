import { issueReason, tryParse, VisitSchema, type BeatplanIssue, type Visit } from '@beatplan/core';
import type * as z from 'zod';
import type { PlannedDay } from '../planned-day.js';
import type { LenientVerificationResult, RejectedRecord } from '../verification-result.js';
import type { VerifyPolicyInput } from '../verify-policy.js';
import { VerifyRetailerSchema, type VerifyRetailer } from '../verify-retailer.js';
import { assessBatch } from './assess-batch.js';
import { resolvePlans } from './check-references.js';
import { fastSchema } from './fast-schema.js';
import { IssueCollector } from './issue-collector.js';
import { parsePlanned, parsePolicy, visitIssues } from './parse-inputs.js';
import { buildRetailerIndex } from './retailer-index.js';

/** The record `value` parsed by `schema` (checked with `fast` first, see `fastSchema`), or its issues. */
function parseRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: (string | number)[],
  fast: S,
): { ok: true; data: z.output<S> } | { ok: false; issues: BeatplanIssue[] } {
  const quick = fast.safeParse(value);
  if (quick.success) return { ok: true, data: quick.data as z.output<S> };
  const r = tryParse(schema, value, path);
  return r.ok ? { ok: true, data: r.data } : { ok: false, issues: [...r.error.issues] };
}

/** The id of a record as sent, when it has a string one. */
const idOf = (value: unknown): string | null => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
};

/**
 * `verifyDay` with `{ lenient: true }`: every retailer and visit that is wrong on its own (schema,
 * duplicate id, a visit whose retailer is unknown or was rejected) is listed in `rejected` with its
 * issues, and every other visit is judged. The policy and the plans are not records: a problem with
 * them still throws, as in strict mode.
 */
export function verifyDayLenient(
  retailers: unknown,
  visits: unknown,
  policy: VerifyPolicyInput,
  planned: unknown,
): LenientVerificationResult {
  const fatal = new IssueCollector();
  if (!Array.isArray(retailers))
    fatal.add([
      { path: ['retailers'], value: retailers, ...issueReason('geofence.must_be_array', { what: 'retailers' }) },
    ]);
  if (!Array.isArray(visits))
    fatal.add([{ path: ['visits'], value: visits, ...issueReason('geofence.must_be_array', { what: 'visits' }) }]);
  const parsedPolicy = parsePolicy(policy, ['policy'], fatal);
  const plans = parsePlanned(planned, ['planned'], fatal);
  fatal.throwIfAny();
  const rejected: RejectedRecord[] = [];
  const good: VerifyRetailer[] = [];
  const rejectedRetailerIds = new Set<string>();
  const retailerSeen = new Map<string, number>();
  const fastRetailer = fastSchema(VerifyRetailerSchema, (retailers as unknown[]).length);
  (retailers as unknown[]).forEach((value, i) => {
    const r = parseRecord(VerifyRetailerSchema, value, ['retailers', i], fastRetailer);
    const id = idOf(value);
    const first = id === null ? undefined : retailerSeen.get(id);
    if (r.ok && first === undefined) {
      good.push(r.data);
      retailerSeen.set(r.data.id, i);
      return;
    }
    const issues = r.ok
      ? [
          {
            path: ['retailers', i, 'id'],
            value: id,
            ...issueReason('geofence.duplicate_retailer_at', { at: `retailers[${first}]` }),
          },
        ]
      : r.issues;
    if (id !== null && first === undefined) rejectedRetailerIds.add(id);
    rejected.push({ path: ['retailers', i], id, issues });
  });
  const index = buildRetailerIndex(good, fatal.checked(parsedPolicy));
  const planIssues = new IssueCollector();
  const resolved = resolvePlans(index.byId, plans.items as PlannedDay[], planIssues);
  planIssues.throwIfAny();

  const judged: Visit[] = [];
  const fences: number[] = [];
  const visitSeen = new Map<string, number>();
  const fastVisit = fastSchema(VisitSchema, (visits as unknown[]).length);
  (visits as unknown[]).forEach((value, i) => {
    const v = parseRecord(VisitSchema, value, ['visits', i], fastVisit);
    const id = idOf(value);
    let issues: BeatplanIssue[] = v.ok ? [] : visitIssues(v.issues, value);
    if (v.ok) {
      const first = visitSeen.get(v.data.id);
      const fence = index.byId.get(v.data.retailerId);
      if (first !== undefined)
        issues = [
          {
            path: ['visits', i, 'id'],
            value: id,
            ...issueReason('geofence.duplicate_visit_at', { at: `visits[${first}]` }),
          },
        ];
      else if (fence === undefined)
        issues = [
          {
            path: ['visits', i, 'retailerId'],
            value: v.data.retailerId,
            ...issueReason(
              rejectedRetailerIds.has(v.data.retailerId) ? 'geofence.retailer_rejected' : 'geofence.no_retailer',
            ),
          },
        ];
      else {
        visitSeen.set(v.data.id, i);
        judged.push(v.data);
        fences.push(fence);
        return;
      }
    }
    rejected.push({ path: ['visits', i], id, issues });
  });
  const result = assessBatch(index, judged, Int32Array.from(fences), resolved);
  return { ...result, rejected };
}
