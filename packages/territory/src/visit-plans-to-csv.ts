import {
  formatLocalDateTime,
  guardCsvFormula,
  parseOrThrow,
  UtcOffsetMinutesSchema,
  type VisitPlan,
} from '@beatplan/core';

/** The columns of {@link visitPlansToCsv}, in order. */
export const VISIT_PLAN_CSV_COLUMNS = [
  'manager_id',
  'date',
  'seq',
  'retailer_id',
  'arrival',
  'departure',
  'day_distance_m',
  'day_duration_s',
] as const;

function cell(value: string | number): string {
  const s = typeof value === 'string' ? guardCsvFormula(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes visit plans as CSV, one row per planned stop (a day without stops is one row with empty
 * stop cells), times as ISO 8601 with the offset. An id a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab, CR first) gets a leading apostrophe (core's `guardCsvFormula`; `unguardCsvFormula`
 * removes it).
 *
 * @param plans Core `VisitPlan` records (times in epoch ms), e.g. `planWeeklyBeats(...).plans`.
 * @param utcOffsetMinutes The offset of the written times (default 480 = UTC+8, core's `UtcOffsetMinutesSchema`).
 * @returns CSV text with a header row ({@link VISIT_PLAN_CSV_COLUMNS}) and `\n` line ends.
 * @throws {BeatplanError} `INVALID_INPUT` when `utcOffsetMinutes` is not a whole number within [-720, 840].
 * @example
 * visitPlansToCsv([{ managerId: 'M1', date: '2025-03-03', distanceM: 1200, durationS: 3600,
 *   stops: [{ retailerId: 'R1', arrival: Date.parse('2025-03-03T09:00:00+08:00'), departure: Date.parse('2025-03-03T09:15:00+08:00') }] }]);
 * // 'manager_id,date,seq,retailer_id,arrival,departure,day_distance_m,day_duration_s\n
 * //  M1,2025-03-03,1,R1,2025-03-03T09:00:00+08:00,2025-03-03T09:15:00+08:00,1200,3600\n'
 */
export function visitPlansToCsv(plans: readonly VisitPlan[], utcOffsetMinutes?: number): string {
  const offset = parseOrThrow(UtcOffsetMinutesSchema, utcOffsetMinutes, ['utcOffsetMinutes']);
  const rows: string[] = [VISIT_PLAN_CSV_COLUMNS.join(',')];
  for (const p of plans) {
    const day = [p.distanceM, p.durationS];
    if (p.stops.length === 0) rows.push([p.managerId, p.date, '', '', '', '', ...day].map(cell).join(','));
    p.stops.forEach((s, k) => {
      rows.push(
        [
          p.managerId,
          p.date,
          k + 1,
          s.retailerId,
          formatLocalDateTime(s.arrival, offset),
          formatLocalDateTime(s.departure, offset),
          ...day,
        ]
          .map(cell)
          .join(','),
      );
    });
  }
  return `${rows.join('\n')}\n`;
}
