import { addDays, BeatplanError, dateOfDayNumber, dayNumberOf, issueReason, weekdayOf } from '@beatplan/core';
import { buildReport } from './build-report.js';
import type { Report } from './report.js';
import type { ReportInputData } from './report-input.js';

/** How {@link buildTrendReport} cuts the data: calendar weeks (Monday to Sunday) or calendar months. */
export type TrendEvery = 'week' | 'month';

/**
 * The most periods one data set is cut into (the report's own and 60 earlier ones, as `previous` allows).
 *
 * @example
 * MAX_TREND_PERIODS; // 61
 */
export const MAX_TREND_PERIODS = 61;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The calendar weeks (Monday to Sunday) or months that cover `from`..`to` (local dates), whole: the
 * first starts on or before `from`, the last ends on or after `to`. Stops after {@link MAX_TREND_PERIODS} + 1.
 *
 * @param from - first local date `YYYY-MM-DD`.
 * @param to - last local date, not before `from`.
 * @param every - `'week'` or `'month'`.
 * @returns the periods in order, `{ from, to }` both inclusive.
 * @throws {BeatplanError} `INVALID_INPUT` when a date is not a real calendar date.
 * @example
 * cutPeriods('2025-03-05', '2025-03-11', 'week'); // [{ from: '2025-03-03', to: '2025-03-09' }, { from: '2025-03-10', to: '2025-03-16' }]
 */
export function cutPeriods(from: string, to: string, every: TrendEvery): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  if (every === 'week') {
    let start = addDays(from, -WEEKDAYS.indexOf(weekdayOf(from)));
    while (start <= to && out.length <= MAX_TREND_PERIODS) {
      out.push({ from: start, to: addDays(start, 6) });
      start = addDays(start, 7);
    }
  } else {
    let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    for (;;) {
      const first = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
      if (first > to || out.length > MAX_TREND_PERIODS) break;
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
      const next = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
      out.push({ from: first, to: dateOfDayNumber(dayNumberOf(next) - 1) });
    }
  }
  return out;
}

/**
 * Builds the report of the LAST calendar week or month of the data with its trend over every earlier
 * one: the data's period (its `period`, else the span of its dates) is cut into whole calendar weeks
 * (Monday to Sunday) or months, a report is built for each (`buildReport` with that `period`), and the
 * last one gets the earlier ones as `previous` (after the input's own `previous`, which must end before
 * the first cut period starts). So the trend of one data set over several weeks equals the trend built
 * from the weekly reports one by one (a property test checks it). Data without any date gives a report
 * with no trend.
 *
 * @param input - a report input (see `ReportInputSchema`), untrusted.
 * @param options - `every`: `'week'` or `'month'`.
 * @returns the last period's {@link Report}, its `trend` over all the periods.
 * @throws {BeatplanError} what `buildReport` throws; `INVALID_INPUT` when the data spans more than
 *   {@link MAX_TREND_PERIODS} periods.
 * @example
 * // not run: `data` stands for a report input over several weeks
 * const report = buildTrendReport(data, { every: 'week' });
 * report.trend.periods.length; // the number of calendar weeks the data spans
 */
export function buildTrendReport(input: ReportInputData | unknown, options: { every: TrendEvery }): Report {
  const whole = buildReport(input);
  if (whole.period === null) return whole;
  const periods = cutPeriods(whole.period.from, whole.period.to, options.every);
  if (periods.length > MAX_TREND_PERIODS)
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['period'],
        value: `${whole.period.from} – ${whole.period.to}`,
        ...issueReason('reports.trend_too_long', { max: MAX_TREND_PERIODS, every: options.every }),
      },
    ]);
  const data = input as Record<string, unknown>; // an object: buildReport accepted it
  const given = Array.isArray(data.previous) ? data.previous : [];
  const title = whole.title;
  const reports: Report[] = [];
  for (const [i, period] of periods.entries()) {
    const last = i === periods.length - 1;
    reports.push(
      buildReport({
        ...data,
        period,
        title: last ? title : `${title} (${period.from} – ${period.to})`,
        previous: last ? [...given, ...reports] : [],
        whatIf: last ? (data.whatIf ?? []) : [],
      }),
    );
  }
  return reports[reports.length - 1] ?? whole;
}
