// Every English text of the "needs attention" section, in one place (to move into the message
// catalogues as they are: one key per entry, the functions become templates with named values).

/** Plain language of the rule codes: verdict reasons and flags, contradiction kinds, report codes. */
export const CODE_TEXT: ReadonlyMap<string, string> = new Map([
  ['MOCK_LOCATION', 'the phone said its location was faked (mock location)'],
  ['IMPOSSIBLE_SPEED', 'he would have moved between two shops faster than a car can'],
  ['REPEATED_COORDINATES', 'exactly the same position was reported at different shops'],
  ['CONSTANT_ACCURACY', 'every satellite fix of the day reported the same accuracy, as location-faking apps do'],
  ['END_BEFORE_START', "the visit ended before it started (the phone's clock was changed)"],
  ['CLOCK_SKEW', "the phone's clock stepped back a little"],
  ['OVERLAPPING_VISITS', 'it overlaps another visit of the same manager'],
  ['OUT_OF_RANGE', 'the phone was far from the shop'],
  ['TOO_SHORT', 'the visit was too short'],
  ['TOO_LONG', "the visit was too long ('end visit' pressed hours later)"],
  ['NO_RETAILER_LOCATION', 'the shop has no stored location'],
  ['ACCURACY_TOO_COARSE', 'the position was too imprecise to decide (e.g. a cell-tower fix indoors)'],
  ['AMBIGUOUS_POSITION', 'the position shows neither that he was inside nor that he was outside'],
  ['NO_END_FIX', "'end visit' was never pressed"],
  ['NO_VERDICT', 'no verification result was given'],
  ['VERIFIED_VISIT_DENIED', 'the shop told an inspector the manager did not come, but the visit was verified'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', 'the shop confirmed a visit that could not be verified'],
  ['CONFIRMED_VISIT_ABSENT', 'the shop confirmed a visit that was never reported'],
  ['VISIT_DENIED', 'the shop told an inspector the manager did not come, but the visit was verified'],
  ['VISIT_NOT_VERIFIED', 'the shop confirmed a visit that could not be verified'],
  ['NOT_VISITED', 'planned, not visited'],
]);

/** Short plain labels of the codes, for table cells. */
export const CODE_SHORT: ReadonlyMap<string, string> = new Map([
  ['MOCK_LOCATION', 'mock location'],
  ['IMPOSSIBLE_SPEED', 'impossible speed'],
  ['REPEATED_COORDINATES', 'same position at another shop'],
  ['CONSTANT_ACCURACY', 'same accuracy all day'],
  ['END_BEFORE_START', 'ended before it started'],
  ['CLOCK_SKEW', 'clock stepped back'],
  ['OVERLAPPING_VISITS', 'overlaps another visit'],
  ['OUT_OF_RANGE', 'far from the shop'],
  ['TOO_SHORT', 'too short'],
  ['TOO_LONG', 'too long'],
  ['NO_RETAILER_LOCATION', 'shop has no location'],
  ['ACCURACY_TOO_COARSE', 'position too imprecise'],
  ['AMBIGUOUS_POSITION', 'position ambiguous'],
  ['NO_END_FIX', 'not ended'],
  ['NO_VERDICT', 'not checked'],
  ['VERIFIED_VISIT_DENIED', 'verified visit denied by the shop'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', 'unverified visit confirmed by the shop'],
  ['CONFIRMED_VISIT_ABSENT', 'unreported visit confirmed by the shop'],
  ['VISIT_DENIED', 'verified visit denied by the shop'],
  ['VISIT_NOT_VERIFIED', 'unverified visit confirmed by the shop'],
]);

/** The short label of a code, else its plain text. */
export const codeShort = (code: string): string => CODE_SHORT.get(code) ?? codeText(code);

/** The plain text of a code; an unknown code is shown as it is. */
export const codeText = (code: string): string => CODE_TEXT.get(code) ?? code;

/** Verdict statuses in plain words. */
export const STATUS_TEXT: ReadonlyMap<string, string> = new Map([
  ['verified', 'verified'],
  ['rejected', 'rejected'],
  ['unverifiable', 'undecided'],
  ['incomplete', 'not ended'],
  ['no_verdict', 'not checked'],
]);

export const SEVERITY_TEXT: ReadonlyMap<string, string> = new Map([
  ['high', 'act now'],
  ['medium', 'check'],
  ['low', 'watch'],
]);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const ATTENTION_TEXT = {
  heading: 'Needs attention',
  intro: (n: number) =>
    n === 0
      ? 'Nothing needs attention in this period: every visit was verified without a flag, no inspection contradicts a visit, and every planned stop was visited.'
      : `${plural(n, 'item')} to act on, most serious first. Each names its visits (their evidence is in the table below) or, for a stop with no visit, the retailer. Hover a reason to see the rule's code.`,
  flaggedDay: (who: string, date: string, n: number, outOf: number, verified: number) =>
    `${who} on ${date}: ${n} of the day's ${plural(outOf, 'visit')} flagged for review${verified > 0 ? `, ${verified} of them still counted as verified` : ''}`,
  contradiction: (who: string, what: string, retailer: string) => `${who}: ${what} (${retailer})`,
  unproven: (who: string, n: number, status: string, reason: string) =>
    `${who}: ${plural(n, 'visit')} ${status}: ${reason}`,
  missed: (who: string, date: string, n: number, outOf: number) =>
    `${who} on ${date}: ${n} of the day's ${plural(outOf, 'planned stop')} not visited`,
  farthest: (km: string) => `farthest fix ${km} from the shop`,
  farthestLine: (km: string) => `Farthest fix ${km} from the shop`,
  signs: 'Signs',
  reason: 'Reason',
  visits: 'Visits',
  retailers: 'Retailers',
  noVisit: 'no visit named',
  action: {
    flagged_day: 'Go through this day with the manager; do not count these visits until they are explained.',
    contradiction_high: "Ask the manager about this visit: the inspector's record says it did not happen.",
    contradiction: 'Look at the visit: the inspector saw the manager had been there, the phone did not show it.',
    unproven_high: 'Ask the manager why; visits repeatedly far from the shop point to visits made from elsewhere.',
    unproven_medium: 'Ask the manager why these visits failed the rule.',
    unproven_low: 'No action unless it repeats: the evidence could not decide.',
    missed_stops: 'Make sure these retailers are visited in the next days.',
  },
  evidenceHeading: 'Evidence of the visits named above',
  evidenceColumns: {
    visit: 'Visit',
    manager: 'Manager',
    retailer: 'Retailer',
    date: 'Date',
    time: 'Time',
    result: 'Result',
    why: 'Why / signs',
    distance: 'From the shop (m)',
    dwell: 'On site (min)',
    fixes: 'Fixes',
  },
  evidenceHelp: {
    distance: "distance of the start and end fix from the shop's fence, metres (0 = inside)",
    fixes: 'source and accuracy radius of the start and end fix',
  },
  tileFlagged: 'visits flagged for review',
  tileAttention: 'items need attention',
} as const;

/** Short weekday names, by core's `Weekday`. */
export const WEEKDAY_TEXT: ReadonlyMap<string, string> = new Map([
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
]);
