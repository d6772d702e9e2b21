import type * as z from 'zod';
import { BeatplanError, type BeatplanIssue } from './beatplan-error.js';
import { describeZodIssue } from './internal/describe-zod-issue.js';

type Path = (string | number)[];

/** Reads the value at `path` inside `root`; `found` is false when a key on the way is absent. */
function lookUp(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return { found: false };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: node };
}

function toPath(rootPath: readonly (string | number)[], path: readonly PropertyKey[]): Path {
  return [...rootPath, ...path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
}

/**
 * Turns a zod error into beatplan issues: the path is prefixed with `rootPath`, zod's default English
 * messages are rewritten to beatplan's style (`must be a number`, `is required`, `unknown field`),
 * schema-specific messages are kept, and the offending value is attached when known (zod's
 * `reportInput`, or looked up in `input`). One `unrecognized_keys` issue becomes one issue per key.
 *
 * @param error - a ZodError (from `safeParse`, or caught from `parse`).
 * @param rootPath - path of the parsed value inside the caller's input, e.g. `['retailers', 12]`. Default `[]`.
 * @param input - the value that was parsed; used to find offending values zod did not report.
 * @returns the issues, in zod's order; never empty for a real error.
 * @throws never.
 * @example
 * const result = CoordinatesSchema.safeParse({ lng: 116.4, lat: 123.4 });
 * if (!result.success) fromZodError(result.error, ['location'], { lng: 116.4, lat: 123.4 });
 * // [{ path: ['location', 'lat'], message: 'latitude must be within [-90, 90]', value: 123.4 }]
 */
export function fromZodError(
  error: z.ZodError,
  rootPath: readonly (string | number)[] = [],
  input?: unknown,
): BeatplanIssue[] {
  const issues: BeatplanIssue[] = [];
  for (const raw of error.issues) {
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys) issues.push({ path: toPath(rootPath, [...raw.path, key]), message: 'unknown field' });
      continue;
    }
    // Where did the field hold a value? The caller's input is authoritative; else zod's reportInput;
    // else zod's default wording ("received undefined" means the key was missing).
    let found: { found: boolean; value?: unknown };
    if (input !== undefined) found = lookUp(input, raw.path);
    else if ('input' in raw && raw.input !== undefined) found = { found: true, value: raw.input };
    else found = { found: !/received undefined$/.test(raw.message) };
    const present = found.found && ('value' in found ? found.value !== undefined : true);
    const issue: BeatplanIssue = { path: toPath(rootPath, raw.path), message: describeZodIssue(raw, present) };
    if (present && 'value' in found) issue.value = found.value;
    issues.push(issue);
  }
  return issues;
}

/** Result of {@link tryParse}: the parsed data, or the error that {@link parseOrThrow} would throw. */
export type TryParseResult<T> = { ok: true; data: T } | { ok: false; error: BeatplanError };

/**
 * Parses `value` with a zod schema and returns a discriminated result instead of throwing. Use it
 * where a bad record should be reported and skipped (batch verdicts), not abort the whole call.
 *
 * @param schema - any zod schema (beatplan's or the caller's).
 * @param value - the untrusted value.
 * @param rootPath - path of `value` in the caller's input, prefixed to every issue. Default `[]`.
 * @returns `{ ok: true, data }` with the schema's output, or `{ ok: false, error }` (code `INVALID_INPUT`).
 * @throws never.
 * @example
 * const r = tryParse(CoordinatesSchema, { lng: 200, lat: 0 }, ['fix']);
 * if (!r.ok) console.log(r.error.message); // fix.lng: longitude must be within [-180, 180], received 200
 */
export function tryParse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  rootPath: readonly (string | number)[] = [],
): TryParseResult<z.output<S>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    error: new BeatplanError('INVALID_INPUT', fromZodError(result.error, rootPath, value), { cause: result.error }),
  };
}

/**
 * Parses `value` with a zod schema at a package boundary: returns the schema's output (defaults
 * applied, timestamps normalised) or throws ONE error listing every problem.
 *
 * @param schema - any zod schema.
 * @param value - the untrusted value.
 * @param rootPath - path of `value` in the caller's input, prefixed to every issue. Default `[]`.
 * @returns the parsed value (`z.output` of the schema).
 * @throws {BeatplanError} code `INVALID_INPUT`, `issues` = every problem found, `cause` = the ZodError.
 * @example
 * const fix = parseOrThrow(PositionFixSchema, { lng: 116.4, lat: 39.9, accuracyM: 12, source: 'gnss', at: '2025-03-03T09:00:00+08:00' }, ['visit', 'start']);
 * fix.at; // 1740963600000 (epoch ms)
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  rootPath: readonly (string | number)[] = [],
): z.output<S> {
  const result = tryParse(schema, value, rootPath);
  if (result.ok) return result.data;
  throw result.error;
}
