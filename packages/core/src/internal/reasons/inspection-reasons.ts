// Every hand-written reason of @beatplan/inspection, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

const en = {
  'inspection.answers_need_checklist': 'answers need the checklist they answer (options.checklist)',
  'inspection.other_retailer': (p: { id: string }) => `the record is for another retailer than the one given (${p.id})`,
  'inspection.id_twice': 'id appears twice',
  'inspection.no_verdict': 'the visit has no verdict (verify it with @beatplan/geofence first)',
  'inspection.record_no_fix_verdict': 'the record has no verdict on its fix in recordVerdicts',
  'inspection.already_in_sample': 'retailer is already in the sample',
  'inspection.added_twice': 'retailer is added twice',
  'inspection.not_in_sample': 'retailer is not in the sample',
  'inspection.removed_twice': 'retailer is removed twice',
  'inspection.adjust_empty': 'an adjustment must add or remove at least one retailer',
  'inspection.item_id_twice': 'item id is used twice',
  'inspection.no_item': (p: { record: string }) => `record ${p.record} answers an item the checklist does not have`,
  'inspection.seed_not_asked': (p: { record: string; item: string }) =>
    `record ${p.record} answers ${p.item}, which the checklist in force does not ask`,
  'inspection.seed_in_answers': (p: { item: string }) =>
    `${p.item} is a seed item: it is answered in the record's own field ${p.item}, not in answers`,
  'inspection.item_answered_twice': 'item answered twice',
  'inspection.answer_yes_no': (p: { item: string }) => `${p.item} must be true or false`,
  'inspection.answer_scale': (p: { item: string; lo: number; hi: number }) =>
    `${p.item} must be a whole mark from ${p.lo} to ${p.hi}`,
  'inspection.answer_finite': (p: { item: string }) => `${p.item} must be a finite number`,
  'inspection.answer_min': (p: { item: string; min: number }) => `${p.item} must be at least ${p.min}`,
  'inspection.answer_max': (p: { item: string; max: number }) => `${p.item} must be at most ${p.max}`,
  'inspection.answer_text': (p: { item: string }) => `${p.item} must be a text of at most 2000 characters`,
  'inspection.answer_photo': (p: { item: string }) =>
    `${p.item} must be a photo reference (an id or URL, at most 500 characters)`,
  'inspection.item_not_answered': (p: { record: string; item: string; label: string }) =>
    `record ${p.record} does not answer the checklist item ${p.item} ("${p.label}")`,
  'inspection.size_one_of': 'give exactly one of size and sizePerStratum',
  'inspection.per_stratum_needs_stratify': 'sizePerStratum needs stratifyBy',
  'inspection.no_route': (p: { from: string; to: string; source: string; pairs: number }) =>
    `no route from ${p.from} to ${p.to} on ${p.source} (${p.pairs} such pair(s))`,
  'inspection.no_retailer_id': 'no retailer has this id',
  'inspection.algorithm_changed': (p: { was: string; wasVersion: number; now: string; nowVersion: number }) =>
    `the plan was drawn with ${p.was} v${p.wasVersion}; this library draws with ${p.now} v${p.nowVersion}`,
  'inspection.input_changed': (p: {
    was: string;
    wasTotal: number;
    wasExcluded: number;
    now: string;
    nowTotal: number;
    nowExcluded: number;
  }) =>
    `the input changed since the draw: the plan records ${p.was} (${p.wasTotal} retailers, ${p.wasExcluded} excluded), this input gives ${p.now} (${p.nowTotal} retailers, ${p.nowExcluded} excluded)`,
  'inspection.retailer_id_twice': 'retailer id appears twice',
  'inspection.needs_history': 'excludeInspectedSince needs the inspection history',
  'inspection.size_exceeds': (p: { eligible: number; excluded: number; total: number }) =>
    `size exceeds the ${p.eligible} eligible retailers (${p.excluded} of ${p.total} excluded as inspected recently)`,
  'inspection.empty_stratum': (p: { strata: readonly string[]; more: boolean }) =>
    `no retailer is in this stratum (strata: ${p.strata.join(', ')}${p.more ? ', …' : ''})`,
  'inspection.needs_territories': 'stratifying by territory needs the territories',
  'inspection.already_in_territory': (p: { territory: string }) => `retailer is already in territory ${p.territory}`,
  'inspection.needs_key': 'stratifying by "custom" needs the key function',
  'inspection.key_non_empty': 'the key function must return a non-empty string',
  'inspection.plan_edited':
    'retailerIds must equal the drawn retailers with the adjustments applied (was the plan edited by hand?)',
  'inspection.period_order': 'period.to must be after period.from',
  'inspection.key_function': 'key must be a function (retailer) => string',
  'inspection.day_end_after_start': 'dayEnd must be after dayStart',
  'inspection.no_room': (p: { maxDays: number; date: string; dayStart: string; dayEnd: string }) =>
    `no room within ${p.maxDays} working day(s) from ${p.date} (opening hours, day length ${p.dayStart}–${p.dayEnd}, stops per day)`,
};

/** @beatplan/inspection's reasons: `inspection.<name>` → English and Chinese text. */
export const INSPECTION_REASONS = {
  en,
  'zh-CN': {
    'inspection.answers_need_checklist': '答案需要所回答的检查表（options.checklist）',
    'inspection.other_retailer': (p) => `该记录属于另一个零售户，而不是给出的零售户（${p.id}）`,
    'inspection.id_twice': '编号出现两次',
    'inspection.no_verdict': '该拜访没有判定结果（请先用 @beatplan/geofence 核验）',
    'inspection.record_no_fix_verdict': '该记录的定位在 recordVerdicts 中没有判定结果',
    'inspection.already_in_sample': '该零售户已在样本中',
    'inspection.added_twice': '该零售户被添加了两次',
    'inspection.not_in_sample': '该零售户不在样本中',
    'inspection.removed_twice': '该零售户被移除了两次',
    'inspection.adjust_empty': '调整必须至少添加或移除一个零售户',
    'inspection.item_id_twice': '检查项编号重复',
    'inspection.no_item': (p) => `记录 ${p.record} 回答了检查表中没有的项`,
    'inspection.seed_not_asked': (p) => `记录 ${p.record} 回答了 ${p.item}，但现行检查表不问此项`,
    'inspection.seed_in_answers': (p) => `${p.item} 是基础项：应填在记录自己的字段 ${p.item} 中，而不是 answers 中`,
    'inspection.item_answered_twice': '该项被回答了两次',
    'inspection.answer_yes_no': (p) => `${p.item} 必须是 true 或 false`,
    'inspection.answer_scale': (p) => `${p.item} 必须是 ${p.lo} 到 ${p.hi} 之间的整数分`,
    'inspection.answer_finite': (p) => `${p.item} 必须是有限的数字`,
    'inspection.answer_min': (p) => `${p.item} 必须不小于 ${p.min}`,
    'inspection.answer_max': (p) => `${p.item} 必须不大于 ${p.max}`,
    'inspection.answer_text': (p) => `${p.item} 必须是最多 2000 个字符的文本`,
    'inspection.answer_photo': (p) => `${p.item} 必须是照片引用（编号或 URL，最多 500 个字符）`,
    'inspection.item_not_answered': (p) => `记录 ${p.record} 未回答检查项 ${p.item}（"${p.label}"）`,
    'inspection.size_one_of': 'size 与 sizePerStratum 必须且只能给出一个',
    'inspection.per_stratum_needs_stratify': 'sizePerStratum 需要 stratifyBy',
    'inspection.no_route': (p) => `在 ${p.source} 上没有从 ${p.from} 到 ${p.to} 的路线（共 ${p.pairs} 对）`,
    'inspection.no_retailer_id': '没有零售户使用该编号',
    'inspection.algorithm_changed': (p) =>
      `该计划由 ${p.was} v${p.wasVersion} 抽取；本库使用 ${p.now} v${p.nowVersion} 抽取`,
    'inspection.input_changed': (p) =>
      `抽样后输入已改变：计划记录的是 ${p.was}（${p.wasTotal} 个零售户，排除 ${p.wasExcluded} 个），当前输入为 ${p.now}（${p.nowTotal} 个零售户，排除 ${p.nowExcluded} 个）`,
    'inspection.retailer_id_twice': '零售户编号出现两次',
    'inspection.needs_history': 'excludeInspectedSince 需要检查历史',
    'inspection.size_exceeds': (p) =>
      `size 超过了 ${p.eligible} 个可抽取的零售户（${p.total} 个中有 ${p.excluded} 个因近期已检查而被排除）`,
    'inspection.empty_stratum': (p) => `该层中没有零售户（各层：${p.strata.join('、')}${p.more ? '、…' : ''}）`,
    'inspection.needs_territories': '按片区分层需要提供片区',
    'inspection.already_in_territory': (p) => `该零售户已在片区 ${p.territory} 中`,
    'inspection.needs_key': '按 "custom" 分层需要 key 函数',
    'inspection.key_non_empty': 'key 函数必须返回非空文本',
    'inspection.plan_edited': 'retailerIds 必须等于抽中的零售户按调整记录调整后的结果（计划是否被手工改过？）',
    'inspection.period_order': 'period.to 必须晚于 period.from',
    'inspection.key_function': 'key 必须是函数 (retailer) => string',
    'inspection.day_end_after_start': 'dayEnd 必须晚于 dayStart',
    'inspection.no_room': (p) =>
      `自 ${p.date} 起的 ${p.maxDays} 个工作日内排不下（受营业时间、工作日 ${p.dayStart}–${p.dayEnd} 和每日站点数限制）`,
  },
} satisfies MessageCatalogues<typeof en>;
