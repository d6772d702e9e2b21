import { parseArgs } from 'node:util';
import { parseTsplib, solve, TspError, type SolveInput, type SolveOptions } from '@beatplan/tsp';
import { CliFailure, printJson, type CliIo } from '../cli-io.js';
import { parseJsonFile, readInputFile } from '../read-input-file.js';

export const SOLVE_USAGE =
  'beatplan solve <file.tsp|file.atsp|file.json> [--method auto|exact|heuristic] [--time-limit <ms>] [--seed <n>] [--start <i>] [--end <j>|any]';

function toInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new CliFailure(`--${flag} must be an integer, received ${JSON.stringify(text)}`, 2);
  return Number(text);
}

function readInstance(file: string): { name: string | null; input: SolveInput } {
  const text = readInputFile(file);
  if (/\.json$/i.test(file)) {
    const json = parseJsonFile(file, text);
    if (typeof json !== 'object' || json === null || !('matrix' in json || 'points' in json)) {
      throw new CliFailure(`${file}: a JSON instance must be {"matrix": [[...]]} or {"points": [{"lng": .., "lat": ..}, ...]}`);
    }
    const name = 'name' in json && typeof json.name === 'string' ? json.name : null;
    return { name, input: json as SolveInput };
  }
  const instance = parseTsplib(text);
  return { name: instance.name, input: { matrix: instance.matrix, n: instance.n } };
}

/**
 * `beatplan solve`: solves a TSPLIB or JSON instance and prints
 * `{"name", "n", "length", "tour", "exact", "ms"}` as one JSON object.
 * @throws {CliFailure} on a usage error, a missing file or an invalid instance.
 */
export async function solveCommand(args: string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        method: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
      },
    });
  } catch (e) {
    throw new CliFailure(`${(e as Error).message}; usage: ${SOLVE_USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliFailure(`expected one instance file; usage: ${SOLVE_USAGE}`, 2);
  const method = values.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'heuristic') {
    throw new CliFailure(`--method must be auto, exact or heuristic, received ${JSON.stringify(method)}`, 2);
  }
  const options: SolveOptions = { method };
  const timeLimitMs = toInteger('time-limit', values['time-limit']);
  const seed = toInteger('seed', values.seed);
  const start = toInteger('start', values.start);
  if (timeLimitMs !== undefined) options.timeLimitMs = timeLimitMs;
  if (seed !== undefined) options.seed = seed;
  if (start !== undefined) options.start = start;
  if (values.end !== undefined) options.end = values.end === 'any' ? 'any' : toInteger('end', values.end)!;
  const file = positionals[0]!;
  try {
    const { name, input } = readInstance(file);
    const result = await solve(input, options);
    printJson(io, { name, n: result.n, length: result.length, tour: result.tour, exact: result.exact, ms: Math.round(result.ms * 100) / 100 });
  } catch (e) {
    if (e instanceof TspError) throw new CliFailure(`${file}: ${e.message}`);
    throw e;
  }
}
