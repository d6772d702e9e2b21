import type { Weekday } from '@beatplan/core';
import type { RetailerStatus } from '../report.js';
import type { ScorecardKpi } from '../scorecard.js';

// The first seven avoid the status hues (green, orange, red) so that a manager's territory, routes and
// retailer rings do not read as a status.
const MANAGER_COLOURS = [
  '#4e79a7',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#edc948',
  '#ff9da7',
  '#6b6ecf',
  '#f28e2b',
  '#59a14f',
  '#e15759',
];

/** The colour of the i-th manager: ten distinct colours, then hues spaced by the golden angle. */
export function managerColour(i: number): string {
  const listed = MANAGER_COLOURS[i];
  if (listed !== undefined) return listed;
  const hue = Math.round((i * 137.508) % 360);
  return `hsl(${hue} 55% 48%)`;
}

/** Fill colours of the retailer statuses on the map. */
export const STATUS_COLOURS: Readonly<Record<RetailerStatus, string>> = Object.freeze({
  verified: '#1a9641',
  unverified: '#fdae61',
  missed: '#d7191c',
  idle: '#d9d9d9',
});

/** Colours of the scorecard KPIs in charts. */
export const KPI_COLOURS: Readonly<Record<ScorecardKpi, string>> = Object.freeze({
  completion: '#4e79a7',
  verification: '#59a14f',
  timeOnSite: '#76b7b2',
  route: '#f28e2b',
  inspection: '#b07aa1',
  integrity: '#e15759',
});

/** Route colours by weekday: dark, distinct hues that read as lines over the territory tints. */
export const WEEKDAY_COLOURS: Readonly<Record<Weekday, string>> = Object.freeze({
  mon: '#1f3f99',
  tue: '#8e2c9a',
  wed: '#0f8b8d',
  thu: '#b8860b',
  fri: '#c2185b',
  sat: '#555555',
  sun: '#7a5c1e',
});
