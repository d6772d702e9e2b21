import { formatIssue, type BeatplanIssue, type Locale } from '@beatplan/core';
import { type CliTranslator, cliTranslator } from './internal/messages.js';

/** Where a command reads and writes: the process's streams in the bin, buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** What `-` reads (default: the process's standard input). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Environment variables read (`BEATPLAN_MAX_INPUT_MB`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What a command gets: the streams, the input limit and the language of this run. */
export interface CommandIo extends CliIo {
  /** The largest input file (or standard input) read, in bytes. */
  maxInputBytes: number;
  /** The language of the messages (`--lang`); default `'en'`. */
  locale?: Locale;
  /** Set once `-` has been read: standard input can be read once. */
  stdinRead?: boolean;
}

/** A message of a failure: a text, or a message of the CLI's catalogue (rendered in the run's language). */
export type CliText = string | ((t: CliTranslator) => string);

/** A problem listed before a failure's message: a text, or one issue of a library error in a file. */
export type CliProblem = string | { file: string; issue: BeatplanIssue };

/**
 * A failure the command reports, with its exit code (1 input, 2 usage). `problems` are printed first,
 * one per line (`file: path: reason`), then the message; both in the run's language (`render`), and
 * `message` in English.
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    readonly text: CliText,
    readonly exitCode: number = 1,
    readonly problems: readonly CliProblem[] = [],
  ) {
    super(typeof text === 'string' ? text : text(cliTranslator('en')));
  }

  /** The message and the problems in a language. */
  render(locale: Locale | undefined): { message: string; problems: string[] } {
    const t = cliTranslator(locale);
    return {
      message: typeof this.text === 'string' ? this.text : this.text(t),
      problems: this.problems.map((p) =>
        typeof p === 'string' ? p : t.t('problem', { file: p.file, line: formatIssue(p.issue, { locale }) }),
      ),
    };
  }
}

/** Prints a value as one JSON object on its own line. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * Escapes control characters (C0, DEL, C1, and the line and paragraph separators) as `\uXXXX`, so
 * that text from the input can neither break the one-problem-a-line format nor drive the terminal
 * (an ESC sequence in a retailer's name).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
