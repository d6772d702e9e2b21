// Every package's hand-written reasons in one catalogue: core renders any issue of any package in any
// language (formatIssue), so the reasons live here, one file a package, each key `<package>.<name>`.
import type { MessageCatalogue } from '../../create-translator.js';
import type { Locale } from '../../schemas/locale.js';
import { CLI_REASONS } from './cli-reasons.js';
import { CORE_REASONS } from './core-reasons.js';
import { GEOFENCE_REASONS } from './geofence-reasons.js';
import { INSPECTION_REASONS } from './inspection-reasons.js';
import { POSITIONING_REASONS } from './positioning-reasons.js';

/** Every hand-written reason in English: key → text or function of the parameters. */
export const REASONS_EN = {
  ...CORE_REASONS.en,
  ...POSITIONING_REASONS.en,
  ...GEOFENCE_REASONS.en,
  ...INSPECTION_REASONS.en,
  ...CLI_REASONS.en,
};

/** The same reasons in every locale (the compiler checks each package's translation against its English). */
export const REASONS: { readonly [L in Locale]: MessageCatalogue } = {
  en: REASONS_EN,
  'zh-CN': {
    ...CORE_REASONS['zh-CN'],
    ...POSITIONING_REASONS['zh-CN'],
    ...GEOFENCE_REASONS['zh-CN'],
    ...INSPECTION_REASONS['zh-CN'],
    ...CLI_REASONS['zh-CN'],
  },
};
