import * as z from 'zod';
import { fieldError } from '../internal/field-error.js';
import { customReason } from '../issue-reason.js';

/** Earliest accepted instant, 2000-01-01T00:00:00Z, in epoch ms. */
export const MIN_TIMESTAMP_MS = 946_684_800_000;
/** First rejected instant, 2100-01-01T00:00:00Z, in epoch ms. */
export const MAX_TIMESTAMP_MS = 4_102_444_800_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Days in each month of a non-leap year. */
/** Days in month `mo` (1..12). */
const daysInMonth = (mo: number, leap: boolean): number =>
  mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;

/**
 * Parses an ISO 8601 date-time with a UTC offset (`Z`, `+08:00`, `+0800`, `+08`) to epoch ms.
 * Returns the key of the reason when the text is not one.
 */
function parseIsoWithOffset(text: string): number | TimeReason {
  const m = ISO.exec(text);
  if (!m) {
    return LOCAL.test(text.trim()) ? 'core.time_offset_required' : 'core.time_format';
  }
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m as unknown as string[];
  const y = Number(ys),
    mo = Number(mos),
    d = Number(ds),
    h = Number(hs),
    mi = Number(mis),
    s = Number(ss ?? 0);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = daysInMonth(mo, leap);
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return 'core.time_calendar';
  const ms = frac ? Number(`${frac}00`.slice(0, 3)) : 0; // digits, not floats: 0.57 s is 570 ms
  let offsetMinutes = 0;
  if (off && off !== 'Z') {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)),
      om = Number(digits.slice(2) || 0);
    if (oh > 23 || om > 59) return 'core.time_offset_invalid';
    offsetMinutes = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}

/** Digit value of the character at i, or -1. */
function digit(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}
function two(t: string, i: number): number {
  const a = digit(t, i);
  const b = digit(t, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Fast path for a well-formed `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH[[:]MM])`: reads characters, no
 * regex and no substrings. Returns undefined for anything else (the regex path then words the error).
 */
function parseIsoFast(t: string): number | undefined {
  const n = t.length;
  if (n < 17 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58)
    return undefined;
  const century = two(t, 0);
  const yy = two(t, 2);
  if (century < 0 || yy < 0) return undefined; // `21xx` is not 2099: every year digit must be a digit
  const y = century * 100 + yy;
  const mo = two(t, 5);
  const d = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  if (mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  let i = 16;
  let s = 0;
  let ms = 0;
  if (t.charCodeAt(i) === 58) {
    s = two(t, i + 1);
    if (s < 0 || s > 59) return undefined;
    i += 3;
    if (t.charCodeAt(i) === 46) {
      let k = 0;
      for (i++; digit(t, i) >= 0; i++, k++) if (k < 3) ms = ms * 10 + digit(t, i);
      if (k === 0 || k > 9) return undefined;
      for (; k < 3; k++) ms *= 10;
    }
  }
  let offsetMinutes = 0;
  const z = t.charCodeAt(i);
  if (z === 90 && i + 1 === n) offsetMinutes = 0;
  else if (z === 43 || z === 45) {
    const oh = two(t, i + 1);
    let om = 0;
    let j = i + 3;
    if (t.charCodeAt(j) === 58) j++;
    if (j < n) {
      om = two(t, j);
      j += 2;
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || j !== n || (j === i + 4 && t.charCodeAt(i + 3) === 58))
      return undefined;
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > daysInMonth(mo, leap)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}

/** Where a decode reports its problem: zod's parse payload (codecs push issues to it). */
interface IssueSink {
  issues: unknown[];
}

/** The reasons a time is refused for, beside its range. */
type TimeReason = 'core.time_offset_required' | 'core.time_format' | 'core.time_calendar' | 'core.time_offset_invalid';

function fail(ctx: IssueSink, input: unknown, reason: ReturnType<typeof customReason>): number {
  ctx.issues.push({ code: 'custom', input, ...reason });
  return 0; // discarded: the issue aborts the parse
}

function checkRange(ms: number, ctx: IssueSink, input: unknown): number {
  if (ms < MIN_TIMESTAMP_MS || ms >= MAX_TIMESTAMP_MS) {
    const seconds = typeof input === 'number' && ms >= MIN_TIMESTAMP_MS / 1000 && ms < MAX_TIMESTAMP_MS / 1000;
    return fail(ctx, input, customReason('core.time_range', { seconds }));
  }
  return ms;
}

/**
 * An instant: epoch milliseconds, or an ISO 8601 date-time WITH a UTC offset
 * (`2025-03-03T09:00:00+08:00`, `...Z`). The output is always epoch ms (integer for ISO input).
 * Accepted range: 2000-01-01 ≤ t < 2100-01-01 UTC; this rejects epoch seconds passed as milliseconds,
 * a common mistake that would shrink every dwell time a thousandfold. Local times without offset are
 * rejected as ambiguous. Encoding (`z.encode`) gives the epoch ms back.
 *
 * @example
 * TimestampSchema.parse('2025-03-03T09:00:00+08:00'); // 1740963600000
 * TimestampSchema.parse(1740963600000);               // 1740963600000
 */
export const TimestampSchema = z.codec(
  z.union([z.number(), z.string()], {
    error: fieldError('time', 'must be epoch milliseconds or an ISO 8601 date-time with offset'),
  }),
  z.number(),
  {
    // A codec rather than `.transform()`: a transform pipe adds a property to zod's parse payload,
    // which makes zod's own hot paths polymorphic; parsing 10⁵ visits was ~30 % slower that way.
    decode: (input, ctx) => {
      if (typeof input === 'number')
        return Number.isFinite(input)
          ? checkRange(input, ctx, input)
          : fail(ctx, input, customReason('core.time_finite'));
      const parsed = parseIsoFast(input) ?? parseIsoWithOffset(input.trim());
      return typeof parsed === 'string' ? fail(ctx, input, customReason(parsed)) : checkRange(parsed, ctx, input);
    },
    encode: (ms) => ms,
  },
);

/** An instant in epoch milliseconds (the output of {@link TimestampSchema}). */
export type Timestamp = z.output<typeof TimestampSchema>;
/** What {@link TimestampSchema} accepts: epoch ms or an ISO 8601 string with offset. */
export type TimestampInput = z.input<typeof TimestampSchema>;
