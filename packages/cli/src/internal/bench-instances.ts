import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseTsplibTour, routeLength, type SolveInput } from '@beatplan/tsp';
import { CliFailure, type CommandIo } from '../cli-io.js';
import { readInputFile, readJsonFile } from '../read-input-file.js';
import { readInstance } from '../commands/solve-command.js';
import { failWithIssues } from '../report-issues.js';

const INSTANCE = /\.(tsp|atsp|json)$/i;

/** An instance's name: its file name without the extension (`kroA100.tsp` → `kroA100`). */
export const instanceName = (file: string): string => basename(file).replace(INSTANCE, '');

/**
 * The instance files named on the command line: files as given, folders as every `.tsp`, `.atsp`
 * and `.json` file directly in them (sorted), except a file named `optima.json` and the `--optima`
 * file itself (they hold optima, not instances).
 * @throws {CliFailure} for a path that does not exist, or a folder with no instance.
 */
export function listInstanceFiles(paths: readonly string[], optimaFile: string | undefined): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new CliFailure((t) => t.t('pathNotFound', { path }));
    if (!statSync(path).isDirectory()) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((f) => INSTANCE.test(f) && f !== 'optima.json')
      .sort()
      .map((f) => join(path, f))
      .filter((f) => optimaFile === undefined || f !== join(optimaFile));
    if (inside.length === 0) throw new CliFailure((t) => t.t('noInstances', { path }));
    files.push(...inside);
  }
  return files;
}

/**
 * Reads `--optima`: `{ "<instance name>": <optimum> }`, or `{ "<name>": { "optimum": <n>, … } }` as
 * the shared TSPLIB set's optima.json has it. A Map, names being data.
 * @throws {CliFailure} naming the file and the entry that is not a finite number ≥ 0.
 */
export async function readOptima(file: string, io: CommandIo): Promise<Map<string, number>> {
  const json = await readJsonFile(file, io);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CliFailure((t) => t.t('optimaShape', { file }));
  const optima = new Map<string, number>();
  for (const [name, value] of Object.entries(json)) {
    const optimum =
      typeof value === 'object' && value !== null ? (value as { optimum?: unknown }).optimum : (value as unknown);
    if (optimum === null || optimum === undefined) continue; // an entry without a known optimum
    if (typeof optimum !== 'number' || !Number.isFinite(optimum) || optimum < 0)
      throw new CliFailure((t) => t.t('optimumValue', { file, name }));
    optima.set(name, optimum);
  }
  return optima;
}

/** An instance ready to run, with its known optimum and where that came from. */
export interface BenchInstance {
  file: string;
  name: string;
  n: number;
  input: SolveInput;
  optimum: number | null;
  optimumFrom: 'optima' | 'opt.tour' | null;
}

/**
 * Reads one instance and its known optimum: from the `--optima` map by name, and from a TSPLIB
 * `<name>.opt.tour` beside a `.tsp`/`.atsp` file (its closed tour's length on the instance). A tour
 * of another size than the instance, or a tour whose length disagrees with the `--optima` entry, is
 * an error: an optimum that does not belong to the instance would make every gap wrong.
 * @throws {CliFailure} naming the file.
 */
export async function readBenchInstance(
  file: string,
  optima: ReadonlyMap<string, number>,
  io: CommandIo,
): Promise<BenchInstance> {
  const { input, times } = await readInstance(file, io).catch((e: unknown) => failWithIssues(e, file));
  if (Object.keys(times).length > 0) throw new CliFailure((t) => t.t('benchTimes', { file }));
  const name = instanceName(file);
  const n = 'points' in input ? input.points.length : 'n' in input ? input.n : input.matrix.length;
  let optimum = optima.get(name) ?? null;
  let optimumFrom: BenchInstance['optimumFrom'] = optimum === null ? null : 'optima';
  const tourFile = file.replace(/\.a?tsp$/i, '.opt.tour');
  if (tourFile !== file && existsSync(tourFile)) {
    const text = await readInputFile(tourFile, io);
    let tour: number[];
    try {
      tour = parseTsplibTour(text).tour;
    } catch (e) {
      throw new CliFailure((t) => t.t('fileProblem', { file: tourFile, error: (e as Error).message }));
    }
    if (tour.length !== n) throw new CliFailure((t) => t.t('tourSize', { file: tourFile, tour: tour.length, n }));
    const length = routeLength(input as { matrix: ArrayLike<number>; n: number }, tour);
    const known = optimum;
    if (known !== null && known !== length)
      throw new CliFailure((t) => t.t('tourCost', { file: tourFile, length, optimum: known, name }));
    optimum = length;
    optimumFrom ??= 'opt.tour';
  }
  return { file, name, n, input, optimum, optimumFrom };
}
