import {
  abortedError,
  BeatplanError,
  CrsSchema,
  FixSourceSchema,
  fromZodError,
  PositionFixSchema,
  type Crs,
  type FixSource,
  type PositionFix,
  issueReason,
  type BeatplanErrorCode,
  type ReasonedMessage,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { POSITIONING_CONFIDENCE } from './positioning-confidence.js';

/** The part of the W3C `GeolocationPosition` the adapter reads. */
export interface GeolocationPositionLike {
  coords: {
    latitude: number;
    longitude: number;
    accuracy: number;
    altitude?: number | null;
    speed?: number | null;
    heading?: number | null;
  };
  timestamp: number;
}

/** The part of the W3C `Geolocation` object the adapter calls (`navigator.geolocation`, or a fake in tests). */
export interface GeolocationLike {
  getCurrentPosition(
    success: (position: GeolocationPositionLike) => void,
    error?: ((error: { code: number; message?: string }) => void) | null,
    options?: { enableHighAccuracy?: boolean; timeout?: number; maximumAge?: number },
  ): void;
}

const OptionsSchema = z.strictObject({
  geolocation: z
    .custom<GeolocationLike>(
      (g) => typeof (g as GeolocationLike | null)?.getCurrentPosition === 'function',
      customReason('positioning.geolocation_type'),
    )
    .optional(),
  source: FixSourceSchema.optional(),
  crs: CrsSchema.optional(),
  enableHighAccuracy: z.boolean({ error: 'enableHighAccuracy must be true or false' }).optional(),
  timeoutMs: z.number().int().positive({ error: 'timeoutMs must be a positive integer of ms' }).optional(),
  maximumAgeMs: z.number().int().min(0, { error: 'maximumAgeMs must be an integer ≥ 0 ms' }).optional(),
  deadlineMs: z.number().int().positive({ error: 'deadlineMs must be a positive integer of ms' }).optional(),
  signal: z
    .custom<AbortSignal>(
      (s) => typeof (s as AbortSignal | null)?.aborted === 'boolean',
      customReason('core.signal_type'),
    )
    .optional(),
});

/**
 * Options of {@link getBrowserPosition}:
 * - `geolocation`: the Geolocation object (default `globalThis.navigator.geolocation`);
 * - `source`: the fix's source (default `'gnss'`; say `'wifi'` when the host knows better);
 * - `crs`: the coordinate system the platform reports (default `WGS84`, as the W3C spec says; some
 *   Chinese WebViews report GCJ-02);
 * - `enableHighAccuracy` (default true), `timeoutMs` (passed as `timeout`, default 10000 ms),
 *   `maximumAgeMs` (passed as `maximumAge`, default 0: no cached position);
 * - `deadlineMs`: our own guard, since some browsers never call back while a permission prompt is
 *   ignored: after this long reject PROVIDER_TIMEOUT (default `timeoutMs` + 60000 ms);
 * - `signal`: an AbortSignal; when it fires, reject ABORTED (a late answer is ignored).
 */
export type BrowserPositionOptions = z.input<typeof OptionsSchema>;

/**
 * Asks the browser's Geolocation API for the current position and returns it as a `PositionFix`:
 * `accuracyM` = `coords.accuracy` with `accuracyConfidence: 0.95` (the W3C level, already the
 * package's), `at` = `timestamp`, `altitudeM`/`speedKmh` (the browser's m/s × 3.6)/`headingDeg` when reported (null/NaN dropped).
 *
 * Errors map as: `PERMISSION_DENIED` (1) → `PERMISSION_DENIED`; `POSITION_UNAVAILABLE` (2) →
 * `NO_POSITION`; `TIMEOUT` (3) → `PROVIDER_TIMEOUT`; any other code → `PROVIDER_UNAVAILABLE`.
 *
 * @param options - see {@link BrowserPositionOptions}.
 * @returns a promise of the fix.
 * @throws {BeatplanError} (rejects) as mapped above; `PROVIDER_UNAVAILABLE` when there is no
 *   Geolocation API or it throws; `PROVIDER_TIMEOUT` after `deadlineMs` without a callback;
 *   `PROVIDER_RESPONSE_INVALID` for a position that is not a valid fix (e.g. latitude 123);
 *   `ABORTED` when `signal` fires; `INVALID_INPUT` for bad options.
 * @example
 * // not run: needs a browser (navigator.geolocation)
 * const fix = await getBrowserPosition({ timeoutMs: 8000 });
 * // { lng, lat, accuracyM, accuracyConfidence: 0.95, source: 'gnss', at, crs: 'WGS84' }
 */
export function getBrowserPosition(options: BrowserPositionOptions = {}): Promise<PositionFix> {
  return new Promise<PositionFix>((resolve, reject) => {
    const parsed = OptionsSchema.safeParse(options, { reportInput: true });
    if (!parsed.success) {
      reject(
        new BeatplanError('INVALID_INPUT', fromZodError(parsed.error, ['options'], options), { cause: parsed.error }),
      );
      return;
    }
    const o = parsed.data;
    const geolocation =
      o.geolocation ?? (globalThis as { navigator?: { geolocation?: GeolocationLike } }).navigator?.geolocation;
    if (!geolocation || typeof geolocation.getCurrentPosition !== 'function') {
      reject(
        new BeatplanError(
          'PROVIDER_UNAVAILABLE',
          'the Geolocation API is not available here (no navigator.geolocation)',
        ),
      );
      return;
    }
    const signal = o.signal;
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const timeoutMs = o.timeoutMs ?? 10_000;
    const deadlineMs = o.deadlineMs ?? timeoutMs + 60_000;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => settle(() => reject(abortedError(signal!)));
    const deadline = setTimeout(
      () =>
        settle(() =>
          reject(
            new BeatplanError('PROVIDER_TIMEOUT', [
              { path: [], ...issueReason('positioning.browser_silent', { ms: deadlineMs }) },
            ]),
          ),
        ),
      deadlineMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      geolocation.getCurrentPosition(
        (position) =>
          settle(() => {
            try {
              resolve(toFix(position, o.source ?? 'gnss', o.crs ?? 'WGS84'));
            } catch (e) {
              reject(e);
            }
          }),
        (error) => settle(() => reject(mapError(error))),
        { enableHighAccuracy: o.enableHighAccuracy ?? true, timeout: timeoutMs, maximumAge: o.maximumAgeMs ?? 0 },
      );
    } catch (e) {
      settle(() =>
        reject(
          new BeatplanError(
            'PROVIDER_UNAVAILABLE',
            `the Geolocation API failed: ${e instanceof Error ? e.message : String(e)}`,
            { cause: e },
          ),
        ),
      );
    }
  });
}

function mapError(error: { code: number; message?: string } | null | undefined): BeatplanError {
  const p = { detail: error?.message ?? '' };
  const fail = (code: BeatplanErrorCode, why: ReasonedMessage) =>
    new BeatplanError(code, [{ path: [], ...why }], { cause: error });
  switch (error?.code) {
    case 1:
      return fail('PERMISSION_DENIED', issueReason('positioning.browser_refused', p));
    case 2:
      return fail('NO_POSITION', issueReason('positioning.browser_unknown', p));
    case 3:
      return fail('PROVIDER_TIMEOUT', issueReason('positioning.browser_late', p));
    default:
      return fail(
        'PROVIDER_UNAVAILABLE',
        issueReason('positioning.geolocation_failed', { ...p, code: String(error?.code) }),
      );
  }
}

const present = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);

function toFix(position: GeolocationPositionLike, source: FixSource, crs: Crs): PositionFix {
  const c = position?.coords;
  const candidate: Record<string, unknown> = {
    lng: c?.longitude,
    lat: c?.latitude,
    crs,
    accuracyM: c?.accuracy,
    accuracyConfidence: POSITIONING_CONFIDENCE,
    source,
    at: position?.timestamp,
  };
  if (present(c?.altitude)) candidate.altitudeM = c.altitude;
  if (present(c?.speed)) candidate.speedKmh = c.speed * 3.6;
  if (present(c?.heading)) candidate.headingDeg = c.heading;
  const r = PositionFixSchema.safeParse(candidate, { reportInput: true });
  if (!r.success) {
    const issues = fromZodError(r.error, ['position'], candidate);
    issues.unshift({ path: [], ...issueReason('positioning.browser_invalid') });
    throw new BeatplanError('PROVIDER_RESPONSE_INVALID', issues, { cause: r.error });
  }
  return r.data;
}
