import { TspError } from '../errors.js';
import { tspReason } from '../generated/shared/tsp-reasons.js';

/**
 * Throws the `INTERNAL` error for a read outside an array the solver built itself (a cost matrix of
 * n × n, a tour of n nodes, a table of its own): every such index is in range by construction, so
 * reaching this is a bug in the solver, never a problem of the input. Reads check their value against
 * `undefined` and call this (`a[k] ?? failIndex('a', k)`), so that a bug fails loudly instead of
 * turning into NaN costs.
 */
export function failIndex(what: string, index: number): never {
  throw new TspError('INTERNAL', [{ path: [], value: index, ...tspReason('tsp.index_missing', { what, index }) }]);
}
