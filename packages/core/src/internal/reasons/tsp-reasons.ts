// The route solver's reasons in Chinese (their English is in the shared tsp-reasons.ts, which tsp
// carries in its own copy of core's shared sources); see issue-reason.ts.
import type { MessageCatalogues } from '../../create-translator.js';
import { TSP_REASONS } from '../shared/tsp-reasons.js';

const ZH_STAGES = {
  begin: '在求解开始之前',
  validate: '在校验矩阵时',
  read: '在读取矩阵时',
  read_time_matrix: '在读取 timeMatrix 时',
  read_costs: '在读取成本时',
  distances: '在计算各点之间的距离时',
  prepare: '在准备启发式算法时',
  first_tour: '在构建第一条路线时',
} as const;
const ZH_UNSERVED = {
  proven: '没有任何顺序能在时间窗和 endBy 内与其他站点一起服务它',
  heuristic: '启发式算法在时间窗和 endBy 内找不到它的位置',
} as const;
const METHODS = "请使用 method 'heuristic' 或 'auto'";

/** The route solver's reasons: `tsp.<name>` → English (shared) and Chinese text. */
export const TSP_REASON_CATALOGUES = {
  en: TSP_REASONS,
  'zh-CN': {
    'tsp.node_index': (p) => `节点必须是 [0, ${p.max}] 之内的序号`,
    'tsp.node_count': '节点数必须是 ≥ 1 的整数',
    'tsp.start_index': (p) => `start 必须是 [0, ${p.max}] 之内的节点序号`,
    'tsp.end_index': (p) => `end 必须是 [0, ${p.max}] 之内的节点序号或 'any'`,
    'tsp.exact_max': (p) => `精确求解器${p.timed ? '在带时间选项时' : ''}最多处理 ${p.max} 个节点；${METHODS}`,
    'tsp.exact_cost_mismatch': (p) => `精确路线的成本为 ${p.check}，而 DP 表为 ${p.dp}`,
    'tsp.row_array': '行必须是数组',
    'tsp.not_square_row': (p) => `矩阵不是方阵：第 ${p.i} 行有 ${p.length} 个元素，应为 ${p.n} 个`,
    'tsp.not_square_flat': (p) => `矩阵不是方阵：n = ${p.n} 的扁平矩阵需要 ${p.need} 个元素，实际有 ${p.has} 个`,
    'tsp.input_object': '输入必须是含 `matrix` 或 `points` 的对象',
    'tsp.max_nodes': (p) => `最多支持 ${p.max} 个节点（n*n 个成本保存在内存中）`,
    'tsp.matrix_type': 'matrix 必须是 number[][]，或带 n 的扁平 Int32Array/Float64Array（或给出 points）',
    'tsp.heuristic_memory': (p) => `${p.n} 个节点的启发式求解所需的 WebAssembly 内存超过了引擎能提供的上限`,
    'tsp.bnc_async': (p) =>
      `n 超过 ${p.max} 时精确求解器是分支切割法，只有异步的 solve() 会加载它；请使用 solve()，或先从 '@beatplan/tsp/proof' 调用 loadProofEngine()`,
    'tsp.bnc_cost_mismatch': (p) => `分支切割法的路线成本为 ${p.check}，而搜索结果为 ${p.upper}`,
    'tsp.bytes_non_negative': 'bytes 必须是不小于 0 的有限数字',
    'tsp.tw_memory': (p) => `${p.n} 个站点的时间窗启发式求解所需的 WebAssembly 内存超过了引擎能提供的上限`,
    'tsp.wasm_aborted': 'WebAssembly 内核中止',
    'tsp.costs_too_large': (p) =>
      `成本对精确求解器而言过大：一条路线的成本可达 ${p.bound}，而任何保真的缩放（用公约数除整数成本）都无法使其低于其 int32 内核的上限 ${p.limit}；请使用更小的单位，或 method 'heuristic' 或 'auto'`,
    'tsp.solve_aborted': '求解已取消',
    'tsp.task_aborted': '任务已取消',
    'tsp.time_ran_out': (p) => `时间上限${ZH_STAGES[p.stage]}已用完，尚无任何路线`,
    'tsp.dp_memory': (p) =>
      `${p.n} 个节点的精确 DP 需要 ${p.gib >= 0 ? `${p.gib.toFixed(2)} GiB` : '超过现有的内存'}（两层 DP 和父节点表），${p.limit === 'wasm32' ? '超过了 WebAssembly（wasm32）的 4 GiB 内存' : '而引擎拒绝增长到这么多内存'}；${METHODS}`,
    'tsp.hk_inconsistent': 'Held-Karp 父节点表不一致：无法重建路线',
    'tsp.index_missing': (p) => `求解器读取了 ${p.what}[${p.index}]，但从未写入该位置（求解器的缺陷）`,
    'tsp.pool_closed': '线程池已关闭',
    'tsp.pool_closed_before': (p) => `线程池在${p.route ? '路线求解完成' : '任务完成'}之前已关闭`,
    'tsp.signal_type': 'signal 必须是 AbortSignal',
    'tsp.on_progress_type': 'onProgress 必须是函数',
    'tsp.worker_oom': (p) =>
      `求解线程在${p.route ? '求解这条路线' : '运行这个任务'}时超出其资源限制、内存不足（${p.detail}）`,
    'tsp.not_plain_data': (p) => `${p.route ? '输入和选项' : '任务'}必须是纯数据才能传给工作线程（${p.detail}）`,
    'tsp.worker_failed': (p) => `求解线程失败：${p.detail}`,
    'tsp.travel_time': '行驶时间必须是不小于 0 的有限秒数',
    'tsp.time_matrix_or_speed': 'timeMatrix 与 speedKmh 只能给出一个',
    'tsp.service_count': (p) => `serviceS 必须列出 ${p.n} 个服务时长（每个节点一个）`,
    'tsp.end_after_start': (p) => `endBy 必须晚于 startAt（${p.startAt}）`,
    'tsp.service_too_long': (p) =>
      `站点 ${p.stop}：其服务时长（${p.service} 秒）超过了从 startAt 到 endBy 的整个工作日（${p.day} 秒）`,
    'tsp.windows_count': (p) => `windows 必须列出 ${p.n} 项（没有时间窗的节点为 null）`,
    'tsp.windows_overlap': (p) => `站点 ${p.stop}：其时间窗不能重叠`,
    'tsp.tw_exact_max': (p) => `精确时间窗求解器除起点和终点外最多处理 ${p.max} 个站点；${METHODS}`,
    'tsp.no_route_by_end': '没有任何路线能在 endBy 之前从起点到达终点',
    'tsp.cannot_serve': (p) =>
      `站点 ${p.stop} 无法服务：${ZH_UNSERVED[p.because]}（传入 dropInfeasible 可得到最好的部分路线）`,
    'tsp.unserved': (p) => ZH_UNSERVED[p.because],
    'tsp.unproven_time': '证明完成之前时间限制已用完',
    'tsp.unproven_open_nodes': (p) => `搜索树的未处理节点超过了 ${p.max} 个`,
    'tsp.unproven_lp_status': (p) => `线性规划引擎（HiGHS）以模型状态 ${p.status} 停止`,
    'tsp.unproven_lp_duals': '线性规划引擎返回了非有限的对偶值',
    'tsp.unproven_lp_bound': '整数路线的线性规划下界低于其成本（数值问题）',
    'tsp.window_order': '时间窗的关闭时间不能早于开启时间',
    'tsp.points_need_time':
      '点只给出以米为单位的距离，而不是行驶时间：要排定路线的时间，请传入 timeMatrix（秒）或 speedKmh',
    'tsp.tw_exact_finish_only':
      "精确时间窗求解器只最小化结束时间：请使用 travelWeight 0，或 method 'auto' 或 'heuristic'",
  },
} satisfies MessageCatalogues<typeof TSP_REASONS>;
