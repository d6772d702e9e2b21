import type { InspectionChecklist } from '@beatplan/core';
import { type VerifyPolicyInput, verifyVisit } from '@beatplan/geofence';
import { buildReport, renderReportHtml, reportToCsv } from '@beatplan/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { Repository } from '../../db/repository.js';
import { ErrorSchema, PeriodQuerySchema } from '../api-schemas.js';
import { requireRole } from '../auth.js';
import { notFound } from '../http-error.js';
import { localDate, localDayStartMs } from '../local-day.js';

/**
 * GET /reports?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv|html (admin): the reports package's
 * report over the stored plans, ended visits with their verdicts and the inspection records of the
 * period. A visit started on a local day that is over and never ended is in the report too, judged
 * `incomplete` on its start fix (geofence's verdict for a visit without its end fix; the scorecard
 * counts it as not verified, the report's `incompleteVisits` default); one started today may still be
 * ended and is left out. Inspections are read under the host's checklist (a seed item it leaves out is
 * counted "not asked"). CSV gives one table (`table=`, default `managers`; the JSON names them all).
 */
export function reportRoutes(
  repo: Repository,
  now: () => number,
  utcOffsetMinutes: number,
  policy: VerifyPolicyInput,
  checklist: InspectionChecklist,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports',
      {
        schema: {
          querystring: PeriodQuerySchema,
          response: { 200: z.unknown(), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
        },
      },
      async (request, reply) => {
        requireRole(request, 'admin');
        const { from, to, format, table } = request.query;
        const fromMs = localDayStartMs(from, utcOffsetMinutes);
        const toMs = localDayStartMs(to, utcOffsetMinutes) + 86_400_000;
        const [retailers, managers, plans, visitRows, records, territories] = await Promise.all([
          repo.listRetailers(),
          repo.listManagers(),
          repo.listPlans(from, to),
          repo.listVisits(fromMs, toMs),
          repo.listInspectionRecords(),
          repo.listTerritories(),
        ]);
        const todayStart = localDayStartMs(localDate(now(), utcOffsetMinutes), utcOffsetMinutes);
        const retailerById = new Map(retailers.map((r) => [r.id, r]));
        const judged = visitRows.flatMap((v) => {
          const visit = { id: v.id, managerId: v.managerId, retailerId: v.retailerId, start: v.startFix };
          if (v.endFix && v.verdict) return [{ visit: { ...visit, end: v.endFix }, verdict: v.verdict }];
          const retailer = retailerById.get(v.retailerId);
          if (v.endFix || v.startFix.at >= todayStart || !retailer) return [];
          return [{ visit, verdict: verifyVisit(retailer, visit, policy) }];
        });
        const report = buildReport({
          title: `Visits ${from} – ${to}`,
          period: { from, to },
          utcOffsetMinutes,
          retailers,
          managers,
          plans,
          visits: judged.map((j) => j.visit),
          verdicts: judged.map((j) => j.verdict),
          inspections: records.map((r) => r.recorded.record).filter((r) => r.at >= fromMs && r.at < toMs),
          territories: territories.map((t) => ({ id: t.id, managerId: t.managerId, retailerIds: t.retailerIds })),
          checklist,
        });
        if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderReportHtml(report));
        if (format === 'csv') {
          const tables = reportToCsv(report);
          const name = table ?? 'managers';
          const csv = tables[name];
          if (csv === undefined) throw notFound(`table ${name} (tables: ${Object.keys(tables).join(', ')})`);
          return reply.type('text/csv; charset=utf-8').send(csv);
        }
        return report;
      },
    );
  };
}
