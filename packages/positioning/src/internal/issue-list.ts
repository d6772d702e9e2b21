import { BeatplanError, type BeatplanIssue } from '@beatplan/core';

/** Default cap on the row issues a table loader keeps (the rest are only counted). */
export const DEFAULT_MAX_ISSUES = 1000;

/** Collects issues up to a cap and counts the rest, so a huge bad file cannot exhaust memory. */
export class IssueList {
  readonly issues: BeatplanIssue[] = [];
  omitted = 0;

  constructor(private readonly max: number = DEFAULT_MAX_ISSUES) {}

  add(issue: BeatplanIssue): void {
    if (this.issues.length < this.max) this.issues.push(issue);
    else this.omitted++;
  }

  get total(): number {
    return this.issues.length + this.omitted;
  }

  /** One `IMPORT_FAILED` error carrying every kept issue. */
  toError(): BeatplanError {
    return new BeatplanError('IMPORT_FAILED', this.issues.slice(), { omittedIssues: this.omitted });
  }
}
