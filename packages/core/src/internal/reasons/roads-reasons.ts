// Every hand-written reason of @beatplan/roads, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

/** A PBF problem with the byte it was found at: `… (byte 1234)`. */
const atByte =
  <P extends object>(text: (p: P) => string) =>
  (p: P & { offset: number }) =>
    `${text(p)} (byte ${p.offset})`;
const zhAtByte =
  <P extends object>(text: (p: P) => string) =>
  (p: P & { offset: number }) =>
    `${text(p)}（第 ${p.offset} 字节）`;
const ZH_UNITS = new Map([
  ['bytes', '字节'],
  ['nodes', '个节点'],
  ['ways', '条路段'],
]);

const en = {
  'roads.profile_highway': (p: { profile: string; highway: string }) =>
    `the ${p.profile} profile does not use highway=${p.highway}`,
  'roads.no_road': (p: { profile: string }) => `the extract has no road the ${p.profile} profile may use`,
  'roads.graph_bytes': 'a graph file must be given as bytes (Uint8Array)',
  'roads.graph_profile': (p: { built: string; wanted: string }) =>
    `the graph was built for ${p.built}, not ${p.wanted}`,
  'roads.kernel_aborted': 'the road query kernel aborted',
  'roads.memory_4gib': 'the query needs more than 4 GiB of WebAssembly memory',
  'roads.maxspeed_range': (p: { min: number; max: number }) => `maxspeed must be within [${p.min}, ${p.max}] km/h`,
  'roads.too_large': (p: { limit: number; what: string; option: string }) =>
    `the extract has more than ${p.limit} ${p.what} (option ${p.option})`,
  'roads.missing_node': 'the way references a node the extract does not contain',
  'roads.too_long_to_time': 'a road between two junctions takes too long to time',
  'roads.xml_utf8': 'the XML is not valid UTF-8',
  'roads.pbf_header_size': atByte((p: { bytes: number }) => `BlobHeader of ${p.bytes} bytes (over 64 KiB)`),
  'roads.pbf_header_malformed': atByte(() => 'malformed BlobHeader'),
  'roads.pbf_blob_size': atByte((p: { bytes: number }) => `Blob of ${p.bytes} bytes (over 32 MiB or negative)`),
  'roads.pbf_blob_unreadable': atByte((p: { detail: string }) => `unreadable Blob: ${p.detail}`),
  'roads.pbf_malformed': atByte((p: { type: string; detail: string }) => `malformed ${p.type}: ${p.detail}`),
  'roads.pbf_truncated': atByte(
    (p: { left: number }) => `the file ends inside a blob (${p.left} bytes left over): truncated`,
  ),
  'roads.pbf_no_header': atByte(() => 'no OSMHeader blob: not an OSM PBF file'),
  'roads.amap_no_results': (p: { status: string }) => `amap distance answered status ${p.status} without results`,
  'roads.amap_origin': (p: { origin: string; r: number }) =>
    `amap distance answered origin_id ${p.origin}, not one of 1–${p.r} once each`,
  'roads.amap_not_number': (p: { value: string }) => `amap distance answered ${p.value}, not a number`,
  'roads.graphhopper_no_arrays': 'graphhopper matrix answered without distances and times (out_arrays)',
  'roads.osrm_code': (p: { code: string }) => `osrm table answered code ${p.code} with HTTP 200 (expected "Ok")`,
  'roads.osrm_no_arrays': 'osrm table answered without durations and distances (annotations=duration,distance)',
  'roads.valhalla_no_matrix': 'valhalla answered without sources_to_targets',
  'roads.valhalla_row': (p: { a: number }) => `valhalla sources_to_targets[${p.a}] is not a row of cells`,
  'roads.valhalla_cell': (p: { a: number; b: number }) => `valhalla sources_to_targets[${p.a}][${p.b}] is not a cell`,
  'roads.valhalla_cell_of': (p: { a: number; b: number; from: string; to: string }) =>
    `valhalla sources_to_targets[${p.a}][${p.b}] is the cell of ${p.from} → ${p.to}`,
  'roads.table_size': (p: {
    service: string;
    table: string;
    r: number;
    c: number;
    rows: number;
    cells: readonly number[];
  }) =>
    `${p.service} answered a ${p.table} table of the wrong size: expected ${p.r} × ${p.c}, received ${p.rows < 0 ? 'no table' : `${p.rows} rows of ${p.cells.join('/')} cells`}`,
  'roads.cell_value': (p: { service: string; value: string; i: number; j: number }) =>
    `${p.service} answered ${p.value} for origin ${p.i} → destination ${p.j}, not a distance or duration`,
  'roads.pbf_raw_size': atByte((p: { size: number }) => `unreadable Blob: raw_size ${p.size}`),
  'roads.pbf_inflated': atByte(
    (p: { bytes: number; size: number }) => `unreadable Blob: inflated to ${p.bytes} bytes, raw_size says ${p.size}`,
  ),
  'roads.pbf_compression': atByte(
    () => 'unreadable Blob: compression other than zlib (lzma, lz4, zstd) is not supported',
  ),
  'roads.pbf_features': atByte(
    (p: { features: readonly string[] }) =>
      `malformed OSMHeader: requires unsupported features: ${p.features.join(', ')}`,
  ),
  'roads.pbf_data_first': atByte(() => 'malformed OSMData: OSMData before the OSMHeader blob'),
  'roads.pbf_member_type': atByte(
    (p: { relation: number; type: number }) =>
      `malformed OSMData: relation ${p.relation}: unknown member type ${p.type}`,
  ),
  // a road graph file (loadRoadGraph)
  'roads.file_short': (p: { bytes: number }) => `not a beatplan road graph file (${p.bytes} bytes)`,
  'roads.file_magic': 'not a beatplan road graph file (no BPROADS magic)',
  'roads.file_version': (p: { version: number; reads: number }) =>
    `graph file format version ${p.version}; this beatplan reads version ${p.reads}: rebuild the graph`,
  'roads.file_header': 'damaged header (profile, array count or length): the file is truncated or corrupt',
  'roads.file_checksum': 'checksum mismatch: the file is corrupt',
  'roads.file_array': (p: { array: string }) => `array ${p.array} is damaged`,
  'roads.file_inconsistent': 'inconsistent graph arrays: the file is corrupt',
};

/** @beatplan/roads' reasons: `roads.<name>` → English and Chinese text. */
export const ROADS_REASONS = {
  en,
  'zh-CN': {
    'roads.profile_highway': (p) => `${p.profile} 配置不使用 highway=${p.highway}`,
    'roads.no_road': (p) => `该数据中没有 ${p.profile} 配置可以使用的道路`,
    'roads.graph_bytes': '路网文件必须以字节（Uint8Array）给出',
    'roads.graph_profile': (p) => `该路网是为 ${p.built} 构建的，不是 ${p.wanted}`,
    'roads.kernel_aborted': '道路查询内核中止',
    'roads.memory_4gib': '该查询需要超过 4 GiB 的 WebAssembly 内存',
    'roads.maxspeed_range': (p) => `maxspeed 必须在 [${p.min}, ${p.max}] km/h 之内`,
    'roads.too_large': (p) => `该数据超过 ${p.limit} ${ZH_UNITS.get(p.what) ?? p.what}（选项 ${p.option}）`,
    'roads.missing_node': '该路段引用了数据中不存在的节点',
    'roads.too_long_to_time': '两个路口之间的道路用时过长，无法计时',
    'roads.xml_utf8': 'XML 不是有效的 UTF-8',
    'roads.pbf_header_size': zhAtByte((p: { bytes: number }) => `BlobHeader 有 ${p.bytes} 字节（超过 64 KiB）`),
    'roads.pbf_header_malformed': zhAtByte(() => 'BlobHeader 格式错误'),
    'roads.pbf_blob_size': zhAtByte((p: { bytes: number }) => `Blob 有 ${p.bytes} 字节（超过 32 MiB 或为负）`),
    'roads.pbf_blob_unreadable': zhAtByte((p: { detail: string }) => `无法读取 Blob：${p.detail}`),
    'roads.pbf_malformed': zhAtByte((p: { type: string; detail: string }) => `${p.type} 格式错误：${p.detail}`),
    'roads.pbf_truncated': zhAtByte((p: { left: number }) => `文件在 blob 内部结束（剩余 ${p.left} 字节）：文件被截断`),
    'roads.pbf_no_header': zhAtByte(() => '没有 OSMHeader blob：不是 OSM PBF 文件'),
    'roads.amap_no_results': (p) => `amap distance 的应答 status 为 ${p.status}，且没有 results`,
    'roads.amap_origin': (p) => `amap distance 应答的 origin_id 为 ${p.origin}，不是 1–${p.r} 中各出现一次的值`,
    'roads.amap_not_number': (p) => `amap distance 应答了 ${p.value}，不是数字`,
    'roads.graphhopper_no_arrays': 'graphhopper matrix 的应答缺少 distances 和 times（out_arrays）',
    'roads.osrm_code': (p) => `osrm table 以 HTTP 200 应答了 code ${p.code}（应为 "Ok"）`,
    'roads.osrm_no_arrays': 'osrm table 的应答缺少 durations 和 distances（annotations=duration,distance）',
    'roads.valhalla_no_matrix': 'valhalla 的应答缺少 sources_to_targets',
    'roads.valhalla_row': (p) => `valhalla 的 sources_to_targets[${p.a}] 不是一行单元格`,
    'roads.valhalla_cell': (p) => `valhalla 的 sources_to_targets[${p.a}][${p.b}] 不是单元格`,
    'roads.valhalla_cell_of': (p) => `valhalla 的 sources_to_targets[${p.a}][${p.b}] 是 ${p.from} → ${p.to} 的单元格`,
    'roads.table_size': (p) =>
      `${p.service} 应答的 ${p.table} 表大小不对：应为 ${p.r} × ${p.c}，实际为${p.rows < 0 ? '没有表' : ` ${p.rows} 行，每行 ${p.cells.join('/')} 个单元格`}`,
    'roads.cell_value': (p) => `${p.service} 为起点 ${p.i} → 终点 ${p.j} 应答了 ${p.value}，不是距离或时长`,
    'roads.pbf_raw_size': zhAtByte((p: { size: number }) => `无法读取 Blob：raw_size 为 ${p.size}`),
    'roads.pbf_inflated': zhAtByte(
      (p: { bytes: number; size: number }) => `无法读取 Blob：解压后为 ${p.bytes} 字节，而 raw_size 为 ${p.size}`,
    ),
    'roads.pbf_compression': zhAtByte(() => '无法读取 Blob：不支持 zlib 以外的压缩（lzma、lz4、zstd）'),
    'roads.pbf_features': zhAtByte(
      (p: { features: readonly string[] }) => `OSMHeader 格式错误：需要不支持的特性：${p.features.join('、')}`,
    ),
    'roads.pbf_data_first': zhAtByte(() => 'OSMData 格式错误：OSMData 出现在 OSMHeader blob 之前'),
    'roads.pbf_member_type': zhAtByte(
      (p: { relation: number; type: number }) => `OSMData 格式错误：关系 ${p.relation} 的成员类型 ${p.type} 未知`,
    ),
    'roads.file_short': (p) => `不是 beatplan 道路图文件（${p.bytes} 字节）`,
    'roads.file_magic': '不是 beatplan 道路图文件（没有 BPROADS 标识）',
    'roads.file_version': (p) => `道路图文件格式版本为 ${p.version}；本 beatplan 读取版本 ${p.reads}：请重新构建道路图`,
    'roads.file_header': '文件头已损坏（profile、数组个数或长度）：文件被截断或已损坏',
    'roads.file_checksum': '校验和不符：文件已损坏',
    'roads.file_array': (p) => `数组 ${p.array} 已损坏`,
    'roads.file_inconsistent': '道路图数组互不一致：文件已损坏',
  },
} satisfies MessageCatalogues<typeof en>;
