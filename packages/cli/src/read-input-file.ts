import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CliFailure, type CommandIo } from './cli-io.js';

/** The default input limit, in MiB: `--max-input-mb` or the `BEATPLAN_MAX_INPUT_MB` variable change it. */
export const DEFAULT_MAX_INPUT_MB = 256;

const tooLarge = (file: string, limit: number) =>
  new CliFailure((t) => t.t('tooLarge', { file, mib: limit / 2 ** 20 }));

async function readStdin(io: CommandIo): Promise<Uint8Array> {
  if (io.stdinRead) throw new CliFailure((t) => t.t('stdinTwice'), 2);
  io.stdinRead = true;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (const chunk of io.stdin ?? process.stdin) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > io.maxInputBytes) throw tooLarge('-', io.maxInputBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function readRegularFile(file: string, limit: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure((t) => t.t('fileNotFound', { file }));
    if (code === 'EISDIR') throw new CliFailure((t) => t.t('isDirectory', { file }));
    throw new CliFailure((t) => t.t('cannotRead', { file, error: (e as Error).message }));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliFailure((t) => t.t('isDirectory', { file }));
    if (!stat.isFile()) throw new CliFailure((t) => t.t('notRegular', { file, pipe: true }));
    if (stat.size > limit) throw tooLarge(file, limit);
    // Read until the end, counting: a file that grows while it is read cannot pass the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(65_536, Math.min(stat.size - length, limit - length + 1)));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) throw tooLarge(file, limit);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, length);
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    throw new CliFailure((t) => t.t('cannotRead', { file, error: (e as Error).message }));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the bytes of an input named on the command line: a regular file, or `-` for standard input
 * (once per command). Both are refused past the input limit (`io.maxInputBytes`, default
 * {@link DEFAULT_MAX_INPUT_MB} MiB); devices, pipes and sockets given by name are refused.
 * @throws {CliFailure} naming the file: not found, a directory, not a regular file, too large, unreadable.
 */
export async function readInputBytes(file: string, io: CommandIo): Promise<Uint8Array> {
  return file === '-' ? readStdin(io) : readRegularFile(file, io.maxInputBytes);
}

/**
 * Reads a UTF-8 text input named on the command line (see {@link readInputBytes}).
 * @throws {CliFailure} as {@link readInputBytes}.
 */
export async function readInputFile(file: string, io: CommandIo): Promise<string> {
  return Buffer.from(await readInputBytes(file, io)).toString('utf8');
}

/**
 * Parses a JSON file's text; a leading UTF-8 byte order mark is ignored.
 * @throws {CliFailure} naming the file and the JSON syntax error.
 */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new CliFailure((t) => t.t('notJson', { file, error: (e as Error).message }));
  }
}

/** Reads and parses a JSON input (see {@link readInputFile}). */
export async function readJsonFile(file: string, io: CommandIo): Promise<unknown> {
  return parseJsonFile(file, await readInputFile(file, io));
}
