// Every hand-written reason of @beatplan/geofence, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

/** A column rule's text with the visit it was found in: `… (visit "v1")`. */
const inVisit = (text: string) => (p: { visit: string }) => `${text} (visit ${p.visit})`;
const zhInVisit = (text: string) => (p: { visit: string }) => `${text}（拜访 ${p.visit}）`;

const en = {
  'geofence.verdict_index': (p: { n: number }) => `verdict index must be a whole number within [0, ${p.n})`,
  'geofence.reason_mask': 'reason mask must be an integer in 0–511',
  'geofence.flag_mask': 'flag mask must be an integer in 0–127',
  'geofence.other_retailer': (p: { id: string }) => `the visit is for another retailer than the one given (${p.id})`,
  'geofence.planned_twice': 'retailer planned twice on the same day',
  'geofence.bytes_non_negative': 'bytes must be a finite number ≥ 0',
  'geofence.must_be_array': (p: { what: string }) => `${p.what} must be an array`,
  'geofence.are_required': (p: { what: string }) => `${p.what} are required`,
  'geofence.duplicate_retailer_at': (p: { at: string }) => `duplicate retailer id, first at ${p.at}`,
  'geofence.duplicate_visit_at': (p: { at: string }) => `duplicate visit id, first at ${p.at}`,
  'geofence.retailer_rejected': 'its retailer was rejected (see rejected)',
  'geofence.no_retailer': 'no retailer with this id was given',
  'geofence.start_fix_needed': (p: { visit: string }) =>
    `a visit needs its start fix${p.visit ? ` (visit ${p.visit})` : ''}: one with only an end fix, or none, cannot be judged`,
  'geofence.second_plan': (p: { manager: string; date: string; at: string }) =>
    `manager ${p.manager} has a second plan for ${p.date}, first at ${p.at}`,
  'geofence.column_type': (p: { type: string; got: string }) =>
    `must be a ${p.type}${p.got ? `, received ${p.got}` : ''}`,
  'geofence.column_length': (p: { n: number; length: number }) =>
    `must have one element per visit (ids.length = ${p.n}), received ${p.length}`,
  'geofence.ids_string_array': (p: { what: string }) => `${p.what} must be an array of strings`,
  'geofence.duplicate_id_at': (p: { at: string }) => `duplicate id, first at ${p.at}`,
  'geofence.present_end': inVisit('present must be 0 (no end fix) or 1'),
  'geofence.present_start': inVisit(
    'a visit needs its start fix (present must be 1; a visit with only an end fix, or none, cannot be judged)',
  ),
  'geofence.lng_column': inVisit('longitude must be a finite number within [-180, 180]'),
  'geofence.lat_column': inVisit('latitude must be a finite number within [-90, 90]'),
  'geofence.accuracy_column': inVisit('accuracy must be a finite number of metres ≥ 0'),
  'geofence.time_column': inVisit('time must be epoch milliseconds between 2000-01-01 and 2100-01-01'),
  'geofence.source_column': inVisit('source code must be 0 (gnss), 1 (cell), 2 (wifi) or 3 (manual)'),
  'geofence.crs_column': inVisit('crs code must be 0 (WGS84), 1 (GCJ02) or 2 (BD09)'),
  'geofence.mock_column': inVisit('mock must be 0 or 1'),
  'geofence.confidence_column': inVisit('accuracy confidence must be NaN (absent) or within (0, 1), e.g. 0.68 or 0.95'),
  'geofence.manager_index': inVisit('manager must be an index into managerIds'),
  'geofence.retailer_index': (p: { visit: string; max: number }) =>
    `retailer must be an index into the compiled retailers (0 to ${p.max}) (visit ${p.visit})`,
  'geofence.fix_columns_required': 'fix columns are required',
  'geofence.fix_columns_object': 'must be an object of fix columns',
  'geofence.unknown_fix_column': 'unknown fix column (a misspelt column would otherwise be ignored)',
  'geofence.columns_object': 'columns must be an object',
  'geofence.unknown_column': 'unknown column (a misspelt column would otherwise be ignored)',
  'geofence.max_dwell': 'maximum dwell must be greater than minimum dwell',
};

/** @beatplan/geofence's reasons: `geofence.<name>` → English and Chinese text. */
export const GEOFENCE_REASONS = {
  en,
  'zh-CN': {
    'geofence.verdict_index': (p) => `判定序号必须是 [0, ${p.n}) 之内的整数`,
    'geofence.reason_mask': '原因掩码必须是 0–511 之间的整数',
    'geofence.flag_mask': '标记掩码必须是 0–127 之间的整数',
    'geofence.other_retailer': (p) => `该拜访属于另一个零售户，而不是给出的零售户（${p.id}）`,
    'geofence.planned_twice': '同一天内重复计划了该零售户',
    'geofence.bytes_non_negative': 'bytes 必须是不小于 0 的有限数字',
    'geofence.must_be_array': (_) => '必须是数组',
    'geofence.are_required': (_) => '为必填项',
    'geofence.duplicate_retailer_at': (p) => `零售户编号重复，首次出现在 ${p.at}`,
    'geofence.duplicate_visit_at': (p) => `拜访编号重复，首次出现在 ${p.at}`,
    'geofence.retailer_rejected': '其零售户已被拒绝（见 rejected）',
    'geofence.no_retailer': '没有给出该编号的零售户',
    'geofence.start_fix_needed': (p) =>
      `拜访需要开始定位${p.visit ? `（拜访 ${p.visit}）` : ''}：只有结束定位或没有定位的拜访无法判定`,
    'geofence.second_plan': (p) => `客户经理 ${p.manager} 在 ${p.date} 有第二份计划，首次出现在 ${p.at}`,
    'geofence.column_type': (p) => `必须是 ${p.type}${p.got ? `，实际为 ${p.got}` : ''}`,
    'geofence.column_length': (p) => `每个拜访必须对应一个元素（ids.length = ${p.n}），实际为 ${p.length}`,
    'geofence.ids_string_array': (_) => '必须是文本数组',
    'geofence.duplicate_id_at': (p) => `编号重复，首次出现在 ${p.at}`,
    'geofence.present_end': zhInVisit('present 必须是 0（无结束定位）或 1'),
    'geofence.present_start': zhInVisit('拜访需要开始定位（present 必须是 1；只有结束定位或没有定位的拜访无法判定）'),
    'geofence.lng_column': zhInVisit('经度必须是 [-180, 180] 之内的有限数字'),
    'geofence.lat_column': zhInVisit('纬度必须是 [-90, 90] 之内的有限数字'),
    'geofence.accuracy_column': zhInVisit('精度必须是不小于 0 的有限米数'),
    'geofence.time_column': zhInVisit('时间必须是 2000-01-01 至 2100-01-01 之间的纪元毫秒数'),
    'geofence.source_column': zhInVisit('来源代码必须是 0（gnss）、1（基站）、2（wifi）或 3（手工）'),
    'geofence.crs_column': zhInVisit('坐标系代码必须是 0（WGS84）、1（GCJ02）或 2（BD09）'),
    'geofence.mock_column': zhInVisit('mock 必须是 0 或 1'),
    'geofence.confidence_column': zhInVisit('精度置信度必须是 NaN（缺省）或在 (0, 1) 之内，例如 0.68 或 0.95'),
    'geofence.manager_index': zhInVisit('manager 必须是 managerIds 中的序号'),
    'geofence.retailer_index': (p) => `retailer 必须是已编译零售户的序号（0 到 ${p.max}）（拜访 ${p.visit}）`,
    'geofence.fix_columns_required': '定位列为必填项',
    'geofence.fix_columns_object': '必须是由定位列组成的对象',
    'geofence.unknown_fix_column': '未知的定位列（拼错的列否则会被忽略）',
    'geofence.columns_object': 'columns 必须是对象',
    'geofence.unknown_column': '未知列（拼错的列否则会被忽略）',
    'geofence.max_dwell': '最长停留时间必须大于最短停留时间',
  },
} satisfies MessageCatalogues<typeof en>;
