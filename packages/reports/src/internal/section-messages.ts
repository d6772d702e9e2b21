// Every text of the report's older sections a person reads (headline figures, map legend, scorecard,
// managers, findings, balance, segments, definitions, CSV headers), in every locale (core's
// defineCatalogues/createTranslator). The "needs attention" section, map and scorecard explanations
// have theirs in messages.ts.
import { createTranslator, defineCatalogues, type Locale, type TextFormat, type Translator } from '@beatplan/core';
import { KPI_NAME_ZH, SEGMENT_EN, SEGMENT_ZH } from './messages.js';

const STATUS_EN = new Map([
  ['verified', 'verified visit'],
  ['unverified', 'visited, not verified'],
  ['missed', 'planned, not visited'],
  ['idle', 'not planned, not visited'],
]);
const STATUS_ZH = new Map([
  ['verified', '已核验拜访'],
  ['unverified', '已拜访，未核验'],
  ['missed', '已计划，未拜访'],
  ['idle', '未计划，未拜访'],
]);
const KPI_EN = new Map([
  ['completion', 'Plan completion'],
  ['verification', 'Verification'],
  ['timeOnSite', 'Time on site'],
  ['route', 'Route efficiency'],
  ['inspection', 'Inspection score'],
  ['integrity', 'Integrity'],
]);
const METRIC_ZH = new Map([
  ['retailers', ['分配的零售户', '户']],
  ['assignedServiceMinutesPer4Weeks', ['每 4 周所需服务时间', '分钟']],
  ['plannedStops', ['计划站点', '个']],
  ['plannedWorkMinutes', ['计划工作量（路程 + 服务）', '分钟']],
  ['visits', ['上报的拜访', '次']],
  ['verifiedDwellMinutes', ['核验的在店时间', '分钟']],
]);

/** The ids of the definitions section, in order: the KPIs, then the score and the balance. */
export const DEFINITION_IDS = [
  'completion',
  'verification',
  'timeOnSite',
  'route',
  'inspection',
  'integrity',
  'score',
  'balance',
] as const;
const TERM_EN = new Map([...KPI_EN, ['score', 'Score'], ['balance', 'Balance']]);
const TERM_ZH = new Map([...KPI_NAME_ZH, ['score', '得分'], ['balance', '均衡']]);
const DEFINITION_EN = new Map([
  ['completion', 'planned stops (retailer and date) with a visit that day ÷ planned stops.'],
  [
    'verification',
    'visits with a "verified" geofence verdict ÷ visits reported (a visit with no verdict counts as not verified).',
  ],
  ['timeOnSite', 'min(1, verified dwell ÷ the planned service minutes of the retailers of those verified visits).'],
  [
    'route',
    'min(1, planned ÷ travelled straight-line distance) over the days with a plan and a visit; planned = base → the planned retailers in the plan’s order → base; travelled = base → each visit’s start and end fix in time order → base.',
  ],
  [
    'inspection',
    'mean over the inspections at the manager’s retailers of (prices tagged + policy material displayed + (satisfaction − 1) ÷ 4) ÷ 3.',
  ],
  [
    'integrity',
    '1 − min(1, contradictions ÷ inspections): contradictions between the inspections and the verified visits.',
  ],
  [
    'score',
    '100 · Σ wₖ·nₖ ÷ Σ wₖ over the KPIs with a weight > 0 and a value; coverage = that Σ wₖ ÷ the sum of all weights.',
  ],
  [
    'balance',
    'CV = population standard deviation ÷ mean across managers; max / min of the same figure (∞ when the minimum is 0).',
  ],
]);
const DEFINITION_ZH = new Map([
  ['completion', '当天有拜访的计划站点（零售户和日期）÷ 计划站点。'],
  ['verification', '电子围栏判定为“已核验”的拜访 ÷ 上报的拜访（没有判定结果的拜访计为未核验）。'],
  ['timeOnSite', 'min(1, 核验的在店时间 ÷ 这些已核验拜访所对应零售户的计划服务分钟数)。'],
  [
    'route',
    'min(1, 计划直线距离 ÷ 实际直线距离)，只计有计划且有拜访的日子；计划 = 出发点 → 按计划顺序的零售户 → 出发点；实际 = 出发点 → 按时间顺序每次拜访的开始和结束定位 → 出发点。',
  ],
  ['inspection', '对该客户经理所辖零售户的检查求平均：(明码标价 + 政策资料展示 + (满意度 − 1) ÷ 4) ÷ 3。'],
  ['integrity', '1 − min(1, 矛盾数 ÷ 检查数)：检查与已核验拜访之间的矛盾。'],
  ['score', '100 · Σ wₖ·nₖ ÷ Σ wₖ，对权重 > 0 且有值的指标求和；覆盖率 = 该 Σ wₖ ÷ 全部权重之和。'],
  ['balance', 'CV = 各客户经理之间的总体标准差 ÷ 平均值；同一数字的最大值 / 最小值（最小值为 0 时为 ∞）。'],
]);

/** The scored seed items' terms in the inspection score's formula. */
const SCORE_TERM_EN = new Map([
  ['pricesTagged', 'prices tagged'],
  ['policyMaterialDisplayed', 'policy material displayed'],
  ['satisfaction', '(satisfaction − 1) ÷ 4'],
]);
const SCORE_TERM_ZH = new Map([
  ['pricesTagged', '明码标价'],
  ['policyMaterialDisplayed', '政策资料展示'],
  ['satisfaction', '(满意度 − 1) ÷ 4'],
]);
/** The figure each scored seed item gives (`KpiFigures`' rates and mean satisfaction). */
const ITEM_FIGURE_EN = new Map([
  ['pricesTagged', 'the prices-tagged rate'],
  ['policyMaterialDisplayed', 'the policy-displayed rate'],
  ['satisfaction', 'the mean satisfaction'],
]);
const ITEM_FIGURE_ZH = new Map([
  ['pricesTagged', '明码标价率'],
  ['policyMaterialDisplayed', '政策资料展示率'],
  ['satisfaction', '平均满意度'],
]);
/**
 * The score's formula over the scored items asked (`(a + b) ÷ 2`, one item alone), and the names and
 * figures of those left out.
 */
function scoreFormula(
  terms: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
  figures: ReadonlyMap<string, string>,
  leftOut: readonly string[],
) {
  const asked = [...terms].filter(([id]) => !leftOut.includes(id)).map(([, term]) => term);
  const left = [...terms.keys()].filter((id) => leftOut.includes(id));
  return {
    formula: asked.length > 1 ? `(${asked.join(' + ')}) ÷ ${asked.length}` : (asked[0] ?? ''),
    notAsked: left.map((id) => names.get(id) ?? id),
    figures: left.map((id) => figures.get(id) ?? id),
  };
}

const CSV_HEADER_ZH = new Map([
  ['retailerId', '零售户编号'],
  ['retailerName', '零售户名称'],
  ['retailerIds', '零售户编号'],
  ['managerId', '客户经理编号'],
  ['name', '名称'],
  ['region', '区域'],
  ['kind', '类型'],
  ['inspectionId', '检查编号'],
  ['visitId', '拜访编号'],
  ['visitIds', '拜访编号'],
  ['message', '说明'],
  ['order', '序号'],
  ['severity', '严重程度'],
  ['dates', '日期'],
  ['date', '日期'],
  ['codes', '规则代码'],
  ['outOf', '当天总数'],
  ['verifiedVisits', '已核验拜访'],
  ['maxDistanceM', '最远距离（米）'],
  ['start', '开始'],
  ['end', '结束'],
  ['status', '状态'],
  ['reasons', '原因'],
  ['flags', '标记'],
  ['startDistanceM', '开始定位离店（米）'],
  ['endDistanceM', '结束定位离店（米）'],
  ['dwellS', '在店时长（秒）'],
  ['confidence', '置信度'],
  ['startSource', '开始定位来源'],
  ['startAccuracyM', '开始定位精度（米）'],
  ['endSource', '结束定位来源'],
  ['endAccuracyM', '结束定位精度（米）'],
  ['items', '关注事项'],
  ['retailers', '零售户数'],
  ['assignedServiceMinutesPer4Weeks', '每 4 周所需服务分钟'],
  ['days', '天数'],
  ['plannedStops', '计划站点'],
  ['plannedVisited', '已拜访的计划站点'],
  ['plannedVerified', '已核验的计划站点'],
  ['unplannedVisits', '计划外拜访'],
  ['visits', '拜访'],
  ['verified', '已核验'],
  ['rejected', '被拒'],
  ['unverifiable', '无法核验'],
  ['incomplete', '未结束'],
  ['noVerdict', '无判定'],
  ['undecidedPrecision', '无法判定（精度）'],
  ['flagged', '被标记'],
  ['flaggedVerified', '被标记但计为已核验'],
  ['completionRate', '完成率'],
  ['verificationRate', '核验率'],
  ['verifiedDwellS', '核验在店时长（秒）'],
  ['reportedDwellS', '上报在店时长（秒）'],
  ['expectedServiceS', '应服务时长（秒）'],
  ['meanVerifiedDwellS', '平均核验在店时长（秒）'],
  ['plannedDistanceM', '计划距离（米）'],
  ['plannedStraightDistanceM', '计划直线距离（米）'],
  ['travelledDistanceM', '实际距离（米）'],
  ['distanceRatio', '实际/计划距离比'],
  ['plannedRouteDistanceM', '计划路线距离（米）'],
  ['plannedRouteDurationS', '计划路线时长（秒）'],
  ['travelledRouteDistanceM', '实际路线距离（米）'],
  ['travelledRouteDurationS', '实际路线时长（秒）'],
  ['unroutedDays', '未算路线的天数'],
  ['plannedWorkMinutes', '计划工作分钟'],
  ['inspections', '检查次数'],
  ['inspectionScore', '检查得分'],
  ['pricesTaggedRate', '明码标价率'],
  ['policyDisplayedRate', '政策资料展示率'],
  ['meanSatisfaction', '平均满意度'],
  ['visitsDenied', '被否认的拜访'],
  ['notAsked', '未问的基础项'],
  ['contradictions', '矛盾'],
  ['contradictionsByKind', '按类型的矛盾'],
  ['score', '得分'],
  ['coverage', '覆盖率'],
  ['rank', '排名'],
  ...KPI_NAME_ZH,
  ['metric', '指标'],
  ['label', '名称'],
  ['unit', '单位'],
  ['n', '数量'],
  ['min', '最小'],
  ['max', '最大'],
  ['mean', '平均'],
  ['sd', '标准差'],
  ['maxToMinRatio', '最大/最小'],
  ['cv', '变异系数'],
  ['verifiedDwellMinutes', '核验在店分钟'],
  ['segment', '业态'],
  ['class', '档次'],
  ['requiredVisitsPer4Weeks', '每 4 周应拜访次数'],
  ['visitsPerRetailerPerWeek', '每户每周拜访'],
  ['meanServiceMinutes', '平均计划服务分钟'],
  ['meanVerifiedDwellMinutes', '平均核验在店分钟'],
  ['orderCount', '订单数'],
  ['orderCountPerRetailer', '每户订单数'],
  ['orderVolume', '订货量'],
  ['orderVolumePerRetailer', '每户订货量'],
  ['volumePerOrder', '每单订货量'],
  ['beforeWorkloadMinutes', '调整前工作量（分钟）'],
  ['afterWorkloadMinutes', '调整后工作量（分钟）'],
  ['changeMinutes', '变化（分钟）'],
  // the trend tables
  ['from', '从'],
  ['to', '到'],
  ['present', '在任'],
  ['change', '变化'],
  ['basis', '依据'],
  ['meaningful', '是否显著'],
  // the decision tables
  ['requiredMinutesPer4Weeks', '每 4 周所需分钟'],
  ['effortShare', '工作量占比'],
  ['verifiedMinutes', '核验分钟'],
  ['volumeShare', '订货量占比'],
  ['effortToVolume', '工作量/订货量'],
  ['verdict', '结论'],
  ['nearestManagerId', '最近客户经理编号'],
  ['km', '公里'],
  ['id', '编号'],
  ['lng', '经度'],
  ['lat', '纬度'],
  ['baseKm', '距驻地（公里）'],
  ['nearestManagerLoad', '最近客户经理负荷'],
  ['farRetailers', '远离驻地的零售户'],
  ['newRetailerMinutesPer4Weeks', '新增零售户每 4 周分钟'],
  ['newRetailerRank', '新增零售户排名'],
  ['newBaseKmSavedPer4Weeks', '新驻地每 4 周节省公里'],
  ['newBaseMinutesPer4Weeks', '新驻地每 4 周就近工作分钟'],
  ['newBaseRank', '新驻地排名'],
]);

/** The older sections' texts: English (the keys and parameters) and Chinese. */
/** The seed items' names, for the not-asked note. */
const SEED_ITEM_EN = new Map([
  ['pricesTagged', 'prices tagged'],
  ['policyMaterialDisplayed', 'policy material displayed'],
  ['satisfaction', 'satisfaction'],
  ['managerVisitConfirmed', 'manager visit confirmed'],
]);
const SEED_ITEM_ZH = new Map([
  ['pricesTagged', '明码标价'],
  ['policyMaterialDisplayed', '政策资料展示'],
  ['satisfaction', '满意度'],
  ['managerVisitConfirmed', '客户经理来访确认'],
]);

export const SECTION_MESSAGES = defineCatalogues(
  {
    period: (p: { from: string; to: string; days: number }) => `${p.from} – ${p.to} (${p.days} days)`,
    noDatedRecords: 'no dated records',
    subtitle: (p: { period: string; offset: string }) => `Period ${p.period}; local time UTC${p.offset}`,
    tileManagers: 'managers',
    tileRetailers: 'retailers',
    tilePlanCompletion: 'plan completion',
    tileVisitsReported: 'visits reported',
    tileVisitsVerified: 'visits verified',
    tileVerifiedHours: 'verified hours on site',
    tileInspections: 'inspections',
    tileContradictions: 'contradictions',
    seedItem: (p: { id: string }) => SEED_ITEM_EN.get(p.id) ?? p.id,
    notAskedItem: (p: { item: string; n: number }) =>
      `${p.item}: not asked in ${p.n} inspection${p.n === 1 ? '' : 's'}`,
    notAskedNote: (p: { items: string; visitQuestion: boolean }) =>
      `The inspection checklist leaves seed items out — ${p.items}. Their rates and their part of the inspection score use only the inspections that asked them; not asked is never counted as "no" or 0.${p.visitQuestion ? '' : ' Without the question whether the manager visited, no inspection can contradict a visit, and the integrity KPI is not measured.'}`,
    retailerStatus: (p: { status: string }) => STATUS_EN.get(p.status) ?? p.status,
    kpi: (p: { kpi: string }) => KPI_EN.get(p.kpi) ?? p.kpi,
    segment: (p: { segment: string }) => SEGMENT_EN.get(p.segment) ?? p.segment,
    metric: (p: { metric: string; label: string; unit: string }) => `${p.label} (${p.unit})`,
    mapHeading: 'Map: territories, retailers and planned routes',
    legendContradicted: 'contradicted by an inspection',
    legendBase: "manager's base",
    mapNote:
      "Territory shapes are coloured and labelled by manager (given polygons, or the convex hull of the territory's retailers); lines are the planned routes (base → stops → base), coloured by weekday (legend in the map's corner); large squares the managers' bases. Projection: equirectangular, longitudes scaled by the cosine of the map's middle latitude, north up; no map tiles.",
    mapHull: ', convex hull of its retailers',
    mapSegment: (p: { segment: string }) => p.segment.replace('_', ' '),
    mapNoManager: 'no manager',
    mapContradicted: '; contradicted by an inspection',
    fixManual: (p: { share: string }) => ` (+${p.share} % manual)`,
    scorecardHeading: 'Scorecard',
    scoreChartTitle: 'Scorecard (0–100)',
    scoreSeries: 'score',
    kpiChartTitle: 'Normalised KPIs per manager (0–100 %)',
    scoreFormulaBefore: 'score = 100 · Σ w',
    scoreFormulaAfter:
      ' over the KPIs k that have a weight and could be measured; each KPI n<sub>k</sub> is normalised to 0..1 (definitions below). Weights: ',
    colRank: 'Rank',
    colCoverage: 'Coverage',
    helpCoverage: 'share of the total weight that could be measured',
    colUndecided: 'Undecided (precision)',
    helpUndecidedNeutral: 'visits whose fixes were too coarse to decide; counted neither verified nor failed',
    helpUndecidedFail: 'visits whose fixes were too coarse to decide; counted as not verified',
    colIncomplete: 'Incomplete',
    helpIncompleteNeutral: 'visits with a start fix and no end fix; counted neither verified nor failed',
    helpIncompleteFail: 'visits with a start fix and no end fix; counted as not verified',
    helpIncomplete: 'a start fix and no end fix',
    colFixMix: 'Fixes GNSS / WiFi / cell',
    helpFixMix: 'share of the start and end fixes by source: the precision behind the score',
    managersHeading: 'Managers',
    colRetailers: 'Retailers',
    colDays: 'Days',
    colPlannedStops: 'Planned stops',
    colVisited: 'Visited',
    colCompletion: 'Completion',
    colVerified: 'Verified',
    colRejected: 'Rejected',
    colUnverifiable: 'Unverifiable',
    colFlagged: 'Flagged',
    colVerification: 'Verification',
    colHoursOnSite: 'Hours on site',
    colMeanVisit: 'Mean visit (min)',
    colPlannedKm: 'Planned km',
    colTravelledKm: 'Travelled km',
    helpTravelledKm: 'straight line between the visit fixes, from and to the base',
    colTravelledPlanned: 'Travelled / planned',
    helpTravelledPlanned: 'straight line travelled ÷ straight line of the plan, on days with a plan and a visit',
    colInspections: 'Inspections',
    colInspectionScore: 'Inspection score',
    colSatisfaction: 'Satisfaction',
    colContradictions: 'Contradictions',
    findingsHeading: 'Inspection findings',
    findingsIntro:
      "Where an inspector's record contradicts the manager's verified visits: a verified visit the retailer denies, or a visit the retailer confirms that was not verified.",
    noFindings: "No inspection contradicts a manager's verified visits in this period.",
    noFindingsNoVisitQuestion:
      'The inspection checklist in force does not ask whether the manager visited: no inspection can contradict a verified visit.',
    colFinding: 'Finding',
    colInspection: 'Inspection',
    colDetails: 'Details',
    balanceHeading: 'Workload balance',
    meanLine: (p: { value: string }) => `mean ${p.value}`,
    repartitionChartTitle: (p: { label: string }) => `${p.label}: weekly workload (min)`,
    before: 'before',
    after: 'after',
    beforeRow: (p: { label: string }) => `${p.label}: before (min/week)`,
    afterRow: (p: { label: string }) => `${p.label}: after (min/week)`,
    colFigure: 'Figure',
    colLowest: 'Min',
    colMax: 'Max',
    colMean: 'Mean',
    colSpreadRatio: 'Max / min',
    colCv: 'CV',
    helpCv: 'coefficient of variation: standard deviation / mean',
    repartitionChange: (p: { label: string; cv: string; spreadRatio: string; moved: number | null }) =>
      `${p.label}: coefficient of variation ${p.cv}; max/min ${p.spreadRatio}${p.moved !== null ? `; ${p.moved} retailers moved` : ''}.`,
    segmentsHeading: 'Segments and regions',
    bySegment: 'By segment',
    byRegion: 'By region',
    byClass: 'By class',
    colSegment: 'Segment',
    colRegion: 'Region',
    colClass: 'Class',
    colRequiredVisits: 'Required visits / 4 wk',
    colVisitsPerRetailerWeek: 'Visits / retailer / wk',
    colPlannedService: 'Planned service (min)',
    colVerifiedTimeOnSite: 'Verified time on site (min)',
    colOrdersPerRetailer: 'Orders / retailer',
    colVolumePerRetailer: 'Volume / retailer',
    colVolumePerOrder: 'Volume / order',
    chartVisitsPerWeek: 'Visits per retailer per week',
    chartMinutesOnSite: 'Minutes on site per visit',
    seriesPlanned: 'planned',
    seriesVerified: 'verified',
    chartOrders: 'Orders per retailer',
    chartVolume: 'Order volume per retailer',
    chartQuality: 'Verification and inspection (%)',
    seriesVerifiedVisits: 'verified visits',
    seriesInspectionScore: 'inspection score',
    definitionsHeading: 'Definitions',
    csvHeader: (p: { column: string }) => p.column,
    term: (p: { id: string }) => TERM_EN.get(p.id) ?? p.id,
    // `leftOut`: the seed items the checklist in force leaves out (none: the default checklist's texts)
    definition: (p: { id: string; leftOut: readonly string[] }, f: TextFormat) => {
      const { formula, notAsked, figures } = scoreFormula(SCORE_TERM_EN, SEED_ITEM_EN, ITEM_FIGURE_EN, p.leftOut);
      const unmeasured = `${f.list(figures)} ${figures.length === 1 ? 'is' : 'are'} not measured`;
      if (p.id === 'inspection' && notAsked.length)
        return formula
          ? `mean over the inspections at the manager’s retailers of ${formula}. The inspection checklist in force does not ask ${f.list(notAsked)}: the score leaves ${notAsked.length === 1 ? 'it' : 'them'} out (never counted as 0 or “no”), and ${unmeasured}.`
          : `not measured: the inspection checklist in force asks none of ${f.list(notAsked)}, so no inspection has a score, and ${unmeasured}.`;
      if (p.id === 'integrity' && p.leftOut.includes('managerVisitConfirmed'))
        return 'not measured: the inspection checklist in force does not ask whether the manager visited, so no inspection can contradict a verified visit (0 when contradictions are given all the same).';
      return DEFINITION_EN.get(p.id) ?? p.id;
    },
  },
  {
    'zh-CN': {
      period: (p: { from: string; to: string; days: number }) => `${p.from} – ${p.to}（${p.days} 天）`,
      noDatedRecords: '没有带日期的记录',
      subtitle: (p: { period: string; offset: string }) => `统计期 ${p.period}；当地时间 UTC${p.offset}`,
      tileManagers: '客户经理',
      tileRetailers: '零售户',
      tilePlanCompletion: '计划完成率',
      tileVisitsReported: '上报的拜访',
      tileVisitsVerified: '已核验的拜访',
      tileVerifiedHours: '核验的在店小时数',
      tileInspections: '检查',
      tileContradictions: '矛盾',
      seedItem: (p: { id: string }) => SEED_ITEM_ZH.get(p.id) ?? p.id,
      notAskedItem: (p: { item: string; n: number }) => `${p.item}：${p.n} 次检查未问`,
      notAskedNote: (p: { items: string; visitQuestion: boolean }) =>
        `检查表未包含部分基础项——${p.items}。这些项的比率及其在检查得分中的部分只按问过该项的检查计算；未问从不按"否"或 0 计。${p.visitQuestion ? '' : '检查表不问客户经理是否来访，因此检查无法与拜访相矛盾，诚信指标不予计算。'}`,
      retailerStatus: (p: { status: string }) => STATUS_ZH.get(p.status) ?? p.status,
      kpi: (p: { kpi: string }) => KPI_NAME_ZH.get(p.kpi) ?? p.kpi,
      segment: (p: { segment: string }) => SEGMENT_ZH.get(p.segment) ?? p.segment,
      metric: (p: { metric: string; label: string; unit: string }) => {
        const zh = METRIC_ZH.get(p.metric);
        return zh ? `${zh[0]}（${zh[1]}）` : `${p.label}（${p.unit}）`;
      },
      mapHeading: '地图：片区、零售户和计划路线',
      legendContradicted: '与检查结果矛盾',
      legendBase: '客户经理出发点',
      mapNote:
        '片区按客户经理着色并标注（给定的多边形，或片区内零售户的凸包）；线条是计划路线（出发点 → 站点 → 出发点），按星期着色（图例在地图角落）；大方块是客户经理的出发点。投影：等距圆柱投影，经度按地图中间纬度的余弦缩放，上北；无底图瓦片。',
      mapHull: '，其零售户的凸包',
      mapSegment: (p: { segment: string }) => SEGMENT_ZH.get(p.segment) ?? p.segment,
      mapNoManager: '无客户经理',
      mapContradicted: '；与检查结果矛盾',
      fixManual: (p: { share: string }) => `（+${p.share} % 手动）`,
      scorecardHeading: '绩效考核',
      scoreChartTitle: '考核得分（0–100）',
      scoreSeries: '得分',
      kpiChartTitle: '各客户经理的标准化指标（0–100 %）',
      scoreFormulaBefore: '得分 = 100 · Σ w',
      scoreFormulaAfter: '，对有权重且可测量的指标 k 求和；每个指标 n<sub>k</sub> 标准化到 0..1（定义见下）。权重：',
      colRank: '排名',
      colCoverage: '覆盖率',
      helpCoverage: '可测量部分占总权重的比例',
      colUndecided: '无法判定（精度）',
      helpUndecidedNeutral: '定位太粗无法判定的拜访；既不计为核验通过也不计为失败',
      helpUndecidedFail: '定位太粗无法判定的拜访；计为未核验',
      colIncomplete: '未结束',
      helpIncompleteNeutral: '有开始定位而没有结束定位的拜访；既不计为核验通过也不计为失败',
      helpIncompleteFail: '有开始定位而没有结束定位的拜访；计为未核验',
      helpIncomplete: '有开始定位而没有结束定位',
      colFixMix: '定位 卫星 / WiFi / 基站',
      helpFixMix: '开始和结束定位按来源的占比：得分背后的精度',
      managersHeading: '客户经理',
      colRetailers: '零售户',
      colDays: '天数',
      colPlannedStops: '计划站点',
      colVisited: '已拜访',
      colCompletion: '完成率',
      colVerified: '已核验',
      colRejected: '被拒',
      colUnverifiable: '无法核验',
      colFlagged: '被标记',
      colVerification: '核验率',
      colHoursOnSite: '在店小时数',
      colMeanVisit: '平均拜访（分钟）',
      colPlannedKm: '计划公里数',
      colTravelledKm: '实际公里数',
      helpTravelledKm: '拜访定位之间的直线距离，含往返出发点',
      colTravelledPlanned: '实际 / 计划',
      helpTravelledPlanned: '实际直线距离 ÷ 计划直线距离，只计有计划且有拜访的日子',
      colInspections: '检查次数',
      colInspectionScore: '检查得分',
      colSatisfaction: '满意度',
      colContradictions: '矛盾',
      findingsHeading: '检查发现',
      findingsIntro: '检查员的记录与客户经理已核验拜访相矛盾之处：零售户否认的已核验拜访，或零售户确认但未核验的拜访。',
      noFindings: '本期没有检查与客户经理的已核验拜访相矛盾。',
      noFindingsNoVisitQuestion: '当前检查表不问客户经理是否来访：检查无法与已核验拜访相矛盾。',
      colFinding: '发现',
      colInspection: '检查',
      colDetails: '详情',
      balanceHeading: '工作量均衡',
      meanLine: (p: { value: string }) => `平均 ${p.value}`,
      repartitionChartTitle: (p: { label: string }) => `${p.label}：每周工作量（分钟）`,
      before: '调整前',
      after: '调整后',
      beforeRow: (p: { label: string }) => `${p.label}：调整前（分钟/周）`,
      afterRow: (p: { label: string }) => `${p.label}：调整后（分钟/周）`,
      colFigure: '指标',
      colLowest: '最小',
      colMax: '最大',
      colMean: '平均',
      colSpreadRatio: '最大 / 最小',
      colCv: '变异系数',
      helpCv: '变异系数：标准差 / 平均值',
      repartitionChange: (p: { label: string; cv: string; spreadRatio: string; moved: number | null }) =>
        `${p.label}：变异系数 ${p.cv}；最大/最小 ${p.spreadRatio}${p.moved !== null ? `；调整了 ${p.moved} 个零售户` : ''}。`,
      segmentsHeading: '业态与区域',
      bySegment: '按业态',
      byRegion: '按区域',
      byClass: '按档次',
      colSegment: '业态',
      colRegion: '区域',
      colClass: '档次',
      colRequiredVisits: '每 4 周应拜访次数',
      colVisitsPerRetailerWeek: '每户每周拜访',
      colPlannedService: '计划服务（分钟）',
      colVerifiedTimeOnSite: '核验在店时间（分钟）',
      colOrdersPerRetailer: '每户订单数',
      colVolumePerRetailer: '每户订货量',
      colVolumePerOrder: '每单订货量',
      chartVisitsPerWeek: '每户每周拜访次数',
      chartMinutesOnSite: '每次拜访的在店分钟数',
      seriesPlanned: '计划',
      seriesVerified: '核验',
      chartOrders: '每户订单数',
      chartVolume: '每户订货量',
      chartQuality: '核验与检查（%）',
      seriesVerifiedVisits: '已核验拜访',
      seriesInspectionScore: '检查得分',
      definitionsHeading: '定义',
      csvHeader: (p: { column: string }) => CSV_HEADER_ZH.get(p.column) ?? p.column,
      term: (p: { id: string }) => TERM_ZH.get(p.id) ?? p.id,
      definition: (p: { id: string; leftOut: readonly string[] }, f: TextFormat) => {
        const { formula, notAsked, figures } = scoreFormula(SCORE_TERM_ZH, SEED_ITEM_ZH, ITEM_FIGURE_ZH, p.leftOut);
        if (p.id === 'inspection' && notAsked.length)
          return formula
            ? `对该客户经理所辖零售户的检查求平均：${formula}。当前检查表不问${f.list(notAsked)}：得分不计未问的项（从不按“否”或 0 计），${f.list(figures)}不予计算。`
            : `不予计算：当前检查表不问${f.list(notAsked)}，因此没有检查得分，${f.list(figures)}也不予计算。`;
        if (p.id === 'integrity' && p.leftOut.includes('managerVisitConfirmed'))
          return '不予计算：当前检查表不问客户经理是否来访，因此检查无法与已核验拜访相矛盾（若仍给出矛盾则为 0）。';
        return DEFINITION_ZH.get(p.id) ?? p.id;
      },
    },
  },
);

/** The older sections' translator. */
export type SectionTranslator = Translator<(typeof SECTION_MESSAGES)['en']>;

/** The older sections' translator for a locale (default `'en'`, core's `LocaleSchema`). */
export function sectionTranslator(locale?: Locale): SectionTranslator {
  return createTranslator(SECTION_MESSAGES, locale);
}
