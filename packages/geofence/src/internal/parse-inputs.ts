import { issueReason, tryParse, VisitSchema, type BeatplanIssue, type Visit } from '@beatplan/core';
import type * as z from 'zod';
import { PlannedDaySchema, type PlannedDay } from '../planned-day.js';
import { VerifyPolicySchema, type VerifyPolicy } from '../verify-policy.js';
import { VerifyRetailerSchema, type VerifyRetailer } from '../verify-retailer.js';
import { fastSchema } from './fast-schema.js';
import type { IssueCollector } from './issue-collector.js';

type Path = (string | number)[];

/**
 * Parses one value; on failure records the issues and returns undefined. The plain `safeParse` runs
 * first (about a third faster than core's `tryParse`, which asks zod to report inputs), with `fast`
 * (the same schema compiled, see `fastSchema`) when given; only a failing value is parsed again by
 * `tryParse` for its issues (paths, values, beatplan wording).
 */
export function parseOne<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: Path,
  issues: IssueCollector,
  index?: number,
  fast: S = schema,
): z.output<S> | undefined {
  const quick = fast.safeParse(value);
  if (quick.success) return quick.data as z.output<S>;
  const result = tryParse(schema, value, index === undefined ? path : [...path, index]);
  if (result.ok) return result.data;
  issues.add(result.error.issues);
  return undefined;
}

/**
 * The issues of a visit that did not parse, with a missing start fix named plainly: a visit with no
 * fix at all, or only an end fix, cannot be judged (one with only a start fix can: `incomplete`).
 */
export function visitIssues(issues: readonly BeatplanIssue[], value: unknown): BeatplanIssue[] {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const visit = typeof id === 'string' ? JSON.stringify(id) : '';
  return issues.map((issue) =>
    issue.path[issue.path.length - 1] === 'start' && issue.message === 'is required'
      ? {
          ...issue,
          ...issueReason('geofence.start_fix_needed', { visit }),
        }
      : issue,
  );
}

/** One visit (see `parseOne`, also for `fast`), a missing start fix named by `visitIssues`. */
export function parseVisit(
  value: unknown,
  path: Path,
  issues: IssueCollector,
  index?: number,
  fast: typeof VisitSchema = VisitSchema,
): Visit | undefined {
  const quick = fast.safeParse(value);
  if (quick.success) return quick.data;
  const result = tryParse(VisitSchema, value, index === undefined ? path : [...path, index]);
  if (result.ok) return result.data;
  issues.add(visitIssues(result.error.issues, value));
  return undefined;
}

/**
 * A parsed list: `items[i]` is element i, or undefined where it failed (its issues are recorded);
 * `ok` when the value was an array and every element parsed.
 */
export interface ParsedList<T> {
  items: (T | undefined)[];
  ok: boolean;
}

/** Parses a list element by element, so that every bad element is reported. */
function parseList<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: Path,
  what: string,
  issues: IssueCollector,
): ParsedList<z.output<S>> {
  if (!Array.isArray(value)) {
    issues.add([
      value === undefined
        ? { path, ...issueReason('geofence.are_required', { what }) }
        : { path, value, ...issueReason('geofence.must_be_array', { what }) },
    ]);
    return { items: [], ok: false };
  }
  const items: (z.output<S> | undefined)[] = new Array(value.length);
  const fast = fastSchema(schema, value.length);
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    items[i] = parseOne(schema, value[i], path, issues, i, fast); // the path of element i is built only if it fails
    if (items[i] === undefined) ok = false;
  }
  return { items, ok };
}

/** The items of a list that parsed completely (call only when `ok`). */
export function allItems<T>(list: ParsedList<T>): T[] {
  return list.items as T[];
}

/** The policy (absent = all defaults). */
export function parsePolicy(value: unknown, path: Path, issues: IssueCollector): VerifyPolicy | undefined {
  return parseOne(VerifyPolicySchema, value ?? {}, path, issues);
}

/** The retailers, each checked, and their ids unique. */
export function parseRetailers(value: unknown, path: Path, issues: IssueCollector): ParsedList<VerifyRetailer> {
  const retailers = parseList(VerifyRetailerSchema, value, path, 'retailers', issues);
  if (Array.isArray(value)) {
    const first = new Map<unknown, number>();
    value.forEach((r: unknown, i) => {
      const id = typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const j = first.get(id);
      if (j === undefined) first.set(id, i);
      else {
        issues.add([
          {
            path: [...path, i, 'id'],
            value: id,
            ...issueReason('geofence.duplicate_retailer_at', { at: `${path.join('.')}[${j}]` }),
          },
        ]);
        retailers.ok = false;
      }
    });
  }
  return retailers;
}

/**
 * The visits, each checked and handed to `each(i, visit)` as soon as it parsed, so that the caller
 * can copy it and let it go (ids and references are checked by the caller). Returns whether the
 * value was an array and every visit parsed.
 */
export function parseVisitsEach(
  value: unknown,
  path: Path,
  issues: IssueCollector,
  each: (i: number, visit: Visit) => void,
): boolean {
  if (!Array.isArray(value)) {
    issues.add([
      value === undefined
        ? { path, ...issueReason('geofence.are_required', { what: 'visits' }) }
        : { path, value, ...issueReason('geofence.must_be_array', { what: 'visits' }) },
    ]);
    return false;
  }
  const fast = fastSchema(VisitSchema, value.length);
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const visit = parseVisit(value[i], path, issues, i, fast);
    if (visit === undefined) ok = false;
    else each(i, visit);
  }
  return ok;
}

/** The planned days (absent = none); one plan per manager and date. */
export function parsePlanned(value: unknown, path: Path, issues: IssueCollector): ParsedList<PlannedDay> {
  if (value === undefined) return { items: [], ok: true };
  const planned = parseList(PlannedDaySchema, value, path, 'planned days', issues);
  const seen = new Map<string, number>();
  planned.items.forEach((p, i) => {
    if (!p) return;
    const key = `${p.managerId}\u0000${p.date}`;
    const j = seen.get(key);
    if (j === undefined) seen.set(key, i);
    else
      issues.add([
        {
          path: [...path, i],
          ...issueReason('geofence.second_plan', {
            manager: JSON.stringify(p.managerId),
            date: p.date,
            at: `${path.join('.')}[${j}]`,
          }),
        },
      ]);
  });
  return planned;
}
