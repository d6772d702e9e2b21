import { readFileSync } from 'node:fs';
import { CliFailure } from './cli-io.js';

/**
 * Reads a text file named on the command line.
 * @throws {CliFailure} naming the file when it does not exist or cannot be read.
 */
export function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure(`file not found: ${file}`);
    if (code === 'EISDIR') throw new CliFailure(`not a file but a directory: ${file}`);
    throw new CliFailure(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/**
 * Parses a JSON file's text.
 * @throws {CliFailure} naming the file and the JSON syntax error.
 */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliFailure(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}
