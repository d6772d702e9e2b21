import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { FLAG } from './code-masks.js';
import { KIND_ABSENT, SOURCE_CODE, type Evidence } from './evidence.js';
import type { DayGroup } from './group-days.js';

// Scratch arrays reused across days (grown on demand): the day's fix slots and their times.
let slots = new Int32Array(256);
let times = new Float64Array(256);

/**
 * OVERLAPPING_VISITS: a visit starting more than `clockSkewToleranceS` before the farthest-reaching
 * earlier visit of the day ends; both are flagged. Members are in start order. A visit without an end
 * fix ends, for this purpose, when it starts (its end slot is a copy of its start).
 */
function flagOverlaps(members: Int32Array, ev: Evidence, skewMs: number): void {
  let reach = -Infinity;
  let owner = -1;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const start = ev.fixAt[2 * i]!;
    if (owner >= 0 && start < reach - skewMs) {
      ev.flags[i]! |= FLAG.OVERLAPPING_VISITS;
      ev.flags[owner]! |= FLAG.OVERLAPPING_VISITS;
    }
    const end = Math.max(start, ev.fixAt[2 * i + 1]!);
    if (end > reach) {
      reach = end;
      owner = i;
    }
  }
}

/**
 * IMPOSSIBLE_SPEED: the day's fixes in time order (ties: visit order, start before end; the end slot of
 * a visit without an end fix repeats its start, at distance 0, so it adds no pair of its own); for each
 * consecutive pair, the distance beyond both 95 % radii, `max(0, d − r₁ − r₂)`, over the time
 * between them (at least 1 s) must not exceed `maxSpeedKmh` (compared in m/s). Both visits of an offending pair are flagged.
 */
function flagSpeeds(members: Int32Array, ev: Evidence, maxMetresPerSecond: number): void {
  const m = 2 * members.length;
  if (slots.length < m) {
    slots = new Int32Array(2 * m);
    times = new Float64Array(2 * m);
  }
  // Insertion sort by time (stable; the members are in start order, so this is nearly sorted).
  for (let k = 0; k < m; k++) {
    const slot = 2 * members[k >> 1]! + (k & 1);
    const at = ev.fixAt[slot]!;
    let j = k;
    while (j > 0 && times[j - 1]! > at) {
      slots[j] = slots[j - 1]!;
      times[j] = times[j - 1]!;
      j--;
    }
    slots[j] = slot;
    times[j] = at;
  }
  for (let k = 1; k < m; k++) {
    const f = slots[k - 1]!;
    const g = slots[k]!;
    const excess =
      haversineCosM(ev.fixLng[f]!, ev.fixLat[f]!, ev.fixCos[f]!, ev.fixLng[g]!, ev.fixLat[g]!, ev.fixCos[g]!) -
      ev.fixR95[f]! -
      ev.fixR95[g]!;
    if (excess <= 0) continue;
    const dt = Math.max((times[k]! - times[k - 1]!) / 1000, 1);
    if (excess > maxMetresPerSecond * dt) {
      ev.flags[f >> 1]! |= FLAG.IMPOSSIBLE_SPEED;
      ev.flags[g >> 1]! |= FLAG.IMPOSSIBLE_SPEED;
    }
  }
}

/**
 * CONSTANT_ACCURACY: at least `minFixes` GNSS fixes in the day, all with the same accuracy; their
 * visits are flagged. The end slot of a visit without an end fix (a copy of its start) is not a fix.
 */
function flagConstantAccuracy(members: Int32Array, ev: Evidence, minFixes: number): void {
  const isGnss = (slot: number) => (ev.fixKind[slot]! & (3 | KIND_ABSENT)) === SOURCE_CODE.gnss;
  let count = 0;
  let value = NaN;
  for (let k = 0; k < 2 * members.length; k++) {
    const slot = 2 * members[k >> 1]! + (k & 1);
    if (!isGnss(slot)) continue;
    if (count === 0) value = ev.accuracyM[slot]!;
    else if (ev.accuracyM[slot] !== value) return;
    count++;
  }
  if (count < minFixes) return;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    if (isGnss(2 * i) || isGnss(2 * i + 1)) ev.flags[i]! |= FLAG.CONSTANT_ACCURACY;
  }
}

/** Adds the flags that need a manager's whole day: overlaps, impossible speed, constant accuracy. */
export function flagDay(group: DayGroup, ev: Evidence, policy: VerifyPolicy): void {
  flagOverlaps(group.members, ev, policy.clockSkewToleranceS * 1000);
  flagSpeeds(group.members, ev, policy.maxSpeedKmh / 3.6);
  flagConstantAccuracy(group.members, ev, policy.minConstantAccuracyFixes);
}
