import { getKnown, guardCsvFormula, type Locale } from '@beatplan/core';
import { sectionTranslator } from './internal/section-messages.js';
import type { GroupStats, Report } from './report.js';
import { SCORECARD_KPIS } from './scorecard.js';
import type { TrendReport } from './trend.js';
import type { DecisionReport, EffortGroup, HexCell } from './decision.js';

/** A CSV cell value: `null`/`undefined` become an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

function formatCell(value: CsvValue): string {
  // A number too large to add up (Infinity, NaN) is written as an empty cell, like a missing one.
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  // Text from the data (a retailer named `=HYPERLINK(…)`) is defused with a leading apostrophe;
  // numbers, negative ones included, are written as they are.
  const text = typeof value === 'string' ? guardCsvFormula(value) : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats a table as RFC 4180 CSV: comma-separated, CRLF line ends, a header row; a cell holding a
 * comma, a double quote, a line break or leading/trailing white space is quoted, its quotes doubled.
 * Numbers are written as JavaScript prints them (`0.25`, `-3`, `1200`); null, undefined, Infinity and
 * NaN as empty cells. A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading apostrophe (`'=1+1`), as OWASP advises against CSV
 * injection: these files are opened in Excel by people who did not write the data.
 *
 * @param header - the column names.
 * @param rows - the rows, each as long as the header.
 * @returns the CSV text, ending with CRLF.
 * @throws never.
 * @example
 * formatCsv(['id', 'name'], [['R1', 'Wang "Big" Mart, East']]); // 'id,name\r\nR1,"Wang ""Big"" Mart, East"\r\n'
 * formatCsv(['name', 'delta'], [['=HYPERLINK("http://x")', -3]]);  // 'name,delta\r\n"\'=HYPERLINK(""http://x"")",-3\r\n'
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(formatCell).join(',')}\r\n`).join('');
}

const GROUP_COLUMNS: readonly (keyof GroupStats)[] = [
  'key',
  'retailers',
  'requiredVisitsPer4Weeks',
  'plannedStops',
  'visits',
  'verified',
  'verificationRate',
  'visitsPerRetailerPerWeek',
  'meanServiceMinutes',
  'meanVerifiedDwellMinutes',
  'orderCount',
  'orderCountPerRetailer',
  'orderVolume',
  'orderVolumePerRetailer',
  'volumePerOrder',
  'inspections',
  'inspectionScore',
  'contradictions',
];

const MANAGER_COLUMNS = [
  'managerId',
  'name',
  'region',
  'retailers',
  'assignedServiceMinutesPer4Weeks',
  'days',
  'plannedStops',
  'plannedVisited',
  'plannedVerified',
  'unplannedVisits',
  'visits',
  'verified',
  'rejected',
  'unverifiable',
  'incomplete',
  'noVerdict',
  'undecidedPrecision',
  'flagged',
  'flaggedVerified',
  'completionRate',
  'verificationRate',
  'verifiedDwellS',
  'reportedDwellS',
  'expectedServiceS',
  'meanVerifiedDwellS',
  'plannedDistanceM',
  'plannedStraightDistanceM',
  'travelledDistanceM',
  'distanceRatio',
  'plannedRouteDistanceM',
  'plannedRouteDurationS',
  'travelledRouteDistanceM',
  'travelledRouteDurationS',
  'unroutedDays',
  'plannedWorkMinutes',
  'inspections',
  'inspectionScore',
  'pricesTaggedRate',
  'policyDisplayedRate',
  'meanSatisfaction',
  'visitsDenied',
  'contradictions',
  'score',
  'coverage',
  'rank',
] as const;

const groupTable = (groups: readonly GroupStats[], keyName: string, csv: typeof formatCsv) =>
  csv(
    [keyName, ...GROUP_COLUMNS.slice(1)],
    groups.map((g) => GROUP_COLUMNS.map((c) => g[c])),
  );

/** Options of {@link reportToCsv}. */
export interface ReportCsvOptions {
  /** The language of the header row: `'en'` (default, the field names) or `'zh-CN'` (core's `LocaleSchema`). */
  locale?: Locale;
}

/**
 * The report as CSV tables (see {@link formatCsv}), by table name:
 * `attention` (the "needs attention" items in order: severity, kind, manager, dates, visit and retailer
 * ids separated by spaces, the rule codes as `code:n`, …), `attention-visits` (the evidence of every
 * visit an item names; `items` are the `order`s of the items naming it),
 * `findings` (every contradiction: retailer, manager, kind, inspection, visit ids separated by spaces,
 * message), `managers` (every figure per manager, `contradictionsByKind` as `kind:n` separated by spaces,
 * and, when the checklist leaves seed items out, `notAsked` as `item:n`),
 * `scorecard` (its first row, `managerId` = `weight`, holds the weights; then one row per manager in
 * rank order: normalised KPIs, score, coverage), `balance` (spread per metric), `balance-managers`
 * (metric values per manager), `segments`, `regions`, `classes`, and `repartition` (before, after and
 * change per manager, then the cv and max/min rows) when the report has one; `trend` (one row per
 * manager and period: KPIs, visits, inspections, score and rank as recomputed by the trend, and `notAsked`
 * when a period's checklist left seed items out) and, with two periods or more, `trend-changes` (one row
 * per manager and figure: from, to, change, basis — for the inspection KPIs the inspections that asked
 * what they score —, meaningful);
 * `decision-effort` (visit time against orders per segment and class), `decision-gaps` (retailers
 * farther than `farKm` from every base) and `decision-cells` (the hex cells with their siting figures).
 *
 * With `locale: 'zh-CN'` the header row is in Chinese (`零售户编号`, `客户经理编号`, …); the cells
 * stay as they are (ids, codes, numbers), so the tables add up the same in either language.
 *
 * @param report - a report from `buildReport`.
 * @param options - `locale`: the language of the header row, `'en'` (default: the field names) or `'zh-CN'`.
 * @returns `{ [table]: csvText }`; a writer saves each as `<table>.csv`.
 * @throws never.
 * @example
 * // not run: `data` stands for a report input
 * const tables = reportToCsv(buildReport(data));
 * tables.managers.split('\r\n')[0]; // 'managerId,name,region,retailers,...'
 */
export function reportToCsv(report: Report, options: ReportCsvOptions = {}): Record<string, string> {
  const st = sectionTranslator(options.locale);
  const csv: typeof formatCsv = (header, rows) =>
    formatCsv(
      header.map((column) => st.t('csvHeader', { column })),
      rows,
    );
  const byId = new Map(report.managers.map((m) => [m.managerId, m]));
  const tables: Record<string, string> = {
    findings: csv(
      ['retailerId', 'retailerName', 'managerId', 'kind', 'inspectionId', 'visitIds', 'message'],
      report.findings.map((f) => [
        f.retailerId,
        f.retailerName,
        f.managerId,
        f.kind,
        f.inspectionId,
        f.visitIds.join(' '),
        f.message,
      ]),
    ),
    attention: csv(
      [
        'order',
        'severity',
        'kind',
        'managerId',
        'dates',
        'visitIds',
        'retailerIds',
        'codes',
        'outOf',
        'verifiedVisits',
        'maxDistanceM',
        'message',
      ],
      report.attention.items.map((a, i) => [
        i + 1,
        a.severity,
        a.kind,
        a.managerId,
        a.dates.join(' '),
        a.visitIds.join(' '),
        a.retailerIds.join(' '),
        a.codes.map((c) => `${c.code}:${c.count}`).join(' '),
        a.outOf,
        a.verifiedVisits,
        a.maxDistanceM,
        a.message,
      ]),
    ),
    'attention-visits': csv(
      [
        'visitId',
        'managerId',
        'retailerId',
        'retailerName',
        'date',
        'start',
        'end',
        'status',
        'reasons',
        'flags',
        'startDistanceM',
        'endDistanceM',
        'dwellS',
        'confidence',
        'startSource',
        'startAccuracyM',
        'endSource',
        'endAccuracyM',
        'items',
      ],
      report.attention.visits.map((v) => [
        v.visitId,
        v.managerId,
        v.retailerId,
        v.retailerName,
        v.date,
        v.start,
        v.end,
        v.status,
        v.reasons.join(' '),
        v.flags.join(' '),
        v.startDistanceM,
        v.endDistanceM,
        v.dwellS,
        v.confidence,
        v.startFix.source,
        v.startFix.accuracyM,
        v.endFix?.source,
        v.endFix?.accuracyM,
        v.items.map((i) => i + 1).join(' '),
      ]),
    ),
    managers: csv(
      [...MANAGER_COLUMNS, 'contradictionsByKind', ...(report.totals.notAsked ? ['notAsked'] : [])],
      report.managers.map((m) => [
        ...MANAGER_COLUMNS.map((c) => m[c]),
        Object.entries(m.contradictionsByKind)
          .map(([k, n]) => `${k}:${n}`)
          .join(' '),
        ...(m.notAsked ? [notAskedCell(m.notAsked)] : []),
      ]),
    ),
    scorecard: csv(
      ['rank', 'managerId', 'name', ...SCORECARD_KPIS, 'score', 'coverage'],
      [
        ['', 'weight', '', ...SCORECARD_KPIS.map((k) => report.weights[k]), '', ''],
        ...report.ranking.map((id) => {
          const m = getKnown(byId, id, 'manager');
          return [m.rank, m.managerId, m.name, ...SCORECARD_KPIS.map((k) => m.kpis[k]), m.score, m.coverage];
        }),
      ],
    ),
    balance: csv(
      ['metric', 'label', 'unit', 'n', 'min', 'max', 'mean', 'sd', 'maxToMinRatio', 'cv'],
      report.balance.metrics.map((b) => [
        b.metric,
        b.label,
        b.unit,
        b.spread.n,
        b.spread.min,
        b.spread.max,
        b.spread.mean,
        b.spread.sd,
        b.spread.maxToMinRatio,
        b.spread.cv,
      ]),
    ),
    'balance-managers': csv(
      ['managerId', ...report.balance.metrics.map((b) => b.metric)],
      report.balance.values.map((v) => [v.managerId, ...report.balance.metrics.map((b) => v[b.metric])]),
    ),
    segments: groupTable(report.segments, 'segment', csv),
    regions: groupTable(report.regions, 'region', csv),
    classes: groupTable(report.classes, 'class', csv),
  };
  const rep = report.balance.repartition;
  if (rep) {
    tables.repartition = csv(
      ['managerId', 'beforeWorkloadMinutes', 'afterWorkloadMinutes', 'changeMinutes'],
      [
        ...rep.managers.map((m) => [
          m.managerId,
          m.before,
          m.after,
          m.before !== null && m.after !== null ? Math.round((m.after - m.before) * 10) / 10 : null,
        ]),
        ['(cv)', rep.before.cv, rep.after.cv, rep.change.cv],
        ['(max/min)', rep.before.maxToMinRatio, rep.after.maxToMinRatio, rep.change.maxToMinRatio],
      ],
    );
  }
  if (report.trend) Object.assign(tables, trendTables(report.trend, csv));
  if (report.decision) Object.assign(tables, decisionTables(report.decision, csv));
  return tables;
}

/** `decision-effort` (per segment and class), `decision-gaps` (retailers far from every base), `decision-cells` (the hex cells). */
function decisionTables(d: DecisionReport, csv: typeof formatCsv): Record<string, string> {
  const effort: (keyof EffortGroup)[] = [
    'segment',
    'class',
    'retailers',
    'requiredMinutesPer4Weeks',
    'effortShare',
    'verifiedMinutes',
    'orderCount',
    'orderVolume',
    'volumeShare',
    'effortToVolume',
    'verdict',
  ];
  const cells: (keyof HexCell)[] = [
    'id',
    'lng',
    'lat',
    'retailers',
    'requiredMinutesPer4Weeks',
    'nearestManagerId',
    'baseKm',
    'nearestManagerLoad',
    'farRetailers',
    'newRetailerMinutesPer4Weeks',
    'newRetailerRank',
    'newBaseKmSavedPer4Weeks',
    'newBaseMinutesPer4Weeks',
    'newBaseRank',
  ];
  return {
    'decision-effort': csv(
      effort,
      d.effort.map((g) => effort.map((k) => g[k])),
    ),
    'decision-gaps': csv(
      ['retailerId', 'name', 'managerId', 'nearestManagerId', 'km'],
      d.farRetailers.map((r) => [r.retailerId, r.name, r.managerId, r.nearestManagerId, r.km]),
    ),
    'decision-cells': csv(
      cells,
      d.cells.map((c) => cells.map((k) => c[k])),
    ),
  };
}

/** A `notAsked` cell: `item:n` separated by spaces (empty when every seed item was asked). */
const notAskedCell = (notAsked: Partial<Record<string, number>> | undefined) =>
  Object.entries(notAsked ?? {})
    .map(([k, n]) => `${k}:${n}`)
    .join(' ');

/** `trend`: one row per manager and period; `trend-changes`: one row per manager and figure (two periods or more). */
function trendTables(trend: TrendReport, csv: typeof formatCsv): Record<string, string> {
  // a period whose checklist left seed items out adds the `notAsked` column (`item:n`), as `managers` does
  const notAsked = trend.managers.some((m) => m.points.some((p) => p.notAsked !== undefined));
  const out: Record<string, string> = {
    trend: csv(
      [
        'managerId',
        'name',
        'from',
        'to',
        'present',
        'visits',
        'inspections',
        ...SCORECARD_KPIS,
        'score',
        'rank',
        ...(notAsked ? ['notAsked'] : []),
      ],
      trend.managers.flatMap((m) =>
        m.points.map((p, i) => [
          m.managerId,
          m.name,
          trend.periods[i]?.from,
          trend.periods[i]?.to,
          p.present,
          p.visits,
          p.inspections,
          ...SCORECARD_KPIS.map((k) => p.kpis[k]),
          p.score,
          p.rank,
          ...(notAsked ? [notAskedCell(p.notAsked)] : []),
        ]),
      ),
    ),
  };
  if (trend.periods.length > 1)
    out['trend-changes'] = csv(
      ['managerId', 'name', 'metric', 'from', 'to', 'change', 'basis', 'meaningful'],
      trend.managers.flatMap((m) =>
        m.changes.map((c) => [m.managerId, m.name, c.metric, c.from, c.to, c.change, c.basis, c.meaningful]),
      ),
    );
  return out;
}
