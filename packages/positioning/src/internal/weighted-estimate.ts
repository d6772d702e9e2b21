import { getKnown, haversineM } from '@beatplan/core';

/** One located transmitter heard by the device. */
export interface Emitter {
  lng: number;
  lat: number;
  /** Table range, metres. */
  rangeM: number;
  /** Table samples (0 = unknown). */
  samples: number;
  /** Received signal, dBm; undefined = not reported. */
  signalDbm: number | undefined;
}

/** Tuning of {@link weightedEstimate}. */
export interface WeightedEstimateSettings {
  /** Smallest accuracy radius returned, metres. */
  floorM: number;
  /** Smallest range credited to a transmitter, metres. */
  minRangeM: number;
  /** A transmitter with 1 ≤ samples < this has its range multiplied by `lowSampleFactor`. */
  lowSampleCount: number;
  lowSampleFactor: number;
}

/** The estimate: position (table crs), 95 % radius, and each emitter with its weight share, effective range and distance. */
export interface WeightedEstimate<E extends Emitter = Emitter> {
  lng: number;
  lat: number;
  accuracyM: number;
  spreadM: number;
  used: { emitter: E; weight: number; rangeM: number; distanceM: number }[];
}

const RAD = Math.PI / 180;

/**
 * Relative linear power of each signal: w = 10^((dBm − strongest dBm) / 10), so the strongest is 1
 * and 10 dB weaker is 0.1. A missing signal gets the weight of the weakest reported one (it cannot
 * dominate); when none is reported, every weight is 1.
 */
export function signalWeights(signals: readonly (number | undefined)[]): number[] {
  let max = -Infinity;
  let min = Infinity;
  for (const s of signals) {
    if (s === undefined) continue;
    if (s > max) max = s;
    if (s < min) min = s;
  }
  if (max === -Infinity) return signals.map(() => 1);
  const weakest = 10 ** ((min - max) / 10);
  return signals.map((s) => (s === undefined ? weakest : 10 ** ((s - max) / 10)));
}

/**
 * Signal-weighted centroid and conservative accuracy radius of the emitters (at least one):
 *
 * - centroid: weighted mean in a local equirectangular plane around the first emitter
 *   (x = Δlng·cos(lat₀), y = Δlat, Δlng wrapped to [-180, 180]), mapped back;
 * - effective range rᵢ = max(rangeᵢ, minRangeM), × lowSampleFactor when 1 ≤ samplesᵢ < lowSampleCount;
 * - dᵢ = great-circle distance from the centroid to emitter i;
 * - accuracy (95 %) = max(floorM, Σ wᵢ (dᵢ + rᵢ) / Σ wᵢ);
 * - spread = sqrt(Σ wᵢ dᵢ² / Σ wᵢ).
 */
export function weightedEstimate<E extends Emitter>(
  emitters: readonly E[],
  settings: WeightedEstimateSettings,
): WeightedEstimate<E> {
  const weights = signalWeights(emitters.map((e) => e.signalDbm));
  const weighted = emitters.map((e, i) => ({ e, w: getKnown(weights, i, 'emitter') }));
  const first = getKnown(emitters, 0, 'emitter');
  const lng0 = first.lng;
  const lat0 = first.lat;
  const k = Math.max(Math.cos(lat0 * RAD), 1e-9);
  let W = 0;
  let X = 0;
  let Y = 0;
  for (const { e, w } of weighted) {
    W += w;
    X += w * wrapLng(e.lng - lng0) * k;
    Y += w * (e.lat - lat0);
  }
  const lat = Math.min(90, Math.max(-90, lat0 + Y / W));
  const lng = wrapLng(lng0 + X / W / k);
  let sumReach = 0;
  let sumSq = 0;
  const used: WeightedEstimate<E>['used'] = [];
  for (const { e, w } of weighted) {
    let r = Math.max(e.rangeM, settings.minRangeM);
    if (e.samples >= 1 && e.samples < settings.lowSampleCount) r *= settings.lowSampleFactor;
    const d = haversineM(lng, lat, e.lng, e.lat);
    used.push({ emitter: e, weight: w / W, rangeM: r, distanceM: d });
    sumReach += w * (d + r);
    sumSq += w * d * d;
  }
  return {
    lng,
    lat,
    accuracyM: Math.max(settings.floorM, sumReach / W),
    spreadM: Math.sqrt(sumSq / W),
    used,
  };
}

/** Wraps a longitude (difference) to [-180, 180]. */
function wrapLng(x: number): number {
  if (x >= -180 && x <= 180) return x;
  return ((((x + 180) % 360) + 360) % 360) - 180;
}
