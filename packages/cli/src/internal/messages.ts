// Every text of the `beatplan` command line a person reads, in every locale (see core's
// createTranslator). Error reasons of the library come from core's catalogue (formatIssue).
import { createTranslator, defineCatalogues, type Locale, type TextFormat, type Translator } from '@beatplan/core';

type F = TextFormat;

/** What a command's one positional file is (for the usage message). */
export type FileKind = 'retailers' | 'plan' | 'instance' | 'data' | 'input' | 'records';
const EN_FILES: Record<FileKind, string> = {
  retailers: 'retailers file',
  plan: 'plan file',
  instance: 'instance file',
  data: 'data file',
  input: 'input file',
  records: 'records file',
};
const ZH_FILES: Record<FileKind, string> = {
  retailers: '零售户文件',
  plan: '计划文件',
  instance: '实例文件',
  data: '数据文件',
  input: '输入文件',
  records: '记录文件',
};
const EN_KINDS = { integer: 'an integer', whole: 'a whole number', number: 'a number' } as const;
const ZH_KINDS = { integer: '整数', whole: '非负整数', number: '数字' } as const;

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
    weightsFlag: (p: { text: string; attributes: readonly string[] }) =>
      `--weights must be name=number pairs separated by commas, each name once (${p.attributes.join(', ')}), at least one positive, received ${JSON.stringify(p.text)}`,
    balanceFlag: (p: { text: string; attributes: readonly string[] }) =>
      `--balance must be name=tolerance pairs separated by commas, each name once (${p.attributes.join(', ')}), each tolerance in (0, 1], received ${JSON.stringify(p.text)}`,
    usageError: (p: { detail: string; usage: string }) => `${p.detail}; usage: ${p.usage}`,
    expectedOne: (p: { what: FileKind; usage: string }) => `expected one ${EN_FILES[p.what]}; usage: ${p.usage}`,
    expectedFiles: (p: { count: number; usage: string }) => `expected ${p.count} file(s); usage: ${p.usage}`,
    expectedSub: (p: { subs: readonly string[]; received?: string; usage: string }) =>
      `expected ${p.subs.map((x) => JSON.stringify(x)).join(' or ')}${p.received === undefined ? '' : `, received ${JSON.stringify(p.received)}`}; usage: ${p.usage}`,
    expectedInstances: (p: { usage: string }) => `expected instance files or folders; usage: ${p.usage}`,
    required: (p: { flag: string; usage?: string }) => `${p.flag} is required${p.usage ? `; usage: ${p.usage}` : ''}`,
    numberKind: (p: { flag: string; kind: 'integer' | 'whole' | 'number'; text: string }) =>
      `--${p.flag} must be ${EN_KINDS[p.kind]}, received ${JSON.stringify(p.text)}`,
    numberRange: (p: { flag: string; min: number; max: number; text: string }) =>
      `--${p.flag} must be within [${p.min}, ${p.max}], received ${JSON.stringify(p.text)}`,
    maxInputNeedsValue: '--max-input-mb needs a number of MiB',
    maxInputRange: (p: { from: string; text: string }) =>
      `${p.from} must be a number of MiB within (0, 65536], received ${JSON.stringify(p.text)}`,
    tooLarge: (p: { file: string; mib: number }) =>
      `${p.file}: larger than the input limit of ${p.mib} MiB (raise it with --max-input-mb or BEATPLAN_MAX_INPUT_MB)`,
    stdinTwice: '-: standard input can be read only once per command',
    fileNotFound: (p: { file: string }) => `${p.file}: file not found`,
    pathNotFound: (p: { path: string }) => `${p.path}: no such file or folder`,
    isDirectory: (p: { file: string }) => `${p.file}: not a file but a directory`,
    notRegular: (p: { file: string; pipe: boolean }) =>
      `${p.file}: not a regular file${p.pipe ? ' (a device, pipe or socket); use - for a pipe' : ''}`,
    cannotRead: (p: { file: string; error: string }) => `${p.file}: cannot read: ${p.error}`,
    cannotWrite: (p: { file: string; error: string }) => `${p.file}: cannot write: ${p.error}`,
    notJson: (p: { file: string; error: string }) => `${p.file}: not valid JSON: ${p.error}`,
    fileProblem: (p: { file: string; error: string }) => `${p.file}: ${p.error}`,
    jsonList: (p: { file: string; key: string }) => `${p.file}: expected a JSON array or {"${p.key}": [...]}`,
    crossCheckShape: (p: { file: string }) =>
      `${p.file}: must be a JSON object {"period": {"from", "to"}, "records": [...], "visits": [...], "verdicts": [...], "retailers"?, "recordVerdicts"?, "checklist"?}`,
    verifyShape: (p: { file: string }) =>
      `${p.file}: must be a JSON object {"retailers": [...], "visits": [...], "policy"?: {...}, "planned"?: [...]}`,
    rejected: (p: { n: number }, f: F) =>
      `${f.number(p.n, { useGrouping: false })} ${f.plural(p.n, { one: 'record', other: 'records' })} rejected (listed in "rejected" and above); the rest judged`,
    oneOfSize: 'give exactly one of --size and --per-stratum',
    together: (p: { a: string; b: string }) => `${p.a} and ${p.b} go together`,
    needs: (p: { a: string; b: string }) => `${p.a} needs ${p.b}`,
    baseFlag: (p: { text: string }) => `--base must be "lng,lat" in degrees, received ${JSON.stringify(p.text)}`,
    startFlag: (p: { text: string }) => `--start must be a date YYYY-MM-DD, received ${JSON.stringify(p.text)}`,
    outNotFolder: (p: { dir: string }) => `--out ${p.dir}: exists and is not a folder`,
    outNotEmpty: (p: { dir: string }) =>
      `--out ${p.dir}: the folder is not empty (add --force to replace the plan files in it)`,
    instanceShape: (p: { file: string }) =>
      `${p.file}: a JSON instance must be {"matrix": [[...]]} or {"points": [{"lng": .., "lat": ..}, ...]}`,
    roadsNeedPoints: (p: { file: string }) => `${p.file}: --roads needs a JSON instance with "points"`,
    offNetwork: (p: { file: string; index: number; metres: number }) =>
      `${p.file}: points[${p.index}] is ${p.metres} m from the nearest road (over 500 m): not routed`,
    noRoute: (p: { file: string; from: number; to: number; pairs: number }) =>
      `${p.file}: no road route from points[${p.from}] to points[${p.to}] (${p.pairs} such pairs)`,
    pointsShape: (p: { file: string }) =>
      `${p.file}: expected a JSON array of {"lng", "lat", "crs"?} or {"points": [...]}`,
    seedsFlag: (p: { text: string }) =>
      `--seeds must be a seed, a range a-b or a list a,b,c (1 to 100 seeds), received ${p.text}`,
    methodsFlag: (p: { text: string }) =>
      `--methods must list exact, heuristic or auto, received ${JSON.stringify(p.text)}`,
    noInstances: (p: { path: string }) => `${p.path}: holds no .tsp, .atsp or .json instance`,
    optimaShape: (p: { file: string }) =>
      `${p.file}: must be a JSON object { "<instance name>": <optimum> | { "optimum": <optimum> } }`,
    optimumValue: (p: { file: string; name: string }) =>
      `${p.file}: ${JSON.stringify(p.name)}: the optimum must be a finite number ≥ 0`,
    benchTimes: (p: { file: string }) =>
      `${p.file}: time windows and service times are not benchmarked (bench measures tours)`,
    tourSize: (p: { file: string; tour: number; n: number }) =>
      `${p.file}: a tour of ${p.tour} nodes for an instance of ${p.n}: not this instance`,
    tourCost: (p: { file: string; length: number; optimum: number; name: string }) =>
      `${p.file}: its tour costs ${p.length}, the --optima file says ${p.optimum} for ${p.name}`,
    trendFlag: (p: { text: string }) => `--trend must be week or month, received ${JSON.stringify(p.text)}`,
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
      weightsFlag: (p: { text: string; attributes: readonly string[] }) =>
        `--weights 必须是以逗号分隔的 名称=数字 对，每个名称一次（${p.attributes.join('、')}），至少一个为正，实际为 ${JSON.stringify(p.text)}`,
      usageError: (p: { detail: string; usage: string }) => `${p.detail}；用法：${p.usage}`,
      balanceFlag: (p: { text: string; attributes: readonly string[] }) =>
        `--balance 必须是以逗号分隔的 名称=容差 对，每个名称一次（${p.attributes.join('、')}），每个容差在 (0, 1] 内，实际为 ${JSON.stringify(p.text)}`,
      expectedOne: (p: { what: FileKind; usage: string }) => `需要一个${ZH_FILES[p.what]}；用法：${p.usage}`,
      expectedFiles: (p: { count: number; usage: string }) => `需要 ${p.count} 个文件；用法：${p.usage}`,
      expectedSub: (p: { subs: readonly string[]; received?: string; usage: string }) =>
        `需要子命令 ${p.subs.map((x) => JSON.stringify(x)).join(' 或 ')}${p.received === undefined ? '' : `，实际为 ${JSON.stringify(p.received)}`}；用法：${p.usage}`,
      expectedInstances: (p: { usage: string }) => `需要实例文件或文件夹；用法：${p.usage}`,
      required: (p: { flag: string; usage?: string }) => `必须提供 ${p.flag}${p.usage ? `；用法：${p.usage}` : ''}`,
      numberKind: (p: { flag: string; kind: 'integer' | 'whole' | 'number'; text: string }) =>
        `--${p.flag} 必须是${ZH_KINDS[p.kind]}，实际为 ${JSON.stringify(p.text)}`,
      numberRange: (p: { flag: string; min: number; max: number; text: string }) =>
        `--${p.flag} 必须在 [${p.min}, ${p.max}] 之内，实际为 ${JSON.stringify(p.text)}`,
      maxInputNeedsValue: '--max-input-mb 需要一个以 MiB 为单位的数字',
      maxInputRange: (p: { from: string; text: string }) =>
        `${p.from} 必须是 (0, 65536] 之内的 MiB 数，实际为 ${JSON.stringify(p.text)}`,
      tooLarge: (p: { file: string; mib: number }) =>
        `${p.file}：超过输入上限 ${p.mib} MiB（可用 --max-input-mb 或 BEATPLAN_MAX_INPUT_MB 调高）`,
      stdinTwice: '-：每个命令只能读取一次标准输入',
      fileNotFound: (p: { file: string }) => `${p.file}：文件不存在`,
      pathNotFound: (p: { path: string }) => `${p.path}：文件或文件夹不存在`,
      isDirectory: (p: { file: string }) => `${p.file}：是文件夹，不是文件`,
      notRegular: (p: { file: string; pipe: boolean }) =>
        `${p.file}：不是普通文件${p.pipe ? '（设备、管道或套接字）；管道请用 -' : ''}`,
      cannotRead: (p: { file: string; error: string }) => `${p.file}：无法读取：${p.error}`,
      cannotWrite: (p: { file: string; error: string }) => `${p.file}：无法写入：${p.error}`,
      notJson: (p: { file: string; error: string }) => `${p.file}：不是有效的 JSON：${p.error}`,
      fileProblem: (p: { file: string; error: string }) => `${p.file}：${p.error}`,
      jsonList: (p: { file: string; key: string }) => `${p.file}：需要 JSON 数组或 {"${p.key}": [...]}`,
      crossCheckShape: (p: { file: string }) =>
        `${p.file}：必须是 JSON 对象 {"period": {"from", "to"}, "records": [...], "visits": [...], "verdicts": [...], "retailers"?, "recordVerdicts"?, "checklist"?}`,
      verifyShape: (p: { file: string }) =>
        `${p.file}：必须是 JSON 对象 {"retailers": [...], "visits": [...], "policy"?: {...}, "planned"?: [...]}`,
      rejected: (p: { n: number }, f: F) =>
        `${f.number(p.n, { useGrouping: false })} 条记录被拒绝（列在 "rejected" 和上面）；其余已判定`,
      oneOfSize: '--size 和 --per-stratum 必须且只能给一个',
      together: (p: { a: string; b: string }) => `${p.a} 和 ${p.b} 必须一起使用`,
      needs: (p: { a: string; b: string }) => `${p.a} 需要 ${p.b}`,
      baseFlag: (p: { text: string }) => `--base 必须是以度为单位的 "经度,纬度"，实际为 ${JSON.stringify(p.text)}`,
      startFlag: (p: { text: string }) => `--start 必须是日期 YYYY-MM-DD，实际为 ${JSON.stringify(p.text)}`,
      outNotFolder: (p: { dir: string }) => `--out ${p.dir}：已存在且不是文件夹`,
      outNotEmpty: (p: { dir: string }) => `--out ${p.dir}：文件夹不为空（加 --force 可替换其中的计划文件）`,
      instanceShape: (p: { file: string }) =>
        `${p.file}：JSON 实例必须是 {"matrix": [[...]]} 或 {"points": [{"lng": .., "lat": ..}, ...]}`,
      roadsNeedPoints: (p: { file: string }) => `${p.file}：--roads 需要带 "points" 的 JSON 实例`,
      offNetwork: (p: { file: string; index: number; metres: number }) =>
        `${p.file}：points[${p.index}] 距最近道路 ${p.metres} 米（超过 500 米）：无法规划路线`,
      noRoute: (p: { file: string; from: number; to: number; pairs: number }) =>
        `${p.file}：从 points[${p.from}] 到 points[${p.to}] 没有道路路线（共 ${p.pairs} 对）`,
      pointsShape: (p: { file: string }) => `${p.file}：需要 {"lng", "lat", "crs"?} 的 JSON 数组或 {"points": [...]}`,
      seedsFlag: (p: { text: string }) =>
        `--seeds 必须是一个种子、范围 a-b 或列表 a,b,c（1 到 100 个），实际为 ${p.text}`,
      methodsFlag: (p: { text: string }) =>
        `--methods 只能列出 exact、heuristic 或 auto，实际为 ${JSON.stringify(p.text)}`,
      noInstances: (p: { path: string }) => `${p.path}：没有 .tsp、.atsp 或 .json 实例`,
      optimaShape: (p: { file: string }) =>
        `${p.file}：必须是 JSON 对象 { "<实例名>": <最优值> | { "optimum": <最优值> } }`,
      optimumValue: (p: { file: string; name: string }) =>
        `${p.file}：${JSON.stringify(p.name)}：最优值必须是 ≥ 0 的有限数`,
      benchTimes: (p: { file: string }) => `${p.file}：不对时间窗和服务时间做基准测试（bench 只测路线）`,
      tourSize: (p: { file: string; tour: number; n: number }) =>
        `${p.file}：${p.tour} 个节点的路线不属于 ${p.n} 个节点的实例`,
      tourCost: (p: { file: string; length: number; optimum: number; name: string }) =>
        `${p.file}：其路线长度为 ${p.length}，而 --optima 文件给出 ${p.name} 的最优值为 ${p.optimum}`,
      trendFlag: (p: { text: string }) =>
        `--trend 必须是 week（按周）或 month（按月），实际为 ${JSON.stringify(p.text)}`,
    },
  },
);

/** The command line's translator. */
export type CliTranslator = Translator<(typeof CLI_MESSAGES)['en']>;

/** The command line's translator for a locale. */
export function cliTranslator(locale?: Locale): CliTranslator {
  return createTranslator(CLI_MESSAGES, locale);
}
