import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { createTranslator, defineCatalogues, type TextFormat } from './create-translator.js';
import { LOCALES } from './schemas/locale.js';

const messages = defineCatalogues(
  {
    title: 'Visits',
    retailers: (p: { n: number }, f: TextFormat) =>
      `${f.number(p.n)} ${f.plural(p.n, { one: 'retailer', other: 'retailers' })}`,
  },
  { 'zh-CN': { title: '拜访', retailers: (p: { n: number }, f: TextFormat) => `${f.number(p.n)} 家零售户` } },
);

describe('createTranslator', () => {
  it('renders a message in each locale, English by default', () => {
    expect(createTranslator(messages).t('title')).toBe('Visits');
    expect(createTranslator(messages, 'zh-CN').t('title')).toBe('拜访');
    expect(createTranslator(messages, 'en').t('retailers', { n: 1 })).toBe('1 retailer');
    expect(createTranslator(messages, 'en').t('retailers', { n: 1200 })).toBe('1,200 retailers');
    expect(createTranslator(messages, 'zh-CN').t('retailers', { n: 1200 })).toBe('1,200 家零售户');
  });

  it('refuses an unknown locale with INVALID_INPUT naming the option', () => {
    const e = thrown(() => createTranslator(messages, 'fr' as 'en'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.path).toEqual(['locale']);
    expect(e.message).toBe('locale: locale must be one of "en", "zh-CN", received "fr"');
  });

  it('writes dates through Intl: local dates as they are, instants at the offset (UTC+8 by default)', () => {
    const en = createTranslator(messages);
    const zh = createTranslator(messages, 'zh-CN');
    expect(en.date('2026-12-07')).toBe('Dec 7, 2026');
    expect(zh.date('2026-12-07')).toBe('2026年12月7日');
    // 2026-12-06T23:50Z is 07:50 on the 7th in Beijing, still the 6th at UTC+0.
    const at = Date.UTC(2026, 11, 6, 23, 50);
    expect(zh.date(at)).toBe('2026年12月7日');
    expect(zh.date(at, { utcOffsetMinutes: 0 })).toBe('2026年12月6日');
    expect(zh.date(at, { time: true, style: 'short' })).toBe('2026/12/7 07:50');
  });

  it('writes numbers, percentages and lists through Intl', () => {
    const en = createTranslator(messages);
    const zh = createTranslator(messages, 'zh-CN');
    expect(en.percent(0.125)).toBe('12.5%');
    expect(zh.percent(0.125, 0)).toBe('13%');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(zh.list(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(en.list(['a', 'b'], 'disjunction')).toBe('a or b');
  });

  it('agrees with Intl.NumberFormat for every number and locale (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.double({ noNaN: true }), (locale, x) => {
        expect(createTranslator(messages, locale).number(x)).toBe(new Intl.NumberFormat(locale).format(x));
      }),
    );
  });

  it('type-checks translations against the English catalogue', () => {
    defineCatalogues(
      { a: 'x', b: (p: { n: number }) => String(p.n) },
      // @ts-expect-error: 'b' is missing in zh-CN
      { 'zh-CN': { a: 'y' } },
    );
    defineCatalogues(
      { a: 'x', b: (p: { n: number }) => String(p.n) },
      // @ts-expect-error: 'b' takes { n: number }, not { s: string }
      { 'zh-CN': { a: 'y', b: (p: { s: string }) => p.s } },
    );
    // @ts-expect-error: 'retailers' needs its parameters
    expect(() => createTranslator(messages).t('retailers')).toThrow();
    expect(createTranslator(messages).t('title')).toBe('Visits');
  });
});
