import { parseTsplib, solve, TspError, type SolveInput, type SolveOptions } from '@beatplan/tsp';
import { CliFailure, printJson, type CliIo } from '../cli-io.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { parseJsonFile, readInputFile } from '../read-input-file.js';

export const SOLVE_USAGE =
  'beatplan solve <file.tsp|file.atsp|file.json> [--method auto|exact|heuristic] [--time-limit <ms>] [--kicks <n>] [--seed <n>] [--start <i>] [--end <j>|any]';

/** Time fields a JSON instance may carry; they become `solve` options and add `schedule` to the output. */
const TIME_FIELDS = ['serviceS', 'windows', 'timeMatrix', 'speedMps', 'startAt', 'endBy', 'dropInfeasible'] as const;

function readInstance(file: string): { name: string | null; input: SolveInput; times: Partial<SolveOptions> } {
  const text = readInputFile(file);
  if (/\.json$/i.test(file)) {
    const json = parseJsonFile(file, text);
    if (typeof json !== 'object' || json === null || !('matrix' in json || 'points' in json)) {
      throw new CliFailure(
        `${file}: a JSON instance must be {"matrix": [[...]]} or {"points": [{"lng": .., "lat": ..}, ...]}`,
      );
    }
    const record = json as Record<string, unknown>;
    const name = typeof record.name === 'string' ? record.name : null;
    const times: Record<string, unknown> = {};
    for (const field of TIME_FIELDS) if (field in record) times[field] = record[field];
    const input = 'points' in record ? { points: record.points } : { matrix: record.matrix };
    return { name, input: input as SolveInput, times: times as Partial<SolveOptions> };
  }
  const instance = parseTsplib(text);
  return { name: instance.name, input: { matrix: instance.matrix, n: instance.n }, times: {} };
}

/**
 * `beatplan solve`: solves a TSPLIB or JSON instance and prints
 * `{"name", "n", "length", "tour", "exact", "ms"}` as one JSON object. A JSON instance may add
 * `"serviceS"`, `"windows"`, `"timeMatrix"`, `"startAt"`, `"endBy"` (and `"dropInfeasible"`): the
 * output then adds `"schedule"` (and `"dropped"`).
 * @throws {CliFailure} on a usage error, a missing file or an invalid instance.
 */
export async function solveCommand(args: string[], io: CliIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      method: { type: 'string' },
      'time-limit': { type: 'string' },
      kicks: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
    },
    SOLVE_USAGE,
    'instance file',
  );
  const method = values.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'heuristic') {
    throw new CliFailure(`--method must be auto, exact or heuristic, received ${JSON.stringify(method)}`, 2);
  }
  const options: SolveOptions = { method };
  const timeLimitMs = numberFlag('time-limit', values['time-limit']);
  const seed = numberFlag('seed', values.seed);
  const kicks = numberFlag('kicks', values.kicks);
  const start = numberFlag('start', values.start);
  if (timeLimitMs !== undefined) options.timeLimitMs = timeLimitMs;
  if (seed !== undefined) options.seed = seed;
  if (kicks !== undefined) options.maxKicks = kicks;
  if (start !== undefined) options.start = start;
  if (values.end !== undefined) options.end = values.end === 'any' ? 'any' : numberFlag('end', values.end)!;
  try {
    const { name, input, times } = readInstance(file);
    const result = await solve(input, { ...options, ...times });
    printJson(io, {
      name,
      n: result.n,
      length: result.length,
      tour: result.tour,
      exact: result.exact,
      timedOut: result.timedOut,
      ms: Math.round(result.ms * 100) / 100,
      ...(result.schedule ? { schedule: result.schedule } : {}),
      ...(result.dropped ? { dropped: result.dropped } : {}),
    });
  } catch (e) {
    if (e instanceof TspError) throw new CliFailure(`${file}: ${e.message}`);
    throw e;
  }
}
