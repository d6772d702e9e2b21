import * as z from 'zod';

/**
 * Lists at least this long are checked with the schema compiled by zod (`z.compile`). Compiling costs
 * a few milliseconds, once per schema and process (then every call uses the compiled schema), and
 * saves 1–10 µs per valid record; a short list (one manager's day) is not worth it on its own.
 */
export const COMPILE_FROM_ITEMS = 2_000;

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema to check `items` values with: zod's compiled clone of `schema` once a list of
 * {@link COMPILE_FROM_ITEMS} or more asked for it, else `schema` itself. The compiled clone gives the
 * same results and the same issues (zod's generated code checks a valid value; any other value falls
 * back to the schema's own parser); where the compiler cannot model a schema, or `new Function` is
 * refused (a Content-Security-Policy without `'unsafe-eval'`), `z.compile` returns the schema unchanged.
 */
export function fastSchema<S extends z.ZodType>(schema: S, items: number): S {
  const done = compiled.get(schema);
  if (done !== undefined) return done as S;
  if (items < COMPILE_FROM_ITEMS) return schema;
  const fast = z.compile(schema);
  compiled.set(schema, fast);
  return fast;
}
