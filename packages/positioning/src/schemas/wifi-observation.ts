import { customReason, TimestampSchema } from '@beatplan/core';
import * as z from 'zod';
import { tryNormalizeBssid } from '../internal/bssid.js';
import { SignalDbmSchema } from './cell-observation.js';

/**
 * One observed WiFi access point: `{ bssid, rssiDbm? }`. `bssid` is normalised (see
 * `normalizeBssid`) to `aa:bb:cc:dd:ee:ff`; `rssiDbm` is the received signal in dBm within [-200, 0]
 * (absent = unknown, see the weighting rule).
 *
 * @example
 * WifiObservationSchema.parse({ bssid: 'AA-BB-CC-DD-EE-FF', rssiDbm: -60 }); // { bssid: 'aa:bb:cc:dd:ee:ff', rssiDbm: -60 }
 */
export const WifiObservationSchema = z.strictObject({
  bssid: z
    .string({ error: (iss) => (iss.input === undefined ? 'bssid is required' : 'BSSID must be a string') })
    .transform((s, ctx) => {
      const canonical = tryNormalizeBssid(s);
      if (canonical !== undefined) return canonical;
      ctx.addIssue({
        code: 'custom',
        input: s,
        ...customReason('positioning.bssid'),
      });
      return z.NEVER;
    }),
  rssiDbm: SignalDbmSchema.optional(),
});

/** A parsed WiFi observation (canonical `bssid`). */
export type WifiObservation = z.output<typeof WifiObservationSchema>;
/** A WiFi observation as accepted. */
export type WifiObservationInput = z.input<typeof WifiObservationSchema>;

/**
 * One WiFi scan: when it was made (`at`) and the access points seen (possibly none).
 *
 * @example
 * WifiScanSchema.parse({ at: 1740963600000, accessPoints: [{ bssid: 'aa:bb:cc:dd:ee:ff', rssiDbm: -60 }] });
 */
export const WifiScanSchema = z.strictObject({
  at: TimestampSchema,
  accessPoints: z.array(WifiObservationSchema, { error: 'accessPoints must be an array of observed access points' }),
});

/** A parsed WiFi scan. */
export type WifiScan = z.output<typeof WifiScanSchema>;
/** A WiFi scan as accepted. */
export type WifiScanInput = z.input<typeof WifiScanSchema>;
