import * as z from 'zod';
import { customReason } from '../issue-reason.js';

/**
 * An identifier (retailer, manager, visit, ...): a non-empty string of at most 128 characters with
 * no leading or trailing white space (a stray space would make `"R1 "` and `"R1"` two retailers).
 *
 * @example
 * IdSchema.parse('R-0042'); // 'R-0042'
 */
export const IdSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'id is required' : 'id must be a string') })
  .min(1, { error: 'id must not be empty' })
  .max(128, { error: 'id must have at most 128 characters' })
  .refine((s) => s.trim() === s, customReason('core.id_white_space'));

/** An identifier, see {@link IdSchema}. */
export type Id = z.infer<typeof IdSchema>;
