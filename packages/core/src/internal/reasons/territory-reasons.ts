// Every hand-written reason of @beatplan/territory, in English and Chinese (see issue-reason.ts): input
// issues and the reasons of the partition's balance limits (`limits[].reasonData`).
import type { MessageCatalogues } from '../../create-translator.js';

const en = {
  'territory.duplicate_retailer': (p: { first: number }) => `duplicate retailer id (also retailers[${p.first}])`,
  'territory.duplicate_manager': 'duplicate manager id',
  'territory.no_manager': 'at least one manager is required',
  'territory.locked_needs_manager': 'a locked retailer needs a managerId',
  'territory.locked_unknown_manager': 'locked to a manager that is not in the managers list',
  'territory.no_retailer_id': 'no retailer has this id',
  'territory.point': 'a point must be [lng, lat] in degrees',
  'territory.at_least_one': 'must be a whole number of at least 1',
  'territory.costs_or_travel': 'give costs or travel, not both',
  'territory.needs_pool': 'needs a worker-thread pool (of @beatplan/tsp/pool) as solver and no costs',
  'territory.period_range': 'the period must lie between 2000-01-02 and 2099-12-30 (the times of a visit plan)',
  'territory.limit_deviates': (p: { manager: string; deviation: number }) =>
    `manager ${p.manager} deviates by ${p.deviation}`,
  'territory.limit_share_few': (p: { positive: number; k: number; share: number }) =>
    `only ${p.positive} retailers have it, fewer than the ${p.k} managers: a manager without any is ${p.share} below the overall share`,
  'territory.limit_one_retailer': (p: { value: number; tolerance: number; mean: number }) =>
    `one retailer alone has ${p.value}, above (1 + ${p.tolerance}) × the mean ${p.mean}`,
  'territory.limit_locked': (p: { manager: string; value: number; tolerance: number; mean: number }) =>
    `the retailers locked to ${p.manager} have ${p.value}, above (1 + ${p.tolerance}) × the mean ${p.mean}`,
  'territory.limit_positive_few': (p: { positive: number; k: number }) =>
    `only ${p.positive} retailers have a positive value, fewer than the ${p.k} managers: a manager without any is 100 % below the mean`,
  'territory.balance_empty': 'name at least one attribute to balance',
  'territory.weight_positive': 'at least one weight must be positive',
  'territory.neighbour_travel': 'must be a NeighbourTravel (from neighbourTravel or neighbourTravelSync)',
  'territory.no_working_day': 'the manager has no working day',
  'territory.not_open': 'not open on any working day of the manager during his working hours',
  'territory.not_twice_weekly': 'twice-weekly, but not open on two working days of the manager',
  'territory.no_time_in_hours': 'no time for it within its opening hours and the working day',
  'territory.day_too_short': 'the working day is too short to reach it',
  'territory.no_base_within': (p: { m: number }) => `no manager's base lies within maxDiameterM / 2 = ${p.m} m`,
  'territory.travel_n': (p: { n: number }) => `must equal the number of retailers (${p.n})`,
  'territory.travel_k': (p: { neighbours: number }) => `must be at least the workload's neighbours (${p.neighbours})`,
  'territory.travel_cells': (p: { cells: number }) => `must hold n × k = ${p.cells} cells`,
};

/** @beatplan/territory's reasons: `territory.<name>` → English and Chinese text. */
export const TERRITORY_REASONS = {
  en,
  'zh-CN': {
    'territory.duplicate_retailer': (p) => `零售户编号重复（另见 retailers[${p.first}]）`,
    'territory.duplicate_manager': '客户经理编号重复',
    'territory.no_manager': '至少需要一名客户经理',
    'territory.locked_needs_manager': '锁定的零售户需要 managerId',
    'territory.locked_unknown_manager': '锁定到的客户经理不在客户经理列表中',
    'territory.no_retailer_id': '没有零售户使用该编号',
    'territory.point': '点必须是以度为单位的 [lng, lat]',
    'territory.at_least_one': '必须是不小于 1 的整数',
    'territory.costs_or_travel': 'costs 与 travel 只能给出一个',
    'territory.needs_pool': '需要一个工作线程池（@beatplan/tsp/pool）作为 solver，且不能给出 costs',
    'territory.period_range': '期间必须在 2000-01-02 至 2099-12-30 之间（拜访计划的时间范围）',
    'territory.limit_deviates': (p) => `客户经理 ${p.manager} 偏离 ${p.deviation}`,
    'territory.limit_share_few': (p) =>
      `只有 ${p.positive} 家零售户具有该属性，少于 ${p.k} 名客户经理：没有这类零售户的客户经理比总体占比低 ${p.share}`,
    'territory.limit_one_retailer': (p) => `单个零售户就有 ${p.value}，超过 (1 + ${p.tolerance}) × 平均值 ${p.mean}`,
    'territory.limit_locked': (p) =>
      `锁定到 ${p.manager} 的零售户合计 ${p.value}，超过 (1 + ${p.tolerance}) × 平均值 ${p.mean}`,
    'territory.limit_positive_few': (p) =>
      `只有 ${p.positive} 家零售户的值为正，少于 ${p.k} 名客户经理：没有这类零售户的客户经理比平均值低 100%`,
    'territory.balance_empty': '请至少指定一个要平衡的属性',
    'territory.weight_positive': '至少一个权重必须为正数',
    'territory.neighbour_travel': '必须是 NeighbourTravel（由 neighbourTravel 或 neighbourTravelSync 得到）',
    'territory.no_working_day': '该客户经理没有工作日',
    'territory.not_open': '在客户经理的任何工作日的工作时间内都不营业',
    'territory.not_twice_weekly': '每周拜访两次，但在客户经理的两个工作日内不营业',
    'territory.no_time_in_hours': '在其营业时间和工作日之内没有时间拜访它',
    'territory.day_too_short': '工作日太短，无法到达它',
    'territory.no_base_within': (p) => `没有客户经理的基地位于 maxDiameterM / 2 = ${p.m} 米之内`,
    'territory.travel_n': (p) => `必须等于零售户的数量（${p.n}）`,
    'territory.travel_k': (p) => `必须不少于工作量模型的邻居数（${p.neighbours}）`,
    'territory.travel_cells': (p) => `必须有 n × k = ${p.cells} 个单元`,
  },
} satisfies MessageCatalogues<typeof en>;
