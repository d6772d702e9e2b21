// Every hand-written reason of @beatplan/positioning, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

/** `: detail` after a browser's failure when the browser said anything. */
const said = (detail: string, colon: string) => (detail ? `${colon}${detail}` : '');

const en = {
  'positioning.no_input': 'no fix, cell scan or WiFi scan was given',
  'positioning.table_required': (p: { name: string }) =>
    `a ${p.name === 'cells' ? 'cell tower' : 'WiFi access-point'} table is required for a ${p.name} scan`,
  'positioning.bssid': 'BSSID must be a MAC address of 6 hex octets, e.g. aa:bb:cc:dd:ee:ff',
  'positioning.cdma_fields': 'sid, nid and bid are CDMA fields: radio must be CDMA',
  'positioning.code_required': (p: { what: string; names: readonly string[] }) =>
    `${p.what} is required (${p.names.join(', ')})`,
  'positioning.exactly_one': (p: { names: readonly string[] }) => `give exactly one of ${p.names.join(', ')}`,
  'positioning.mnc_range': (p: { max: number; sid: number }) =>
    `mnc must be within [0, ${p.max}] (a CDMA SID up to ${p.sid} needs radio CDMA)`,
  'positioning.nid_range': (p: { max: number }) => `a CDMA NID must be within [0, ${p.max}]`,
  'positioning.ap_table': 'table must come from createApTableLoader, parseApTable or loadApTable',
  'positioning.cell_table': 'table must come from createCellTableLoader, parseCellTable or loadCellTable',
  'positioning.provider_locate': 'a provider must have a locate(request, { signal }) function',
  'positioning.candidates_array': 'candidates must be an array of fixes',
  'positioning.no_estimate': 'no estimate to choose from',
  'positioning.too_old': (p: { maxAgeS: number }) => `estimate is older than maxAgeS = ${p.maxAgeS} s`,
  'positioning.browser_silent': (p: { ms: number }) => `the browser gave no position and no error in ${p.ms} ms`,
  'positioning.browser_refused': (p: { detail: string }) =>
    `the user or browser refused the position${said(p.detail, ': ')}`,
  'positioning.browser_unknown': (p: { detail: string }) =>
    `the browser could not determine the position${said(p.detail, ': ')}`,
  'positioning.browser_late': (p: { detail: string }) => `the browser gave no position in time${said(p.detail, ': ')}`,
  'positioning.geolocation_failed': (p: { code: string; detail: string }) =>
    `the Geolocation API failed with code ${p.code}${said(p.detail, ': ')}`,
  'positioning.browser_invalid': 'the browser returned a position that is not a valid fix',
  'positioning.table_source':
    'a table source must be a string, a Uint8Array, an (async) iterable of chunks or a ReadableStream',
  'positioning.record_too_long': (p: { chars: number }) =>
    `record longer than ${p.chars} characters (an unbalanced quote?)`,
  'positioning.chunk_type': 'a chunk must be a string or a Uint8Array',
  'positioning.header_missing_empty': 'the header row is missing (the input is empty)',
  'positioning.header_missing': (p: { first: string }) =>
    `the header row is missing (it must name the columns, starting e.g. with "${p.first}")`,
  'positioning.found_none': (p: { name: string; detail: string }) => `${p.name} found no position: ${p.detail}`,
  'positioning.bad_answer': (p: { name: string; detail: string }) => `${p.name} ${p.detail}`,
  'positioning.undeclared_crs': (p: { name: string; crs: string; declared: readonly string[] }) =>
    `${p.name} answered in coordinate system ${p.crs}, not one it declares (${p.declared.join(', ')})`,
  'positioning.not_estimate': (p: { name: string }) =>
    `${p.name} answered with something that is not a position estimate`,
  'positioning.scan_empty': 'a scan needs at least one cell or access point',
  'positioning.delimiter_quote': 'delimiter must not be a quote or a line break',
  'positioning.bbox_lat_order': 'bbox minLat must not exceed maxLat',
  'positioning.must_be_function': (p: { name: string }) => `${p.name} must be a function`,
  'positioning.geolocation_type': 'geolocation must have getCurrentPosition()',
  'positioning.answer_errcode': (p: { name: string; errcode: string }) =>
    `${p.name} answered errcode ${p.errcode} without a body list`,
  'positioning.answer_status': (p: { name: string; status: string }) => `${p.name} answered status ${p.status}`,
  'positioning.answer_status_result': (p: { name: string; status: string }) =>
    `${p.name} answered status ${p.status} without a result`,
  'positioning.answer_location': (p: { name: string; location: string }) =>
    `${p.name} answered location ${p.location} without numeric lat and lng`,
  'positioning.answer_lnglat': (p: { name: string; what: string; text: string }) =>
    `${p.name} answered ${p.what} ${p.text}, not "lng,lat"`,
  'positioning.answer_radius': (p: { name: string; what: string; value: string }) =>
    `${p.name} answered ${p.what} ${p.value}, not a radius in metres`,
  'positioning.answer_not_number': (p: { name: string; path: string; value: string }) =>
    `${p.name} answered ${p.path} ${p.value}, not a number`,
  'positioning.answer_no_result': (p: { name: string; operation: string }) =>
    `${p.name} answered without Envelope/Body/${p.operation}Response/${p.operation}Result`,
  'positioning.answer_xml_elements': (p: { name: string; max: number }) =>
    `${p.name} answered more than ${p.max} XML elements`,
  'positioning.answer_xml_root': (p: { name: string }) => `${p.name} answered no XML root element`,
  'positioning.answer_not_xml': (p: { name: string; detail: string }) =>
    `${p.name} answered XML that is not well-formed: ${p.detail}`,
  // a row of a cell tower or access-point table (create*TableLoader); `what` is a column name or `longitude`/`latitude`
  'positioning.row_csv': (p: { problem: string }) => `CSV syntax: ${p.problem}`,
  'positioning.row_fields': (p: { got: number; min: number }) =>
    `row has ${p.got} field${p.got === 1 ? '' : 's'}, expected at least ${p.min}`,
  'positioning.row_number': (p: { what: string }) => `${p.what} must be a number`,
  'positioning.row_required': (p: { what: string }) => `${p.what} is required`,
  'positioning.row_integer': (p: { what: string; max: number }) => `${p.what} must be an integer within [0, ${p.max}]`,
  'positioning.row_degrees': (p: { what: string; lim: number }) => `${p.what} must be within [-${p.lim}, ${p.lim}]`,
  'positioning.row_radio': 'radio must be one of GSM, UMTS, LTE, NR, CDMA',
  'positioning.row_range': 'range must be a number of metres ≥ 0',
  'positioning.row_samples': 'samples must be an integer ≥ 0',
  'positioning.row_bssid': 'BSSID must be a MAC address of 6 hex octets',
};

/** A table column's name in Chinese where it is a word (`longitude`, `latitude`), else the column name. */
const zhColumn = (what: string) => (what === 'longitude' ? '经度' : what === 'latitude' ? '纬度' : what);

/** @beatplan/positioning's reasons: `positioning.<name>` → English and Chinese text. */
export const POSITIONING_REASONS = {
  en,
  'zh-CN': {
    'positioning.no_input': '未给出定位、基站扫描或 WiFi 扫描',
    'positioning.table_required': (p) => `${p.name} 扫描需要${p.name === 'cells' ? '基站' : 'WiFi 接入点'}表`,
    'positioning.bssid': 'BSSID 必须是由 6 个十六进制字节组成的 MAC 地址，例如 aa:bb:cc:dd:ee:ff',
    'positioning.cdma_fields': 'sid、nid 和 bid 是 CDMA 字段：radio 必须是 CDMA',
    'positioning.code_required': (p) => `为必填项（${p.names.join('、')} 之一）`,
    'positioning.exactly_one': (p) => `${p.names.join('、')} 必须且只能给出一个`,
    'positioning.mnc_range': (p) => `mnc 必须在 [0, ${p.max}] 之内（不超过 ${p.sid} 的 CDMA SID 需要 radio 为 CDMA）`,
    'positioning.nid_range': (p) => `CDMA NID 必须在 [0, ${p.max}] 之内`,
    'positioning.ap_table': 'table 必须来自 createApTableLoader、parseApTable 或 loadApTable',
    'positioning.cell_table': 'table 必须来自 createCellTableLoader、parseCellTable 或 loadCellTable',
    'positioning.provider_locate': '定位服务必须有 locate(request, { signal }) 函数',
    'positioning.candidates_array': 'candidates 必须是定位数组',
    'positioning.no_estimate': '没有可供选择的位置估计',
    'positioning.too_old': (p) => `位置估计早于 maxAgeS = ${p.maxAgeS} 秒`,
    'positioning.browser_silent': (p) => `浏览器在 ${p.ms} 毫秒内既未给出位置也未报错`,
    'positioning.browser_refused': (p) => `用户或浏览器拒绝提供位置${said(p.detail, '：')}`,
    'positioning.browser_unknown': (p) => `浏览器无法确定位置${said(p.detail, '：')}`,
    'positioning.browser_late': (p) => `浏览器未能及时给出位置${said(p.detail, '：')}`,
    'positioning.geolocation_failed': (p) => `Geolocation API 失败，代码 ${p.code}${said(p.detail, '：')}`,
    'positioning.browser_invalid': '浏览器返回的位置不是有效的定位',
    'positioning.table_source': '表的来源必须是文本、Uint8Array、分块的（异步）可迭代对象或 ReadableStream',
    'positioning.record_too_long': (p) => `记录超过 ${p.chars} 个字符（引号不配对？）`,
    'positioning.chunk_type': '分块必须是文本或 Uint8Array',
    'positioning.header_missing_empty': '缺少表头行（输入为空）',
    'positioning.header_missing': (p) => `缺少表头行（表头必须列出各列名，例如以 "${p.first}" 开头）`,
    'positioning.found_none': (p) => `${p.name} 未找到位置：${p.detail}`,
    'positioning.bad_answer': (p) => `${p.name} 的应答无效：${p.detail}`,
    'positioning.undeclared_crs': (p) =>
      `${p.name} 返回的坐标系 ${p.crs} 不在其声明的坐标系之中（${p.declared.join('、')}）`,
    'positioning.not_estimate': (p) => `${p.name} 返回的内容不是位置估计`,
    'positioning.scan_empty': '一次扫描至少需要一个基站或接入点',
    'positioning.delimiter_quote': '分隔符不能是引号或换行符',
    'positioning.bbox_lat_order': 'bbox 的 minLat 不能大于 maxLat',
    'positioning.must_be_function': (p) => `${p.name} 必须是函数`,
    'positioning.geolocation_type': 'geolocation 必须有 getCurrentPosition()',
    'positioning.answer_errcode': (p) => `${p.name} 的应答 errcode 为 ${p.errcode}，且没有 body 列表`,
    'positioning.answer_status': (p) => `${p.name} 的应答 status 为 ${p.status}`,
    'positioning.answer_status_result': (p) => `${p.name} 的应答 status 为 ${p.status}，且没有结果`,
    'positioning.answer_location': (p) => `${p.name} 应答的 location ${p.location} 没有数值型的 lat 和 lng`,
    'positioning.answer_lnglat': (p) => `${p.name} 应答的 ${p.what} 为 ${p.text}，不是 "lng,lat"`,
    'positioning.answer_radius': (p) => `${p.name} 应答的 ${p.what} 为 ${p.value}，不是以米为单位的半径`,
    'positioning.answer_not_number': (p) => `${p.name} 应答的 ${p.path} 为 ${p.value}，不是数字`,
    'positioning.answer_no_result': (p) =>
      `${p.name} 的应答缺少 Envelope/Body/${p.operation}Response/${p.operation}Result`,
    'positioning.answer_xml_elements': (p) => `${p.name} 的应答超过 ${p.max} 个 XML 元素`,
    'positioning.answer_xml_root': (p) => `${p.name} 的应答没有 XML 根元素`,
    'positioning.answer_not_xml': (p) => `${p.name} 的应答不是格式正确的 XML：${p.detail}`,
    'positioning.row_csv': (p) => `CSV 语法错误：${p.problem}`,
    'positioning.row_fields': (p) => `该行有 ${p.got} 个字段，至少应有 ${p.min} 个`,
    'positioning.row_number': (p) => `${zhColumn(p.what)} 必须是数字`,
    'positioning.row_required': (p) => `${zhColumn(p.what)} 为必填项`,
    'positioning.row_integer': (p) => `${zhColumn(p.what)} 必须是 [0, ${p.max}] 之内的整数`,
    'positioning.row_degrees': (p) => `${zhColumn(p.what)} 必须在 [-${p.lim}, ${p.lim}] 之内`,
    'positioning.row_radio': 'radio 必须是 GSM、UMTS、LTE、NR、CDMA 之一',
    'positioning.row_range': 'range 必须是不小于 0 的米数',
    'positioning.row_samples': 'samples 必须是不小于 0 的整数',
    'positioning.row_bssid': 'BSSID 必须是由 6 个十六进制字节组成的 MAC 地址',
  },
} satisfies MessageCatalogues<typeof en>;
