import { customReason, TimestampSchema } from '@beatplan/core';
import * as z from 'zod';

/** Radio access technologies, as spelt in the OpenCellID `radio` column. */
export const RADIO_VALUES = ['GSM', 'UMTS', 'LTE', 'NR', 'CDMA'] as const;

/**
 * A radio access technology: `GSM`, `UMTS`, `LTE`, `NR` (5G) or `CDMA`. Case-insensitive on input
 * (`lte` → `LTE`).
 *
 * @example
 * RadioSchema.parse('lte'); // 'LTE'
 */
export const RadioSchema = z
  .string({ error: 'radio must be one of GSM, UMTS, LTE, NR, CDMA' })
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(RADIO_VALUES, { error: 'radio must be one of GSM, UMTS, LTE, NR, CDMA' }));

/** A radio access technology, see {@link RadioSchema}. */
export type Radio = (typeof RADIO_VALUES)[number];

const code = (name: string, max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be an integer`) })
    .int({ error: `${name} must be an integer` })
    .min(0, { error: `${name} must be within [0, ${max}]` })
    .max(max, { error: `${name} must be within [0, ${max}]` });

/** Largest accepted location/tracking area code (LAC, TAC, CDMA NID): 2^32 − 1. */
export const MAX_AREA_CODE = 4_294_967_295;
/** Largest mnc of a GSM/UMTS/LTE/NR cell. */
export const MAX_MNC = 999;
/** Largest CDMA system id (SID, 15 bits), which CDMA carries where GSM carries the mnc. */
export const MAX_CDMA_SID = 32_767;
/** Largest CDMA network id (NID) and base-station id (BID): 16 bits. */
export const MAX_CDMA_ID = 65_535;

/**
 * Received signal in dBm, within [-200, 0]: RSSI for GSM/CDMA/WiFi, RSCP for UMTS, RSRP for LTE/NR,
 * as the device reports it.
 */
const SignalDbmSchema = z
  .number({ error: 'signal must be a finite number of dBm' })
  .min(-200, { error: 'signal must be within [-200, 0] dBm' })
  .max(0, { error: 'signal must be within [-200, 0] dBm' });

/**
 * One observed (serving or neighbouring) cell: `{ radio?, mcc, mnc, lac | tac | area, cellId, signalDbm? }`,
 * or a CDMA cell as `{ radio?: 'CDMA', mcc, sid, nid, bid, signalDbm? }`.
 *
 * - `mcc`, `mnc`: mobile country and network codes, integers in [0, 999] (OpenCellID `mcc`, `net`);
 *   for `radio: 'CDMA'` the `mnc` is the SID, within [0, 32767] (China Telecom's SIDs are above 999).
 * - exactly one of `lac` (GSM/UMTS location area code), `tac` (LTE/NR tracking area code) or `area`
 *   (either; CDMA NID), an integer in [0, 2^32 − 1]; the output has it as `area`.
 * - `cellId`: GSM CID, UMTS UTRAN cell id (RNC·65536 + CID), LTE ECI, NR NCI, CDMA BID; integer ≥ 0.
 * - CDMA spelling: `sid` (→ `mnc`), `nid` (→ `area`, within [0, 65535]) and `bid` (→ `cellId`, within
 *   [0, 65535]); any of them implies `radio: 'CDMA'` and excludes the GSM name of the same field.
 * - `radio`: when absent, a table row of any radio with the same numbers matches.
 * - `signalDbm`: received signal in dBm within [-200, 0]; absent = unknown (see the weighting rule).
 *
 * @example
 * CellObservationSchema.parse({ radio: 'lte', mcc: 460, mnc: 0, tac: 4369, cellId: 26543821, signalDbm: -95 });
 * // { radio: 'LTE', mcc: 460, mnc: 0, area: 4369, cellId: 26543821, signalDbm: -95 }
 * CellObservationSchema.parse({ mcc: 460, sid: 13824, nid: 2, bid: 4101 });
 * // { radio: 'CDMA', mcc: 460, mnc: 13824, area: 2, cellId: 4101 }
 */
export const CellObservationSchema = z
  .strictObject({
    radio: RadioSchema.optional(),
    mcc: code('mcc', 999),
    mnc: code('mnc', MAX_CDMA_SID).optional(),
    lac: code('lac', MAX_AREA_CODE).optional(),
    tac: code('tac', MAX_AREA_CODE).optional(),
    area: code('area', MAX_AREA_CODE).optional(),
    cellId: code('cellId', Number.MAX_SAFE_INTEGER).optional(),
    sid: code('sid', MAX_CDMA_SID).optional(),
    nid: code('nid', MAX_CDMA_ID).optional(),
    bid: code('bid', MAX_CDMA_ID).optional(),
    signalDbm: SignalDbmSchema.optional(),
  })
  .superRefine((o, ctx) => {
    const cdmaNames = o.sid !== undefined || o.nid !== undefined || o.bid !== undefined;
    if (cdmaNames && o.radio !== undefined && o.radio !== 'CDMA') {
      ctx.addIssue({
        code: 'custom',
        path: ['radio'],
        ...customReason('positioning.cdma_fields'),
      });
    }
    const cdma = cdmaNames || o.radio === 'CDMA';
    const one = (names: string[], values: (number | undefined)[], path: string, what: string) => {
      const given = values.filter((v) => v !== undefined).length;
      if (given !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: given === 0 ? [path] : [],
          ...(given === 0
            ? customReason('positioning.code_required', { what, names })
            : customReason('positioning.exactly_one', { names })),
        });
      }
    };
    one(['mnc', 'sid'], [o.mnc, o.sid], 'mnc', 'network code');
    one(['lac', 'tac', 'area', 'nid'], [o.lac, o.tac, o.area, o.nid], 'area', 'area code');
    one(['cellId', 'bid'], [o.cellId, o.bid], 'cellId', 'cell id');
    if (!cdma && o.mnc !== undefined && o.mnc > MAX_MNC) {
      ctx.addIssue({
        code: 'custom',
        path: ['mnc'],
        input: o.mnc,
        ...customReason('positioning.mnc_range', { max: MAX_MNC, sid: MAX_CDMA_SID }),
      });
    }
    const area = o.lac ?? o.tac ?? o.area ?? o.nid;
    const sid = o.mnc ?? o.sid;
    if (cdma && sid !== undefined && sid > MAX_MNC && area !== undefined && area > MAX_CDMA_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['area'],
        input: area,
        ...customReason('positioning.nid_range', { max: MAX_CDMA_ID }),
      });
    }
  })
  .transform((o) => {
    const cdma = o.sid !== undefined || o.nid !== undefined || o.bid !== undefined || o.radio === 'CDMA';
    const out: { radio?: Radio; mcc: number; mnc: number; area: number; cellId: number; signalDbm?: number } = {
      mcc: o.mcc,
      mnc: (o.mnc ?? o.sid) as number,
      area: (o.lac ?? o.tac ?? o.area ?? o.nid) as number,
      cellId: (o.cellId ?? o.bid) as number,
    };
    if (cdma) out.radio = 'CDMA';
    else if (o.radio !== undefined) out.radio = o.radio;
    if (o.signalDbm !== undefined) out.signalDbm = o.signalDbm;
    return out;
  });

/** A parsed cell observation (`area` holds the lac/tac). See {@link CellObservationSchema}. */
export type CellObservation = z.output<typeof CellObservationSchema>;
/** A cell observation as accepted (with `lac`, `tac` or `area`). */
export type CellObservationInput = z.input<typeof CellObservationSchema>;

/**
 * One cell scan: when it was made (`at`, epoch ms or ISO 8601 with offset) and the cells seen.
 * An empty `cells` list is valid input (the estimator then throws `NO_POSITION`).
 *
 * @example
 * CellScanSchema.parse({ at: '2025-03-03T09:00:00+08:00', cells: [{ mcc: 460, mnc: 0, lac: 4369, cellId: 17 }] });
 */
export const CellScanSchema = z.strictObject({
  at: TimestampSchema,
  cells: z.array(CellObservationSchema, { error: 'cells must be an array of observed cells' }),
});

/** A parsed cell scan. */
export type CellScan = z.output<typeof CellScanSchema>;
/** A cell scan as accepted. */
export type CellScanInput = z.input<typeof CellScanSchema>;

export { SignalDbmSchema };
