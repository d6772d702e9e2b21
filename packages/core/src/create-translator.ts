import { dayNumberOf } from './local-calendar.js';
import { parseOrThrow } from './parse-or-throw.js';
import { type Locale, LocaleSchema } from './schemas/locale.js';
import { DEFAULT_UTC_OFFSET_MINUTES } from './schemas/utc-offset.js';

/**
 * How a message writes numbers, dates, lists and plurals in its language: every method goes through
 * the platform's `Intl` (Node 20 and browsers ship full ICU data), so `1234.5` is `1,234.5` in both
 * `en` and `zh-CN`, a date is `Dec 7, 2026` or `2026年12月7日`, a list `a, b, and c` or `a、b和c`.
 */
export interface TextFormat {
  /** The language of this format. */
  readonly locale: Locale;
  /** A number, e.g. `number(1234.5)` → `1,234.5`; `options` as `Intl.NumberFormat`'s. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A fraction as a percentage with `fractionDigits` decimals (default 1): `percent(0.125)` → `12.5%`. */
  percent(fraction: number, fractionDigits?: number): string;
  /**
   * A date: an instant (epoch ms, shown at `utcOffsetMinutes`, default 480 = UTC+8, the calendar's
   * default) or a local date `YYYY-MM-DD`; `time: true` adds hours and minutes (instants only).
   */
  date(value: number | string, options?: DateFormatOptions): string;
  /** Items joined as the language joins a list (`and`; `or` with `type: 'disjunction'`). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** The form for `count` by the language's plural rules (Chinese has only `other`). */
  plural(count: number, forms: { one: string; other: string }): string;
}

/** Options of {@link TextFormat.date}. */
export interface DateFormatOptions {
  /** Offset of the local time shown, minutes east of UTC; default 480 (UTC+8). Instants only. */
  utcOffsetMinutes?: number;
  /** Add hours and minutes. Default false. */
  time?: boolean;
  /** `Intl` date style. Default `'medium'`. */
  style?: 'short' | 'medium' | 'long' | 'full';
}

/**
 * One message: a plain text, or a function of its parameters (typed by the English catalogue) and
 * the language's {@link TextFormat}.
 */
export type Message = string | ((params: never, format: TextFormat) => string);

/** A package's messages in one language: key → {@link Message}. The English one defines keys and parameters. */
export type MessageCatalogue = { readonly [key: string]: Message };

/** The same keys as the English catalogue `C`, each with the same parameters. */
export type Translation<C extends MessageCatalogue> = {
  readonly [K in keyof C]: C[K] extends string
    ? string
    : (...args: [...MessageParams<C[K]>, format: TextFormat]) => string;
};

/** A package's messages in every {@link Locale}: English and each translation. */
export type MessageCatalogues<C extends MessageCatalogue> = { readonly en: C } & {
  readonly [L in Exclude<Locale, 'en'>]: Translation<C>;
};

/** The parameters `t(key, …)` takes for a message: none for a text, the function's first parameter else. */
export type MessageParams<M> = M extends (params: infer P, format: TextFormat) => string ? [params: P] : [];

/** Writes a package's messages in one language: `t(key, params)` plus the {@link TextFormat} methods. */
export interface Translator<C extends MessageCatalogue> extends TextFormat {
  /** The message `key` with its parameters, in this translator's language. */
  t<K extends keyof C & string>(key: K, ...params: MessageParams<C[K]>): string;
}

/**
 * Declares a package's message catalogues: the English one (which fixes every key and the parameters
 * of each message) and a translation for each other locale, checked by the compiler to have the same
 * keys and parameters. Keep each package's catalogues in one file (`src/internal/messages.ts`): no
 * text a person reads is written anywhere else.
 *
 * @param en - the English messages.
 * @param translations - the same messages in every other {@link Locale}.
 * @returns the catalogues, for {@link createTranslator}.
 * @throws never.
 * @example
 * const messages = defineCatalogues(
 *   { title: 'Visits', retailers: (p: { n: number }, f) => `${f.number(p.n)} ${f.plural(p.n, { one: 'retailer', other: 'retailers' })}` },
 *   { 'zh-CN': { title: '拜访', retailers: (p: { n: number }, f) => `${f.number(p.n)} 家零售户` } },
 * );
 * createTranslator(messages, 'zh-CN').t('retailers', { n: 1200 }); // '1,200 家零售户'
 */
export function defineCatalogues<const C extends MessageCatalogue>(
  en: C,
  translations: { readonly [L in Exclude<Locale, 'en'>]: Translation<C> },
): MessageCatalogues<C> {
  return { en, ...translations };
}

/**
 * A {@link Translator} for one language: `t(key, params)` renders a message of `catalogues`, and the
 * {@link TextFormat} methods write numbers, dates, lists and plurals through `Intl`.
 *
 * @param catalogues - the package's catalogues (see {@link defineCatalogues}).
 * @param locale - `'en'` or `'zh-CN'`; default `'en'` (see `LocaleSchema`).
 * @returns the translator.
 * @throws {BeatplanError} `INVALID_INPUT` when `locale` is not one of {@link LOCALES}.
 * @example
 * const messages = defineCatalogues({ hello: (p: { name: string }) => `Hello, ${p.name}` }, { 'zh-CN': { hello: (p: { name: string }) => `你好，${p.name}` } });
 * createTranslator(messages, 'zh-CN').t('hello', { name: '王' }); // '你好，王'
 * createTranslator(messages).date('2026-12-07');                 // 'Dec 7, 2026'
 */
export function createTranslator<C extends MessageCatalogue>(
  catalogues: MessageCatalogues<C>,
  locale?: Locale | undefined,
): Translator<C> {
  const lang = parseOrThrow(LocaleSchema, locale, ['locale']);
  const messages = catalogues[lang] as MessageCatalogue;
  const format = textFormat(lang);
  return {
    ...format,
    t(key, ...params) {
      const message = messages[key];
      if (typeof message === 'string') return message;
      if (typeof message === 'function') return (message as (p: unknown, f: TextFormat) => string)(params[0], format);
      return key;
    },
  };
}

const DAY_MS = 86_400_000;
const formats = new Map<Locale, TextFormat>();

/** The {@link TextFormat} of a locale (one per locale, its `Intl` objects cached by options). */
function textFormat(locale: Locale): TextFormat {
  const known = formats.get(locale);
  if (known) return known;
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const key = `n${JSON.stringify(options)}`;
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f as Intl.NumberFormat;
  };
  const dateFormat = (style: NonNullable<DateFormatOptions['style']>, time: boolean) => {
    const key = `d${style}${time}`;
    let f = cache.get(key);
    if (!f)
      cache.set(
        key,
        (f = new Intl.DateTimeFormat(locale, {
          timeZone: 'UTC',
          dateStyle: style,
          ...(time ? { timeStyle: 'short' } : {}),
        })),
      );
    return f as Intl.DateTimeFormat;
  };
  const plurals = new Intl.PluralRules(locale);
  const lists = new Map<string, Intl.ListFormat>();
  const format: TextFormat = {
    locale,
    number: (value, options) => numberFormat(options).format(value),
    percent: (fraction, digits = 1) =>
      numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction),
    date(value, options = {}) {
      const ms =
        typeof value === 'string'
          ? dayNumberOf(value) * DAY_MS
          : value + (options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES) * 60_000;
      return dateFormat(options.style ?? 'medium', typeof value === 'number' && options.time === true).format(ms);
    },
    list(items, type = 'conjunction') {
      let f = lists.get(type);
      if (!f) lists.set(type, (f = new Intl.ListFormat(locale, { type })));
      return f.format(items);
    },
    plural: (count, forms) => (plurals.select(count) === 'one' ? forms.one : forms.other),
  };
  formats.set(locale, format);
  return format;
}
