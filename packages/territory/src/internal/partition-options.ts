import { customReason } from '@beatplan/core';
import * as z from 'zod';
import { BalanceLimitsSchema } from './balance-limits.js';
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
      orderingRetailers: weight.optional(),
    })
    .refine((w) => Object.values(w).some((v) => (v ?? 0) > 0), customReason('territory.weight_positive'))
    .optional(),
  balance: BalanceLimitsSchema.optional(),
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
