// Writes test/in/small-city.json: a small synthetic report input (3 managers, 24 retailers, 2 days),
// deterministic (no Math.random). Run: node packages/reports/test/make-small-city.mjs
// The story: M1 works as planned; M2 skips stops and has a too-short and an unverifiable visit;
// M3 fakes visits (fixes far from the shop), visits an unplanned shop, and an inspection contradicts him.
import { writeFileSync } from 'node:fs';

let seed = 20250303;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const R = 6371008.8;
const rad = (d) => (d * Math.PI) / 180;
const hav = (a, b) => {
  const h =
    Math.sin(rad(b[1] - a[1]) / 2) ** 2 +
    Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};
const week = {
  mon: [{ from: '08:30', to: '17:30' }],
  tue: [{ from: '08:30', to: '17:30' }],
  wed: [{ from: '08:30', to: '17:30' }],
  thu: [{ from: '08:30', to: '17:30' }],
  fri: [{ from: '08:30', to: '17:30' }],
};
const managers = [
  { id: 'M1', name: 'Li Wei', base: { lng: 120.13, lat: 30.3 }, workingHours: week, region: 'Gongshu' },
  { id: 'M2', name: 'Zhang Min', base: { lng: 120.19, lat: 30.29 }, workingHours: week, region: 'Shangcheng' },
  { id: 'M3', name: 'Wang <Fang> & "Co"', base: { lng: 120.16, lat: 30.24 }, workingHours: week, region: 'Xihu' },
];
const regions = { M1: 'Gongshu', M2: 'Shangcheng', M3: 'Xihu' };
const segments = [
  'retail',
  'retail',
  'retail',
  'chain_supermarket',
  'retail',
  'hotel_entertainment',
  'retail',
  'chain_supermarket',
];
const names = [
  'Happy Mart',
  'Corner Shop',
  'Wang "Big" Mart, East',
  'FreshCo Supermarket',
  '<script>alert("x")</script> & Co',
  'Lotus KTV',
  'Tea House',
  'CityMart',
];
const retailers = [];
managers.forEach((m, mi) => {
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * 2 * Math.PI + mi;
    const d = 0.008 + rand() * 0.012;
    const segment = segments[i];
    retailers.push({
      id: `R${mi + 1}${i + 1}`,
      name: mi === 0 || i === 4 || i === 2 ? names[i] : `${names[i]} ${mi + 1}`,
      location: {
        lng: +(m.base.lng + Math.cos(a) * d).toFixed(5),
        lat: +(m.base.lat + Math.sin(a) * d * 0.9).toFixed(5),
      },
      segment,
      class: segment === 'chain_supermarket' ? 'A' : segment === 'hotel_entertainment' ? 'B' : i % 2 ? 'B' : 'C',
      serviceMinutes: segment === 'chain_supermarket' ? 25 : segment === 'hotel_entertainment' ? 20 : 12,
      visitFrequency: segment === 'chain_supermarket' ? 'twice_weekly' : i % 3 === 0 ? 'fortnightly' : 'weekly',
      orderCount: segment === 'chain_supermarket' ? 20 + i : segment === 'hotel_entertainment' ? 6 + i : 3 + i,
      orderVolume:
        segment === 'chain_supermarket'
          ? 9000 + 100 * i
          : segment === 'hotel_entertainment'
            ? 4000 + 50 * i
            : 600 + 40 * i,
      ...(mi === 2 && i === 7 ? {} : { managerId: m.id }),
      region: regions[m.id],
    });
  }
});
const loc = (id) => retailers.find((r) => r.id === id).location;
const iso = (date, min) =>
  `${date}T${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}:00+08:00`;
const dates = ['2025-03-03', '2025-03-04'];
const plans = [];
const visits = [];
const verdicts = [];
const fix = (p, date, min, dx = 0, acc = 9) => ({
  lng: +(p.lng + dx + (rand() - 0.5) * 0.00008).toFixed(6),
  lat: +(p.lat + (rand() - 0.5) * 0.00008).toFixed(6),
  accuracyM: acc,
  source: 'gnss',
  at: iso(date, min),
});
managers.forEach((m, mi) => {
  dates.forEach((date, di) => {
    const ids = [0, 1, 2, 3].map((k) => `R${mi + 1}${di * 4 + k + 1}`);
    let t = 9 * 60;
    let prev = [m.base.lng, m.base.lat];
    let dist = 0;
    const stops = ids.map((id) => {
      const p = loc(id);
      const leg = hav(prev, [p.lng, p.lat]) * 1.3;
      dist += leg;
      t += Math.round(leg / 333);
      const service = retailers.find((r) => r.id === id).serviceMinutes;
      const stop = { retailerId: id, arrival: iso(date, t), departure: iso(date, t + service) };
      t += service;
      prev = [p.lng, p.lat];
      return stop;
    });
    dist += hav(prev, [m.base.lng, m.base.lat]) * 1.3;
    plans.push({
      id: `P-${m.id}-${date}`,
      managerId: m.id,
      date,
      stops,
      distanceM: Math.round(dist),
      durationS: (t - 9 * 60) * 60 + Math.round((hav(prev, [m.base.lng, m.base.lat]) * 1.3) / 5.55),
    });
    stops.forEach((s, k) => {
      const id = s.retailerId;
      const start = Number(s.arrival.slice(11, 13)) * 60 + Number(s.arrival.slice(14, 16));
      const service = retailers.find((r) => r.id === id).serviceMinutes;
      if (mi === 1 && k === 3) return; // M2 skips the last stop each day
      const vid = `V-${m.id}-${date}-${k + 1}`;
      let dwell = service + (k % 2 ? 2 : -1);
      let status = 'verified';
      let reasons = [];
      let dx = 0;
      const flags = [];
      if (mi === 1 && di === 0 && k === 1) {
        dwell = 2;
        status = 'rejected';
        reasons = ['TOO_SHORT'];
      }
      if (mi === 1 && di === 1 && k === 0) {
        status = 'unverifiable';
        reasons = ['ACCURACY_TOO_COARSE'];
      }
      if (mi === 2 && k >= 2) {
        dx = 0.007;
        status = 'rejected';
        reasons = ['OUT_OF_RANGE'];
        flags.push('REPEATED_COORDINATES');
      }
      const p = loc(id);
      const visit = {
        id: vid,
        managerId: m.id,
        retailerId: id,
        start: fix(p, date, start, dx),
        end: fix(p, date, start + dwell, dx),
      };
      if (mi === 1 && di === 1 && k === 0) {
        visit.start.accuracyM = 900;
        visit.start.source = 'cell';
      }
      visits.push(visit);
      const dm = Math.round(hav([p.lng, p.lat], [visit.start.lng, visit.start.lat]) * 10) / 10;
      if (!(mi === 2 && di === 1 && k === 1)) {
        verdicts.push({
          visitId: vid,
          status,
          reasons,
          distanceM: { start: dm, end: dm },
          dwellS: dwell * 60,
          confidence: status === 'verified' ? 0.97 : 0.02,
          flags,
        });
      }
    });
  });
});
// M3 also visits a shop he had not planned that day (verified).
visits.push({
  id: 'V-M3-extra',
  managerId: 'M3',
  retailerId: 'R38',
  start: fix(loc('R38'), '2025-03-03', 15 * 60),
  end: fix(loc('R38'), '2025-03-03', 15 * 60 + 14),
});
verdicts.push({
  visitId: 'V-M3-extra',
  status: 'verified',
  reasons: [],
  distanceM: { start: 3.1, end: 2.4 },
  dwellS: 840,
  confidence: 0.95,
  flags: [],
});

const inspections = [
  ['I1', 'R11', true, true, 5, 'yes'],
  ['I2', 'R15', true, false, 4, 'yes'],
  ['I3', 'R22', false, true, 3, 'yes'],
  ['I4', 'R25', true, true, 4, 'unsure'],
  ['I5', 'R33', false, false, 2, 'no'],
  ['I6', 'R37', true, false, 3, 'no'],
].map(([id, retailerId, pricesTagged, policyMaterialDisplayed, satisfaction, managerVisitConfirmed]) => ({
  id,
  retailerId,
  inspectorId: 'X1',
  at: '2025-03-05T10:00:00+08:00',
  fix: { ...fix(loc(retailerId), '2025-03-05', 600), accuracyM: 6 },
  pricesTagged,
  policyMaterialDisplayed,
  satisfaction,
  managerVisitConfirmed,
  ...(id === 'I5' ? { notes: 'Owner says nobody came this week <b>at all</b>' } : {}),
}));
const contradictions = [
  {
    retailerId: 'R33',
    kind: 'VISIT_DENIED',
    inspectionId: 'I5',
    visitId: 'V-M3-2025-03-03-3',
    message: 'verified visit denied by the retailer',
  },
  { retailerId: 'R37', kind: 'VISIT_DENIED', inspectionId: 'I6', visitId: 'V-M3-2025-03-04-3' },
  { retailerId: 'R22', kind: 'VISIT_NOT_VERIFIED', inspectionId: 'I3', visitId: 'V-M2-2025-03-03-2' },
];
const box = (m, r) => [
  [
    [m.base.lng - r, m.base.lat - r],
    [m.base.lng + r, m.base.lat - r],
    [m.base.lng + r, m.base.lat + r],
    [m.base.lng - r, m.base.lat + r],
    [m.base.lng - r, m.base.lat - r],
  ],
];
const territories = managers.map((m, mi) => ({
  id: `T${mi + 1}`,
  managerId: m.id,
  name: `${regions[m.id]} beat`,
  retailerIds: retailers.filter((r) => r.id.startsWith(`R${mi + 1}`)).map((r) => r.id),
  ...(mi === 0 ? { polygon: { type: 'Polygon', coordinates: box(m, 0.022) } } : {}),
}));
const input = {
  title: 'Small city — week 10 <test>',
  period: { from: '2025-03-03', to: '2025-03-07' },
  utcOffsetMinutes: 480,
  weights: { completion: 3, verification: 3, timeOnSite: 1, route: 1, inspection: 1, integrity: 1 },
  retailers,
  managers,
  plans,
  visits,
  verdicts,
  inspections,
  contradictions,
  territories,
  repartition: {
    label: 'Re-partition of March',
    before: [
      { managerId: 'M1', workloadMinutes: 620 },
      { managerId: 'M2', workloadMinutes: 410 },
      { managerId: 'M3', workloadMinutes: 530 },
    ],
    after: [
      { managerId: 'M1', workloadMinutes: 525 },
      { managerId: 'M2', workloadMinutes: 510 },
      { managerId: 'M3', workloadMinutes: 540 },
    ],
    moved: 5,
  },
};
writeFileSync(new URL('./in/small-city.json', import.meta.url), `${JSON.stringify(input, null, 1)}\n`);
