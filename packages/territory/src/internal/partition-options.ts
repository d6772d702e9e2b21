import * as z from 'zod';
import { WorkloadOptionsSchema } from './workload-model.js';
import { SyncCostOptionsShape } from './workload-travel.js';

const weight = z.number().min(0).max(1e6);

export const PartitionOptionsSchema = z.strictObject({
  weights: z
    .strictObject({
      count: weight.optional(),
      workload: weight.optional(),
      orders: weight.optional(),
      volume: weight.optional(),
    })
    .refine((w) => (w.count ?? 0) + (w.workload ?? 0) + (w.orders ?? 0) + (w.volume ?? 0) > 0, {
      error: 'at least one weight must be positive',
    })
    .optional(),
  tolerance: z.number().gt(0).max(1).optional(),
  locked: z.union([z.boolean(), z.array(z.string())]).optional(),
  keepCurrent: z.boolean().optional(),
  maxDiameterM: z.number().gt(0).optional(),
  baseAttraction: z.number().min(0).max(1).optional(),
  stickiness: z.number().min(0).max(100).optional(),
  rounds: z.number().int().min(1).max(100).optional(),
  workload: WorkloadOptionsSchema.optional(),
  ...SyncCostOptionsShape,
});
