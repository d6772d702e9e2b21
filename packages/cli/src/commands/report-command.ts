import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildReport,
  buildTrendReport,
  measureReportRoutes,
  renderMapSvg,
  renderReportHtml,
  reportToCsv,
  SCORECARD_KPIS,
} from '@beatplan/reports';
import { CliFailure, printJson, type CommandIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { readJsonFile } from '../read-input-file.js';
import { failWithIssues } from '../report-issues.js';
import { readRoadCosts } from './roads-command.js';
import { readChecklistFile } from './inspect-records.js';

export const REPORT_USAGE =
  'beatplan report <data.json> [--html report.html] [--csv dir] [--json report.json] [--svg map.svg] [--weights completion=3,verification=3,...] [--what-if route=3;completion=1,verification=1] [--title text] [--tiles https://…/{z}/{x}/{y}.png --tiles-attribution text] [--roads graph-file] [--previous earlier-report.json ...] [--trend week|month] [--checklist checklist.json]';

/** Parses `--weights k=v,k=v` (KPIs of the scorecard, numbers ≥ 0). */
function parseWeights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!m)
      throw new CliFailure(
        `--weights must be kpi=number pairs separated by commas, received ${JSON.stringify(part)}`,
        2,
      );
    const [, kpi = '', value] = m;
    if (!(SCORECARD_KPIS as readonly string[]).includes(kpi)) {
      throw new CliFailure(
        `--weights: unknown KPI ${JSON.stringify(kpi)}; the KPIs are ${SCORECARD_KPIS.join(', ')}`,
        2,
      );
    }
    out[kpi] = Number(value);
  }
  return out;
}

function write(file: string, text: string): string {
  try {
    writeFileSync(file, text);
    return file;
  } catch (e) {
    throw new CliFailure(`${file}: cannot write: ${(e as Error).message}`);
  }
}

/**
 * `beatplan report`: reads a report input (JSON, see `ReportInputSchema` of `@beatplan/reports`),
 * validates it (every problem listed, exit 1), and writes the self-contained HTML report (`--html`),
 * the CSV tables (`--csv dir`: `<table>.csv` each), the report as JSON (`--json`) and the map alone
 * as SVG (`--svg`). `--weights` and `--title` override the file's; `--what-if` adds
 * alternative weights (`;` between alternatives, each `kpi=n,…` replacing the report's) whose scorecards
 * the report shows beside the real one (`Report.whatIf`). `--tiles` puts a tile layer (an
 * https URL template with {z}/{x}/{y}, e.g. the host's own tile server) under the HTML report's map,
 * with `--tiles-attribution` as its credit line; without it the report loads nothing. `--roads
 * <graph-file>` measures the route figures on that road graph (`measureReportRoutes`; points farther
 * than 500 m from a road are not routed, their days counted in `unroutedDays`) instead of straight
 * lines. `--previous <report.json>` (repeatable) adds an earlier report (the JSON `--json` wrote for an
 * earlier period) to the trend; `--trend week|month` cuts the data into calendar weeks or months and
 * reports the last one with its trend over the others (`buildTrendReport`). `--checklist <file>` (a JSON
 * array of checklist items, or `{ checklist }`) sets the inspection checklist the data's inspections were
 * made under (default the file's `checklist`, else the four seed items): a seed item it leaves out is
 * counted as not asked, never scored. Prints one JSON line: what
 * was written, or the whole report when no output is named.
 * @throws {CliFailure} on a usage error (exit 2), a missing or invalid file, or a write failure (exit 1).
 */
export async function reportCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, file } = parseCommandArgs(
    args,
    {
      html: { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'string' },
      svg: { type: 'string' },
      weights: { type: 'string' },
      'what-if': { type: 'string' },
      title: { type: 'string' },
      tiles: { type: 'string' },
      'tiles-attribution': { type: 'string' },
      roads: { type: 'string' },
      previous: { type: 'string', multiple: true },
      trend: { type: 'string' },
      checklist: { type: 'string' },
    },
    REPORT_USAGE,
    'data',
  );
  const weights = values.weights === undefined ? undefined : parseWeights(values.weights);
  const whatIf =
    values['what-if'] === undefined
      ? undefined
      : values['what-if']
          .split(';')
          .filter((part) => part.trim() !== '')
          .map((part) => ({ weights: parseWeights(part) }));
  const every = values.trend;
  if (every !== undefined && every !== 'week' && every !== 'month')
    throw new CliFailure((t) => t.t('trendFlag', { text: every }), 2);
  const costs = values.roads === undefined ? undefined : readRoadCosts(values.roads);
  const checklistFile = values.checklist;
  const checklist = checklistFile === undefined ? undefined : await readChecklistFile(checklistFile, io);
  const data = await readJsonFile(file, io);
  const previousFiles = values.previous ?? [];
  const previous: unknown[] = [];
  for (const f of previousFiles) previous.push(await readJsonFile(f, io));
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CliFailure(
      `${file}: the report data must be a JSON object { retailers, managers, plans, visits, verdicts, ... }`,
    );
  const record = data as Record<string, unknown>;
  const given = Array.isArray(record.previous) ? record.previous : [];
  const input = {
    ...record,
    ...(previous.length ? { previous: [...given, ...previous] } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(checklist ? { checklist } : {}),
    ...(whatIf ? { whatIf: [...(Array.isArray(record.whatIf) ? record.whatIf : []), ...whatIf] } : {}),
    ...(weights
      ? {
          weights: {
            ...(typeof record.weights === 'object' && record.weights !== null ? record.weights : {}),
            ...weights,
          },
        }
      : {}),
  };
  // an issue of an earlier report is reported against its own file
  const fileOf = (issue: { path: readonly (string | number)[] }) => {
    if (issue.path[0] === 'checklist' && checklistFile) return checklistFile;
    const i = issue.path[0] === 'previous' && typeof issue.path[1] === 'number' ? issue.path[1] - given.length : -1;
    return previousFiles[i] ?? file;
  };
  let report: ReturnType<typeof buildReport>;
  try {
    const full = costs ? { ...input, routes: await measureReportRoutes(input, costs) } : input;
    report = every === undefined ? buildReport(full) : buildTrendReport(full, { every });
  } catch (e) {
    failWithIssues(e, fileOf);
  }
  const written: string[] = [];
  if (values['tiles-attribution'] !== undefined && values.tiles === undefined)
    throw new CliFailure('--tiles-attribution needs --tiles', 2);
  const tiles =
    values.tiles === undefined ? undefined : { url: values.tiles, attribution: values['tiles-attribution'] ?? '' };
  if (values.html !== undefined) {
    let html: string;
    try {
      html = renderReportHtml(report, { ...(tiles ? { tiles } : {}), ...(io.locale ? { locale: io.locale } : {}) });
    } catch (e) {
      // the only input renderReportHtml checks is the tile template: a usage error
      throw new CliFailure(`--tiles: ${(e as Error).message}`, 2);
    }
    written.push(write(values.html, html));
  }
  if (values.json !== undefined) written.push(write(values.json, `${JSON.stringify(report, null, 2)}\n`));
  if (values.svg !== undefined)
    written.push(write(values.svg, `${renderMapSvg(report, io.locale ? { locale: io.locale } : {})}\n`));
  if (values.csv !== undefined) {
    try {
      mkdirSync(values.csv, { recursive: true });
    } catch (e) {
      throw new CliFailure(`${values.csv}: cannot create the folder: ${(e as Error).message}`);
    }
    for (const [table, text] of Object.entries(reportToCsv(report, io.locale ? { locale: io.locale } : {})))
      written.push(write(join(values.csv, `${table}.csv`), text));
  }
  if (written.length === 0) printJson(io, report);
  else
    printJson(io, {
      title: report.title,
      period: report.period,
      managers: report.managers.length,
      ranking: report.ranking,
      written,
    });
}
