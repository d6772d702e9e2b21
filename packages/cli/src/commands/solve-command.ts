import { parseTsplib, solve, type SolveInput, type SolveOptions } from '@beatplan/tsp';
import { roadMatrix } from '@beatplan/roads';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { withLocalReasons } from '../internal/local-reasons.js';
import { numberFlag, parseCommandArgs } from '../parse-command-args.js';
import { parseJsonFile, readInputFile } from '../read-input-file.js';
import { failWithIssues } from '../report-issues.js';
import { readRoadGraph } from './roads-command.js';

export const SOLVE_USAGE =
  'beatplan solve <file.tsp|file.atsp|file.json> [--method auto|exact|heuristic] [--time-limit <ms>] [--kicks <n>] [--seed <n>] [--start <i>] [--end <j>|any] [--roads <graph-file>]';

/** Time fields a JSON instance may carry; they become `solve` options and add `schedule` to the output. */
const TIME_FIELDS = ['serviceS', 'windows', 'timeMatrix', 'speedKmh', 'startAt', 'endBy', 'dropInfeasible'] as const;

/**
 * Reads an instance file: TSPLIB (`.tsp`, `.atsp`) or JSON (`{"matrix"}` or `{"points"}` with
 * optional time fields). Shared with `beatplan bench`.
 * @throws {CliFailure} naming the file when it is not an instance.
 */
export async function readInstance(
  file: string,
  io: CommandIo,
): Promise<{ name: string | null; input: SolveInput; times: Partial<SolveOptions> }> {
  const text = await readInputFile(file, io);
  if (/\.json$/i.test(file) || (file === '-' && /^\uFEFF?\s*[{[]/.test(text))) {
    const json = parseJsonFile(file, text);
    if (typeof json !== 'object' || json === null || !('matrix' in json || 'points' in json)) {
      throw new CliFailure((t) => t.t('instanceShape', { file }));
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
 * `--roads <graph-file>`: a points instance becomes a road matrix (metres as costs; road seconds as
 * the `timeMatrix` when the instance has time fields but no `timeMatrix`). A pair with no route, or
 * a point off the network, is an error naming both stops.
 */
function onRoads(
  file: string,
  graphFile: string,
  input: SolveInput,
  times: Partial<SolveOptions>,
): { input: SolveInput; times: Partial<SolveOptions>; costSource: string } {
  if (!('points' in input)) throw new CliFailure((t) => t.t('roadsNeedPoints', { file }), 2);
  const graph = readRoadGraph(graphFile);
  let m: ReturnType<typeof roadMatrix>;
  try {
    m = roadMatrix(graph, input.points as never);
  } catch (e) {
    throw new CliFailure((t) => t.t('fileProblem', { file, error: (e as Error).message }));
  }
  const off = m.snapped.findIndex((s) => !s.onNetwork);
  if (off >= 0) {
    const metres = Math.round(m.snapped[off]?.distanceM ?? 0);
    throw new CliFailure((t) => t.t('offNetwork', { file, index: off, metres }));
  }
  const first = m.unreachable[0];
  if (first) {
    const pairs = m.unreachable.length;
    throw new CliFailure((t) => t.t('noRoute', { file, from: first.from, to: first.to, pairs }));
  }
  const hasTimes = Object.keys(times).length > 0;
  const withTimes = hasTimes && !('timeMatrix' in times) ? { ...times, timeMatrix: m.durationsS } : times;
  return { input: { matrix: m.distancesM, n: m.n }, times: withTimes as Partial<SolveOptions>, costSource: m.source };
}

/**
 * `beatplan solve`: solves a TSPLIB or JSON instance and prints
 * `{"name", "n", "length", "tour", "exact", "lowerBound", "gap", "timedOut", "ms"}` as one JSON object
 * (`reason` too when a branch-and-cut route is not proven). A JSON instance may add
 * `"serviceS"`, `"windows"`, `"timeMatrix"`, `"startAt"`, `"endBy"` (and `"dropInfeasible"`): the
 * output then adds `"schedule"` (and `"dropped"`). With `--roads <graph-file>` a points instance is
 * solved on road metres (output adds `"costSource"`).
 * @throws {CliFailure} on a usage error, a missing file or an invalid instance.
 */
export async function solveCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      method: { type: 'string' },
      'time-limit': { type: 'string' },
      kicks: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      roads: { type: 'string' },
    },
    SOLVE_USAGE,
    'instance',
  );
  const method = values.method ?? 'auto';
  if (method !== 'auto' && method !== 'exact' && method !== 'heuristic') {
    const values = ['auto', 'exact', 'heuristic'];
    throw new CliFailure((t) => t.t('oneOfFlag', { flag: 'method', values, text: method }), 2);
  }
  const options: SolveOptions = { method };
  const timeLimitMs = numberFlag('time-limit', values['time-limit'], 'whole', 1, 86_400_000);
  const seed = numberFlag('seed', values.seed, 'integer', -(2 ** 31), 2 ** 32 - 1);
  const kicks = numberFlag('kicks', values.kicks, 'whole', 0, 1_000_000_000);
  const start = numberFlag('start', values.start, 'whole', 0, 14_999);
  if (timeLimitMs !== undefined) options.timeLimitMs = timeLimitMs;
  if (seed !== undefined) options.seed = seed;
  if (kicks !== undefined) options.maxKicks = kicks;
  if (start !== undefined) options.start = start;
  if (values.end !== undefined)
    options.end = values.end === 'any' ? 'any' : (numberFlag('end', values.end, 'whole', 0, 14_999) ?? 0);
  const instance = await readInstance(file, io).catch((e: unknown) => failWithIssues(e, file));
  const { name } = instance;
  let { input, times } = instance;
  try {
    let costSource: string | undefined;
    if (values.roads !== undefined) ({ input, times, costSource } = onRoads(file, values.roads, input, times));
    const result = await solve(input, { ...options, ...times });
    printJson(io, {
      name,
      n: result.n,
      length: result.length,
      tour: result.tour,
      exact: result.exact,
      lowerBound: result.lowerBound,
      gap: result.gap,
      ...(result.reason ? { reason: withLocalReasons([result], io.locale)[0]?.reason } : {}),
      timedOut: result.timedOut,
      ms: Math.round(result.ms * 100) / 100,
      ...(costSource ? { costSource } : {}),
      ...(result.schedule ? { schedule: result.schedule } : {}),
      ...(result.dropped ? { dropped: withLocalReasons(result.dropped, io.locale) } : {}),
    });
  } catch (e) {
    failWithIssues(e, file);
  }
}
