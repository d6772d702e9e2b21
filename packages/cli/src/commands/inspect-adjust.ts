import { adjustSample, type InspectionPlan } from '@beatplan/inspection';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import { failWithIssues } from '../report-issues.js';

/** The usage line of `beatplan inspect adjust`. */
export const INSPECT_ADJUST_USAGE =
  'beatplan inspect adjust <plan.json> (--add <ids> | --remove <ids>) --by <who> --reason <why> [--at <ISO time>]';

const ids = (text: string | undefined) =>
  text === undefined
    ? []
    : text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');

/**
 * `beatplan inspect adjust`: adds and/or removes retailers of a drawn inspection plan by hand (`--add`,
 * `--remove`: comma-separated retailer ids), saying who (`--by`) and why (`--reason`), at `--at` (an ISO
 * time with offset; default now). The change is appended to the plan's audit trail (`adjustments`), the
 * drawn part is untouched (`redrawSample` still verifies the draw); the new plan is printed as JSON.
 * @throws {CliFailure} exit 2 on a usage error (no ids, no `--by` or `--reason`); exit 1 when the plan or the
 *   change is invalid (an id already in the sample, removing one not in it), every problem listed.
 * @example
 * // not run: needs a plan file and the command's io
 * await inspectAdjust(['plan.json', '--remove', 'R17', '--add', 'R40', '--by', 'lead Zhao', '--reason', 'R17 closed'], io);
 */
export async function inspectAdjust(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      add: { type: 'string' },
      remove: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string' },
      at: { type: 'string' },
    },
    INSPECT_ADJUST_USAGE,
    'plan',
  );
  const add = ids(values.add);
  const remove = ids(values.remove);
  if (add.length + remove.length === 0)
    throw new CliFailure((t) => t.t('required', { flag: '--add or --remove', usage: INSPECT_ADJUST_USAGE }), 2);
  if (values.by === undefined)
    throw new CliFailure((t) => t.t('required', { flag: '--by <who>', usage: INSPECT_ADJUST_USAGE }), 2);
  if (values.reason === undefined)
    throw new CliFailure((t) => t.t('required', { flag: '--reason <why>', usage: INSPECT_ADJUST_USAGE }), 2);
  const plan = await readJsonFile(file, io);
  try {
    const change = { add, remove, by: values.by, reason: values.reason, at: values.at ?? Date.now() };
    printJson(io, adjustSample(plan as InspectionPlan, change));
  } catch (e) {
    failWithIssues(e, (issue) => (issue.path[0] === 'change' ? 'options' : file));
  }
}
