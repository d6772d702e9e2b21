// One source, shared with @beatplan/tsp (copied into packages/tsp/src/generated/shared/ by `npm run build`).
import type * as z from 'zod';
import type { IssueReason, KeyedReason, SchemaReason } from './issue-format.js';

/** zod's default English messages begin like this; beatplan's own schema messages never do. */
const ZOD_DEFAULT = /^(Invalid |Too (small|big)|Unrecognized key|Expected )/;

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
  date: 'a date',
  bigint: 'a bigint',
  null: 'null',
};

/** The reason of a zod issue as data (key and parameters), whatever the message says. */
function reasonOf(issue: z.core.$ZodIssue, present: boolean): IssueReason | undefined {
  if (!present && issue.code !== 'custom') return { key: 'required' };
  switch (issue.code) {
    case 'custom':
      return keyedReasonOf(issue.params);
    case 'invalid_type': {
      const received = (issue as { received?: unknown }).received;
      if (issue.expected === 'number' && (received === 'NaN' || received === 'Infinity')) return { key: 'finite' };
      return { key: 'type', expected: issue.expected };
    }
    case 'invalid_value':
      return { key: 'one_of', values: issue.values.map((v) => JSON.stringify(v) ?? String(v)) };
    case 'too_small':
    case 'too_big':
      return sizeReason(issue);
    case 'invalid_format':
      return { key: 'format', format: issue.format };
    case 'not_multiple_of':
      return { key: 'multiple_of', divisor: limitOf(issue.divisor) };
    case 'invalid_union':
      return { key: 'no_match' };
    case 'invalid_key':
      return { key: 'invalid_key' };
    case 'invalid_element':
      return { key: 'invalid_element' };
    default:
      return undefined;
  }
}

/** The keyed reason a custom issue carries in its params (`customParams`), if any. */
function keyedReasonOf(params: unknown): KeyedReason | undefined {
  const reason = (params as { reason?: { key?: unknown } } | undefined)?.reason;
  return typeof reason?.key === 'string' && reason.key.includes('.') ? (reason as KeyedReason) : undefined;
}

function limitOf(limit: unknown): number | string {
  return typeof limit === 'number' ? limit : String(limit);
}

function sizeReason(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): SchemaReason {
  const small = issue.code === 'too_small';
  const limit = limitOf(small ? issue.minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const n = Number(limit);
  switch (issue.origin) {
    case 'string':
      if (small && n === 1) return { key: 'not_empty' };
      return small ? { key: 'min_length', minimum: n } : { key: 'max_length', maximum: n };
    case 'array':
    case 'set':
      if (small && n === 1) return { key: 'not_empty' };
      return small ? { key: 'min_items', minimum: n } : { key: 'max_items', maximum: n };
    default: {
      const inclusive = issue.inclusive !== false;
      return small ? { key: 'min', minimum: limit, inclusive } : { key: 'max', maximum: limit, inclusive };
    }
  }
}

/** beatplan's English phrase for a reason (the message when the schema set none of its own). */
export function describeReason(reason: SchemaReason): string {
  switch (reason.key) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${ARTICLE[reason.expected] ?? reason.expected}`;
    case 'finite':
      return 'must be a finite number';
    case 'one_of':
      return reason.values.length === 1 ? `must be ${reason.values[0]}` : `must be one of ${reason.values.join(', ')}`;
    case 'not_empty':
      return 'must not be empty';
    case 'min_length':
      return `must have at least ${reason.minimum} characters`;
    case 'max_length':
      return `must have at most ${reason.maximum} characters`;
    case 'min_items':
      return `must have at least ${reason.minimum} items`;
    case 'max_items':
      return `must have at most ${reason.maximum} items`;
    case 'min':
      return `must be ${reason.inclusive ? 'at least' : 'greater than'} ${reason.minimum}`;
    case 'max':
      return `must be ${reason.inclusive ? 'at most' : 'less than'} ${reason.maximum}`;
    case 'format':
      return `must be a valid ${reason.format}`;
    case 'multiple_of':
      return `must be a multiple of ${reason.divisor}`;
    case 'no_match':
      return 'does not match any allowed form';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'unknown_field':
      return 'unknown field';
  }
}

/**
 * A beatplan-style message for a zod issue and its reason as data: the message is the schema's own
 * when it set one, else a short phrase made from the issue code (the value is appended by
 * `formatIssue`, so it is not repeated); the reason is made from the issue code and its parameters
 * either way, except that a custom issue's reason is the keyed reason in its `params`
 * (see `customParams`), else absent. `present` tells whether the field had a value at all (absent →
 * `is required`).
 */
export function describeZodIssue(issue: z.core.$ZodIssue, present: boolean): { message: string; reason?: IssueReason } {
  const reason = reasonOf(issue, present);
  const message =
    ZOD_DEFAULT.test(issue.message) && reason && !reason.key.includes('.')
      ? describeReason(reason as SchemaReason)
      : issue.message;
  return reason ? { message, reason } : { message };
}
