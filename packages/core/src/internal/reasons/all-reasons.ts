// Every package's hand-written reasons in one catalogue: core renders any issue of any package in any
// language (formatIssue), so the reasons live here, one file a package, each key `<package>.<name>`
// (tsp's English lives in the shared sources it carries, its Chinese here).
import type { MessageCatalogue } from '../../create-translator.js';
import type { Locale } from '../../schemas/locale.js';
import { CLI_REASONS } from './cli-reasons.js';
import { CORE_REASONS } from './core-reasons.js';
import { GEOFENCE_REASONS } from './geofence-reasons.js';
import { INSPECTION_REASONS } from './inspection-reasons.js';
import { POSITIONING_REASONS } from './positioning-reasons.js';
import { REPORTS_REASONS } from './reports-reasons.js';
import { ROADS_REASONS } from './roads-reasons.js';
import { TERRITORY_REASONS } from './territory-reasons.js';
import { TSP_REASON_CATALOGUES } from './tsp-reasons.js';

const ALL = [
  CORE_REASONS,
  TSP_REASON_CATALOGUES,
  POSITIONING_REASONS,
  GEOFENCE_REASONS,
  TERRITORY_REASONS,
  INSPECTION_REASONS,
  REPORTS_REASONS,
  ROADS_REASONS,
  CLI_REASONS,
] as const;

/** Every hand-written reason in English: key → text or function of the parameters. */
export const REASONS_EN = {
  ...CORE_REASONS.en,
  ...TSP_REASON_CATALOGUES.en,
  ...POSITIONING_REASONS.en,
  ...GEOFENCE_REASONS.en,
  ...TERRITORY_REASONS.en,
  ...INSPECTION_REASONS.en,
  ...REPORTS_REASONS.en,
  ...ROADS_REASONS.en,
  ...CLI_REASONS.en,
};

/** The same reasons in every locale (the compiler checks each package's translation against its English). */
export const REASONS: { readonly [L in Locale]: MessageCatalogue } = {
  en: REASONS_EN,
  'zh-CN': Object.assign({}, ...ALL.map((c) => c['zh-CN'])) as MessageCatalogue,
};
