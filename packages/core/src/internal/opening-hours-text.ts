import { issueReason, type ReasonedMessage } from '../issue-reason.js';
import { WEEKDAYS, type TimeInterval, type Weekday, type WeeklyHours } from '../schemas/weekly-hours.js';

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const isWeekday = (s: string | undefined): s is Weekday => (WEEKDAYS as readonly (string | undefined)[]).includes(s);

/** Two weeks in a row: a range that wraps (fri-mon) is one slice of it. */
const TWO_WEEKS: readonly Weekday[] = [...WEEKDAYS, ...WEEKDAYS];

function expandDays(spec: string): Weekday[] | ReasonedMessage {
  if (spec === 'daily') return [...WEEKDAYS];
  const days: Weekday[] = [];
  for (const part of spec.split(',')) {
    const [a, b, extra] = part.split('-');
    if (!isWeekday(a) || extra !== undefined) return issueReason('core.hours_unknown_day', { part });
    if (b === undefined) {
      days.push(a);
      continue;
    }
    if (!isWeekday(b)) return issueReason('core.hours_unknown_day_in', { day: b, part });
    const i = WEEKDAYS.indexOf(a);
    days.push(...TWO_WEEKS.slice(i, i + ((WEEKDAYS.indexOf(b) - i + 7) % 7) + 1));
  }
  return days;
}

function parseIntervals(spec: string): TimeInterval[] | ReasonedMessage {
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
      return issueReason('core.hours_interval', { part });
    }
    out.push({ from, to });
  }
  return out;
}

/** Whether {@link parseOpeningHoursText} gave a reason (the text is bad) rather than hours. */
export const isHoursError = (r: WeeklyHours | undefined | ReasonedMessage): r is ReasonedMessage =>
  r !== undefined && 'reason' in r && 'message' in r;

/**
 * Parses the compact text form of weekly hours (grammar in the README):
 * `mon-fri 08:00-12:00,14:00-20:00; sat 09:00-13:00; sun closed`. Case and spaces around `,` `-` `;`
 * do not matter. Empty text gives `undefined` (hours unknown). Returns the keyed reason on error. The
 * result still needs `WeeklyHoursSchema` for overlap and empty-interval checks.
 */
export function parseOpeningHoursText(text: string): WeeklyHours | undefined | ReasonedMessage {
  const clean = text
    .trim()
    .toLowerCase()
    .replace(/\s*([,;-])\s*/g, '$1');
  if (clean === '') return undefined;
  const hours: Partial<Record<Weekday, TimeInterval[]>> = {};
  for (const clause of clean.split(';')) {
    if (clause === '') continue;
    const [daysText, intervalsText, ...rest] = clause.split(/\s+/);
    if (daysText === undefined || intervalsText === undefined || rest.length > 0)
      return issueReason('core.hours_clause', { clause });
    const days = expandDays(daysText);
    if (!Array.isArray(days)) return days;
    const intervals = parseIntervals(intervalsText);
    if (!Array.isArray(intervals)) return intervals;
    for (const day of days) {
      if (hours[day]) return issueReason('core.hours_day_twice', { day });
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
  // the run of consecutive days with the same hours being built
  let run: { first: Weekday; last: Weekday; text: string } | undefined;
  const close = () => {
    if (!run) return;
    const { first, last, text } = run;
    const days = first === last ? first : first === 'mon' && last === 'sun' ? 'daily' : `${first}-${last}`;
    clauses.push(`${days} ${text}`);
  };
  for (const day of WEEKDAYS) {
    const intervals = hours[day];
    const text = intervals ? key(intervals) : undefined;
    if (run && text === run.text) {
      run.last = day;
      continue;
    }
    close();
    run = text === undefined ? undefined : { first: day, last: day, text };
  }
  close();
  return clauses.join('; ');
}
