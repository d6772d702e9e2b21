// Every text of @beatplan/core a person reads, in every locale: error-code titles, issue reasons
// (from the reason's key and parameters) and the words around them. See create-translator.ts.
import { defineCatalogues, type TextFormat } from '../create-translator.js';
import type { BeatplanErrorCode } from '../beatplan-error.js';
import type { RetailerCsvColumn } from '../import-retailers-csv.js';
import { describeReason } from './shared/describe-zod-issue.js';
import type { IssueReason, IssueReasonKey } from './shared/issue-format.js';

type R<K extends IssueReasonKey> = Extract<IssueReason, { key: K }>;
type F = TextFormat;

const ZH_TYPES = new Map([
  ['number', '数字'],
  ['int', '整数'],
  ['string', '文本'],
  ['boolean', 'true 或 false'],
  ['object', '对象'],
  ['array', '数组'],
  ['tuple', '数组'],
  ['record', '对象'],
  ['date', '日期'],
]);

/** A limit as written (Chinese messages): a number through `Intl`, anything else (a bigint, a date) as it is. */
const lim = (v: number | string, f: F) => (typeof v === 'number' ? f.number(v, { useGrouping: false }) : v);

/**
 * Error-code titles (`describeErrorCode`), issue reasons (`reason.<key>`), the words of a line, then the
 * retailer CSV's column headers (`csv.<column>`; the importer reads the headers of every locale).
 */
export const CORE_MESSAGES = defineCatalogues(
  {
    'code.INVALID_INPUT': 'invalid input',
    'code.IMPORT_FAILED': 'import failed',
    'code.UNSUPPORTED_CRS': 'unsupported coordinate system',
    'code.UNKNOWN_REFERENCE': 'unknown reference',
    'code.TSPLIB_PARSE': 'unreadable TSPLIB file',
    'code.TOO_LARGE': 'instance too large',
    'code.INFEASIBLE': 'infeasible',
    'code.NO_POSITION': 'no position',
    'code.PERMISSION_DENIED': 'permission denied',
    'code.PROVIDER_UNAVAILABLE': 'positioning provider unavailable',
    'code.PROVIDER_TIMEOUT': 'positioning provider timed out',
    'code.PROVIDER_RESPONSE_INVALID': 'invalid answer from the positioning provider',
    'code.TIME_LIMIT': 'time limit reached',
    'code.ABORTED': 'aborted',
    'code.WASM_BLOCKED': 'WebAssembly blocked',
    'code.INTERNAL': 'internal error (a bug, please report it)',
    'reason.required': (r: R<'required'>) => describeReason(r),
    'reason.type': (r: R<'type'>) => describeReason(r),
    'reason.finite': (r: R<'finite'>) => describeReason(r),
    'reason.one_of': (r: R<'one_of'>) => describeReason(r),
    'reason.not_empty': (r: R<'not_empty'>) => describeReason(r),
    'reason.min_length': (r: R<'min_length'>) => describeReason(r),
    'reason.max_length': (r: R<'max_length'>) => describeReason(r),
    'reason.min_items': (r: R<'min_items'>) => describeReason(r),
    'reason.max_items': (r: R<'max_items'>) => describeReason(r),
    'reason.min': (r: R<'min'>) => describeReason(r),
    'reason.max': (r: R<'max'>) => describeReason(r),
    'reason.format': (r: R<'format'>) => describeReason(r),
    'reason.multiple_of': (r: R<'multiple_of'>) => describeReason(r),
    'reason.no_match': (r: R<'no_match'>) => describeReason(r),
    'reason.unknown_field': (r: R<'unknown_field'>) => describeReason(r),
    'reason.invalid_key': (r: R<'invalid_key'>) => describeReason(r),
    'reason.invalid_element': (r: R<'invalid_element'>) => describeReason(r),
    'line.row': (p: { row: number; more: boolean }) => `row ${p.row}${p.more ? ', ' : ': '}`,
    'line.path': (p: { path: string }) => `${p.path}: `,
    'line.received': (p: { value: string }) => `, received ${p.value}`,
    'line.nothing': 'nothing',
    'line.array': (p: { length: number }) => `an array of ${p.length}`,
    'line.object': 'an object',
    'line.join': '; ',
    'line.more': (p: { count: number }) => ` (and ${p.count} more)`,
    'csv.id': 'id',
    'csv.name': 'name',
    'csv.lng': 'lng',
    'csv.lat': 'lat',
    'csv.crs': 'crs',
    'csv.segment': 'segment',
    'csv.class': 'class',
    'csv.service_minutes': 'service_minutes',
    'csv.opening_hours': 'opening_hours',
    'csv.visit_frequency': 'visit_frequency',
    'csv.order_count': 'order_count',
    'csv.order_volume': 'order_volume',
    'csv.manager_id': 'manager_id',
    'csv.region': 'region',
    'csv.geofence': 'geofence',
    'csv.licence_no': 'licence_no',
    'csv.address': 'address',
    'csv.phone': 'phone',
    'csv.store_type': 'store_type',
    'csv.grade': 'grade',
  },
  {
    'zh-CN': {
      'code.INVALID_INPUT': '输入无效',
      'code.IMPORT_FAILED': '导入失败',
      'code.UNSUPPORTED_CRS': '不支持的坐标系',
      'code.UNKNOWN_REFERENCE': '引用的对象不存在',
      'code.TSPLIB_PARSE': '无法读取 TSPLIB 文件',
      'code.TOO_LARGE': '规模过大',
      'code.INFEASIBLE': '无可行方案',
      'code.NO_POSITION': '无法定位',
      'code.PERMISSION_DENIED': '定位权限被拒绝',
      'code.PROVIDER_UNAVAILABLE': '定位服务不可用',
      'code.PROVIDER_TIMEOUT': '定位服务超时',
      'code.PROVIDER_RESPONSE_INVALID': '定位服务返回的结果无效',
      'code.TIME_LIMIT': '已达时间上限',
      'code.ABORTED': '已取消',
      'code.WASM_BLOCKED': 'WebAssembly 被禁止',
      'code.INTERNAL': '内部错误（程序缺陷，请报告）',
      'reason.required': (_: R<'required'>) => '为必填项',
      'reason.type': (r: R<'type'>) => `必须是${ZH_TYPES.get(r.expected) ?? ` ${r.expected}`}`,
      'reason.finite': (_: R<'finite'>) => '必须是有限的数字',
      'reason.one_of': (r: R<'one_of'>) =>
        r.values.length === 1 ? `必须是 ${r.values[0]}` : `必须是以下之一：${r.values.join('、')}`,
      'reason.not_empty': (_: R<'not_empty'>) => '不能为空',
      'reason.min_length': (r: R<'min_length'>, f: F) => `至少需要 ${lim(r.minimum, f)} 个字符`,
      'reason.max_length': (r: R<'max_length'>, f: F) => `最多 ${lim(r.maximum, f)} 个字符`,
      'reason.min_items': (r: R<'min_items'>, f: F) => `至少需要 ${lim(r.minimum, f)} 项`,
      'reason.max_items': (r: R<'max_items'>, f: F) => `最多 ${lim(r.maximum, f)} 项`,
      'reason.min': (r: R<'min'>, f: F) => `必须${r.inclusive ? '不小于' : '大于'} ${lim(r.minimum, f)}`,
      'reason.max': (r: R<'max'>, f: F) => `必须${r.inclusive ? '不大于' : '小于'} ${lim(r.maximum, f)}`,
      'reason.format': (r: R<'format'>) => `必须是有效的 ${r.format}`,
      'reason.multiple_of': (r: R<'multiple_of'>, f: F) => `必须是 ${lim(r.divisor, f)} 的倍数`,
      'reason.no_match': (_: R<'no_match'>) => '不符合任何允许的格式',
      'reason.unknown_field': (_: R<'unknown_field'>) => '未知字段',
      'reason.invalid_key': (_: R<'invalid_key'>) => '含有无效的键',
      'reason.invalid_element': (_: R<'invalid_element'>) => '含有无效的元素',
      'line.row': (p: { row: number; more: boolean }) => `第 ${p.row} 行${p.more ? '，' : '：'}`,
      'line.path': (p: { path: string }) => `${p.path}：`,
      'line.received': (p: { value: string }) => `，实际为 ${p.value}`,
      'line.nothing': '空',
      'line.array': (p: { length: number }) => `含 ${p.length} 项的数组`,
      'line.object': '对象',
      'line.join': '；',
      'line.more': (p: { count: number }) => `（另有 ${p.count} 项）`,
      'csv.id': '编号',
      'csv.name': '名称',
      'csv.lng': '经度',
      'csv.lat': '纬度',
      'csv.crs': '坐标系',
      'csv.segment': '业态',
      'csv.class': '类别',
      'csv.service_minutes': '服务时长（分钟）',
      'csv.opening_hours': '营业时间',
      'csv.visit_frequency': '拜访频率',
      'csv.order_count': '订单数',
      'csv.order_volume': '订货量',
      'csv.manager_id': '客户经理编号',
      'csv.region': '区域',
      'csv.geofence': '电子围栏',
      'csv.licence_no': '许可证号',
      'csv.address': '地址',
      'csv.phone': '电话',
      'csv.store_type': '店铺类型',
      'csv.grade': '档位',
    },
  },
);

/** The catalogue key of an error code's title. */
export const codeKey = (code: BeatplanErrorCode) => `code.${code}` as const;
/** The catalogue key of a reason. */
export const reasonKey = (key: IssueReasonKey) => `reason.${key}` as const;

/** The catalogue key of a retailer CSV column's header. */
export const csvHeaderKey = (column: RetailerCsvColumn) => `csv.${column}` as const;
