import { customReason, TimestampSchema } from '@beatplan/core';
import * as z from 'zod';
import { CellObservationSchema } from './cell-observation.js';
import { WifiObservationSchema } from './wifi-observation.js';

/** Most cells, and most access points, one network-positioning request may carry. */
export const MAX_SCAN_ITEMS = 64;

/**
 * What a phone saw when the manager pressed *start* or *end visit*, as sent to a network-positioning
 * service (AMap, Tencent, Baidu, a carrier):
 *
 * - `at`: when the scan was made (epoch ms or ISO 8601 with offset). The returned fix carries this
 *   time, not the time of the answer — a fix is about the moment of the scan.
 * - `cells`: observed cells, the serving cell first (see `CellObservationSchema`; CDMA cells as
 *   `radio: 'CDMA'` with SID in `mnc`, NID in `area`, BID in `cellId`); at most 64.
 * - `wifi`: observed access points (`{ bssid, rssiDbm? }`); at most 64.
 * - `connectedBssid`: the access point the phone is connected to, if any (some services weigh it).
 * - `deviceId`: an opaque device id some services ask for (AMap `imei`, Tencent `device_id`).
 *
 * At least one cell or access point is required.
 *
 * @example
 * NetworkScanSchema.parse({ at: '2026-03-02T09:15:00+08:00', cells: [{ mcc: 460, mnc: 0, lac: 4189, cellId: 7359, signalDbm: -70 }] });
 */
export const NetworkScanSchema = z
  .strictObject({
    at: TimestampSchema,
    cells: z
      .array(CellObservationSchema, { error: 'cells must be an array of observed cells' })
      .max(MAX_SCAN_ITEMS, { error: `a scan holds at most ${MAX_SCAN_ITEMS} cells` })
      .default([]),
    wifi: z
      .array(WifiObservationSchema, { error: 'wifi must be an array of observed access points' })
      .max(MAX_SCAN_ITEMS, { error: `a scan holds at most ${MAX_SCAN_ITEMS} access points` })
      .default([]),
    connectedBssid: WifiObservationSchema.shape.bssid.optional(),
    deviceId: z
      .string({ error: 'deviceId must be a text' })
      .regex(/^[\w.:-]{1,64}$/, { error: 'deviceId must be 1–64 letters, digits, or . : _ -' })
      .optional(),
  })
  .refine((s) => s.cells.length + s.wifi.length > 0, { path: ['cells'], ...customReason('positioning.scan_empty') });

/** A parsed network scan, see {@link NetworkScanSchema}. */
export type NetworkScan = z.output<typeof NetworkScanSchema>;
/** A network scan as accepted. */
export type NetworkScanInput = z.input<typeof NetworkScanSchema>;
