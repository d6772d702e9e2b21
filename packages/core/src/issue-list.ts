import { BeatplanError, type BeatplanErrorCode, type BeatplanIssue, MAX_ISSUES } from './beatplan-error.js';

/**
 * Collects the issues of a long input (a CSV of a million rows, a table load) up to a cap and only
 * counts the rest, so that a huge bad file cannot exhaust memory; then one {@link BeatplanError}
 * carries them all (`omittedIssues` = the ones counted but not kept). Used by the importers here and
 * by `@beatplan/positioning`'s table loaders.
 *
 * @throws never (the class); `throwIfAny` throws the collected {@link BeatplanError}.
 * @example
 * const list = new IssueList(2);
 * for (const row of [3, 7, 9]) list.add({ path: ['lat'], row, message: 'latitude must be within [-90, 90]', value: 91 });
 * list.total;                  // 3
 * list.toError().omittedIssues; // 1
 */
export class IssueList {
  readonly issues: BeatplanIssue[] = [];
  omitted = 0;

  /** @param max - issues kept at most (default and most: the one cap, {@link MAX_ISSUES} = 1000); the rest are counted in `omitted`. */
  constructor(max: number = MAX_ISSUES) {
    this.max = Math.min(max, MAX_ISSUES);
  }

  private readonly max: number;

  /** Keeps the issue, or counts it once the cap is reached. */
  add(issue: BeatplanIssue): void {
    if (this.issues.length < this.max) this.issues.push(issue);
    else this.omitted++;
  }

  /** Issues added so far, kept or not. */
  get total(): number {
    return this.issues.length + this.omitted;
  }

  /** One error carrying a copy of every kept issue (default code `IMPORT_FAILED`). */
  toError(code: BeatplanErrorCode = 'IMPORT_FAILED'): BeatplanError {
    return new BeatplanError(code, this.issues.slice(), { omittedIssues: this.omitted });
  }

  /** Throws {@link IssueList.toError} when any issue was added. */
  throwIfAny(code: BeatplanErrorCode = 'IMPORT_FAILED'): void {
    if (this.total > 0) throw this.toError(code);
  }
}
