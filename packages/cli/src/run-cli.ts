import { CliFailure, type CliIo } from './cli-io.js';
import { INSPECT_USAGE, inspectCommand } from './commands/inspect-command.js';
import { PLAN_USAGE, planCommand } from './commands/plan-command.js';
import { REPORT_USAGE, reportCommand } from './commands/report-command.js';
import { ROADS_USAGE, roadsCommand } from './commands/roads-command.js';
import { SOLVE_USAGE, solveCommand } from './commands/solve-command.js';
import { VERIFY_USAGE, verifyCommand } from './commands/verify-command.js';

/** The commands of `beatplan`, each with its usage line. */
const COMMANDS = new Map<string, { run: (args: string[], io: CliIo) => Promise<void>; usage: string }>([
  ['solve', { run: solveCommand, usage: SOLVE_USAGE }],
  ['verify', { run: verifyCommand, usage: VERIFY_USAGE }],
  ['plan', { run: planCommand, usage: PLAN_USAGE }],
  ['inspect', { run: inspectCommand, usage: INSPECT_USAGE }],
  ['report', { run: reportCommand, usage: REPORT_USAGE }],
  ['roads', { run: roadsCommand, usage: ROADS_USAGE }],
]);

function usage(): string {
  return ['usage:', ...[...COMMANDS.values()].map((c) => `  ${c.usage}`)].join('\n');
}

/**
 * Runs the `beatplan` command line with the given arguments (without `node` and the script).
 * Results go to `io.stdout` as JSON; a failure is one line on `io.stderr`.
 * @returns the process exit code: 0 success, 1 invalid input (file, instance), 2 usage error.
 * @example
 * const code = await runCli(['solve', 'gr21.tsp', '--method', 'exact'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    io.stderr.write(`beatplan: unknown command ${JSON.stringify(name)}\n${usage()}\n`);
    return 2;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) {
      io.stderr.write(`beatplan ${name}: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return e.exitCode;
    }
    io.stderr.write(`beatplan ${name}: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
