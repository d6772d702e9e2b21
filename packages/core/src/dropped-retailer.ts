import type { KeyedReason } from './beatplan-error.js';

/**
 * A retailer (or one of its visits) that a planner left out, with the reason: the one "left out"
 * shape of beatplan. Every planner lists what it could not place under a key named `dropped`,
 * never silently: `partitionTerritories(...).dropped` (no territory), `planWeeklyBeats(...).dropped`
 * (no visit day, or no room on `date`), `routeInspection(...).dropped` (no inspection day);
 * `@beatplan/tsp`'s `solve(...).dropped` lists `{ node, reason }` the same way.
 *
 * @example
 * const d = { retailerId: 'R7', date: '2025-03-03', ...reasonWithData('territory.day_too_short') };
 * d.reason;                                         // 'the working day is too short to reach it'
 * formatReason(d.reasonData, { locale: 'zh-CN' });  // '工作日太短，无法到达它'
 */
export interface DroppedRetailer {
  /** The retailer's id. */
  retailerId: string;
  /** The local date of the visit that was left out; absent when the retailer was left out altogether. */
  date?: string;
  /** Why, a short phrase in English (`not open on any working day of the manager during his working hours`). */
  reason: string;
  /**
   * The same reason as data (key and parameters), for other languages: `formatReason(reasonData, { locale:
   * 'zh-CN' })` writes it in Chinese. beatplan's planners always set it; a host's own entry may leave it out.
   */
  reasonData?: KeyedReason;
}
