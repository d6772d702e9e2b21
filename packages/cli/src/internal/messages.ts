// Every text of the `beatplan` command line a person reads, in every locale (see core's
// createTranslator). Error reasons of the library come from core's catalogue (formatIssue).
import { createTranslator, defineCatalogues, type Locale, type TextFormat, type Translator } from '@beatplan/core';

type F = TextFormat;

/** The command line's messages: English (the keys and parameters) and Chinese. */
export const CLI_MESSAGES = defineCatalogues(
  {
    failed: (p: { command: string; message: string }) => `beatplan ${p.command}: ${p.message}`,
    unknownCommand: (p: { name: string }) => `beatplan: unknown command ${JSON.stringify(p.name)}`,
    internalError: (p: { command: string; error: string }) =>
      `beatplan ${p.command}: internal error (a bug, please report it): ${p.error}`,
    problem: (p: { file: string; line: string }) => `${p.file}: ${p.line}`,
    invalidInput: (p: { count: number; listed: number; omitted: boolean }, f: F) =>
      `invalid input, ${f.number(p.count, { useGrouping: false })} ${f.plural(p.count, { one: 'problem', other: 'problems' })} ${p.omitted ? `the first ${p.listed} listed above` : 'listed above'}`,
    langNeedsValue: '--lang needs a language: en or zh-CN',
    langUnknown: (p: { text: string }) => `--lang must be en or zh-CN, received ${JSON.stringify(p.text)}`,
    columnsFlag: (p: { text: string }) =>
      `--columns must be field=header pairs separated by commas (licenceNo=许可证号,name=客户名称), received ${JSON.stringify(p.text)}`,
    oneOfFlag: (p: { flag: string; values: readonly string[]; text: string }) =>
      `--${p.flag} must be one of ${p.values.join(', ')}, received ${JSON.stringify(p.text)}`,
    badImportOptions: 'the import options were refused (listed above)',
  },
  {
    'zh-CN': {
      failed: (p: { command: string; message: string }) => `beatplan ${p.command}：${p.message}`,
      unknownCommand: (p: { name: string }) => `beatplan：未知命令 ${JSON.stringify(p.name)}`,
      internalError: (p: { command: string; error: string }) =>
        `beatplan ${p.command}：内部错误（程序缺陷，请报告）：${p.error}`,
      problem: (p: { file: string; line: string }) => `${p.file}：${p.line}`,
      invalidInput: (p: { count: number; listed: number; omitted: boolean }) =>
        p.omitted
          ? `输入无效，共 ${p.count} 个问题，上面列出了前 ${p.listed} 个`
          : `输入无效，共 ${p.count} 个问题，已在上面列出`,
      langNeedsValue: '--lang 需要指定语言：en 或 zh-CN',
      langUnknown: (p: { text: string }) => `--lang 必须是 en 或 zh-CN，实际为 ${JSON.stringify(p.text)}`,
      columnsFlag: (p: { text: string }) =>
        `--columns 必须是以逗号分隔的 字段=列名 对（licenceNo=许可证号,name=客户名称），实际为 ${JSON.stringify(p.text)}`,
      oneOfFlag: (p: { flag: string; values: readonly string[]; text: string }) =>
        `--${p.flag} 必须是以下之一：${p.values.join('、')}，实际为 ${JSON.stringify(p.text)}`,
      badImportOptions: '导入选项无效（已在上面列出）',
    },
  },
);

/** The command line's translator. */
export type CliTranslator = Translator<(typeof CLI_MESSAGES)['en']>;

/** The command line's translator for a locale. */
export function cliTranslator(locale?: Locale): CliTranslator {
  return createTranslator(CLI_MESSAGES, locale);
}
