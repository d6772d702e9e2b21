import { type BeatplanIssue, issueReason } from '@beatplan/core';
import { verifyDay } from '@beatplan/geofence';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import { failWithIssues, issuesFailure } from '../report-issues.js';

export const VERIFY_USAGE =
  'beatplan verify <file.json> [--lenient]   (file: {"retailers": [...], "visits": [...], "policy"?: {...}, "planned"?: [...]})';

/** Exit code of `verify --lenient` when some records were rejected (the result is printed all the same). */
export const EXIT_RECORDS_REJECTED = 3;

/** The input file's fields; `name`, `note` and `description` may document it and are ignored. */
const KEYS = ['retailers', 'visits', 'policy', 'planned', 'name', 'note', 'description'];

/**
 * `beatplan verify`: verifies the visits of a JSON file
 * `{ "retailers": [...], "visits": [...], "policy"?: {...}, "planned"?: [...] }` with `verifyDay` of
 * `@beatplan/geofence` and prints `{"verdicts": [...], "summary": {...}}` as one JSON object. The
 * file may also carry `name`, `note` and `description` (ignored); any other field is an error.
 * Invalid input: every problem on its own stderr line, `<file>: <path>: <reason>`, then exit 1.
 * With `--lenient`, bad retailers and visits do not stop the run: the output is
 * `{"verdicts": [...], "summary": {...}, "rejected": [{ path, id, issues }]}` (verdicts for the visits
 * that could be judged), each rejected record's problems also go to stderr, and the exit code is 3
 * when any record was rejected (0 when none); a bad policy, plan or file is still exit 1.
 * @throws {CliFailure} on a usage error (exit 2), a missing or unreadable file, bad JSON or invalid input (exit 1),
 *   rejected records under `--lenient` (exit 3, after the output).
 */
export async function verifyCommand(args: string[], io: CommandIo): Promise<void> {
  const { file, values } = parseCommandArgs(args, { lenient: { type: 'boolean' } }, VERIFY_USAGE, 'input');
  const lenient = values.lenient === true;
  const json = await readJsonFile(file, io);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliFailure((t) => t.t('verifyShape', { file }));
  }
  const input = json as Record<string, unknown>;
  const issues: BeatplanIssue[] = Object.keys(input)
    .filter((key) => !KEYS.includes(key))
    .map((key) => ({ path: [key], ...issueReason('cli.verify_unknown_field') }));
  let result: ReturnType<typeof verifyDay>;
  try {
    const options = input.planned === undefined ? {} : { planned: input.planned as never };
    if (lenient && issues.length === 0) {
      const lenientResult = verifyDay(input.retailers as never, input.visits as never, input.policy as never, {
        ...options,
        lenient: true,
      });
      printJson(io, lenientResult);
      if (lenientResult.rejected.length === 0) return;
      const n = lenientResult.rejected.length;
      throw new CliFailure(
        (t) => t.t('rejected', { n }),
        EXIT_RECORDS_REJECTED,
        lenientResult.rejected.flatMap((record) => record.issues.map((issue) => ({ file, issue }))),
      );
    }
    result = verifyDay(input.retailers as never, input.visits as never, input.policy as never, options);
  } catch (e) {
    failWithIssues(e, file, issues);
  }
  if (issues.length) throw issuesFailure(issues, file);
  printJson(io, result);
}
