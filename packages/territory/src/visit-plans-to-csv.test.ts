import { describe, expect, it } from 'vitest';
import { unguardCsvFormula } from '@beatplan/core';
import { visitPlansToCsv } from './visit-plans-to-csv.js';

describe('visitPlansToCsv', () => {
  it('runs the JSDoc example: one row per stop, times with the offset', () => {
    const csv = visitPlansToCsv([
      {
        managerId: 'M1',
        date: '2025-03-03',
        distanceM: 1200,
        durationS: 3600,
        stops: [
          {
            retailerId: 'R1',
            arrival: Date.parse('2025-03-03T09:00:00+08:00'),
            departure: Date.parse('2025-03-03T09:15:00+08:00'),
          },
        ],
      },
      { managerId: 'M1', date: '2025-03-04', distanceM: 0, durationS: 0, stops: [] },
    ]);
    expect(csv).toBe(
      'manager_id,date,seq,retailer_id,arrival,departure,day_distance_m,day_duration_s\n' +
        'M1,2025-03-03,1,R1,2025-03-03T09:00:00+08:00,2025-03-03T09:15:00+08:00,1200,3600\n' +
        'M1,2025-03-04,,,,,0,0\n',
    );
  });

  it('quotes cells with commas and writes other offsets', () => {
    const csv = visitPlansToCsv(
      [
        {
          managerId: 'M,1',
          date: '2025-03-03',
          distanceM: 1,
          durationS: 1,
          stops: [{ retailerId: 'R"1', arrival: 0, departure: 0 }],
        },
      ],
      -90,
    );
    expect(csv.split('\n')[1]).toBe(
      '"M,1",2025-03-03,1,"R""1",1969-12-31T22:30:00-01:30,1969-12-31T22:30:00-01:30,1,1',
    );
  });

  // Regression (issue 15, defect 2): ids went out as they were, and a spreadsheet ran `=…` as a formula.
  it('defuses ids a spreadsheet would run as formulas; unguardCsvFormula gives them back', () => {
    const ids = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'];
    for (const id of ids) {
      const csv = visitPlansToCsv([
        {
          managerId: id,
          date: '2025-03-03',
          distanceM: 0,
          durationS: 60,
          stops: [
            {
              retailerId: id,
              arrival: Date.parse('2025-03-03T09:00:00Z'),
              departure: Date.parse('2025-03-03T09:01:00Z'),
            },
          ],
        },
      ]);
      const cells =
        csv
          .split('\n')[1]
          ?.match(/("([^"]|"")*"|[^,]*)(,|$)/g)
          ?.map((c) => c.replace(/,$/, '')) ?? [];
      const unquote = (c: string) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c);
      expect(unquote(cells[0] ?? '')).toBe(`'${id}`);
      expect(unguardCsvFormula(unquote(cells[3] ?? ''))).toBe(id);
    }
  });
});
