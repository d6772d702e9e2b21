/** Where a command reads and writes: the process's streams in the bin, buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** What `-` reads (default: the process's standard input). */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Environment variables read (`BEATPLAN_MAX_INPUT_MB`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What a command gets: the streams and the input limit of this run. */
export interface CommandIo extends CliIo {
  /** The largest input file (or standard input) read, in bytes. */
  maxInputBytes: number;
  /** Set once `-` has been read: standard input can be read once. */
  stdinRead?: boolean;
}

/**
 * A failure the command reports, with its exit code (1 input, 2 usage). `problems` are printed first,
 * one per line (`file: path: reason`), then the message.
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly exitCode: number = 1,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
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
