import * as z from 'zod';
import { IdSchema } from './id.js';
import { customReason } from '../issue-reason.js';

/**
 * A territory: the set of retailers one manager serves.
 *
 * - `id`, `managerId`; `retailerIds`: distinct ids (a duplicate is rejected), possibly empty.
 * - `name`, `region` (optional).
 *
 * @example
 * TerritorySchema.parse({ id: 'T1', managerId: 'M1', retailerIds: ['R1', 'R2'] });
 */
export const TerritorySchema = z
  .strictObject({
    id: IdSchema,
    managerId: IdSchema,
    retailerIds: z.array(IdSchema, { error: 'retailerIds must be an array of ids' }),
    name: z
      .string({ error: 'name must be a string' })
      .trim()
      .min(1, { error: 'name must not be empty' })
      .max(200)
      .optional(),
    region: z
      .string({ error: 'region must be a string' })
      .trim()
      .min(1, { error: 'region must not be empty' })
      .max(200)
      .optional(),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.retailerIds.forEach((id, i) => {
      if (seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['retailerIds', i],
          ...customReason('core.territory_id_twice'),
          input: id,
        });
      seen.add(id);
    });
  });

/** A territory, see {@link TerritorySchema}. */
export type Territory = z.infer<typeof TerritorySchema>;
