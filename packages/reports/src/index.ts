export { buildReport } from './build-report.js';
export {
  DecisionOptionsSchema,
  type DecisionOptions,
  type DecisionReport,
  type EffortGroup,
  type HexCell,
} from './decision.js';
export { buildTrendReport, cutPeriods, MAX_TREND_PERIODS, type TrendEvery } from './build-trend-report.js';
export {
  PreviousReportSchema,
  TREND_METRICS,
  TrendOptionsSchema,
  type ManagerTrend,
  type PreviousReport,
  type TrendChange,
  type TrendMetric,
  type TrendMove,
  type TrendOptions,
  type TrendPeriod,
  type TrendPoint,
  type TrendReport,
} from './trend.js';
export { measureReportRoutes, type MeasureReportRoutesOptions } from './measure-report-routes.js';
export { formatCsv, reportToCsv, type CsvValue, type ReportCsvOptions } from './report-to-csv.js';
export { renderMapSvg, type RenderMapOptions } from './render-map-svg.js';
export { renderReportHtml, type RenderReportOptions } from './render-report-html.js';
export {
  ContradictionInputSchema,
  RepartitionSchema,
  ReportInputSchema,
  ReportPeriodSchema,
  ReportRoutesSchema,
  ReportTerritorySchema,
  VisitVerdictInputSchema,
  WorkloadFigureSchema,
  type ContradictionInput,
  type Repartition,
  type ReportInput,
  type ReportInputData,
  type ReportRouteDay,
  type ReportRoutes,
  type ReportTerritory,
  type VisitVerdictInput,
  type WorkloadFigure,
} from './report-input.js';
export type {
  AttentionItem,
  AttentionKind,
  AttentionReport,
  VisitEvidence,
  WhatIfScorecard,
  BalanceMetric,
  BalanceReport,
  Finding,
  GroupStats,
  KpiFigures,
  ManagerReport,
  Report,
  ReportMap,
  RetailerStatus,
} from './report.js';
export {
  computeScore,
  DEFAULT_SCORECARD_WEIGHTS,
  resolveWeights,
  SCORECARD_KPIS,
  ScorecardWeightsSchema,
  type NormalisedKpis,
  type ScorecardKpi,
  type ScorecardWeights,
} from './scorecard.js';
