import { BeatplanError } from './beatplan-error.js';
import { issueReason } from './issue-reason.js';

/** Whether `from` is a map (has `get`), not a list. */
const isMap = <K, V>(from: ReadonlyMap<K, V> | ArrayLike<V>): from is ReadonlyMap<K, V> =>
  typeof (from as { get?: unknown }).get === 'function';

/**
 * The value of a key (or list index) that an earlier check proved present, with a type that says
 * "found". Packages resolve ids that their input validation has already checked (a plan's
 * `retailerId` after the reference check), and indices they computed from the same list (a route's
 * node numbers); a key that is missing all the same is a bug inside beatplan, and says so at once
 * instead of failing later on `undefined`.
 *
 * @param from - the index: a `Map`, or a list (an array or a typed array) indexed by position.
 * @param key - a key the caller has checked (or built the map from); for a list, an index into it.
 * @param what - what the key names, for the message (default `'key'`).
 * @returns the value stored under `key` (maps and lists that hold `undefined` as a value are not for
 *   this helper).
 * @throws {BeatplanError} `INTERNAL` when there is no value under `key`.
 * @example
 * const retailerById = new Map([['R1', { id: 'R1', serviceMinutes: 15 }]]);
 * getKnown(retailerById, 'R1', 'retailer').serviceMinutes; // 15
 * getKnown(['base', 'R1', 'R2'], 2, 'route node'); // 'R2'
 * // getKnown(retailerById, 'R9', 'retailer') throws INTERNAL: "retailer R9 was checked but is missing"
 */
export function getKnown<K, V>(from: ReadonlyMap<K, V> | ArrayLike<V>, key: K, what = 'key'): V {
  const value = isMap(from) ? from.get(key) : from[Number(key)];
  if (value === undefined) {
    throw new BeatplanError('INTERNAL', [
      { path: [], value: key, ...issueReason('core.checked_missing', { what, key: String(key) }) },
    ]);
  }
  return value;
}
