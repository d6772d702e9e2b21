// Every text of the report's "needs attention" section, map and scorecard explanations that a person
// reads, in every locale (core's defineCatalogues/createTranslator). The older sections' texts are in
// section-messages.ts.
import {
  createTranslator,
  defineCatalogues,
  type Locale,
  type TextFormat,
  type Translator,
  weekdayOf,
} from '@beatplan/core';

const CODES_EN = new Map([
  ['MOCK_LOCATION', 'the phone said its location was faked (mock location)'],
  ['IMPOSSIBLE_SPEED', 'he would have moved between two shops faster than a car can'],
  ['REPEATED_COORDINATES', 'exactly the same position was reported at different shops'],
  ['CONSTANT_ACCURACY', 'every satellite fix of the day reported the same accuracy, as location-faking apps do'],
  ['END_BEFORE_START', "the visit ended before it started (the phone's clock was changed)"],
  ['CLOCK_SKEW', "the phone's clock stepped back a little"],
  ['OVERLAPPING_VISITS', 'it overlaps another visit of the same manager'],
  ['OUT_OF_RANGE', 'the phone was far from the shop'],
  ['TOO_SHORT', 'the visit was too short'],
  ['TOO_LONG', "the visit was too long ('end visit' pressed hours later)"],
  ['NO_RETAILER_LOCATION', 'the shop has no stored location'],
  ['ACCURACY_TOO_COARSE', 'the position was too imprecise to decide (e.g. a cell-tower fix indoors)'],
  ['AMBIGUOUS_POSITION', 'the position shows neither that he was inside nor that he was outside'],
  ['NO_END_FIX', "'end visit' was never pressed"],
  ['NO_VERDICT', 'no verification result was given'],
  ['VERIFIED_VISIT_DENIED', 'the shop told an inspector the manager did not come, but the visit was verified'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', 'the shop confirmed a visit that could not be verified'],
  ['CONFIRMED_VISIT_ABSENT', 'the shop confirmed a visit that was never reported'],
  ['VISIT_DENIED', 'the shop told an inspector the manager did not come, but the visit was verified'],
  ['VISIT_NOT_VERIFIED', 'the shop confirmed a visit that could not be verified'],
  ['NOT_VISITED', 'planned, not visited'],
  ['SCORE_DOWN', 'the score fell against the previous period'],
  ['SCORE_UP', 'the score rose against the previous period'],
]);
const CODES_ZH = new Map([
  ['MOCK_LOCATION', '手机报告位置是模拟的（虚拟定位）'],
  ['IMPOSSIBLE_SPEED', '两家店之间的移动速度超过汽车可能的速度'],
  ['REPEATED_COORDINATES', '在不同的店报告了完全相同的位置'],
  ['CONSTANT_ACCURACY', '当天每个卫星定位的精度都完全相同，这是虚拟定位软件的特征'],
  ['END_BEFORE_START', '拜访的结束早于开始（手机时间被改过）'],
  ['CLOCK_SKEW', '手机时钟略有回拨'],
  ['OVERLAPPING_VISITS', '与同一客户经理的另一次拜访时间重叠'],
  ['OUT_OF_RANGE', '手机离店很远'],
  ['TOO_SHORT', '拜访时间过短'],
  ['TOO_LONG', '拜访时间过长（几小时后才按“结束拜访”）'],
  ['NO_RETAILER_LOCATION', '该店没有存储位置'],
  ['ACCURACY_TOO_COARSE', '定位精度太低，无法判断（例如室内基站定位）'],
  ['AMBIGUOUS_POSITION', '定位既不能证明在店内，也不能证明在店外'],
  ['NO_END_FIX', '从未按“结束拜访”'],
  ['NO_VERDICT', '没有核验结果'],
  ['VERIFIED_VISIT_DENIED', '店主告诉检查员客户经理没有来过，但该拜访已核验通过'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', '店主确认了一次未能核验的拜访'],
  ['CONFIRMED_VISIT_ABSENT', '店主确认了一次从未上报的拜访'],
  ['VISIT_DENIED', '店主告诉检查员客户经理没有来过，但该拜访已核验通过'],
  ['VISIT_NOT_VERIFIED', '店主确认了一次未能核验的拜访'],
  ['NOT_VISITED', '已计划，未拜访'],
  ['SCORE_DOWN', '得分比上一期下降'],
  ['SCORE_UP', '得分比上一期上升'],
]);
const SHORT_EN = new Map([
  ['MOCK_LOCATION', 'mock location'],
  ['IMPOSSIBLE_SPEED', 'impossible speed'],
  ['REPEATED_COORDINATES', 'same position at another shop'],
  ['CONSTANT_ACCURACY', 'same accuracy all day'],
  ['END_BEFORE_START', 'ended before it started'],
  ['CLOCK_SKEW', 'clock stepped back'],
  ['OVERLAPPING_VISITS', 'overlaps another visit'],
  ['OUT_OF_RANGE', 'far from the shop'],
  ['TOO_SHORT', 'too short'],
  ['TOO_LONG', 'too long'],
  ['NO_RETAILER_LOCATION', 'shop has no location'],
  ['ACCURACY_TOO_COARSE', 'position too imprecise'],
  ['AMBIGUOUS_POSITION', 'position ambiguous'],
  ['NO_END_FIX', 'not ended'],
  ['NO_VERDICT', 'not checked'],
  ['VERIFIED_VISIT_DENIED', 'verified visit denied by the shop'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', 'unverified visit confirmed by the shop'],
  ['CONFIRMED_VISIT_ABSENT', 'unreported visit confirmed by the shop'],
  ['VISIT_DENIED', 'verified visit denied by the shop'],
  ['VISIT_NOT_VERIFIED', 'unverified visit confirmed by the shop'],
]);
const SHORT_ZH = new Map([
  ['MOCK_LOCATION', '虚拟定位'],
  ['IMPOSSIBLE_SPEED', '速度不可能'],
  ['REPEATED_COORDINATES', '与他店位置相同'],
  ['CONSTANT_ACCURACY', '全天精度相同'],
  ['END_BEFORE_START', '结束早于开始'],
  ['CLOCK_SKEW', '时钟回拨'],
  ['OVERLAPPING_VISITS', '与另一拜访重叠'],
  ['OUT_OF_RANGE', '离店太远'],
  ['TOO_SHORT', '时间过短'],
  ['TOO_LONG', '时间过长'],
  ['NO_RETAILER_LOCATION', '店无位置'],
  ['ACCURACY_TOO_COARSE', '定位太粗'],
  ['AMBIGUOUS_POSITION', '定位不明'],
  ['NO_END_FIX', '未结束'],
  ['NO_VERDICT', '未核验'],
  ['VERIFIED_VISIT_DENIED', '已核验拜访被店主否认'],
  ['CONFIRMED_VISIT_NOT_VERIFIED', '未核验拜访被店主确认'],
  ['CONFIRMED_VISIT_ABSENT', '未上报拜访被店主确认'],
  ['VISIT_DENIED', '已核验拜访被店主否认'],
  ['VISIT_NOT_VERIFIED', '未核验拜访被店主确认'],
]);
const STATUS_EN = new Map([
  ['verified', 'verified'],
  ['rejected', 'rejected'],
  ['unverifiable', 'undecided'],
  ['incomplete', 'not ended'],
  ['no_verdict', 'not checked'],
]);
const STATUS_ZH = new Map([
  ['verified', '已核验'],
  ['rejected', '被拒'],
  ['unverifiable', '无法判定'],
  ['incomplete', '未结束'],
  ['no_verdict', '未核验'],
]);
const WEEKDAY_EN = new Map([
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
]);
const WEEKDAY_ZH = new Map([
  ['mon', '周一'],
  ['tue', '周二'],
  ['wed', '周三'],
  ['thu', '周四'],
  ['fri', '周五'],
  ['sat', '周六'],
  ['sun', '周日'],
]);
const KPI_DEF_EN = new Map([
  ['completion', 'planned stops visited that day ÷ planned stops'],
  ['verification', 'verified visits without a flag ÷ counted visits (a flagged visit is not proven)'],
  ['timeOnSite', 'time on site of the proven visits ÷ planned service time, at most 1'],
  ['route', 'planned straight line ÷ travelled straight line, at most 1'],
  ['inspection', 'mean inspection score (prices tagged, policy material, satisfaction)'],
  ['integrity', '1 − contradictions ÷ inspections'],
]);
const KPI_DEF_ZH = new Map([
  ['completion', '当天拜访的计划站点 ÷ 计划站点'],
  ['verification', '核验通过且无标记的拜访 ÷ 计入的拜访（被标记的拜访不算已证实）'],
  ['timeOnSite', '已证实拜访的在店时间 ÷ 计划服务时间，最多为 1'],
  ['route', '计划直线距离 ÷ 实际直线距离，最多为 1'],
  ['inspection', '检查平均得分（明码标价、政策资料、满意度）'],
  ['integrity', '1 − 矛盾数 ÷ 检查数'],
]);

/** The scored seed items' short names, for the KPI definitions under a checklist that leaves some out. */
const SCORED_SHORT_EN = new Map([
  ['pricesTagged', 'prices tagged'],
  ['policyMaterialDisplayed', 'policy material'],
  ['satisfaction', 'satisfaction'],
]);
const SCORED_SHORT_ZH = new Map([
  ['pricesTagged', '明码标价'],
  ['policyMaterialDisplayed', '政策资料'],
  ['satisfaction', '满意度'],
]);
/** The scored seed items a checklist asks, and those it leaves out, by their short names. */
const scoredSplit = (names: ReadonlyMap<string, string>, leftOut: readonly string[]) => ({
  asked: [...names].filter(([id]) => !leftOut.includes(id)).map(([, name]) => name),
  notAsked: [...names].filter(([id]) => leftOut.includes(id)).map(([, name]) => name),
});

const KPI_NAME_EN = new Map([
  ['completion', 'plan completion'],
  ['verification', 'verification'],
  ['timeOnSite', 'time on site'],
  ['route', 'route efficiency'],
  ['inspection', 'inspection score'],
  ['integrity', 'integrity'],
]);
/** KPI names in Chinese, by KPI id (also the older sections' catalogue's). */
export const KPI_NAME_ZH = new Map([
  ['completion', '计划完成率'],
  ['verification', '核验率'],
  ['timeOnSite', '在店时间'],
  ['route', '路线效率'],
  ['inspection', '检查得分'],
  ['integrity', '诚信度'],
]);

/** Segment names, by segment id (also the older sections' catalogue's). */
export const SEGMENT_EN = new Map([
  ['retail', 'Retail'],
  ['chain_supermarket', 'Chain supermarket'],
  ['hotel_entertainment', 'Hotel / entertainment'],
]);
/** Segment names in Chinese, by segment id. */
export const SEGMENT_ZH = new Map([
  ['retail', '零售'],
  ['chain_supermarket', '连锁超市'],
  ['hotel_entertainment', '酒店 / 娱乐'],
]);

type Who = { who: string };

/** The report's messages: English (the keys and parameters) and Chinese. */
export const REPORT_MESSAGES = defineCatalogues(
  {
    code: (p: { code: string }) => CODES_EN.get(p.code) ?? p.code,
    codeShort: (p: { code: string }) => SHORT_EN.get(p.code) ?? CODES_EN.get(p.code) ?? p.code,
    status: (p: { status: string }) => STATUS_EN.get(p.status) ?? p.status,
    severity: (p: { severity: string }) =>
      p.severity === 'high' ? 'act now' : p.severity === 'medium' ? 'check' : 'watch',
    weekday: (p: { day: string }) => WEEKDAY_EN.get(p.day) ?? p.day,
    attentionHeading: 'Needs attention',
    // `visitQuestion`: the checklist in force asks whether the manager visited (the default checklist does)
    attentionIntro: (p: { n: number; visitQuestion: boolean }) =>
      p.n === 0
        ? p.visitQuestion
          ? 'Nothing needs attention in this period: every visit was verified without a flag, no inspection contradicts a visit, and every planned stop was visited.'
          : 'Nothing needs attention in this period: every visit was verified without a flag and every planned stop was visited (the inspection checklist does not ask whether the manager visited, so no inspection can contradict a visit).'
        : `${p.n} ${p.n === 1 ? 'item' : 'items'} to act on, most serious first. Each names its visits (their evidence is in the table below) or, for a stop with no visit, the retailer. Hover a reason to see the rule's code.`,
    flaggedDay: (p: Who & { date: string; n: number; outOf: number; verified: number }) =>
      `${p.who} on ${p.date}: ${p.n} of the day's ${p.outOf} ${p.outOf === 1 ? 'visit' : 'visits'} flagged for review${p.verified > 0 ? `; ${p.verified} of them passed the position check, but the scorecard does not count them as proven` : ''}`,
    contradiction: (p: Who & { what: string; retailer: string }) => `${p.who}: ${p.what} (${p.retailer})`,
    unproven: (p: Who & { n: number; status: string; reason: string }) =>
      `${p.who}: ${p.n} ${p.n === 1 ? 'visit' : 'visits'} ${p.status}: ${p.reason}`,
    missed: (p: Who & { date: string; n: number; outOf: number }) =>
      `${p.who} on ${p.date}: ${p.n} of the day's ${p.outOf} planned ${p.outOf === 1 ? 'stop' : 'stops'} not visited`,
    farthest: (p: { distance: string }) => `farthest fix ${p.distance} from the shop`,
    farthestLine: (p: { distance: string }) => `Farthest fix ${p.distance} from the shop`,
    signs: 'Signs',
    reason: 'Reason',
    colon: ': ',
    separator: '; ',
    fullStop: '.',
    visits: 'Visits',
    retailers: 'Retailers',
    actFlaggedDay: 'Go through this day with the manager; do not count these visits until they are explained.',
    actDenied: "Ask the manager about this visit: the inspector's record says it did not happen.",
    actContradiction: 'Look at the visit: the inspector saw the manager had been there, the phone did not show it.',
    actFarAway: 'Ask the manager why; visits repeatedly far from the shop point to visits made from elsewhere.',
    actRejected: 'Ask the manager why these visits failed the rule.',
    actUndecided: 'No action unless it repeats: the evidence could not decide.',
    actMissed: 'Make sure these retailers are visited in the next days.',
    evidenceHeading: 'Evidence of the visits named above',
    colVisit: 'Visit',
    colManager: 'Manager',
    colRetailer: 'Retailer',
    colDate: 'Date',
    colTime: 'Time',
    colResult: 'Result',
    colWhy: 'Why / signs',
    colDistance: 'From the shop (m)',
    colDwell: 'On site (min)',
    colFixes: 'Fixes',
    helpDistance: "distance of the start and end fix from the shop's fence, metres (0 = inside)",
    helpFixes: 'source and accuracy radius of the start and end fix',
    tileFlagged: 'visits flagged for review',
    mapRoutes: 'Routes:',
    mapPlannedRoute: (p: { stops: number }) => `planned route, ${p.stops} stops`,
    mapBaseOf: (p: { name: string }) => `base of ${p.name}`,
    // `leftOut`: the seed items the checklist in force leaves out (none: the default checklist's texts)
    kpiDefinition: (p: { kpi: string; leftOut: readonly string[] }, f: TextFormat) => {
      const { asked, notAsked } = scoredSplit(SCORED_SHORT_EN, p.leftOut);
      if (p.kpi === 'inspection' && notAsked.length)
        return asked.length
          ? `mean inspection score (${f.list(asked)}; ${f.list(notAsked)} not asked)`
          : `not measured: the checklist asks none of ${f.list(notAsked)}`;
      if (p.kpi === 'integrity' && p.leftOut.includes('managerVisitConfirmed'))
        return 'not measured: the checklist does not ask whether the manager visited (0 if contradictions are given all the same)';
      return KPI_DEF_EN.get(p.kpi) ?? p.kpi;
    },
    kpiDefinitionsHeading: 'What each KPI measures (1 = best)',
    pointsHeading: 'Where each score comes from: points per KPI',
    pointsNote:
      'points = 100 · weight · KPI ÷ the sum of the weights of the KPIs measured for that manager; they add up to the score. A KPI that could not be measured gives no points and takes no weight.',
    manager: 'Manager',
    score: 'Score',
    notMeasured: 'not measured',
    whatIfHeading: 'What if the weights were different',
    whatIfNote:
      'The same figures scored with other weights (the named weights replace the report’s; the others stay). A rank change shows how much the order rests on the choice of weights.',
    now: 'Now',
    // ── routes, trends, decision analysis (report engineer) ──
    allManagers: 'All managers',
    routesHeading: 'Routes on the travel source',
    routesNote: (p: { kind: string; source: string }) =>
      `Measured on ${p.source} (${p.kind}). Both routes go through the retailers' locations, not through the phones' fixes: planned = base → the plan's stops in order → base; travelled = base → the retailers visited, in visit order → base. A day with a leg that has no route is left out of these figures and counted as unrouted.`,
    routePlannedKm: 'Planned km',
    routePlannedH: 'Planned h',
    routeTravelledKm: 'Travelled km',
    routeTravelledH: 'Travelled h',
    routeRatio: 'Travelled / planned',
    routeRatioHelp: 'travelled ÷ planned route metres, on the days with a plan and a visit',
    routeUnrouted: 'Unrouted days',
    routeUnroutedHelp: 'manager-days left out because a leg has no route on this source',
    trendHeading: 'Trends',
    trendOnePeriod:
      'Only one period: there is nothing to compare with yet. Give earlier reports (beatplan report --previous last-week.json) or data over several weeks (--trend week) to see each manager over time.',
    // `checklist`: a period's inspection checklist left seed items out
    trendIntro: (p: { n: number; minVisits: number; minInspections: number; checklist: boolean }) =>
      `Every manager over the last ${p.n} periods (oldest first; the line shows each period, the dot the latest), the latest value and its change against the period before. Scores are recomputed with this report's weights, so the periods are scored alike. A change in grey brackets is not meaningful: it rests on fewer than ${p.minVisits} visits (${p.minInspections} inspections for the inspection figures) in one of the two periods, or, for the score, the two periods measured different KPIs.${p.checklist ? ' A checklist left seed items out, so only the inspections that asked what is scored count: for the inspection score those that asked prices tagged, policy material or satisfaction, for integrity those that asked whether the manager visited.' : ''}`,
    trendDays: (p: { n: number }) => `${p.n} ${p.n === 1 ? 'day' : 'days'}`,
    trendChangesHeading: 'Each figure over time, and its change against the previous period',
    trendRanksHeading: 'Scorecard rank history (rank and score per period)',
    trendRankChange: 'Rank change',
    trendRankChangeHelp: 'places gained (↑) or lost (↓) against the previous period',
    trendNoChange: 'not measured in one of the two periods',
    trendNew: 'new',
    trendNotMeaningful: (p: { n: number; min: number }) =>
      `not meaningful: rests on ${p.n}, fewer than ${p.min}, in one of the two periods`,
    moved: (p: Who & { from: string; to: string; change: string; since: string }) =>
      `${p.who}: score ${p.from} → ${p.to} (${p.change}) against ${p.since}`,
    movedMostly: (p: { kpi: string; change: string }) => `Mostly ${p.kpi} (${p.change})`,
    actMovedDown: 'Find out what changed with the manager; the trend table below shows each figure.',
    actMovedUp: 'Check that the rise is real before praising it: look at the figures behind it.',
    trendLink: 'Trend',
    trendOtherKpis:
      'not meaningful: the two scores rest on different KPIs (one period measured a KPI the other did not, e.g. inspections)',
    kpiName: (p: { kpi: string }) => KPI_NAME_EN.get(p.kpi) ?? p.kpi,
    segmentName: (p: { segment: string }) => SEGMENT_EN.get(p.segment) ?? p.segment,
    decHeading: 'Decision analysis',
    decEffortHeading: 'Visit time against orders, by segment and class',
    decEffortNote: (p: { ratio: string }) =>
      `Each group's share of the visit time its visit rules require (service minutes × required visits per 4 weeks) against its share of the order volume. A group with at least ${p.ratio} times more of the time than of the orders gets more time than its orders; one with at most the inverse, less.`,
    decGroup: 'Segment and class',
    decRequired: 'Required min / 4 wk',
    decRequiredHelp: 'service minutes × required visits per 4 weeks, summed over the group',
    decTimeShare: 'Share of time',
    decVerified: 'Verified min (period)',
    decVolume: 'Order volume',
    decVolumeShare: 'Share of orders',
    decRatio: 'Time ÷ orders',
    decRatioHelp: 'share of time ÷ share of order volume: above 1 more time than orders',
    decVerdict: 'Reading',
    decVerdictText: (p: { verdict: string }) =>
      p.verdict === 'more_time'
        ? 'more time than its orders'
        : p.verdict === 'less_time'
          ? 'less time than its orders'
          : 'in line',
    decChartTitle: 'Share of visit time and of order volume',
    decGapsHeading: 'Coverage gaps: retailers far from every base',
    decGapsNote: (p: { n: number; far: string; median: string }) =>
      `${p.n} ${p.n === 1 ? 'retailer is' : 'retailers are'} farther than ${p.far} km (straight line) from every manager's base (the median retailer is ${p.median} km from the nearest base). The farthest are listed; their cells are outlined red on the map below.`,
    decNoGaps: 'No retailer or no base: no coverage figure.',
    decNearestBase: 'Nearest base',
    decKm: 'km',
    decCell: 'Cell',
    decCellHelp: 'hex cell q,r of the grid (see the map)',
    decLoad: 'Load of that manager',
    decLoadHelp: "the nearest manager's required minutes ÷ the managers' mean (above 1: busier than average)",
    decSitingHeading: 'Siting: where retailers are, and where to add',
    decSitingNote: (p: { hex: string; speed: string }) =>
      `Retailers per hex cell of ${p.hex} km (darker: more). R1–R5: where one more weekly retailer adds least travel (fitted between the cell's retailers: √(cell area ÷ (retailers + 1)) km per visit at ${p.speed} km/h; ties go to the manager with more spare capacity, then the nearer base). B1–B5: where a new manager's base would save most kilometres (retailers nearer that cell than to their base: visits × 2 × km saved). Straight lines: a planning estimate.`,
    decLegendDensity: 'retailers per cell',
    decLegendRetailer: 'R: best cells for a new retailer',
    decLegendBase: 'B: best cells for a new base',
    decLegendFar: 'cells with retailers far from every base',
    hexMapTitle: 'Retailers per hex cell, bases, and the best cells for a new retailer or base',
    hexTip: (p: { id: string; n: number; minutes: string; km: string; far: number }) =>
      `cell ${p.id}: ${p.n} retailers, ${p.minutes} required min / 4 wk, ${p.km} km from the nearest base${p.far ? `, ${p.far} far from every base` : ''}`,
    decNewRetailerHeading: 'Where a new retailer would add least workload',
    decNewBaseHeading: "Where a new manager's base would relieve most",
    decRank: 'Rank',
    decAdded: 'Added min / 4 wk',
    decAddedHelp: 'estimated extra travel of one more weekly retailer in this cell, minutes per 4 weeks',
    decSaved: 'Km saved / 4 wk',
    decSavedHelp: 'Σ over retailers nearer this cell than their base: visits per 4 weeks × 2 × km saved',
    decRelieved: 'Work nearer (min / 4 wk)',
    tablePart: (p: { i: number; n: number }) => `part ${p.i} of ${p.n}`,
  },
  {
    'zh-CN': {
      code: (p: { code: string }) => CODES_ZH.get(p.code) ?? p.code,
      codeShort: (p: { code: string }) => SHORT_ZH.get(p.code) ?? CODES_ZH.get(p.code) ?? p.code,
      status: (p: { status: string }) => STATUS_ZH.get(p.status) ?? p.status,
      severity: (p: { severity: string }) =>
        p.severity === 'high' ? '立即处理' : p.severity === 'medium' ? '核查' : '关注',
      weekday: (p: { day: string }) => WEEKDAY_ZH.get(p.day) ?? p.day,
      attentionHeading: '需要关注',
      attentionIntro: (p: { n: number; visitQuestion: boolean }) =>
        p.n === 0
          ? p.visitQuestion
            ? '本期没有需要关注的事项：每次拜访都核验通过且无标记，没有检查与拜访矛盾，每个计划站点都已拜访。'
            : '本期没有需要关注的事项：每次拜访都核验通过且无标记，每个计划站点都已拜访（检查表不问客户经理是否来访，因此检查无法与拜访相矛盾）。'
          : `共 ${p.n} 项需要处理，最严重的在前。每项列出其拜访（证据见下表），没有拜访的站点则列出零售户。把鼠标停在原因上可看到规则代码。`,
      flaggedDay: (p: Who & { date: string; n: number; outOf: number; verified: number }) =>
        `${p.who}，${p.date}：当天 ${p.outOf} 次拜访中有 ${p.n} 次被标记待复核${p.verified > 0 ? `；其中 ${p.verified} 次通过了位置核验，但评分卡不计为已证实` : ''}`,
      contradiction: (p: Who & { what: string; retailer: string }) => `${p.who}：${p.what}（${p.retailer}）`,
      unproven: (p: Who & { n: number; status: string; reason: string }) =>
        `${p.who}：${p.n} 次拜访${p.status}：${p.reason}`,
      missed: (p: Who & { date: string; n: number; outOf: number }) =>
        `${p.who}，${p.date}：当天 ${p.outOf} 个计划站点中有 ${p.n} 个未拜访`,
      farthest: (p: { distance: string }) => `最远的定位离店 ${p.distance}`,
      farthestLine: (p: { distance: string }) => `最远的定位离店 ${p.distance}`,
      signs: '迹象',
      reason: '原因',
      colon: '：',
      separator: '；',
      fullStop: '。',
      visits: '拜访',
      retailers: '零售户',
      actFlaggedDay: '与客户经理逐一核对这一天；在解释清楚之前不计入这些拜访。',
      actDenied: '向客户经理询问这次拜访：检查员的记录显示拜访没有发生。',
      actContradiction: '查看这次拜访：检查员了解到客户经理来过，但手机定位没有显示。',
      actFarAway: '询问客户经理原因；多次离店很远说明拜访可能是在别处完成的。',
      actRejected: '询问客户经理这些拜访为何不符合规则。',
      actUndecided: '除非反复出现，否则无需处理：证据不足以判断。',
      actMissed: '确保这些零售户在接下来几天得到拜访。',
      evidenceHeading: '上述拜访的证据',
      colVisit: '拜访',
      colManager: '客户经理',
      colRetailer: '零售户',
      colDate: '日期',
      colTime: '时间',
      colResult: '结果',
      colWhy: '原因 / 迹象',
      colDistance: '离店距离（米）',
      colDwell: '在店（分钟）',
      colFixes: '定位',
      helpDistance: '开始和结束定位到店铺围栏的距离，米（0 = 在围栏内）',
      helpFixes: '开始和结束定位的来源与精度半径',
      tileFlagged: '被标记待复核的拜访',
      mapRoutes: '路线：',
      mapPlannedRoute: (p: { stops: number }) => `计划路线，${p.stops} 个站点`,
      mapBaseOf: (p: { name: string }) => `${p.name} 的出发点`,
      kpiDefinition: (p: { kpi: string; leftOut: readonly string[] }, f: TextFormat) => {
        const { asked, notAsked } = scoredSplit(SCORED_SHORT_ZH, p.leftOut);
        if (p.kpi === 'inspection' && notAsked.length)
          return asked.length
            ? `检查平均得分（${f.list(asked)}；未问${f.list(notAsked)}）`
            : `不予计算：检查表不问${f.list(notAsked)}`;
        if (p.kpi === 'integrity' && p.leftOut.includes('managerVisitConfirmed'))
          return '不予计算：检查表不问客户经理是否来访（若仍给出矛盾则为 0）';
        return KPI_DEF_ZH.get(p.kpi) ?? p.kpi;
      },
      kpiDefinitionsHeading: '各项指标的含义（1 = 最好）',
      pointsHeading: '得分的来源：各指标贡献的分数',
      pointsNote:
        '分数 = 100 · 权重 · 指标值 ÷ 该客户经理可测指标的权重之和；各项相加即为总分。无法测量的指标不得分，也不占权重。',
      manager: '客户经理',
      score: '得分',
      notMeasured: '未测量',
      whatIfHeading: '如果权重不同',
      whatIfNote:
        '同样的数据用其他权重计分（列出的权重替换报告的权重，其余不变）。排名变化说明排序在多大程度上取决于权重的选择。',
      now: '现在',
      // ── routes, trends, decision analysis (report engineer) ──
      allManagers: '全部客户经理',
      routesHeading: '按出行数据源计算的路线',
      routesNote: (p: { kind: string; source: string }) =>
        `在 ${p.source}（${p.kind}）上测量。两条路线都经过零售户的位置，而不是手机定位：计划 = 出发点 → 计划中的站点依次 → 出发点；实际 = 出发点 → 按拜访顺序拜访过的零售户 → 出发点。某一天若有一段没有路线，则不计入这些数字，记为未算路线的天数。`,
      routePlannedKm: '计划公里',
      routePlannedH: '计划小时',
      routeTravelledKm: '实际公里',
      routeTravelledH: '实际小时',
      routeRatio: '实际 / 计划',
      routeRatioHelp: '实际 ÷ 计划路线米数，只计有计划且有拜访的天',
      routeUnrouted: '未算路线天数',
      routeUnroutedHelp: '因某段在该数据源上没有路线而未计入的客户经理-天数',
      trendHeading: '趋势',
      trendOnePeriod:
        '只有一个期间：还没有可比较的数据。提供之前的报告（beatplan report --previous last-week.json）或多周的数据（--trend week），即可看到每位客户经理随时间的变化。',
      trendIntro: (p: { n: number; minVisits: number; minInspections: number; checklist: boolean }) =>
        `每位客户经理在最近 ${p.n} 个期间的情况（从早到晚；折线表示各期间，圆点为最近一期）、最近一期的数值及其与上一期相比的变化。得分都按本报告的权重重新计算，各期间的计分方式一致。灰色括号中的变化没有意义：两个期间中有一个的拜访少于 ${p.minVisits} 次（检查类指标为少于 ${p.minInspections} 次检查），或者（对得分而言）两个期间测量的指标不同。${p.checklist ? '有期间的检查表未包含部分基础项，因此只计问过所计分项的检查：检查得分计问过明码标价、政策资料或满意度的检查，诚信度计问过客户经理是否来访的检查。' : ''}`,
      trendDays: (p: { n: number }) => `${p.n} 天`,
      trendChangesHeading: '各项数字随时间的变化，以及与上一期相比的变化',
      trendRanksHeading: '评分卡排名历史（每期的排名和得分）',
      trendRankChange: '排名变化',
      trendRankChangeHelp: '与上一期相比上升（↑）或下降（↓）的名次',
      trendNoChange: '两个期间之一未测量',
      trendNew: '新',
      trendNotMeaningful: (p: { n: number; min: number }) => `没有意义：两个期间之一只有 ${p.n} 次，少于 ${p.min} 次`,
      moved: (p: Who & { from: string; to: string; change: string; since: string }) =>
        `${p.who}：得分 ${p.from} → ${p.to}（${p.change}），对比 ${p.since}`,
      movedMostly: (p: { kpi: string; change: string }) => `主要来自${p.kpi}（${p.change}）`,
      actMovedDown: '与客户经理了解发生了什么变化；下方的趋势表列出了每项数字。',
      actMovedUp: '在表扬之前先确认上升是真实的：查看其背后的数字。',
      trendLink: '趋势',
      trendOtherKpis: '没有意义：两个得分基于不同的指标（一个期间测量了另一个期间没有测量的指标，例如检查）',
      kpiName: (p: { kpi: string }) => KPI_NAME_ZH.get(p.kpi) ?? p.kpi,
      segmentName: (p: { segment: string }) => SEGMENT_ZH.get(p.segment) ?? p.segment,
      decHeading: '决策分析',
      decEffortHeading: '按业态和档位：拜访时间与订单',
      decEffortNote: (p: { ratio: string }) =>
        `每组按拜访规则所需的拜访时间（服务分钟 × 每 4 周应拜访次数）所占份额，与其订单额所占份额相比。时间份额至少是订单份额 ${p.ratio} 倍的组，所得时间多于其订单；至多为其倒数的组，所得时间少于其订单。`,
      decGroup: '业态和档位',
      decRequired: '所需分钟 / 4 周',
      decRequiredHelp: '服务分钟 × 每 4 周应拜访次数，组内合计',
      decTimeShare: '时间份额',
      decVerified: '核验分钟（本期）',
      decVolume: '订单额',
      decVolumeShare: '订单份额',
      decRatio: '时间 ÷ 订单',
      decRatioHelp: '时间份额 ÷ 订单额份额：大于 1 表示时间多于订单',
      decVerdict: '解读',
      decVerdictText: (p: { verdict: string }) =>
        p.verdict === 'more_time' ? '时间多于其订单' : p.verdict === 'less_time' ? '时间少于其订单' : '相当',
      decChartTitle: '拜访时间份额与订单额份额',
      decGapsHeading: '覆盖缺口：离所有出发点都很远的零售户',
      decGapsNote: (p: { n: number; far: string; median: string }) =>
        `有 ${p.n} 个零售户离所有客户经理的出发点都超过 ${p.far} 公里（直线）（零售户到最近出发点的中位距离为 ${p.median} 公里）。下表列出最远的几个；它们所在的格子在下方地图上以红框标出。`,
      decNoGaps: '没有零售户或没有出发点：无覆盖数据。',
      decNearestBase: '最近的出发点',
      decKm: '公里',
      decCell: '格子',
      decCellHelp: '六边形网格的格子 q,r（见地图）',
      decLoad: '该客户经理的负荷',
      decLoadHelp: '最近客户经理的所需分钟 ÷ 全体客户经理的平均值（大于 1：比平均忙）',
      decSitingHeading: '选址：零售户在哪里，在哪里增加',
      decSitingNote: (p: { hex: string; speed: string }) =>
        `每个 ${p.hex} 公里六边形格子中的零售户（颜色越深越多）。R1–R5：再增加一个每周拜访的零售户增加路程最少的格子（插在格内零售户之间：每次拜访 √(格子面积 ÷ (零售户数 + 1)) 公里，按 ${p.speed} 公里/小时；相同时优先空余能力较多的客户经理，再优先较近的出发点）。B1–B5：新客户经理的出发点能节省最多公里的格子（离该格比离其出发点更近的零售户：拜访次数 × 2 × 节省的公里）。按直线计算：仅为规划估计。`,
      decLegendDensity: '每格零售户数',
      decLegendRetailer: 'R：最适合新增零售户的格子',
      decLegendBase: 'B：最适合新出发点的格子',
      decLegendFar: '含有离所有出发点都很远的零售户的格子',
      hexMapTitle: '每个六边形格子的零售户、出发点，以及最适合新增零售户或出发点的格子',
      hexTip: (p: { id: string; n: number; minutes: string; km: string; far: number }) =>
        `格子 ${p.id}：${p.n} 个零售户，所需 ${p.minutes} 分钟 / 4 周，离最近出发点 ${p.km} 公里${p.far ? `，其中 ${p.far} 个离所有出发点都很远` : ''}`,
      decNewRetailerHeading: '新增零售户增加工作量最少的位置',
      decNewBaseHeading: '新客户经理出发点能减轻负担最多的位置',
      decRank: '排名',
      decAdded: '增加分钟 / 4 周',
      decAddedHelp: '在该格再增加一个每周拜访零售户的估计额外路程，每 4 周分钟数',
      decSaved: '节省公里 / 4 周',
      decSavedHelp: '离该格比离其出发点更近的零售户之和：每 4 周拜访次数 × 2 × 节省的公里',
      decRelieved: '变近的工作量（分钟 / 4 周）',
      tablePart: (p: { i: number; n: number }) => `第 ${p.i} 部分，共 ${p.n} 部分`,
    },
  },
);

/** The report's translator. */
export type ReportTranslator = Translator<(typeof REPORT_MESSAGES)['en']>;

/** The report's translator for a locale (default `'en'`, core's `LocaleSchema`). */
export function reportTranslator(locale?: Locale): ReportTranslator {
  return createTranslator(REPORT_MESSAGES, locale);
}

/** `Wed 2025-03-05` (`周三 2025-03-05`). */
export function dayLabel(tr: ReportTranslator, date: string): string {
  return `${tr.t('weekday', { day: weekdayOf(date) })} ${date}`;
}
