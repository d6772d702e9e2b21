import { formatReason, type KeyedReason, type Locale } from '@beatplan/core';

/** An output entry with a reason in English and, when a beatplan package made it, the same reason as data. */
interface WithReason {
  reason?: string | undefined;
  reasonData?: KeyedReason | undefined;
}

/**
 * The entries with each `reason` in the run's language (`--lang`): rendered from `reasonData` by core's
 * `formatReason` (`dropped[]` of plan, inspect route and solve; the partition's `limits[]`; solve's unproven `reason`). In English,
 * or for an entry without `reasonData`, the entries as they are.
 */
export function withLocalReasons<T extends WithReason>(entries: readonly T[], locale: Locale | undefined): T[] {
  if (locale === undefined || locale === 'en') return [...entries];
  return entries.map((e) => (e.reasonData ? { ...e, reason: formatReason(e.reasonData, { locale }) } : e));
}
