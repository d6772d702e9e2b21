// Every hand-written reason of @beatplan/core, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

const en = {
  'core.confidence_range': 'confidence must be within (0, 1), e.g. 0.68 or 0.95',
  'core.accuracy_non_negative': 'accuracy must be a finite number ≥ 0 m',
  'core.matrix_points_max': (p: { max: number }) => `a travel matrix takes at most ${p.max} points`,
  'core.aborted': 'the operation was aborted',
  'core.no_answer_in': (p: { ms: number }) => `no answer in ${p.ms} ms`,
  'core.attempt_failed': (p: { detail: string }) => `failed: ${p.detail}`,
  'core.retry_after_too_long': (p: { name: string; waitS: number; maxMs: number }) =>
    `${p.name} asked to retry after ${p.waitS} s, more than maxRetryAfterMs ${p.maxMs} ms`,
  'core.no_answer_after': (p: { name: string; ms: number; attempts: number }) =>
    `${p.name} did not answer in ${p.ms} ms (${p.attempts} attempt${p.attempts === 1 ? '' : 's'})`,
  'core.unavailable_after': (p: { name: string; attempts: number }) =>
    `${p.name} is unavailable after ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}`,
  'core.request_refused': (p: { name: string; detail: string }) => `${p.name} was refused: ${p.detail}`,
  'core.body_not_json': (p: { name: string; excerpt: string }) =>
    `${p.name} answered with a body that is not JSON: ${p.excerpt}`,
  'core.answer_too_large': (p: { max: number; bytes: number }) =>
    `the answer exceeds maxResponseBytes ${p.max} (${p.bytes} bytes or more)`,
  'core.attribute_key_twice': 'attribute key appears twice',
  'core.geofence_far': (p: { m: number; max: number; crs: string }) =>
    `the geofence lies ${p.m} m from the location (at most ${p.max} m allowed): both must be in the crs of the location (${p.crs})`,
  'core.ring_not_closed': 'ring must be closed: its last position must equal its first',
  'core.ring_corners': 'ring must have at least 3 distinct corners',
  'core.territory_id_twice': 'retailer id appears twice in the territory',
  'core.planned_twice': 'retailer is planned twice on the same day',
  'core.arrival_before_departure': 'arrival must not be before the previous stop departure',
  'core.intervals_overlap': 'intervals of a day must not overlap',
  'core.checked_missing': (p: { what: string; key: string }) => `${p.what} ${p.key} was checked but is missing`,
  'core.fix_required_on_site': 'fix is required for an on-site inspection',
  'core.phone_no_fix': 'a phone check has no position fix (record it with channel "on_site")',
  'core.crs_one_of': 'crs must be one of "WGS84", "GCJ02", "BD09"',
  'core.encoding_one_of': (p: { values: readonly string[] }) => `encoding must be one of ${p.values.join(', ')}`,
  'core.invalid_bytes': (p: { line: number; encoding: string; offset: number }) =>
    `line ${p.line} is not valid ${p.encoding} (first bad byte near offset ${p.offset}); save the file as UTF-8 or pass the right encoding`,
  'core.duplicate_id': (p: { row: number }) => `duplicate id: already used in row ${p.row}`,
  'core.unknown_columns_one_of': 'unknownColumns must be one of "fail", "ignore", "attributes"',
  'core.options_contradict': (p: { option: string; value: string }) =>
    `contradicts ${p.option} (${p.value}); give only unknownColumns`,
  'core.max_issues_whole': 'maxIssues must be a whole number ≥ 1',
  'core.columns_map': 'columns must map fields to header names',
  'core.unknown_field_expected': (p: { fields: readonly string[] }) =>
    `unknown field (expected one of ${p.fields.join(', ')})`,
  'core.header_name_empty': 'the header name must be a non-empty text',
  'core.column_taken': (p: { header: string; field: string }) =>
    `two fields on one column: "${p.header}" is already mapped to ${p.field}`,
  'core.grades_range': 'grades must be { min, max }, whole numbers with 0 ≤ min ≤ max ≤ 999',
  'core.calendar_date': 'date must be a real calendar date "YYYY-MM-DD"',
  'core.day_number': 'day number must be a whole number of a date within 0001-01-01 to 9999-12-31',
  'core.json_invalid': (p: { detail: string }) => `not valid JSON (${p.detail})`,
  'core.feature_collection': 'must be a GeoJSON FeatureCollection with a features array',
  'core.feature': 'must be a GeoJSON Feature',
  'core.csv_input_type': 'CSV input must be a string or bytes',
  'core.csv_syntax': (p: { detail: string }) => `CSV syntax: ${p.detail}`,
  'core.csv_empty': 'the CSV is empty: a header row is expected',
  'core.column_twice': 'column appears twice in the header',
  'core.unknown_column': (p: { columns: readonly string[] }) =>
    `unknown column (expected some of ${p.columns.join(', ')}, attr:<key>, or a mapped name)`,
  'core.mapped_column_missing': (p: { header: string; field: string }) =>
    `the column mapping names "${p.header}" for ${p.field}, which the header does not have`,
  'core.required_column': 'required column is missing',
  'core.row_fields': (p: { cells: number; header: number }) => `row has ${p.cells} fields, the header has ${p.header}`,
};

/** @beatplan/core's reasons: `core.<name>` → English and Chinese text. */
export const CORE_REASONS = {
  en,
  'zh-CN': {
    'core.confidence_range': '置信度必须在 (0, 1) 之内，例如 0.68 或 0.95',
    'core.accuracy_non_negative': '精度必须是不小于 0 米的有限数字',
    'core.matrix_points_max': (p) => `出行矩阵最多 ${p.max} 个点`,
    'core.aborted': '操作已取消',
    'core.no_answer_in': (p) => `${p.ms} 毫秒内无应答`,
    'core.attempt_failed': (p) => `失败：${p.detail}`,
    'core.retry_after_too_long': (p) => `${p.name} 要求 ${p.waitS} 秒后重试，超过了 maxRetryAfterMs ${p.maxMs} 毫秒`,
    'core.no_answer_after': (p) => `${p.name} 在 ${p.ms} 毫秒内无应答（共尝试 ${p.attempts} 次）`,
    'core.unavailable_after': (p) => `${p.name} 尝试 ${p.attempts} 次后仍不可用`,
    'core.request_refused': (p) => `${p.name} 拒绝了请求：${p.detail}`,
    'core.body_not_json': (p) => `${p.name} 返回的内容不是 JSON：${p.excerpt}`,
    'core.answer_too_large': (p) => `应答超过 maxResponseBytes ${p.max}（至少 ${p.bytes} 字节）`,
    'core.attribute_key_twice': '属性键重复出现',
    'core.geofence_far': (p) =>
      `电子围栏距位置 ${p.m} 米（最多允许 ${p.max} 米）：两者必须使用位置的坐标系（${p.crs}）`,
    'core.ring_not_closed': '环必须闭合：最后一个点必须与第一个点相同',
    'core.ring_corners': '环至少需要 3 个不同的顶点',
    'core.territory_id_twice': '零售户编号在片区中出现两次',
    'core.planned_twice': '同一天内重复安排了该零售户',
    'core.arrival_before_departure': '到达时间不能早于上一站的离开时间',
    'core.intervals_overlap': '同一天的时间段不能重叠',
    'core.checked_missing': (p: { what: string; key: string }) => `${p.what} ${p.key} 已检查过，却不存在`,
    'core.fix_required_on_site': '现场检查必须有定位',
    'core.phone_no_fix': '电话检查没有定位（有定位请以 channel "on_site" 记录）',
    'core.crs_one_of': '坐标系必须是 "WGS84"、"GCJ02"、"BD09" 之一',
    'core.encoding_one_of': (p) => `编码必须是以下之一：${p.values.join('、')}`,
    'core.invalid_bytes': (p) =>
      `第 ${p.line} 行不是有效的 ${p.encoding}（第一个错误字节约在偏移 ${p.offset} 处）；请将文件另存为 UTF-8，或指定正确的编码`,
    'core.duplicate_id': (p) => `编号重复：已在第 ${p.row} 行使用`,
    'core.unknown_columns_one_of': 'unknownColumns 必须是 "fail"、"ignore"、"attributes" 之一',
    'core.options_contradict': (p) => `与 ${p.option}（${p.value}）矛盾；只需给出 unknownColumns`,
    'core.max_issues_whole': 'maxIssues 必须是不小于 1 的整数',
    'core.columns_map': 'columns 必须把字段映射到表头名',
    'core.unknown_field_expected': (p) => `未知字段（应为以下之一：${p.fields.join('、')}）`,
    'core.header_name_empty': '表头名必须是非空文本',
    'core.column_taken': (p) => `两个字段对应同一列："${p.header}" 已映射到 ${p.field}`,
    'core.grades_range': 'grades 必须是 { min, max }，均为整数且 0 ≤ min ≤ max ≤ 999',
    'core.calendar_date': '日期必须是真实存在的日历日期 "YYYY-MM-DD"',
    'core.day_number': '日序号必须是 0001-01-01 至 9999-12-31 之间某一天的整数',
    'core.json_invalid': (p) => `不是有效的 JSON（${p.detail}）`,
    'core.feature_collection': '必须是带 features 数组的 GeoJSON FeatureCollection',
    'core.feature': '必须是 GeoJSON Feature',
    'core.csv_input_type': 'CSV 输入必须是文本或字节',
    'core.csv_syntax': (p) => `CSV 语法错误：${p.detail}`,
    'core.csv_empty': 'CSV 为空：需要一行表头',
    'core.column_twice': '该列在表头中出现两次',
    'core.unknown_column': (p) => `未知列（应为 ${p.columns.join('、')}、attr:<键> 或映射的列名中的某些列）`,
    'core.mapped_column_missing': (p) => `列映射为 ${p.field} 指定了 "${p.header}"，但表头中没有这一列`,
    'core.required_column': '缺少必需的列',
    'core.row_fields': (p) => `该行有 ${p.cells} 个字段，表头有 ${p.header} 个`,
  },
} satisfies MessageCatalogues<typeof en>;
