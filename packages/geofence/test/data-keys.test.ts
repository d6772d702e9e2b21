import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOTYPE_NAMES } from '../../core/test/data-key-names.js';
import { compileRetailers, verifyColumns, verifyDay, verifyParsed, visitsToColumns } from '@beatplan/geofence';

// Issue 15, defect 1: ids named like Object.prototype members must be ids like any other.
const names = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_NAMES, 'X1'), { minLength: 1, maxLength: 6 });
const fix = (iso: string, dLng = 0) => ({
  lng: 120.1659 + dLng,
  lat: 30.2719,
  accuracyM: 8,
  source: 'gnss' as const,
  at: Date.parse(iso),
});

describe('ids named like Object.prototype members', () => {
  it('verifyDay, verifyParsed and verifyColumns give every visit its own verdict and every day its summary', () => {
    fc.assert(
      fc.property(names, names, names, (rIds, mIds, vIds) => {
        const retailers = rIds.map((id) => ({ id, location: { lng: 120.1659, lat: 30.2719 } }));
        const visits = vIds.map((id, i) => ({
          id,
          managerId: mIds[i % mIds.length] ?? '',
          retailerId: rIds[i % rIds.length] ?? '',
          start: fix('2026-11-30T09:00:00+08:00', i % 2 ? 0.05 : 0),
          end: fix('2026-11-30T09:12:00+08:00', i % 2 ? 0.05 : 0),
        }));
        const { verdicts, summary } = verifyDay(retailers, visits);
        expect(verdicts.map((v) => v.visitId)).toEqual(vIds);
        expect(verdicts.map((v) => v.status)).toEqual(vIds.map((_, i) => (i % 2 ? 'rejected' : 'verified')));
        const managers = new Set(visits.map((v) => v.managerId));
        expect(new Set(summary.days.map((d) => d.managerId))).toEqual(managers);
        const index = compileRetailers(retailers);
        expect(verifyParsed(index, visits).verdicts.map((v) => v.status)).toEqual(verdicts.map((v) => v.status));
        const columnar = verifyColumns(index, visitsToColumns(index, visits));
        expect(Array.from(columnar.verdicts.status)).toEqual(vIds.map((_, i) => (i % 2 ? 1 : 0)));
        expect(columnar.summary).toEqual(summary);
      }),
      { numRuns: 40, seed: 15 },
    );
  });
});
