/**
 * A text cell that a spreadsheet would run as a formula when the CSV is opened (CSV injection,
 * OWASP) starts with `=`, `+`, `-`, `@`, a tab or a carriage return. A text that already starts with
 * apostrophes followed by one of those is guarded too, so that {@link unguardCsvFormula} can undo
 * exactly what {@link guardCsvFormula} did.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const GUARD_MARK = /^'+[=+\-@\t\r]/;

/**
 * Defuses a CSV text cell a spreadsheet would run as a formula: a text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (after any leading apostrophes) gets one more leading apostrophe,
 * as OWASP advises. Every CSV writer of beatplan applies it to text cells (never to numbers, so
 * `-3` stays a number); the importers remove it with {@link unguardCsvFormula}, so a round trip is exact.
 *
 * @param text - a text cell, before CSV quoting.
 * @returns the text, with a leading apostrophe when it needed one.
 * @throws never.
 * @example
 * guardCsvFormula('=HYPERLINK("http://x")'); // '\'=HYPERLINK("http://x")'
 * guardCsvFormula('Wang Mart');              // 'Wang Mart'
 */
export function guardCsvFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/**
 * Undoes {@link guardCsvFormula}: removes the one leading apostrophe it added. A text that the guard
 * leaves alone is returned as it is, so `unguardCsvFormula(guardCsvFormula(t)) === t` for every `t`.
 *
 * @param text - a text cell, after CSV unquoting.
 * @returns the text without the guard.
 * @throws never.
 * @example
 * unguardCsvFormula("'=1+1"); // '=1+1'
 * unguardCsvFormula("'tis"); // "'tis"
 */
export function unguardCsvFormula(text: string): string {
  return GUARD_MARK.test(text) ? text.slice(1) : text;
}
