import * as z from 'zod';

/** The languages beatplan writes in: English (the default) and Simplified Chinese (mainland China). */
export const LOCALES = ['en', 'zh-CN'] as const;

/** A language beatplan writes in, see {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * The `locale` option of every beatplan function that writes text a person reads (error reasons, CLI
 * messages, report headings, CSV headers): `'en'` or `'zh-CN'`. **Default `'en'`**: this schema is the
 * only place the default is set; every package's options embed it.
 *
 * @example
 * LocaleSchema.parse(undefined); // 'en'
 * LocaleSchema.parse('zh-CN');   // 'zh-CN'
 */
export const LocaleSchema = z.enum(LOCALES, { error: 'locale must be one of "en", "zh-CN"' }).default('en');

/** The default of {@link LocaleSchema}: `'en'`, read from the schema. */
export const DEFAULT_LOCALE: Locale = LocaleSchema.parse(undefined);
