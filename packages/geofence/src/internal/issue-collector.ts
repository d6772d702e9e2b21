import { BeatplanError, type BeatplanIssue } from '@beatplan/core';

/** At most this many issues are kept in one error; `omittedIssues` counts the rest. */
export const MAX_ISSUES = 1000;

/**
 * Gathers every problem of a call's input, so that ONE error lists them all. Schema problems make
 * the error `INVALID_INPUT`; when the only problems are ids that refer to nothing it is
 * `UNKNOWN_REFERENCE`.
 */
export class IssueCollector {
  readonly issues: BeatplanIssue[] = [];
  private omitted = 0;
  private invalid = false;

  /** Adds issues of one kind. */
  add(issues: readonly BeatplanIssue[], kind: 'invalid' | 'reference' = 'invalid'): void {
    if (kind === 'invalid' && issues.length > 0) this.invalid = true;
    for (const issue of issues) {
      if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
      else this.omitted++;
    }
  }

  /** True when nothing was added. */
  get isEmpty(): boolean {
    return this.issues.length === 0;
  }

  /** Throws the one error when anything was added. */
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    throw new BeatplanError(this.invalid ? 'INVALID_INPUT' : 'UNKNOWN_REFERENCE', this.issues, { omittedIssues: this.omitted });
  }
}
