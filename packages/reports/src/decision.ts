import type { RetailerClass, Segment } from '@beatplan/core';
import * as z from 'zod';

/**
 * The settings of the decision analysis (input field `decision`; every field optional, defaults here only):
 * - `hexKm` (default 1): the hex grid's cell width, flat side to flat side, km (0.1–50).
 * - `speedKmh` (default 20, the planner's city speed): turns the siting view's extra kilometres into minutes.
 * - `farKm` (default: twice the median distance of the retailers to their nearest base): a retailer
 *   farther than this from every base is a coverage gap.
 * - `moreTimeRatio` (default 1.5): a segment and class whose share of the required visit time is at
 *   least this many times its share of the order volume gets "more time than its orders"; one at most
 *   its inverse (1 ÷ 1.5) "less time than its orders".
 *
 * @example
 * DecisionOptionsSchema.parse({ hexKm: 2 }); // { hexKm: 2, speedKmh: 20, moreTimeRatio: 1.5 }
 */
export const DecisionOptionsSchema = z.strictObject({
  hexKm: z
    .number({ error: 'hexKm must be a number of kilometres' })
    .min(0.1, { error: 'hexKm must be at least 0.1' })
    .max(50, { error: 'hexKm must be at most 50' })
    .default(1),
  speedKmh: z
    .number({ error: 'speedKmh must be a speed in km/h' })
    .min(1, { error: 'speedKmh must be at least 1' })
    .max(200, { error: 'speedKmh must be at most 200' })
    .default(20),
  farKm: z
    .number({ error: 'farKm must be a number of kilometres' })
    .min(0, { error: 'farKm must be at least 0' })
    .max(20_000)
    .optional(),
  moreTimeRatio: z
    .number({ error: 'moreTimeRatio must be a number' })
    .min(1, { error: 'moreTimeRatio must be at least 1' })
    .max(100)
    .default(1.5),
});
/** See {@link DecisionOptionsSchema}. */
export type DecisionOptions = z.output<typeof DecisionOptionsSchema>;

/** Visit effort against orders for one segment and class (grade) of retailers. */
export interface EffortGroup {
  segment: Segment;
  class: RetailerClass;
  retailers: number;
  /** Σ serviceMinutes × required visits per 4 weeks (the visit rules' effort), minutes. */
  requiredMinutesPer4Weeks: number;
  /** Its share of all retailers' required minutes, 0..1. */
  effortShare: number | null;
  /** Verified minutes on site in the report's period (what was spent). */
  verifiedMinutes: number;
  orderCount: number;
  orderVolume: number;
  /** Its share of all retailers' order volume, 0..1. */
  volumeShare: number | null;
  /** effortShare ÷ volumeShare: above 1 the group gets more of the time than of the orders; null without volume. */
  effortToVolume: number | null;
  /** `more_time` (ratio ≥ moreTimeRatio), `less_time` (≤ its inverse), `balanced`, or null (no volume or no effort). */
  verdict: 'more_time' | 'less_time' | 'balanced' | null;
}

/** One hex cell holding retailers, with the siting figures. */
export interface HexCell {
  /** Axial coordinates `q,r` of the grid (see `DecisionReport.hexKm`). */
  id: string;
  /** The cell's centre, WGS84. */
  lng: number;
  lat: number;
  retailers: number;
  /** Σ serviceMinutes × required visits per 4 weeks of its retailers. */
  requiredMinutesPer4Weeks: number;
  /** The manager whose base is nearest the centre, and the straight-line km to it. */
  nearestManagerId: string | null;
  baseKm: number | null;
  /** That manager's assigned required minutes ÷ the mean over the managers (1 = average load). */
  nearestManagerLoad: number | null;
  /** Retailers of the cell farther than `farKm` from every base. */
  farRetailers: number;
  /**
   * Estimated extra travel of one more weekly retailer here, minutes per 4 weeks: 4 visits × the detour
   * of fitting it between its neighbours, √(cell area ÷ (retailers + 1)) km, at `speedKmh`.
   */
  newRetailerMinutesPer4Weeks: number;
  /**
   * 1 = where a new retailer adds least: least `newRetailerMinutesPer4Weeks`, then the nearest manager
   * with the lowest load (spare capacity), then the nearest base; cells equal on all three share a rank.
   */
  newRetailerRank: number;
  /**
   * A new manager's base here: Σ over all retailers nearer this centre than their nearest base of
   * (required visits per 4 weeks × 2 × the km saved), km per 4 weeks (round trips from the base, an upper
   * bound of the saving), and the required minutes of those retailers. For the distance to this centre a
   * retailer is taken at its own cell's centre (off by at most the cell's radius, `hexKm` ÷ √3).
   */
  newBaseKmSavedPer4Weeks: number;
  newBaseMinutesPer4Weeks: number;
  /** 1 = where a new base relieves most: most km saved, then most minutes brought nearer; equal cells share a rank. */
  newBaseRank: number;
}

/**
 * Decision analysis over the report's retailers and managers' bases: visit effort against orders by
 * segment and class, coverage gaps (retailers far from every base) and the hex siting view. Straight
 * lines throughout (a planning estimate, not a route).
 */
export interface DecisionReport {
  hexKm: number;
  speedKmh: number;
  /** The coverage-gap distance used (given, or twice `medianBaseKm`), km. */
  farKm: number | null;
  /** Median straight-line km of the retailers to their nearest base; null without bases or retailers. */
  medianBaseKm: number | null;
  moreTimeRatio: number;
  /** Every segment × class with retailers, segments in `retail`, `chain_supermarket`, `hotel_entertainment` order, classes A–C. */
  effort: EffortGroup[];
  /** Retailers farther than `farKm` from every base, farthest first. */
  farRetailers: { retailerId: string; name: string; managerId: string | null; nearestManagerId: string; km: number }[];
  /** The grid's origin (the mean of the retailers' positions): cell `0,0` is centred on it; null without retailers or bases. */
  origin: { lng: number; lat: number } | null;
  /** The cells holding retailers, by `id`. */
  cells: HexCell[];
}
