import { BeatplanError, type BeatplanErrorCode, type BeatplanIssue } from '../beatplan-error.js';

/** Default cap on the issues an import keeps (the rest are only counted). */
export const DEFAULT_MAX_ISSUES = 1000;

/** Collects issues up to a cap and counts the rest, so a huge bad file cannot exhaust memory. */
export class IssueCollector {
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

  /** Throws one BeatplanError with every collected issue, if there is any. */
  throwIfAny(code: BeatplanErrorCode = 'IMPORT_FAILED'): void {
    if (this.total === 0) return;
    throw new BeatplanError(code, this.issues, { omittedIssues: this.omitted });
  }
}
