import { IssueList, type BeatplanIssue } from '@beatplan/core';
import { failEvidence } from './evidence-bug.js';

/**
 * Gathers every problem of a call's input, so that ONE error lists them all (core's `IssueList`,
 * capped at core's `MAX_ISSUES`). Schema problems make the error `INVALID_INPUT`; when the only
 * problems are ids that refer to nothing it is `UNKNOWN_REFERENCE`.
 */
export class IssueCollector {
  private readonly list = new IssueList();
  private invalid = false;

  /** The issues kept so far. */
  get issues(): readonly BeatplanIssue[] {
    return this.list.issues;
  }

  /** Adds issues of one kind. */
  add(issues: readonly BeatplanIssue[], kind: 'invalid' | 'reference' = 'invalid'): void {
    if (kind === 'invalid' && issues.length > 0) this.invalid = true;
    for (const issue of issues) this.list.add(issue);
  }

  /** True when nothing was added. */
  get isEmpty(): boolean {
    return this.list.total === 0;
  }

  /** Throws the one error when anything was added. */
  throwIfAny(): void {
    this.list.throwIfAny(this.invalid ? 'INVALID_INPUT' : 'UNKNOWN_REFERENCE');
  }

  /**
   * Throws the one error when anything was added; else returns `value`, a parse's result: a parse
   * that gives nothing adds an issue, so `undefined` here is a bug in geofence (`INTERNAL`).
   */
  checked<T>(value: T | undefined): T {
    this.throwIfAny();
    return value === undefined ? failEvidence('parsed input', 0) : value;
  }
}
