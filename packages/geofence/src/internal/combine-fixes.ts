import { EARTH_RADIUS_M } from '@beatplan/core';
import { FENCE_DISC, type CompiledFence } from './fence.js';
import type { Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';
import { polygonSignedDistanceM } from './polygon-distance.js';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/** The weights of the start fix tried between the two fixes (the ends, 0 and 1, are each fix alone). */
const WEIGHTS = Float64Array.from({ length: 19 }, (_, j) => (j + 1) / 20);

/**
 * How many standard errors inside the fence the two fixes of visit `i` put the manager together,
 * when they are read as two measurements of one place (he stayed for the dwell): the largest, over
 * the weights w in `WEIGHTS`, of −s(p_w) / σ_w, where p_w = w·start + (1 − w)·end, s its signed
 * distance to the fence edge (metres, negative inside) and σ_w = √(w²σ₁² + (1 − w)²σ₂²) its standard
 * error per axis. Each weight is a fixed linear estimate, so each term is an honest test; the
 * inverse-variance weight σ₂²/(σ₁² + σ₂²) is the most powerful and lies within 0.05 of a grid
 * point. The weights do not depend on the accuracies, so a smaller σ₁ or σ₂ never lowers a
 * positive result (the monotonicity the property tests check).
 *
 * Stops early once `atLeast` is reached. NaN anywhere gives NaN or a smaller value, never more.
 */
export function combinedSigmasInside(ev: Evidence, i: number, fence: CompiledFence, atLeast: number): number {
  const ks = 2 * i;
  const s1 = ev.fixSigma[ks] ?? failEvidence('fixSigma', ks);
  const s2 = ev.fixSigma[ks + 1] ?? failEvidence('fixSigma', ks + 1);
  const lng1 = ev.fixLng[ks] ?? failEvidence('fixLng', ks);
  const lat1 = ev.fixLat[ks] ?? failEvidence('fixLat', ks);
  const lng2 = ev.fixLng[ks + 1] ?? failEvidence('fixLng', ks + 1);
  const lat2 = ev.fixLat[ks + 1] ?? failEvidence('fixLat', ks + 1);
  const v1 = s1 * s1;
  const v2 = s2 * s2;
  let best = -Infinity;
  if (fence.kind === FENCE_DISC) {
    // Local planar metres about the fence's centre (fixes near a fence: the error is negligible).
    const kx = fence.cosLat * M_PER_DEG;
    const x1 = wrap(lng1 - fence.lng) * kx;
    const y1 = (lat1 - fence.lat) * M_PER_DEG;
    const x2 = wrap(lng2 - fence.lng) * kx;
    const y2 = (lat2 - fence.lat) * M_PER_DEG;
    for (const w of WEIGHTS) {
      const u = 1 - w;
      const z = (fence.radiusM - Math.hypot(w * x1 + u * x2, w * y1 + u * y2)) / Math.sqrt(w * w * v1 + u * u * v2);
      if (z > best) best = z;
      if (best >= atLeast) break;
    }
  } else if (fence.planar !== null) {
    const planar = fence.planar;
    const dLng = wrap(lng2 - lng1);
    const dLat = lat2 - lat1;
    for (const w of WEIGHTS) {
      const u = 1 - w;
      // p_w = start + (1 − w)·(end − start)
      const s = polygonSignedDistanceM(planar, lng1 + u * dLng, lat1 + u * dLat) - fence.marginM;
      const z = -s / Math.sqrt(w * w * v1 + u * u * v2);
      if (z > best) best = z;
      if (best >= atLeast) break;
    }
  }
  return best;
}

/** A longitude difference in [−180, 180). */
function wrap(d: number): number {
  return d >= 180 ? d - 360 : d < -180 ? d + 360 : d;
}
