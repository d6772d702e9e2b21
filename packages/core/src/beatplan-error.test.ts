import { describe, expect, it } from 'vitest';
import { BEATPLAN_ERROR_CODES, BeatplanError, isBeatplanError } from './beatplan-error.js';
import { formatIssue } from './format-issue.js';
import { IssueList } from './issue-list.js';

describe('formatIssue', () => {
  it('formats path, message and value as in the docs example', () => {
    expect(
      formatIssue({
        path: ['retailers', 12, 'location', 'lat'],
        message: 'latitude must be within [-90, 90]',
        value: 123.4,
      }),
    ).toBe('retailers[12].location.lat: latitude must be within [-90, 90], received 123.4');
  });
  it('prefixes the row of an import issue', () => {
    expect(formatIssue({ path: ['lat'], row: 3, message: 'latitude must be a number', value: 'abc' })).toBe(
      'row 3, lat: latitude must be a number, received "abc"',
    );
    expect(formatIssue({ path: [], row: 7, message: 'duplicate id' })).toBe('row 7: duplicate id');
  });
  it('omits "received" when the value is absent, and describes non-scalars briefly', () => {
    expect(formatIssue({ path: ['id'], message: 'is required' })).toBe('id: is required');
    expect(formatIssue({ path: ['x'], message: 'm', value: undefined })).toBe('x: m, received nothing');
    expect(formatIssue({ path: ['x'], message: 'm', value: [1, 2] })).toBe('x: m, received an array of 2');
    expect(formatIssue({ path: ['x'], message: 'm', value: { a: 1 } })).toBe('x: m, received an object');
    expect(formatIssue({ path: ['x'], message: 'm', value: 'y'.repeat(100) })).toMatch(/\.\.\."$/);
  });
});

describe('BeatplanError', () => {
  it('carries code, issues, first path and value, and cause', () => {
    const cause = new Error('low level');
    const e = new BeatplanError(
      'INVALID_INPUT',
      [
        { path: ['a', 0], message: 'bad', value: 1 },
        { path: ['b'], message: 'worse' },
      ],
      { cause },
    );
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('BeatplanError');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['a', 0]);
    expect(e.value).toBe(1);
    expect(e.cause).toBe(cause);
    expect(e.message).toBe('a[0]: bad, received 1; b: worse');
    expect(e.omittedIssues).toBe(0);
  });
  it('turns a plain message into one issue with an empty path', () => {
    const e = new BeatplanError('PROVIDER_TIMEOUT', 'no answer within 5000 ms');
    expect(e.issues).toEqual([{ path: [], message: 'no answer within 5000 ms' }]);
    expect(e.message).toBe('no answer within 5000 ms');
    expect('cause' in e).toBe(false);
  });
  it('shows five issues and counts the rest, including omitted ones', () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({ path: [i], message: 'bad' }));
    const e = new BeatplanError('IMPORT_FAILED', issues, { omittedIssues: 10 });
    expect(e.message.endsWith('(and 13 more)')).toBe(true);
    expect(e.issues).toHaveLength(8);
  });
  it('isBeatplanError checks name and code', () => {
    expect(isBeatplanError(new BeatplanError('INTERNAL', 'x'))).toBe(true);
    expect(isBeatplanError(new BeatplanError('INTERNAL', 'x'), 'ABORTED')).toBe(false);
    expect(isBeatplanError(new Error('x'))).toBe(false);
    expect(isBeatplanError('x')).toBe(false);
  });
  it('has a closed, duplicate-free code list', () => {
    expect(new Set(BEATPLAN_ERROR_CODES).size).toBe(BEATPLAN_ERROR_CODES.length);
    expect(BEATPLAN_ERROR_CODES).toContain('UNSUPPORTED_CRS');
  });
});

describe('IssueList', () => {
  it('keeps issues up to its cap, counts the rest, and carries them in one error (the JSDoc example)', () => {
    const list = new IssueList(2);
    for (const row of [3, 7, 9])
      list.add({ path: ['lat'], row, message: 'latitude must be within [-90, 90]', value: 91 });
    expect(list.total).toBe(3);
    const error = list.toError();
    expect([error.code, error.omittedIssues, error.issues.map((i) => i.row)]).toEqual(['IMPORT_FAILED', 1, [3, 7]]);
    expect(() => list.throwIfAny('INVALID_INPUT')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => new IssueList().throwIfAny()).not.toThrow();
  });
});
