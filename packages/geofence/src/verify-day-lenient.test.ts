import { verifyDay } from '@beatplan/geofence';
import { describe, expect, it } from 'vitest';
import { NINE, retailer, thrown, visit } from '../test/helpers.js';

const MIN = 60_000;
const at = (minutes: number) => ({ at: NINE + minutes * MIN });

describe('verifyDay({ lenient: true })', () => {
  const retailers = [retailer(), retailer({ id: 'R2', location: { lng: 500, lat: 30 } })];
  const visits = [
    visit({ id: 'V1', start: at(0), end: at(12) }),
    { ...visit({ id: 'V2', end: at(32) }), start: undefined }, // only an end fix: an input error
    visit({ id: 'V3', retailerId: 'R9', start: at(40), end: at(52) }), // unknown retailer
    visit({ id: 'V4', retailerId: 'R2', start: at(60), end: at(72) }), // its retailer is bad
    visit({ id: 'V1', start: at(80), end: at(92) }), // duplicate id
    visit({ id: 'V5', start: at(100), end: at(112) }),
  ];

  it('judges every good visit and lists every bad record with its issues; nothing is dropped', () => {
    const r = verifyDay(retailers, visits, {}, { lenient: true });
    expect(r.verdicts.map((v) => [v.visitId, v.status])).toEqual([
      ['V1', 'verified'],
      ['V5', 'verified'],
    ]);
    expect(r.summary.totals.total).toBe(2);
    expect(r.rejected.map((x) => [x.path.join('.'), x.id])).toEqual([
      ['retailers.1', 'R2'],
      ['visits.1', 'V2'],
      ['visits.2', 'V3'],
      ['visits.3', 'V4'],
      ['visits.4', 'V1'],
    ]);
    const [badRetailer, noStart, unknown, ofBad, duplicate] = r.rejected;
    expect(badRetailer!.issues[0]!.path).toEqual(['retailers', 1, 'location', 'lng']);
    expect(noStart!.issues).toEqual([
      {
        path: ['visits', 1, 'start'],
        message: 'a visit needs its start fix (visit "V2"): one with only an end fix, or none, cannot be judged',
        reason: { key: 'geofence.start_fix_needed', visit: '"V2"' },
      },
    ]);
    expect(unknown!.issues[0]!.message).toBe('no retailer with this id was given');
    expect(ofBad!.issues[0]!.message).toBe('its retailer was rejected (see rejected)');
    expect(duplicate!.issues[0]!.message).toBe('duplicate visit id, first at visits[0]');
    // every input record is accounted for
    expect(r.verdicts.length + r.rejected.filter((x) => x.path[0] === 'visits').length).toBe(visits.length);
  });

  it('gives the verdicts strict mode gives on the good records alone', () => {
    const good = [visits[0], visits[5]];
    const strict = verifyDay(retailers.slice(0, 1), good as never);
    const lenient = verifyDay(retailers, visits as never, {}, { lenient: true });
    expect({ verdicts: lenient.verdicts, summary: lenient.summary }).toEqual(strict);
  });

  it('still throws for a bad policy or plan, and strict stays the default', () => {
    expect(thrown(() => verifyDay(retailers, visits as never, { radiusM: -1 }, { lenient: true })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      thrown(() =>
        verifyDay(
          retailers,
          visits as never,
          {},
          {
            lenient: true,
            planned: [{ managerId: 'M1', date: '2026-11-30', retailerIds: ['R404'] }],
          },
        ),
      ).code,
    ).toBe('UNKNOWN_REFERENCE');
    expect(thrown(() => verifyDay(retailers, visits as never)).code).toBe('INVALID_INPUT');
  });
});
