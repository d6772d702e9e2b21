import fc from 'fast-check';
import { formatErrorMessage } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { InspectionChecklistSchema, SEED_ITEMS } from './index.js';
import { recordInspection } from './record-inspection.js';

const shop = { id: 'R1', location: { lng: 120.7, lat: 28 } };
const record = (over: Record<string, unknown> = {}) => ({
  id: 'I1',
  retailerId: 'R1',
  inspectorId: 'X1',
  at: '2025-03-05T10:00:00+08:00',
  fix: { lng: 120.7, lat: 28, accuracyM: 6, source: 'gnss', at: '2025-03-05T09:59:30+08:00' },
  pricesTagged: true,
  policyMaterialDisplayed: true,
  satisfaction: 5,
  managerVisitConfirmed: 'yes',
  ...over,
});
// The seed items and a province's own items: one of each answer type.
const checklist = [
  { id: 'pricesTagged' },
  { id: 'policyMaterialDisplayed' },
  { id: 'satisfaction', label: '满意度' },
  { id: 'managerVisitConfirmed' },
  { id: 'stock', label: '库存充足', type: 'yes_no' },
  { id: 'clean', label: '店面整洁（1–10）', type: 'scale', min: 1, max: 10 },
  { id: 'facings', label: '陈列面数', type: 'number', min: 0 },
  { id: 'remark', label: '备注', type: 'text', required: false },
  { id: 'shelfPhoto', label: '货架照片', type: 'photo' },
] as const;
const answers = [
  { itemId: 'stock', value: true },
  { itemId: 'clean', value: 8 },
  { itemId: 'facings', value: 12 },
  { itemId: 'shelfPhoto', value: 'photos/I1-shelf.jpg' },
];

describe('inspection checklist', () => {
  it('accepts answers of every type that fit the checklist; the record keeps them', () => {
    const { record: r } = recordInspection(record({ answers }) as never, shop, { checklist: [...checklist] });
    expect(r.answers).toEqual(answers);
    expect(r.channel).toBe('on_site');
  });

  it('names every answer that does not fit: wrong type, out of range, unknown item, twice, required missing', () => {
    const bad = [
      { itemId: 'stock', value: 'yes' },
      { itemId: 'clean', value: 11 },
      { itemId: 'facings', value: -1 },
      { itemId: 'colour', value: 'red' },
      { itemId: 'stock', value: true },
    ];
    const e = thrown(() => recordInspection(record({ answers: bad }) as never, shop, { checklist: [...checklist] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'record.answers.0.value: stock must be true or false',
      'record.answers.1.value: clean must be a whole mark from 1 to 10',
      'record.answers.2.value: facings must be at least 0',
      'record.answers.3.itemId: record I1 answers an item the checklist does not have',
      'record.answers.4.itemId: item answered twice',
      'record.answers: record I1 does not answer the checklist item shelfPhoto ("货架照片")',
    ]);
    expect(thrown(() => recordInspection(record({ answers }) as never, shop)).path).toEqual(['record', 'answers']);
  });

  it('refuses a checklist whose ids repeat, that retypes or makes optional a seed item, or whose range is upside down', () => {
    for (const bad of [
      [...checklist, { id: 'stock', label: 'x', type: 'yes_no' }],
      [{ id: 'satisfaction', label: 'x', type: 'scale' }],
      [{ id: 'satisfaction', required: false }],
      [{ id: 'pricesTagged' }, { id: 'pricesTagged' }],
      [{ id: 'n', label: 'x', type: 'number', min: 5, max: 1 }],
      [{ id: 'n', label: 'x', type: 'rating' }],
      [{ id: 'n', type: 'yes_no' }],
      [{ id: 'n', label: 'x' }],
    ])
      expect(InspectionChecklistSchema.safeParse(bad).success).toBe(false);
    expect(SEED_ITEMS.map((i) => i.id)).toEqual([
      'pricesTagged',
      'policyMaterialDisplayed',
      'satisfaction',
      'managerVisitConfirmed',
    ]);
  });

  it('property: a scale answer is accepted exactly when it is a whole mark within the item range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: -5, max: 15 }),
        (lo, span, v) => {
          const item = { id: 'q', label: 'q', type: 'scale' as const, min: lo, max: lo + span };
          const ok = Number.isInteger(v) && v >= lo && v <= lo + span;
          const run = () =>
            recordInspection(record({ answers: [{ itemId: 'q', value: v }] }) as never, shop, {
              checklist: [...SEED_ITEMS.map((s) => ({ id: s.id })), item],
            });
          if (ok) expect(run().record.answers).toHaveLength(1);
          else expect(thrown(run).code).toBe('INVALID_INPUT');
        },
      ),
    );
  });
});

describe('record channel', () => {
  it('a phone check has no fix and no fix verdict; an on-site record needs its fix', () => {
    const phone = recordInspection(record({ channel: 'phone', fix: undefined }) as never, shop);
    expect(phone).toMatchObject({ fixVerdict: null, fixAgeS: null, record: { channel: 'phone' } });
    expect(phone.record.fix).toBeUndefined();
    const noFix = thrown(() => recordInspection(record({ fix: undefined }) as never, shop));
    expect(noFix.issues).toEqual([
      {
        path: ['record', 'fix'],
        message: 'fix is required for an on-site inspection',
        reason: { key: 'core.fix_required_on_site' },
      },
    ]);
    expect(formatErrorMessage(noFix, { locale: 'zh-CN' })).toBe('record.fix：现场检查必须有定位');
    const phoneWithFix = thrown(() => recordInspection(record({ channel: 'phone' }) as never, shop));
    expect(phoneWithFix.path).toEqual(['record', 'fix']);
    expect(thrown(() => recordInspection(record({ channel: 'visit' }) as never, shop)).path).toEqual([
      'record',
      'channel',
    ]);
  });
});

describe('a provincial checklist without the seed items', () => {
  const own = [
    { id: 'stock', label: '库存充足', type: 'yes_no' },
    { id: 'clean', label: '店面整洁（1–10）', type: 'scale', min: 1, max: 10 },
  ] as const;
  const bare = (over: Record<string, unknown> = {}) => {
    const { pricesTagged, policyMaterialDisplayed, satisfaction, managerVisitConfirmed, ...rest } = record(over);
    return rest;
  };
  const own2 = [
    { itemId: 'stock', value: false },
    { itemId: 'clean', value: 7 },
  ];

  it('records an inspection that answers only its own items (the old code required all four seed fields)', () => {
    const { record: r, fixVerdict } = recordInspection(bare({ answers: own2 }) as never, shop, { checklist: [...own] });
    expect(r.answers).toEqual(own2);
    expect(r.satisfaction).toBeUndefined();
    expect(r.managerVisitConfirmed).toBeUndefined();
    expect(fixVerdict?.status).toBe('verified');
  });

  it('asks a seed item only when the checklist names it: missing or extra is a typed error naming record and item', () => {
    const some = [{ id: 'satisfaction' }, ...own];
    const missing = thrown(() => recordInspection(bare({ answers: own2 }) as never, shop, { checklist: some }));
    expect(missing.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'record.satisfaction: record I1 does not answer the checklist item satisfaction ("retailer satisfaction (1–5)")',
    ]);
    const extra = thrown(() =>
      recordInspection({ ...bare({ answers: own2 }), satisfaction: 3, pricesTagged: true } as never, shop, {
        checklist: [...own],
      }),
    );
    expect(extra.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'record.pricesTagged: record I1 answers pricesTagged, which the checklist in force does not ask',
      'record.satisfaction: record I1 answers satisfaction, which the checklist in force does not ask',
    ]);
    expect(formatErrorMessage(extra, { locale: 'zh-CN' })).toContain(
      '记录 I1 回答了 pricesTagged，但现行检查表不问此项',
    );
    const inAnswers = thrown(() =>
      recordInspection(bare({ answers: [...own2, { itemId: 'satisfaction', value: 3 }] }) as never, shop, {
        checklist: some,
      }),
    );
    expect(inAnswers.issues.map((i) => i.path.join('.'))).toEqual(['record.satisfaction', 'record.answers.2.itemId']);
  });

  it('without a checklist, the default one asks the four seed items', () => {
    expect(thrown(() => recordInspection(bare() as never, shop)).issues.map((i) => i.path.join('.'))).toEqual([
      'record.pricesTagged',
      'record.policyMaterialDisplayed',
      'record.satisfaction',
      'record.managerVisitConfirmed',
    ]);
  });

  it("property: a record fits exactly when its seed fields are the checklist's seed items", () => {
    const ids = SEED_ITEMS.map((s) => s.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.subarray(ids), (asked, given) => {
        const full = record();
        const input = { ...bare({ answers: own2 }), ...Object.fromEntries(given.map((k) => [k, full[k]])) };
        const run = () =>
          recordInspection(input as never, shop, { checklist: [...asked.map((id) => ({ id })), ...own] });
        const fits = asked.length === given.length && asked.every((a) => given.includes(a));
        if (fits) expect(run().record.id).toBe('I1');
        else
          expect(
            thrown(run)
              .issues.map((i) => i.path[1])
              .sort(),
          ).toEqual(ids.filter((k) => asked.includes(k) !== given.includes(k)).sort());
      }),
    );
  });
});
