import { haversineCosM } from '@beatplan/core';
import type { VerifyPolicy } from '../verify-policy.js';
import { FLAG } from './code-masks.js';
import { KIND_ABSENT, SOURCE_CODE, type Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';
import type { DayGroup } from './group-days.js';

// Scratch arrays reused across days (grown on demand): the day's fix slots and their times.
let slots = new Int32Array(256);
let times = new Float64Array(256);

/** Sets `flag` on visit `i` (flags are rare: this is off the hot path). */
function addFlag(ev: Evidence, i: number, flag: number): void {
  const flags = ev.flags[i];
  if (flags === undefined) failEvidence('flags', i);
  ev.flags[i] = flags | flag;
}

/**
 * OVERLAPPING_VISITS: a visit starting more than `clockSkewToleranceS` before the farthest-reaching
 * earlier visit of the day ends; both are flagged. Members are in start order. A visit without an end
 * fix ends, for this purpose, when it starts (its end slot is a copy of its start).
 */
function flagOverlaps(members: Int32Array, ev: Evidence, skewMs: number): void {
  let reach = -Infinity;
  let owner = -1;
  for (const i of members) {
    const start = ev.fixAt[2 * i];
    const stop = ev.fixAt[2 * i + 1];
    if (start === undefined || stop === undefined) failEvidence('fixAt', 2 * i);
    if (owner >= 0 && start < reach - skewMs) {
      addFlag(ev, i, FLAG.OVERLAPPING_VISITS);
      addFlag(ev, owner, FLAG.OVERLAPPING_VISITS);
    }
    const end = Math.max(start, stop);
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
  let k = 0;
  for (const i of members) {
    for (let slot = 2 * i; slot <= 2 * i + 1; slot++, k++) {
      const at = ev.fixAt[slot];
      if (at === undefined) failEvidence('fixAt', slot);
      let j = k;
      while (j > 0) {
        const before = times[j - 1] ?? failEvidence('times', j - 1);
        if (!(before > at)) break;
        slots[j] = slots[j - 1] ?? failEvidence('slots', j - 1);
        times[j] = before;
        j--;
      }
      slots[j] = slot;
      times[j] = at;
    }
  }
  if (m < 2) return;
  let f = slots[0] ?? failEvidence('slots', 0);
  let tf = times[0] ?? failEvidence('times', 0);
  for (k = 1; k < m; k++) {
    const g = slots[k];
    const tg = times[k];
    if (g === undefined || tg === undefined) failEvidence('slots', k);
    const excess = excessMetres(ev, f, g);
    const dt = Math.max((tg - tf) / 1000, 1);
    if (excess > 0 && excess > maxMetresPerSecond * dt) {
      addFlag(ev, f >> 1, FLAG.IMPOSSIBLE_SPEED);
      addFlag(ev, g >> 1, FLAG.IMPOSSIBLE_SPEED);
    }
    f = g;
    tf = tg;
  }
}

/** The distance between fix slots `f` and `g` beyond both 95 % radii (m; may be negative). */
function excessMetres(ev: Evidence, f: number, g: number): number {
  const lngF = ev.fixLng[f];
  const latF = ev.fixLat[f];
  const cosF = ev.fixCos[f];
  const r95F = ev.fixR95[f];
  const lngG = ev.fixLng[g];
  const latG = ev.fixLat[g];
  const cosG = ev.fixCos[g];
  const r95G = ev.fixR95[g];
  if (lngF === undefined || latF === undefined || cosF === undefined || r95F === undefined)
    return failEvidence('fix slot', f);
  if (lngG === undefined || latG === undefined || cosG === undefined || r95G === undefined)
    return failEvidence('fix slot', g);
  return haversineCosM(lngF, latF, cosF, lngG, latG, cosG) - r95F - r95G;
}

/**
 * CONSTANT_ACCURACY: at least `minFixes` GNSS fixes in the day, all with the same accuracy; their
 * visits are flagged. The end slot of a visit without an end fix (a copy of its start) is not a fix.
 */
function flagConstantAccuracy(members: Int32Array, ev: Evidence, minFixes: number): void {
  const isGnss = (slot: number) =>
    ((ev.fixKind[slot] ?? failEvidence('fixKind', slot)) & (3 | KIND_ABSENT)) === SOURCE_CODE.gnss;
  let count = 0;
  let value: number | undefined;
  for (const i of members) {
    for (let slot = 2 * i; slot <= 2 * i + 1; slot++) {
      if (!isGnss(slot)) continue;
      const accuracy = ev.accuracyM[slot];
      if (count === 0) value = accuracy;
      else if (accuracy !== value) return;
      count++;
    }
  }
  if (count < minFixes) return;
  for (const i of members) if (isGnss(2 * i) || isGnss(2 * i + 1)) addFlag(ev, i, FLAG.CONSTANT_ACCURACY);
}

/** Adds the flags that need a manager's whole day: overlaps, impossible speed, constant accuracy. */
export function flagDay(group: DayGroup, ev: Evidence, policy: VerifyPolicy): void {
  flagOverlaps(group.members, ev, policy.clockSkewToleranceS * 1000);
  flagSpeeds(group.members, ev, policy.maxSpeedKmh / 3.6);
  flagConstantAccuracy(group.members, ev, policy.minConstantAccuracyFixes);
}
