import { WEEKDAYS, type TimeInterval, type Weekday, type WeeklyHours } from '../schemas/weekly-hours.js';

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function expandDays(spec: string): Weekday[] | string {
  if (spec === 'daily') return [...WEEKDAYS];
  const days: Weekday[] = [];
  for (const part of spec.split(',')) {
    const [a, b, extra] = part.split('-');
    const i = WEEKDAYS.indexOf(a as Weekday);
    if (i < 0 || extra !== undefined)
      return `unknown day "${part}" (use mon, tue, wed, thu, fri, sat, sun, daily or a range like mon-fri)`;
    if (b === undefined) {
      days.push(WEEKDAYS[i]!);
      continue;
    }
    const j = WEEKDAYS.indexOf(b as Weekday);
    if (j < 0) return `unknown day "${b}" in "${part}"`;
    for (let k = i; ; k = (k + 1) % 7) {
      days.push(WEEKDAYS[k]!);
      if (k === j) break;
    }
  }
  return days;
}

function parseIntervals(spec: string): TimeInterval[] | string {
  if (spec === 'closed') return [];
  const out: TimeInterval[] = [];
  for (const part of spec.split(',')) {
    const [from, to, extra] = part.split('-');
    if (
      from === undefined ||
      to === undefined ||
      extra !== undefined ||
      !TIME.test(from) ||
      !TIME.test(to) ||
      from === '24:00'
    ) {
      return `"${part}" is not an interval "HH:MM-HH:MM"`;
    }
    out.push({ from, to });
  }
  return out;
}

/**
 * Parses the compact text form of weekly hours (grammar in the README):
 * `mon-fri 08:00-12:00,14:00-20:00; sat 09:00-13:00; sun closed`. Case and spaces around `,` `-` `;`
 * do not matter. Empty text gives `undefined` (hours unknown). Returns a reason string on error. The
 * result still needs `WeeklyHoursSchema` for overlap and empty-interval checks.
 */
export function parseOpeningHoursText(text: string): WeeklyHours | undefined | string {
  const clean = text
    .trim()
    .toLowerCase()
    .replace(/\s*([,;-])\s*/g, '$1');
  if (clean === '') return undefined;
  const hours: Partial<Record<Weekday, TimeInterval[]>> = {};
  for (const clause of clean.split(';')) {
    if (clause === '') continue;
    const tokens = clause.split(/\s+/);
    if (tokens.length !== 2) return `"${clause}" must be "<days> <intervals>", e.g. "mon-fri 08:00-20:00"`;
    const days = expandDays(tokens[0]!);
    if (typeof days === 'string') return days;
    const intervals = parseIntervals(tokens[1]!);
    if (typeof intervals === 'string') return intervals;
    for (const day of days) {
      if (hours[day]) return `${day} is given twice`;
      hours[day] = intervals.map((i) => ({ ...i }));
    }
  }
  const ordered: WeeklyHours = {};
  for (const day of WEEKDAYS) if (hours[day]) ordered[day] = hours[day];
  return ordered;
}

const key = (intervals: TimeInterval[]): string =>
  intervals.length ? intervals.map((i) => `${i.from}-${i.to}`).join(',') : 'closed';

/** Formats weekly hours in the compact text form, grouping consecutive days with the same hours. */
export function formatOpeningHoursText(hours: WeeklyHours): string {
  const clauses: string[] = [];
  let k = 0;
  while (k < 7) {
    const day = WEEKDAYS[k]!;
    const intervals = hours[day];
    if (!intervals) {
      k++;
      continue;
    }
    const text = key(intervals);
    let end = k;
    while (end + 1 < 7 && hours[WEEKDAYS[end + 1]!] && key(hours[WEEKDAYS[end + 1]!]!) === text) end++;
    const days = end === k ? day : end === 6 && k === 0 ? 'daily' : `${day}-${WEEKDAYS[end]!}`;
    clauses.push(`${days} ${text}`);
    k = end + 1;
  }
  return clauses.join('; ');
}
