import { isBeatplanError, type BeatplanIssue } from '@beatplan/core';
import { TspError } from '@beatplan/tsp';
import { CliFailure } from './cli-io.js';

/** Which file an issue belongs to (by its path); the default is the command's main file. */
export type IssueFile = (issue: BeatplanIssue) => string;

/**
 * Turns a library error (BeatplanError or TspError) into a CliFailure listing every issue on its own
 * line as `file: path: reason`, the file chosen by `fileOf`; anything else is rethrown.
 * @throws {CliFailure} always, for a library error (exit 1); the error itself otherwise.
 */
export function failWithIssues(e: unknown, fileOf: IssueFile | string, extra: readonly BeatplanIssue[] = []): never {
  if (isBeatplanError(e)) throw issuesFailure([...extra, ...e.issues], fileOf, e.omittedIssues);
  if (e instanceof TspError) throw issuesFailure([...extra, ...e.issues], fileOf);
  throw e;
}

/** A CliFailure (exit 1) listing `issues`, one a line, and counting the omitted ones. */
export function issuesFailure(issues: readonly BeatplanIssue[], fileOf: IssueFile | string, omitted = 0): CliFailure {
  const file = typeof fileOf === 'string' ? () => fileOf : fileOf;
  const problems = issues.map((issue) => ({ file: file(issue), issue }));
  const count = issues.length + omitted;
  return new CliFailure(
    (t) => t.t('invalidInput', { count, listed: issues.length, omitted: omitted > 0 }),
    1,
    problems,
  );
}
