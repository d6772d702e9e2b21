import {
  dataRecord,
  getKnown,
  BeatplanError,
  CustomerManagerSchema,
  parseOrThrow,
  RetailerSchema,
  toWgs84,
  type BeatplanIssue,
  type CustomerManager,
  type Retailer,
  type Territory,
  type DroppedRetailer,
  type CostSource,
  issueReason,
  reasonWithData,
} from '@beatplan/core';
import type { Polygon } from 'geojson';
import * as z from 'zod';
import { computeWorkload, DEFAULT_WORKLOAD_OPTIONS, type RetailerWorkload } from './internal/workload-model.js';
import { syncWorkloadTravel } from './internal/workload-travel.js';
import { assignBalanced } from './internal/balanced-assignment.js';
import { buildNeighbourGraph } from './internal/neighbour-graph.js';
import { PartitionOptionsSchema } from './internal/partition-options.js';
import { projectToPlane } from './internal/planar.js';
import { type BalanceLimitResult, buildLimits, SUM_ATTRIBUTES } from './internal/balance-limits.js';
import { LimitState } from './internal/limit-state.js';
import { repairLimits } from './internal/repair-limits.js';
import { removeIslands, repairBalance, type RepairState } from './internal/repair-territories.js';
import { summarizeTerritories, type PartitionSpread, type TerritoryStats } from './internal/summarize-territories.js';

/**
 * Options of {@link partitionTerritories}.
 * - `weights` (default `{ workload: 1 }`): weights of the balancing attributes `count` (retailers),
 *   `workload` (weekly minutes, see `estimateWorkload`), `orders` (orderCount), `volume` (orderVolume),
 *   `orderingRetailers` (retailers with orderCount > 0);
 *   each attribute is divided by its mean before weighting, so the weights are comparable.
 * - `tolerance` (default 0.05): every manager's weighted load should lie within ±tolerance of the mean.
 * - `balance`: per-attribute limits, each with its own tolerance (e.g. `{ orders: 0.05, volume: 0.05,
 *   grade: 0.03 }`): `count`, `workload`, `orders`, `volume`, `orderingRetailers` (retailers with
 *   orderCount > 0) within ± tolerance × their mean per manager; `grade`, `segment`: each territory's
 *   share of every grade (segment) within ± tolerance (absolute, 0.03 = 3 points) of the share overall.
 *   The weighted sum (`weights`; default: weight 1 on each sum attribute named, or `count` when only
 *   shares are) designs the territories, then boundary moves and swaps bring each attribute within its
 *   limit; `limits` reports every limit as met, missed or infeasible (with the proof), and `balanced`
 *   then means every limit is met.
 * - `locked` (default false): `true` locks every retailer that has a `managerId` to that manager; a list
 *   of retailer ids locks those only. Locked retailers never move.
 * - `keepCurrent` (default true): retailers' `managerId`s are the current assignment; the partition
 *   then re-balances it moving as few retailers as possible (see `moved`). `false` designs afresh.
 * - `maxDiameterM`: a retailer may only join a manager whose base is within maxDiameterM / 2, so no
 *   territory is wider than maxDiameterM; a retailer no base reaches is reported in `dropped`.
 * - `baseAttraction` (default 0.3): 0..1, how strongly a territory's centre is pulled to its base.
 * - `stickiness` (default 2): bonus for a retailer to stay with its current manager, in units of the
 *   typical squared territory radius (re-balancing only).
 * - `rounds` (default 8): centre-update rounds of a fresh design.
 * - `workload`: options of the workload model (`neighbours`, `speedKmh`, `detourFactor`).
 * - `costs`: the workload's travel on a source that answers synchronously (`roadCosts(graph)` of
 *   `@beatplan/roads`, or straight lines); or `travel`: precomputed by `neighbourTravel` from any source
 *   (an HTTP adapter too). Not both; neither: straight lines. The territories' shapes (centres,
 *   contiguity) stay planar: the source changes the workload that is balanced.
 */
export type PartitionOptions = z.input<typeof PartitionOptionsSchema>;
type PartitionOptionsParsed = z.output<typeof PartitionOptionsSchema>;

/** The answer of {@link partitionTerritories}. */
export interface PartitionResult {
  /** One territory per manager (core `Territory`: `id` = `T-<managerId>`), in the managers' order. */
  territories: Territory[];
  /** retailer id → manager id, for every assigned retailer (a null-prototype object: any id is a key). */
  assignment: Record<string, string>;
  /** Per manager: retailers, workload, orders, volume, load, deviation, compactness, diameter, pieces. */
  stats: TerritoryStats[];
  /** Spread of the weighted loads and of the weekly workload. */
  spread: PartitionSpread;
  /**
   * True when every manager's weighted load is within the tolerance of the mean; with `balance`, when
   * every limit is met.
   */
  balanced: boolean;
  /** With `balance`: every limit (one per grade/segment value for shares) and whether it is met; else empty. */
  limits: BalanceLimitResult[];
  /** Retailers whose current manager (`managerId`) differs from the new one. */
  moved: number;
  /** Retailers in no territory, with the reason (core's `DroppedRetailer`). */
  dropped: DroppedRetailer[];
  /** The workload model's figures, one per retailer, in input order. */
  workload: RetailerWorkload[];
  /** The travel source the workload was measured with. */
  costSource: CostSource;
  /** manager id → convex hull of the territory (WGS84), null when it has no area (null-prototype object). */
  hulls: Record<string, Polygon | null>;
}

/** The weighted sum that designs the territories when only `balance` is given: 1 on each sum attribute named. */
function weightsOf(balance: PartitionOptionsParsed['balance']): NonNullable<PartitionOptionsParsed['weights']> {
  if (!balance) return { workload: 1 };
  const out: NonNullable<PartitionOptionsParsed['weights']> = {};
  for (const a of SUM_ATTRIBUTES) if (balance[a] !== undefined) out[a] = 1;
  return Object.keys(out).length ? out : { count: 1 };
}

function checkReferences(
  retailers: Retailer[],
  managers: CustomerManager[],
  lockedIds: readonly string[] | boolean,
): void {
  const issues: BeatplanIssue[] = [];
  const seen = new Map<string, number>();
  retailers.forEach((r, i) => {
    if (seen.has(r.id))
      issues.push({
        path: ['retailers', i, 'id'],
        value: r.id,
        ...issueReason('territory.duplicate_retailer', { first: seen.get(r.id) ?? -1 }),
      });
    seen.set(r.id, i);
  });
  const managerIds = new Set<string>();
  managers.forEach((m, j) => {
    if (managerIds.has(m.id))
      issues.push({ path: ['managers', j, 'id'], value: m.id, ...issueReason('territory.duplicate_manager') });
    managerIds.add(m.id);
  });
  if (managers.length === 0)
    issues.push({ path: ['managers'], value: managers, ...issueReason('territory.no_manager') });
  if (issues.length) throw new BeatplanError('INVALID_INPUT', issues);
  const refs: BeatplanIssue[] = [];
  const isLocked = (r: Retailer) => lockedIds === true || (Array.isArray(lockedIds) && lockedIds.includes(r.id));
  retailers.forEach((r, i) => {
    if (isLocked(r) && r.managerId === undefined && Array.isArray(lockedIds))
      refs.push({ path: ['retailers', i, 'managerId'], value: r.id, ...issueReason('territory.locked_needs_manager') });
    if (r.managerId !== undefined && isLocked(r) && !managerIds.has(r.managerId))
      refs.push({
        path: ['retailers', i, 'managerId'],
        value: r.managerId,
        ...issueReason('territory.locked_unknown_manager'),
      });
  });
  if (Array.isArray(lockedIds))
    lockedIds.forEach((id, k) => {
      if (!seen.has(id))
        refs.push({ path: ['options', 'locked', k], value: id, ...issueReason('territory.no_retailer_id') });
    });
  if (refs.length) throw new BeatplanError('UNKNOWN_REFERENCE', refs);
}

/**
 * Splits retailers among customer managers into balanced, compact, contiguous territories formed
 * around the managers' bases (capacity-constrained power diagram + boundary repair, see the README).
 * With current assignments (`managerId`) it re-balances them, moving as few retailers as possible.
 * Deterministic: there is no randomness, the same input gives the same partition.
 *
 * @param retailers Core `Retailer` records (any crs; converted to WGS84).
 * @param managers Core `CustomerManager` records; territories form around their `base`.
 * @param options See {@link PartitionOptions}.
 * @returns See {@link PartitionResult}.
 * @throws {BeatplanError} `INVALID_INPUT` (schema, duplicate ids, no manager, bad option),
 *   `UNKNOWN_REFERENCE` (a locked retailer's manager is not given, a locked id is not a retailer);
 *   the travel source's own errors.
 * @example
 * const retailers = Array.from({ length: 40 }, (_, i) => ({
 *   id: `R${i}`, name: `Shop ${i}`, location: { lng: 120.1 + (i % 8) * 0.01, lat: 30.2 + Math.floor(i / 8) * 0.01 },
 *   segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 1, orderVolume: 100,
 * }));
 * const hours = { mon: [{ from: '09:00', to: '17:00' }] };
 * const managers = [
 *   { id: 'M1', name: 'West', base: { lng: 120.1, lat: 30.22 }, workingHours: hours },
 *   { id: 'M2', name: 'East', base: { lng: 120.17, lat: 30.22 }, workingHours: hours },
 * ];
 * const { territories, stats, balanced } = partitionTerritories(retailers, managers, { weights: { count: 1 } });
 * // territories[0].retailerIds.length === 20, balanced === true
 */
export function partitionTerritories(
  retailers: readonly unknown[],
  managers: readonly unknown[],
  options?: PartitionOptions,
): PartitionResult {
  const rs = parseOrThrow(z.array(RetailerSchema, { error: 'retailers must be an array' }), retailers, ['retailers']);
  const ms = parseOrThrow(z.array(CustomerManagerSchema, { error: 'managers must be an array' }), managers, [
    'managers',
  ]);
  const o = parseOrThrow(PartitionOptionsSchema, options ?? {}, ['options']);
  const lockedOpt = o.locked ?? false;
  checkReferences(rs, ms, lockedOpt);
  const n = rs.length,
    k = ms.length;
  const tolerance = o.tolerance ?? 0.05;
  const managerIndex = new Map(ms.map((m, j) => [m.id, j]));
  const lockedSet = Array.isArray(lockedOpt) ? new Set(lockedOpt) : null;

  const wgs = rs.map((r) => toWgs84(r.location));
  const bases = ms.map((m) => toWgs84(m.base));
  const plane = projectToPlane([...wgs, ...bases]);
  const x = plane.x.slice(0, n),
    y = plane.y.slice(0, n);
  const baseX = plane.x.slice(n),
    baseY = plane.y.slice(n);
  const neighbours = o.workload?.neighbours ?? DEFAULT_WORKLOAD_OPTIONS.neighbours;
  const { travel, costSource } = syncWorkloadTravel(wgs, neighbours, o.costs, o.travel);
  const workload = computeWorkload(rs, x, y, o.workload, travel);

  // balance value: weighted attributes, each over its mean
  const wts = o.weights ?? weightsOf(o.balance);
  const items = rs.map((r, i) => ({ r, weeklyMinutes: getKnown(workload, i, 'retailer').weeklyMinutes }));
  type Item = (typeof items)[number];
  const attrs: [number, (item: Item) => number][] = [
    [wts.count ?? 0, () => 1],
    [wts.workload ?? 0, (item) => item.weeklyMinutes],
    [wts.orders ?? 0, (item) => item.r.orderCount],
    [wts.volume ?? 0, (item) => item.r.orderVolume],
    [wts.orderingRetailers ?? 0, (item) => (item.r.orderCount > 0 ? 1 : 0)],
  ];
  // the attributes that count, each with its mean
  const counted = attrs.flatMap(([lambda, get]) => {
    if (lambda <= 0 || n === 0) return [];
    let mean = 0;
    for (const item of items) mean += get(item) / n;
    return mean > 0 ? [{ lambda, get, mean }] : [];
  });
  const weightSum = counted.reduce((a, c) => a + c.lambda, 0);
  const weight = Float64Array.from(items, (item) => {
    let w = 0;
    for (const { lambda, get, mean } of counted) w += (lambda * get(item)) / mean;
    return weightSum > 0 ? w / weightSum : 1;
  });

  const locked = new Int32Array(n).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  rs.forEach((r, i) => {
    const j = r.managerId === undefined ? -1 : (managerIndex.get(r.managerId) ?? -1);
    if (o.keepCurrent !== false) previous[i] = j;
    if (j >= 0 && (lockedOpt === true || lockedSet?.has(r.id))) locked[i] = j;
  });
  const stable = previous.some((j) => j >= 0);
  const maxRadius = o.maxDiameterM === undefined ? Infinity : o.maxDiameterM / 2;

  // targets: equal shares of what can be assigned
  const total = weight.reduce((a, b) => a + b, 0);
  const target = new Float64Array(k).fill(Math.max(total / k, 1e-9));

  // stable re-balancing starts from the current territories' centroids
  let startX: Float64Array | undefined, startY: Float64Array | undefined;
  if (stable) {
    startX = Float64Array.from(baseX);
    startY = Float64Array.from(baseY);
    // each manager's current retailers: sum of x, of y, and count
    const sums = ms.map(() => ({ x: 0, y: 0, c: 0 }));
    previous.forEach((j, i) => {
      if (j < 0) return;
      const s = getKnown(sums, j, 'manager');
      s.x += getKnown(x, i, 'retailer');
      s.y += getKnown(y, i, 'retailer');
      s.c++;
    });
    for (const [j, { x: sx, y: sy, c }] of sums.entries()) if (c > 0) [startX[j], startY[j]] = [sx / c, sy / c];
  }
  const core = assignBalanced({
    x,
    y,
    weight,
    baseX,
    baseY,
    target,
    locked,
    previous,
    maxRadius,
    tolerance,
    baseAttraction: o.baseAttraction ?? 0.3,
    stickiness: stable ? (o.stickiness ?? 2) : 0,
    rounds: stable ? 1 : (o.rounds ?? 8),
    ...(startX && startY ? { startX, startY } : {}),
  });

  const graph = buildNeighbourGraph(x, y, Math.min(6, Math.max(1, n - 1)));
  let r2 = 0;
  core.assignment.forEach((j, i) => {
    if (j < 0) return;
    const dx = getKnown(x, i, 'retailer') - getKnown(core.centreX, j, 'manager');
    const dy = getKnown(y, i, 'retailer') - getKnown(core.centreY, j, 'manager');
    r2 += (dx ** 2 + dy ** 2) / n;
  });
  const state: RepairState = {
    x,
    y,
    weight,
    target,
    locked,
    previous,
    baseX,
    baseY,
    centreX: core.centreX,
    centreY: core.centreY,
    maxRadius,
    tolerance,
    assignment: core.assignment,
    load: core.load,
    graph,
    movePenalty: stable ? (o.stickiness ?? 2) * Math.max(r2, 1) : 0,
  };
  removeIslands(state);
  repairBalance(state, Math.ceil(n / 2), tolerance * 0.6);
  removeIslands(state);
  repairBalance(state, Math.ceil(n / 4), tolerance * 0.8);
  let limitState: LimitState | null = null;
  if (o.balance) {
    const limits = buildLimits(rs, workload, o.balance);
    const ids = ms.map((m) => m.id);
    let ls = new LimitState(limits, k, state.assignment, locked, ids);
    repairLimits(state, ls, n);
    // islands the limit moves left join a neighbour when that does not worsen the limits, then repair again
    const allow = (list: readonly number[], from: number, to: number) =>
      ls.penaltyOf(from, [], list) + ls.penaltyOf(to, list, []) <= ls.penalty(from) + ls.penalty(to) + 1e-12;
    for (let pass = 0; pass < 2 && removeIslands(state, allow) > 0; pass++) {
      ls = new LimitState(limits, k, state.assignment, locked, ids);
      repairLimits(state, ls, Math.ceil(n / 4));
    }
    limitState = ls;
  }

  const assignment = dataRecord<string>();
  const dropped: DroppedRetailer[] = [];
  const lists = ms.map((m) => ({ m, retailerIds: new Array<string>() }));
  let moved = 0;
  rs.forEach((r, i) => {
    const j = getKnown(state.assignment, i, 'retailer');
    if (j < 0) {
      dropped.push({ retailerId: r.id, ...reasonWithData('territory.no_base_within', { m: maxRadius }) });
      return;
    }
    const list = getKnown(lists, j, 'manager');
    assignment[r.id] = list.m.id;
    list.retailerIds.push(r.id);
    const before = getKnown(previous, i, 'retailer');
    if (before >= 0 && before !== j) moved++;
  });
  const territories: Territory[] = lists.map(({ m, retailerIds }) => ({
    id: `T-${m.id}`,
    managerId: m.id,
    retailerIds,
    ...(m.region ? { region: m.region } : {}),
  }));
  const { stats, spread, hulls } = summarizeTerritories({ retailers: rs, wgs, managers: ms, state, workload });
  const limits = limitState ? limitState.report() : [];
  const balanced = limitState
    ? limits.every((l) => l.status === 'met')
    : stats.every((s) => Math.abs(s.deviation) <= tolerance + 1e-12);
  return { territories, assignment, stats, spread, balanced, limits, moved, dropped, workload, costSource, hulls };
}
