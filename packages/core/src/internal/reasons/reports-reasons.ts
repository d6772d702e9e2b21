// Every hand-written reason of @beatplan/reports, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

const ZH_EVERY = new Map([
  ['week', '周'],
  ['month', '个月'],
]);

const en = {
  'reports.trend_too_long': (p: { max: number; every: string }) =>
    `spans more than ${p.max} ${p.every}s; give a shorter period or cut by month`,
  'reports.tile_https': 'tile URL template must be an https:// URL without spaces or quotes',
  'reports.tile_xyz': 'tile URL template must contain {z}, {x} and {y}',
  'reports.tile_length': 'tile URL template must have at most 500 characters',
  'reports.duplicate': (p: { field: string; first: number }) => `duplicate ${p.field} (also at index ${p.first})`,
  'reports.unknown_ref': (p: { what: string }) => `unknown ${p.what}: not in ${p.what}s`,
  'reports.earlier_period': (p: { period: string }) =>
    `an earlier report's period must end before the report's own period (${p.period}) starts`,
  'reports.period_overlap': (p: { period: string; at: string }) =>
    `overlaps the period ${p.period} of ${p.at}: a day would be counted twice`,
  'reports.no_period': 'the report has no dated record, so it has no period to follow the earlier reports',
  'reports.day_again': (p: { manager: string; date: string; first: number }) =>
    `manager ${p.manager} on ${p.date} again (first at index ${p.first})`,
  'reports.day_unknown': (p: { manager: string; date: string }) =>
    `manager ${p.manager} has no plan nor visit on ${p.date} in the period: the routes were measured on other data`,
  'reports.no_route_figures': (p: { manager: string; date: string }) =>
    `no route figures for manager ${p.manager} on ${p.date}: measure the routes with measureReportRoutes on this same input`,
  'reports.period_order': 'period.from must not be after period.to',
  'reports.weight_positive': 'at least one weight must be greater than 0',
};

/** @beatplan/reports' reasons: `reports.<name>` → English and Chinese text. */
export const REPORTS_REASONS = {
  en,
  'zh-CN': {
    'reports.trend_too_long': (p) => `跨度超过 ${p.max} ${ZH_EVERY.get(p.every) ?? p.every}；请缩短期间或按月切分`,
    'reports.tile_https': '瓦片 URL 模板必须是不含空格和引号的 https:// URL',
    'reports.tile_xyz': '瓦片 URL 模板必须包含 {z}、{x} 和 {y}',
    'reports.tile_length': '瓦片 URL 模板最多 500 个字符',
    'reports.duplicate': (p) => `${p.field} 重复（另见序号 ${p.first}）`,
    'reports.unknown_ref': (p) => `引用的 ${p.what} 不存在：不在 ${p.what}s 中`,
    'reports.earlier_period': (p) => `较早报告的期间必须在本报告期间（${p.period}）开始之前结束`,
    'reports.period_overlap': (p) => `与 ${p.at} 的期间 ${p.period} 重叠：有的日子会被计算两次`,
    'reports.no_period': '本报告没有带日期的记录，因而没有可接在较早报告之后的期间',
    'reports.day_again': (p) => `客户经理 ${p.manager} 在 ${p.date} 重复出现（首次在序号 ${p.first}）`,
    'reports.day_unknown': (p) =>
      `客户经理 ${p.manager} 在期间内的 ${p.date} 既无计划也无拜访：这些路线是基于其他数据测量的`,
    'reports.no_route_figures': (p) =>
      `客户经理 ${p.manager} 在 ${p.date} 没有路线数据：请用 measureReportRoutes 在同一输入上测量路线`,
    'reports.period_order': 'period.from 不能晚于 period.to',
    'reports.weight_positive': '至少一个权重必须大于 0',
  },
} satisfies MessageCatalogues<typeof en>;
