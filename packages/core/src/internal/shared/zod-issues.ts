// One source for turning zod errors into issues, shared by core and @beatplan/tsp (copied into
// packages/tsp/src/generated/shared/ by `npm run build`; see issue-format.ts). Self-contained.
import type * as z from 'zod';
import { describeZodIssue } from './describe-zod-issue.js';
import type { Issue } from './issue-format.js';

/** Reads the value at `path` inside `root`; `found` is false when a key on the way is absent. */
function lookUp(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return { found: false };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: node };
}

function toPath(rootPath: readonly (string | number)[], path: readonly PropertyKey[]): (string | number)[] {
  return [...rootPath, ...path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
}

/**
 * The issues of a zod error in beatplan's words: the path prefixed with `rootPath`, zod's default
 * English rewritten (`must be a finite number`, `is required`, `unknown field`), the schema's own
 * messages kept, the offending value attached when known (looked up in `input`, else zod's
 * `reportInput`). One `unrecognized_keys` issue becomes one issue per key.
 */
export function zodIssues(error: z.ZodError, rootPath: readonly (string | number)[] = [], input?: unknown): Issue[] {
  const issues: Issue[] = [];
  for (const raw of error.issues) {
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys)
        issues.push({
          path: toPath(rootPath, [...raw.path, key]),
          message: 'unknown field',
          reason: { key: 'unknown_field' },
        });
      continue;
    }
    // Where did the field hold a value? The caller's input is authoritative; else zod's reportInput;
    // else zod's default wording ("received undefined" means the key was missing).
    let found: { found: boolean; value?: unknown };
    if (input !== undefined) found = lookUp(input, raw.path);
    else if ('input' in raw && raw.input !== undefined) found = { found: true, value: raw.input };
    else found = { found: !/received undefined$/.test(raw.message) };
    const present = found.found && ('value' in found ? found.value !== undefined : true);
    const { message, reason } = describeZodIssue(raw, present);
    const issue: Issue = { path: toPath(rootPath, raw.path), message };
    if (present && 'value' in found) issue.value = found.value;
    if (reason) issue.reason = reason;
    issues.push(issue);
  }
  return issues;
}
