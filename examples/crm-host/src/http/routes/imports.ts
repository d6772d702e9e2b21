import {
  BeatplanError,
  CustomerManagerSchema,
  importRetailersCsv,
  importRetailersGeoJson,
  type BeatplanIssue,
  type Retailer,
} from '@beatplan/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Repository } from '../../db/repository.js';
import { ErrorSchema } from '../api-schemas.js';
import { requireRole } from '../auth.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 413: ErrorSchema, 422: ErrorSchema };
const ImportAnswerSchema = z.object({ imported: z.number() });

/**
 * Imports (admin only), all or nothing. Retailers: CSV (`Content-Type: text/csv`) or GeoJSON (a
 * FeatureCollection as JSON); every bad row is listed in one 422, references to unknown managers too,
 * and nothing is written unless every row is good (one transaction). Managers: a JSON array of core
 * `CustomerManager`s.
 */
export function importRoutes(
  repo: Repository,
  hooks: { onImportRow?: (i: number) => void } = {},
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/import/managers',
      {
        schema: {
          body: z.array(CustomerManagerSchema).min(1).max(100_000),
          response: { 200: ImportAnswerSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, 'admin');
        return { imported: await repo.upsertManagers(request.body) };
      },
    );

    app.post(
      '/import/retailers',
      {
        schema: {
          body: z.union([z.string(), z.object({ type: z.literal('FeatureCollection') }).loose()]),
          response: { 200: ImportAnswerSchema, ...errors },
        },
      },
      async (request) => {
        requireRole(request, 'admin');
        const body = request.body;
        const { retailers } =
          typeof body === 'string' ? importRetailersCsv(body) : importRetailersGeoJson(body as never);
        await checkManagers(repo, retailers);
        return { imported: await repo.upsertRetailers(retailers, hooks.onImportRow) };
      },
    );
  };
}

async function checkManagers(repo: Repository, retailers: readonly Retailer[]): Promise<void> {
  const missing = new Set(
    await repo.missingManagerIds(retailers.flatMap((r) => (r.managerId === undefined ? [] : [r.managerId]))),
  );
  if (missing.size === 0) return;
  const issues: BeatplanIssue[] = [];
  retailers.forEach((r, i) => {
    if (r.managerId !== undefined && missing.has(r.managerId))
      issues.push({ path: ['retailers', i, 'managerId'], message: 'no manager has this id', value: r.managerId });
  });
  throw new BeatplanError('UNKNOWN_REFERENCE', issues);
}
