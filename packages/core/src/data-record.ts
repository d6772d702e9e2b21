import * as z from 'zod';

/**
 * A new object without prototype, for a lookup or a result keyed by data (ids, kinds, strata): on
 * it `constructor`, `toString`, `hasOwnProperty` and `__proto__` are plain keys, never
 * `Object.prototype`'s members. It serialises to JSON like any object; `Object.hasOwn` and
 * `Object.entries` work on it, `record.hasOwnProperty(...)` does not.
 *
 * @param entries - initial key-value pairs, in order (later ones win). Default none.
 * @returns the null-prototype object.
 * @throws never.
 * @example
 * const byManager = dataRecord([['constructor', 2], ['__proto__', 1]]);
 * byManager.constructor; // 2
 * Object.keys(byManager); // ['constructor', '__proto__']
 * JSON.stringify(byManager); // '{"constructor":2,"__proto__":1}'
 */
export function dataRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const out = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A zod schema for an object keyed by data (`{ [id]: value }`) whose output is a {@link dataRecord}:
 * unlike `z.record`, it keeps an own `__proto__` key (as `JSON.parse` makes it) instead of dropping
 * it, and its output never reads `Object.prototype`. Keys are checked by `key`, values by `value`;
 * an issue's path names the key.
 *
 * @param key - the schema of a key (a string schema, e.g. `IdSchema`).
 * @param value - the schema of a value.
 * @param error - the message when the input is not a plain object.
 * @returns the schema (input: a plain object; output: a null-prototype record).
 * @throws never (the schema reports problems as zod issues).
 * @example
 * const Rates = dataRecordSchema(z.string(), z.number().min(0).max(1), 'rates must be an object');
 * Rates.parse(JSON.parse('{"__proto__": 0.5}')).__proto__; // 0.5
 */
export function dataRecordSchema<K extends z.ZodType<string, string>, V extends z.ZodType>(
  key: K,
  value: V,
  error: string,
): z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>> {
  return z.unknown().transform((input, ctx) => {
    // Not an object: a type issue (as `z.object` gives), so its reason is data in every language.
    if (!isPlainObject(input)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'object', input, message: error });
      return z.NEVER;
    }
    const out = dataRecord<z.output<V>>();
    for (const k of Object.keys(input)) {
      const keyResult = key.safeParse(k);
      if (!keyResult.success) {
        // The key's and the value's own issues, moved under the key: each keeps its code and reason.
        for (const issue of keyResult.error.issues)
          ctx.issues.push({ ...issue, path: [k], input: k } as z.core.$ZodRawIssue);
        continue;
      }
      const parsed = value.safeParse(input[k]);
      if (parsed.success) out[keyResult.data] = parsed.data;
      else
        for (const issue of parsed.error.issues)
          ctx.issues.push({ ...issue, path: [k, ...issue.path], input: input[k] } as z.core.$ZodRawIssue);
    }
    return out;
  }) as unknown as z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>>;
}
