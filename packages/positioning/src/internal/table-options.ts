import { CrsSchema, customReason, LatSchema, LngSchema } from '@beatplan/core';
import * as z from 'zod';

/** Options every table loader accepts (see the cell and access-point loaders for their meaning). */
export const BaseTableOptionsShape = {
  delimiter: z
    .string({ error: 'delimiter must be one character' })
    .length(1, { error: 'delimiter must be one character' })
    .refine((d) => d !== '"' && d !== '\n' && d !== '\r', customReason('positioning.delimiter_quote'))
    .optional(),
  onRowError: z.enum(['skip', 'fail'], { error: 'onRowError must be "skip" or "fail"' }).optional(),
  maxIssues: z
    .number({ error: 'maxIssues must be an integer ≥ 0' })
    .int({ error: 'maxIssues must be an integer ≥ 0' })
    .min(0, { error: 'maxIssues must be an integer ≥ 0' })
    .optional(),
  expectedRows: z
    .number({ error: 'expectedRows must be an integer in [0, 2^28]' })
    .int({ error: 'expectedRows must be an integer in [0, 2^28]' })
    .min(0, { error: 'expectedRows must be an integer in [0, 2^28]' })
    .max(2 ** 28, { error: 'expectedRows must be an integer in [0, 2^28]' })
    .optional(),
  crs: CrsSchema.optional(),
};

/** `[minLng, minLat, maxLng, maxLat]` in degrees; minLng > maxLng means the box crosses the antimeridian. */
export const BboxSchema = z
  .tuple([LngSchema, LatSchema, LngSchema, LatSchema], { error: 'bbox must be [minLng, minLat, maxLng, maxLat]' })
  .refine(([, s, , n]) => s <= n, customReason('positioning.bbox_lat_order'));
