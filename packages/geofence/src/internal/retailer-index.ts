import type { VerifyPolicy } from '../verify-policy.js';
import type { VerifyRetailer } from '../verify-retailer.js';
import { compileFence, type CompiledFence } from './fence.js';

/**
 * Retailers validated and precomputed once for a policy: each retailer's location converted to
 * WGS84, its radius chosen (class, then segment, then default), its geofence polygon converted to
 * WGS84. Treat it as opaque and immutable; build it with `compileRetailers`.
 */
export interface RetailerIndex {
  /** The parsed policy, defaults applied. */
  readonly policy: VerifyPolicy;
  /** The retailers, as parsed. */
  readonly retailers: readonly VerifyRetailer[];
  /** The fence of each retailer, in the order of `retailers`. */
  readonly fences: readonly CompiledFence[];
  /** Retailer id → index in `retailers`. */
  readonly byId: ReadonlyMap<string, number>;
}

/** Builds the index from parsed retailers and policy (no validation). */
export function buildRetailerIndex(retailers: readonly VerifyRetailer[], policy: VerifyPolicy): RetailerIndex {
  const byId = new Map<string, number>();
  retailers.forEach((r, i) => byId.set(r.id, i));
  return { policy, retailers, fences: retailers.map((r) => compileFence(r, policy)), byId };
}
