import * as z from 'zod';
import { fieldError } from '../internal/field-error.js';
import { locationOutsideGeofenceM } from '../location-outside-geofence-m.js';
import { CoordinatesSchema } from './coordinates.js';
import { IdSchema } from './id.js';
import { PolygonGeometrySchema } from './polygon-geometry.js';
import { WeeklyHoursSchema } from './weekly-hours.js';
import { customReason } from '../issue-reason.js';

/**
 * Retailer segments: `retail` (independent shops, convenience stores, kiosks), `chain_supermarket`
 * (outlets of a supermarket or convenience chain, buying partly through head office),
 * `hotel_entertainment` (hotels, restaurants, bars, KTV and other venues, often open at night).
 */
export const SegmentSchema = z.enum(['retail', 'chain_supermarket', 'hotel_entertainment'], {
  error: fieldError('segment', 'segment must be one of "retail", "chain_supermarket", "hotel_entertainment"'),
});
/** A retailer segment, see {@link SegmentSchema}. */
export type Segment = z.infer<typeof SegmentSchema>;

/** Retailer class by importance: `A` (key account), `B` (regular), `C` (small). */
export const RetailerClassSchema = z.enum(['A', 'B', 'C'], {
  error: fieldError('class', 'class must be one of "A", "B", "C"'),
});
/** A retailer class, see {@link RetailerClassSchema}. */
export type RetailerClass = z.infer<typeof RetailerClassSchema>;

/** How often a retailer must be visited. */
export const VisitFrequencySchema = z.enum(['weekly', 'twice_weekly', 'fortnightly', 'monthly'], {
  error: fieldError(
    'visit frequency',
    'visit frequency must be one of "weekly", "twice_weekly", "fortnightly", "monthly"',
  ),
});
/** A visit frequency, see {@link VisitFrequencySchema}. */
export type VisitFrequency = z.infer<typeof VisitFrequencySchema>;

/**
 * Visits per 4-week cycle for each frequency (the planning period of beatplan): weekly 4,
 * twice_weekly 8, fortnightly 2, monthly 1.
 */
export const VISITS_PER_FOUR_WEEKS: Readonly<Record<VisitFrequency, number>> = Object.freeze({
  weekly: 4,
  twice_weekly: 8,
  fortnightly: 2,
  monthly: 1,
});

/** Most `attributes` one retailer may carry. */
export const MAX_ATTRIBUTES = 100;

const text = (what: string, max: number) =>
  z
    .string({ error: fieldError(what, `${what} must be a string`) })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must have at most ${max} characters` });

/**
 * How far (m) a retailer's `location` may lie outside its own `geofence`. Farther means the two are
 * almost surely in different coordinate systems (GCJ-02 vs WGS84 differ by 100–700 m) or belong to
 * different shops, and the record is rejected.
 */
export const MAX_LOCATION_OUTSIDE_GEOFENCE_M = 200;

/**
 * A retailer (a point of sale a customer manager visits).
 *
 * - `id`, `name`; `location`: `{ lng, lat, crs? }`.
 * - `geofence` (optional): a GeoJSON Polygon in the SAME system as `location` (`location.crs`);
 *   the location must lie inside it or at most {@link MAX_LOCATION_OUTSIDE_GEOFENCE_M} m outside.
 * - `segment`, `class`: see {@link SegmentSchema}, {@link RetailerClassSchema}.
 * - `serviceMinutes`: planned time on site per visit, minutes, > 0 and ≤ 480.
 * - `openingHours` (optional): per weekday, see `WeeklyHoursSchema`; absent = not known (planners
 *   then assume the retailer is open whenever the manager works).
 * - `visitFrequency`: see {@link VisitFrequencySchema}.
 * - `orderCount`: orders in the reference period (integer ≥ 0); `orderVolume`: their total value or
 *   quantity in the host's unit (≥ 0). Used for stratified inspection samples and reports.
 * - `managerId`, `region` (optional): current assignment and administrative area.
 * - What a company manages its retailers by (all optional, kept on output): `licenceNo` (e.g. the
 *   tobacco retail licence number, 1–64 characters), `address` (≤ 500), `phone` (digits, spaces,
 *   `+ - ( )`, 3–32 characters), `storeType` (the host's label, ≤ 100), `grade` (an integer on the
 *   host's scale, 0–999, e.g. the tobacco industry's 30 档位 as 1–30; importers check it against the
 *   scale the host declares, see `importRetailersCsv`'s `grades`), and `attributes`: free key/value
 *   texts passed through unchanged, as a list `[{ key, value }]` (keys unique, at most 100 pairs; a
 *   list, not an object, so that data never becomes an object key).
 *
 * Unknown fields are rejected.
 *
 * @example
 * RetailerSchema.parse({
 *   id: 'R1', name: 'Happy Mart', location: { lng: 116.41, lat: 39.92, crs: 'GCJ02' },
 *   segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 12, orderVolume: 3400,
 *   openingHours: { mon: [{ from: '08:00', to: '21:00' }] },
 * });
 */
export const RetailerSchema = z
  .strictObject({
    id: IdSchema,
    name: z
      .string({ error: fieldError('name', 'name must be a string') })
      .trim()
      .min(1, { error: 'name must not be empty' })
      .max(200, { error: 'name must have at most 200 characters' }),
    location: CoordinatesSchema,
    geofence: PolygonGeometrySchema.optional(),
    segment: SegmentSchema,
    class: RetailerClassSchema,
    serviceMinutes: z
      .number({ error: fieldError('service minutes', 'service minutes must be a finite number') })
      .gt(0, { error: 'service minutes must be greater than 0' })
      .max(480, { error: 'service minutes must be at most 480 (8 hours)' }),
    openingHours: WeeklyHoursSchema.optional(),
    visitFrequency: VisitFrequencySchema,
    orderCount: z
      .number({ error: fieldError('order count', 'order count must be a number') })
      .int({ error: 'order count must be a whole number' })
      .min(0, { error: 'order count must be at least 0' }),
    orderVolume: z
      .number({ error: fieldError('order volume', 'order volume must be a finite number') })
      .min(0, { error: 'order volume must be at least 0' }),
    managerId: IdSchema.optional(),
    region: z
      .string({ error: 'region must be a string' })
      .trim()
      .min(1, { error: 'region must not be empty' })
      .max(200)
      .optional(),
    licenceNo: text('licence number', 64).optional(),
    address: text('address', 500).optional(),
    phone: z
      .string({ error: fieldError('phone', 'phone must be a string') })
      .trim()
      .regex(/^\+?[\d\s()-]{3,32}$/, { error: 'phone must be 3–32 digits, spaces or + - ( )' })
      .optional(),
    storeType: text('store type', 100).optional(),
    grade: z
      .number({ error: fieldError('grade', 'grade must be a whole number') })
      .int({ error: 'grade must be a whole number' })
      .min(0, { error: 'grade must be within [0, 999]' })
      .max(999, { error: 'grade must be within [0, 999]' })
      .optional(),
    attributes: z
      .array(
        z.strictObject({
          key: text('attribute key', 100),
          value: text('attribute value', 1000),
        }),
        { error: 'attributes must be a list of { key, value }' },
      )
      .max(MAX_ATTRIBUTES, { error: `at most ${MAX_ATTRIBUTES} attributes` })
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (r.attributes) {
      const seen = new Set<string>();
      r.attributes.forEach((a, i) => {
        if (seen.has(a.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['attributes', i, 'key'],
            input: a.key,
            ...customReason('core.attribute_key_twice'),
          });
        }
        seen.add(a.key);
      });
    }
    if (!r.geofence) return;
    const outside = locationOutsideGeofenceM(r.location, r.geofence.coordinates); // NaN when malformed
    if (outside > MAX_LOCATION_OUTSIDE_GEOFENCE_M) {
      ctx.addIssue({
        code: 'custom',
        path: ['geofence'],
        ...customReason('core.geofence_far', {
          m: Math.round(outside),
          max: MAX_LOCATION_OUTSIDE_GEOFENCE_M,
          crs: r.location.crs ?? 'WGS84',
        }),
      });
    }
  });

/** A retailer, see {@link RetailerSchema}. */
export type Retailer = z.infer<typeof RetailerSchema>;
/** A retailer as accepted by {@link RetailerSchema} (before trimming). */
export type RetailerInput = z.input<typeof RetailerSchema>;
