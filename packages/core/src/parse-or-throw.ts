import type * as z from 'zod';
import { BeatplanError, type BeatplanIssue } from './beatplan-error.js';
import { zodIssues } from './internal/shared/zod-issues.js';

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
 * // [{ path: ['location', 'lat'], message: 'latitude must be within [-90, 90]', value: 123.4,
 *  //   reason: { key: 'max', maximum: 90, inclusive: true } }]
 */
export function fromZodError(
  error: z.ZodError,
  rootPath: readonly (string | number)[] = [],
  input?: unknown,
): BeatplanIssue[] {
  return zodIssues(error, rootPath, input);
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
