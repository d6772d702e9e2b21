import { type Locale, LocaleSchema } from '@beatplan/core';
import { CliFailure, escapeControls, type CliIo, type CommandIo } from './cli-io.js';
import { cliTranslator } from './internal/messages.js';
import { BENCH_USAGE, benchCommand } from './commands/bench-command.js';
import { INSPECT_USAGE, inspectCommand } from './commands/inspect-command.js';
import { PLAN_USAGE, planCommand } from './commands/plan-command.js';
import { REPORT_USAGE, reportCommand } from './commands/report-command.js';
import { ROADS_USAGE, roadsCommand } from './commands/roads-command.js';
import { SOLVE_USAGE, solveCommand } from './commands/solve-command.js';
import { VERIFY_USAGE, verifyCommand } from './commands/verify-command.js';
import { DEFAULT_MAX_INPUT_MB } from './read-input-file.js';
import { VERSION } from './version.js';

/** The commands of `beatplan`, each with its usage line (a Map: the name comes from the user). */
const COMMANDS = new Map<string, { run: (args: string[], io: CommandIo) => Promise<void>; usage: string }>([
  ['solve', { run: solveCommand, usage: SOLVE_USAGE }],
  ['verify', { run: verifyCommand, usage: VERIFY_USAGE }],
  ['plan', { run: planCommand, usage: PLAN_USAGE }],
  ['inspect', { run: inspectCommand, usage: INSPECT_USAGE }],
  ['report', { run: reportCommand, usage: REPORT_USAGE }],
  ['roads', { run: roadsCommand, usage: ROADS_USAGE }],
  ['bench', { run: benchCommand, usage: BENCH_USAGE }],
]);

const COMMON = `common options: --help, --version, --lang en|zh-CN (language of messages, default en), --max-input-mb <n> (input limit, default ${DEFAULT_MAX_INPUT_MB} MiB, also BEATPLAN_MAX_INPUT_MB); <file> may be - (standard input)`;

function usage(): string {
  return ['usage:', ...[...COMMANDS.values()].map((c) => `  ${c.usage}`), COMMON].join('\n');
}

/** The language of the run: `--lang <locale>` or `--lang=<locale>` (removed from `args`), default English. */
function localeOf(args: string[]): Locale | undefined {
  let text: string | undefined;
  for (let k = args.findIndex((a) => a === '--lang' || a.startsWith('--lang=')); k >= 0; ) {
    const arg = args[k] ?? '';
    text = arg === '--lang' ? (args[k + 1] ?? '') : arg.slice('--lang='.length);
    args.splice(k, arg === '--lang' ? 2 : 1);
    k = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  }
  if (text === undefined) return undefined;
  if (text === '') throw new CliFailure((t) => t.t('langNeedsValue'), 2);
  const parsed = LocaleSchema.safeParse(text);
  if (!parsed.success) throw new CliFailure((t) => t.t('langUnknown', { text }), 2);
  return parsed.data;
}

/** The input limit in bytes: `--max-input-mb` (removed from `args`), else the variable, else the default. */
function maxInputBytes(args: string[], env: Readonly<Record<string, string | undefined>>): number {
  let text = env.BEATPLAN_MAX_INPUT_MB;
  let from = 'BEATPLAN_MAX_INPUT_MB';
  for (let k = args.indexOf('--max-input-mb'); k >= 0; k = args.indexOf('--max-input-mb')) {
    text = args[k + 1] ?? '';
    from = '--max-input-mb';
    args.splice(k, 2);
  }
  const inline = args.findIndex((a) => a.startsWith('--max-input-mb='));
  if (inline >= 0) {
    text = args[inline]?.slice('--max-input-mb='.length) ?? '';
    from = '--max-input-mb';
    args.splice(inline, 1);
  }
  if (text === undefined || text === '') {
    if (from === '--max-input-mb') throw new CliFailure((t) => t.t('maxInputNeedsValue'), 2);
    return DEFAULT_MAX_INPUT_MB * 2 ** 20;
  }
  const mb = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(mb > 0 && mb <= 65_536)) throw new CliFailure((t) => t.t('maxInputRange', { from, text }), 2);
  return Math.floor(mb * 2 ** 20);
}

/**
 * Runs the `beatplan` command line with the given arguments (without `node` and the script).
 * Results go to `io.stdout` as JSON. A failure goes to `io.stderr`: every problem on its own line
 * (`file: path: reason`), then one line naming the command and the failure; control characters
 * from the input are escaped (`\u001b`).
 * @returns the process exit code: 0 success (also `--help`, `--version`), 1 invalid input (file,
 *   instance), 2 usage error (unknown command or option, a flag out of range), 70 internal error (a
 *   bug: the message carries the stack, please report it).
 * @example
 * const code = await runCli(['solve', 'gr21.tsp', '--method', 'exact'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const say = (stream: CliIo['stdout'], text: string) => stream.write(`${escapeControls(text)}\n`);
  const [name, ...rest] = argv;
  let locale: Locale | undefined;
  try {
    locale = localeOf(rest);
  } catch (e) {
    if (!(e instanceof CliFailure)) throw e;
    say(io.stderr, cliTranslator().t('failed', { command: name ?? '', message: e.message }));
    return e.exitCode;
  }
  const t = cliTranslator(locale);
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`beatplan ${VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    say(io.stderr, t.t('unknownCommand', { name }));
    io.stderr.write(`${usage()}\n`);
    return 2;
  }
  const args = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : rest.length);
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`usage: ${command.usage}\n${COMMON}\n`);
    return 0;
  }
  if (args.includes('--version') || args.includes('-V')) {
    io.stdout.write(`beatplan ${VERSION}\n`);
    return 0;
  }
  try {
    const commandArgs = [...rest];
    const limit = maxInputBytes(commandArgs, io.env ?? process.env);
    await command.run(commandArgs, { ...io, maxInputBytes: limit, ...(locale ? { locale } : {}) });
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) {
      const { message, problems } = e.render(locale);
      for (const line of problems) say(io.stderr, line);
      say(io.stderr, t.t('failed', { command: name, message: message.replace(/\s*\n\s*/g, ' ') }));
      return e.exitCode;
    }
    say(io.stderr, t.t('internalError', { command: name, error: String(e) }));
    io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 70;
  }
}
