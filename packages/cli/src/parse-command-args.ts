import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliFailure } from './cli-io.js';
import type { FileKind } from './internal/messages.js';

type Options = NonNullable<ParseArgsConfig['options']>;
/** What `parseArgs` returns for these options. */
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * Parses a command's arguments: its options and exactly one positional file. An unknown option, a
 * missing value or a wrong number of files is a usage error (exit 2) that names the problem and
 * shows the usage line.
 * @param args The arguments after the command name.
 * @param options The command's options (`node:util` parseArgs format).
 * @param usage The command's usage line.
 * @param what What the one positional argument is: `'instance'`, `'retailers'`, `'plan'` or `'data'` (a file).
 * @throws {CliFailure} exit code 2 on a usage error.
 * @example
 * // not run: SOLVE_USAGE lives in the solve command
 * const { values, file } = parseCommandArgs(['a.tsp', '--seed', '3'], { seed: { type: 'string' } }, SOLVE_USAGE, 'instance file');
 */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
  usage: string,
  what: FileKind,
): { values: Parsed<O>['values']; file: string } {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new CliFailure((t) => t.t('usageError', { detail: (e as Error).message, usage }), 2);
  }
  const [file, ...more] = parsed.positionals;
  if (file === undefined || more.length > 0) throw new CliFailure((t) => t.t('expectedOne', { what, usage }), 2);
  return { values: parsed.values, file };
}

const NUMBER_PATTERNS = { integer: /^-?\d+$/, whole: /^\d+$/, number: /^-?\d+(\.\d+)?$/ } as const;

/**
 * Reads a numeric option: `undefined` when absent, else the number, which must lie in `[min, max]`.
 * @param flag The option's name without dashes (for the message).
 * @param text The option's text as given.
 * @param kind `'integer'` (sign allowed), `'whole'` (0, 1, 2, …) or `'number'` (decimals allowed).
 * @param min The smallest value accepted.
 * @param max The largest value accepted.
 * @throws {CliFailure} exit code 2 naming the option and the text, e.g. `--seed must be an integer, received "x"`
 *   or `--weeks must be within [1, 52], received "0"`.
 * @example
 * numberFlag('seed', '42', 'whole', 0, 2 ** 32 - 1); // 42
 */
export function numberFlag(
  flag: string,
  text: string | undefined,
  kind: 'integer' | 'whole' | 'number',
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const pattern =
    kind === 'integer' ? NUMBER_PATTERNS.integer : kind === 'whole' ? NUMBER_PATTERNS.whole : NUMBER_PATTERNS.number;
  if (!pattern.test(text)) throw new CliFailure((t) => t.t('numberKind', { flag, kind, text }), 2);
  const value = Number(text);
  if (!(value >= min && value <= max)) throw new CliFailure((t) => t.t('numberRange', { flag, min, max, text }), 2);
  return value;
}
