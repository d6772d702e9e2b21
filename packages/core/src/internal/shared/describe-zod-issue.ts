// One source, shared with @beatplan/tsp (copied into packages/tsp/src/generated/shared/ by `npm run build`).
import type * as z from 'zod';

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

function describeType(issue: z.core.$ZodIssueInvalidType, present: boolean): string {
  if (!present) return 'is required';
  const received = (issue as { received?: unknown }).received;
  if (issue.expected === 'number' && (received === 'NaN' || received === 'Infinity')) return 'must be a finite number';
  return `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
}

function describeSize(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, small: boolean): string {
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const n = Number(limit);
  const incl = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && n === 1) return 'must not be empty';
      return `must have ${small ? 'at least' : 'at most'} ${n} characters`;
    case 'array':
    case 'set':
      if (small && n === 1) return 'must not be empty';
      return `must have ${small ? 'at least' : 'at most'} ${n} items`;
    default:
      if (small) return `must be ${incl ? 'at least' : 'greater than'} ${String(limit)}`;
      return `must be ${incl ? 'at most' : 'less than'} ${String(limit)}`;
  }
}

/**
 * A beatplan-style message for a zod issue: the schema's own message when it set one, else a short
 * phrase made from the issue code (the value is appended by `formatIssue`, so it is not repeated).
 * `present` tells whether the field had a value at all (absent → `is required`).
 */
export function describeZodIssue(issue: z.core.$ZodIssue, present: boolean): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return describeType(issue, present);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return describeSize(issue, true);
    case 'too_big':
      return describeSize(issue, false);
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return issue.message;
  }
}
