/**
 * A retailer (or one of its visits) that a planner left out, with the reason: the one "left out"
 * shape of beatplan. Every planner lists what it could not place under a key named `dropped`,
 * never silently: `partitionTerritories(...).dropped` (no territory), `planWeeklyBeats(...).dropped`
 * (no visit day, or no room on `date`), `routeInspection(...).dropped` (no inspection day);
 * `@beatplan/tsp`'s `solve(...).dropped` lists `{ node, reason }` the same way.
 *
 * @example
 * const d: DroppedRetailer = { retailerId: 'R7', date: '2025-03-03', reason: 'the working day is full' };
 */
export interface DroppedRetailer {
  /** The retailer's id. */
  retailerId: string;
  /** The local date of the visit that was left out; absent when the retailer was left out altogether. */
  date?: string;
  /** Why, a short phrase (`not open on any working day of the manager during his working hours`). */
  reason: string;
}
