import {
  BeatplanError,
  InspectionChecklistSchema,
  isBeatplanError,
  issueReason,
  parseOrThrow,
  type BeatplanIssue,
  type InspectionChecklist,
} from '@beatplan/core';
import { crossCheck, recordInspection, type RecordedInspection } from '@beatplan/inspection';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import {
  RETAILER_IMPORT_FLAGS,
  RETAILER_IMPORT_USAGE,
  readRetailersFile,
  retailerImportOptions,
} from '../read-retailers-file.js';
import { failWithIssues, issuesFailure } from '../report-issues.js';

/** The usage lines of `beatplan inspect record` and `beatplan inspect cross-check`. */
export const INSPECT_RECORDS_USAGE =
  `beatplan inspect record <records.json> --retailers <file> [--checklist <checklist.json>] ${RETAILER_IMPORT_USAGE}\n` +
  '  beatplan inspect cross-check <input.json> [--checklist <checklist.json>]';

/**
 * Reads a checklist file (a JSON array of items, or `{ checklist: [...] }`) and validates it; a problem
 * fails the command naming the file.
 */
export async function readChecklistFile(file: string, io: CommandIo): Promise<InspectionChecklist> {
  const json = (await readJsonFile(file, io)) as { checklist?: unknown } | unknown[] | null;
  const list = Array.isArray(json) ? json : json?.checklist;
  try {
    return parseOrThrow(InspectionChecklistSchema, list, ['checklist']);
  } catch (e) {
    failWithIssues(e, file);
  }
}

/** A JSON file's list: the file itself when it is an array, else its `key` field. */
export async function readJsonList(file: string, key: string, io: CommandIo): Promise<unknown[]> {
  const json = (await readJsonFile(file, io)) as Record<string, unknown> | unknown[] | null;
  const list = Array.isArray(json) ? json : json?.[key];
  if (!Array.isArray(list)) throw new CliFailure((t) => t.t('jsonList', { file, key }));
  return list;
}

/**
 * `beatplan inspect record`: validates a batch of inspection records (a JSON array, or `{ records }`)
 * under a checklist (`--checklist`, default the four seed items) and verifies each on-site inspector's
 * fix against its retailer (`recordInspection`). Prints `[{ record, fixVerdict, fixAgeS }]` in input
 * order; every problem of every record is listed (`records[i]…`, naming the record and the item), and
 * nothing is printed then.
 * @throws {CliFailure} exit 2 on a usage error; exit 1 when a file or a record is invalid.
 * @example
 * // not run: needs the files and the command's io
 * await inspectRecord(['records.json', '--retailers', 'retailers.csv', '--checklist', 'checklist.json'], io);
 */
export async function inspectRecord(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    { retailers: { type: 'string' }, checklist: { type: 'string' }, ...RETAILER_IMPORT_FLAGS },
    INSPECT_RECORDS_USAGE,
    'records',
  );
  const retailersFile = values.retailers;
  if (retailersFile === undefined)
    throw new CliFailure((t) => t.t('required', { flag: '--retailers <file>', usage: INSPECT_RECORDS_USAGE }), 2);
  const checklist = values.checklist === undefined ? undefined : await readChecklistFile(values.checklist, io);
  const records = await readJsonList(file, 'records', io);
  const read = await readRetailersFile(retailersFile, io, retailerImportOptions(values));
  if (read.issues.length > 0) throw issuesFailure(read.issues, retailersFile);
  const byId = new Map(read.items.map((r) => [r.id, r]));
  const recorded: RecordedInspection[] = [];
  const issues: BeatplanIssue[] = [];
  records.forEach((input, i) => {
    const retailerId = (input as { retailerId?: unknown } | null)?.retailerId;
    const retailer = typeof retailerId === 'string' ? byId.get(retailerId) : undefined;
    if (retailer === undefined) {
      issues.push({
        path: ['records', i, 'retailerId'],
        value: retailerId,
        ...issueReason('inspection.no_retailer_id'),
      });
      return;
    }
    try {
      recorded.push(recordInspection(input as never, retailer, checklist ? { checklist } : {}));
    } catch (e) {
      if (!isBeatplanError(e)) throw e;
      // recordInspection names the record `record`: here it is the i-th of the file
      issues.push(...e.issues.map((issue) => ({ ...issue, path: ['records', i, ...issue.path.slice(1)] })));
    }
  });
  if (issues.length) failWithIssues(new BeatplanError('INVALID_INPUT', issues), file);
  printJson(io, recorded);
}

/**
 * `beatplan inspect cross-check`: the two-way confirmation of visits (`crossCheck`) on a JSON file
 * holding its input `{ period, records, visits, verdicts, retailers?, recordVerdicts?, checklist? }`;
 * `--checklist <file>` sets the checklist the records were made under (default the four seed items;
 * without `managerVisitConfirmed` every record not set aside is `not_asked`). Prints the cross-check
 * report as JSON; input errors exit 1, each attributed to its file.
 * @throws {CliFailure} exit 2 on a usage error; exit 1 when a file or the input is invalid.
 * @example
 * // not run: needs the files and the command's io
 * await inspectCrossCheck(['week.json', '--checklist', 'checklist.json'], io);
 */
export async function inspectCrossCheck(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(args, { checklist: { type: 'string' } }, INSPECT_RECORDS_USAGE, 'input');
  const checklistFile = values.checklist;
  const checklist = checklistFile === undefined ? undefined : await readChecklistFile(checklistFile, io);
  const input = await readJsonFile(file, io);
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new CliFailure((t) => t.t('crossCheckShape', { file }));
  try {
    printJson(io, crossCheck({ ...(input as Record<string, unknown>), ...(checklist ? { checklist } : {}) } as never));
  } catch (e) {
    failWithIssues(e, (issue) => (issue.path[0] === 'checklist' && checklistFile ? checklistFile : file));
  }
}
