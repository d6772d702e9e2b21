// Every hand-written reason of the `beatplan` command line, in English and Chinese (see issue-reason.ts).
import type { MessageCatalogues } from '../../create-translator.js';

const en = {
  'cli.json_array': (p: { key: string }) => `expected a JSON array of ${p.key} or {"${p.key}": [...]}`,
  'cli.at_least_one': (p: { key: string }) => `at least one of ${p.key} is required`,
  'cli.verify_unknown_field': 'unknown field (expected retailers, visits, policy, planned)',
};

/** The CLI's reasons: `cli.<name>` → English and Chinese text. */
export const CLI_REASONS = {
  en,
  'zh-CN': {
    'cli.json_array': (p) => `应为 ${p.key} 的 JSON 数组或 {"${p.key}": [...]}`,
    'cli.at_least_one': (p) => `至少需要一个 ${p.key}`,
    'cli.verify_unknown_field': '未知字段（应为 retailers、visits、policy、planned）',
  },
} satisfies MessageCatalogues<typeof en>;
