import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { straightLineCosts } from '@beatplan/core';
import { buildReport, measureReportRoutes, renderMapSvg, renderReportHtml, type Report } from '@beatplan/reports';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/in/${name}`, import.meta.url), 'utf8')) as Record<string, any>;
/** Every element the report may contain. */
const TAGS = [
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'p',
  'div',
  'b',
  'span',
  'main',
  'section',
  'h2',
  'svg',
  'rect',
  'g',
  'path',
  'polyline',
  'circle',
  'line',
  'text',
  'ul',
  'li',
  'sub',
  'table',
  'thead',
  'tr',
  'th',
  'tbody',
  'td',
  'h3',
  'dl',
  'dt',
  'dd',
  'ol',
  'strong',
  'a',
  'caption',
  'figure',
  'figcaption',
  'polygon',
];
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** Checks tag balance: every element closed in order (void elements and `/>` excepted). Returns the problems. */
function checkBalance(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<!DOCTYPE html>/i, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>/g)) {
    const [, close, name, , self] = m;
    const tag = name!.toLowerCase();
    if (close) {
      const open = stack.pop();
      if (open !== tag) problems.push(`</${tag}> closes <${open}> at ${m.index}`);
    } else if (!self && !VOID.has(tag)) stack.push(tag);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' ')}`);
  if (/<(?![a-zA-Z/!])/.test(body)) problems.push('a bare "<" outside a tag');
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(body)) problems.push('an unescaped "&"');
  return problems;
}

const section = (html: string, open: string, close: string) =>
  html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)) + close.length);
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('renderReportHtml', () => {
  const report: Report = buildReport(load('small-city.json'));
  const html = renderReportHtml(report);

  it('is one well-formed HTML document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(checkBalance(html)).toEqual([]);
    expect(count(html, /<html[\s>]/g)).toBe(1);
    expect(count(html, /<body>/g)).toBe(1);
  });

  it('is self-contained: no script, no external resource, no URL of any kind', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|<image|<use|@import|url\(/i);
    const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
    expect([...tags].filter((t) => !TAGS.includes(t))).toEqual([]);
    expect(tags.size).toBeGreaterThan(TAGS.length - 4);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\s(src|xlink:href|srcset|action|poster)\s*=/i);
    // links only to places in the document itself (the evidence of a visit)
    for (const [, value] of html.matchAll(/\shref="([^"]*)"/g)) expect(value).toMatch(/^#visit-/);
    for (const [, value] of html.matchAll(/\s[\w:-]+="([^"]*)"/g)) expect(value).not.toMatch(/\/\//);
  });

  it('draws one path per territory, one circle per retailer and one polyline per route on the map', () => {
    const map = section(html, '<svg id="map"', '</svg>');
    expect(count(map, /<path /g)).toBe(report.map.territories.length);
    expect(count(map, /<circle /g)).toBe(report.map.retailers.length);
    expect(count(map, /<polyline /g)).toBe(report.map.routes.length);
    expect(report.map).toMatchObject({ territories: { length: 3 }, retailers: { length: 24 }, routes: { length: 6 } });
    expect(map).not.toContain('xmlns');
    // every projected point lies inside the viewBox
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(map)!.map(Number);
    for (const [, x, y] of map.matchAll(/cx="([\d.-]+)" cy="([\d.-]+)"/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(w!);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(h!);
    }
  });

  it('has the KPI, balance and segment charts, with bars, and the tables', () => {
    for (const id of [
      'chart-score',
      'chart-kpis',
      'chart-balance',
      'chart-repartition',
      'chart-segment-frequency',
      'chart-segment-service',
      'chart-segment-orders',
      'chart-segment-volume',
      'chart-segment-quality',
    ]) {
      const chart = section(html, `<svg id="${id}"`, '</svg>');
      expect(chart, id).not.toBe('');
      expect(count(chart, /<rect class="bar"/g), id).toBeGreaterThan(0);
    }
    expect(count(section(html, '<svg id="chart-kpis"', '</svg>'), /<rect class="bar"/g)).toBe(3 * 6);
    for (const cls of [
      'scorecard-table',
      'manager-table',
      'balance-table',
      'segment-table',
      'region-table',
      'class-table',
    ])
      expect(html).toMatch(new RegExp(`<table class="${cls}"[ >]`));
  });

  it('lists every inspection finding, with its visit ids', () => {
    expect(report.findings.map((f) => [f.retailerId, f.kind, f.visitIds])).toEqual([
      ['R33', 'VISIT_DENIED', ['V-M3-2025-03-03-3']],
      ['R37', 'VISIT_DENIED', ['V-M3-2025-03-04-3']],
      ['R22', 'VISIT_NOT_VERIFIED', ['V-M2-2025-03-03-2']],
    ]);
    const table = /<table class="findings-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(1 + report.findings.length);
    expect(table).toContain('verified visit denied by the retailer');
    const many = buildReport({
      ...load('small-city.json'),
      contradictions: [{ retailerId: 'R22', kind: 'X', visitIds: ['V-M2-2025-03-03-2', 'V-M2-2025-03-04-2'] }],
    });
    expect(many.findings[0]).toMatchObject({ managerId: 'M2', visitIds: ['V-M2-2025-03-03-2', 'V-M2-2025-03-04-2'] });
  });

  it('escapes every text from the data (XSS-safe)', () => {
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co (R15)');
    expect(html).toContain('<title>Small city — week 10 &lt;test&gt;</title>');
    expect(html).toContain('Wang &lt;Fang&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<Fang>');
    const hostile = load('scorecard-hand.json');
    hostile.title = '"><img src=x onerror=alert(1)>';
    hostile.managers[0].name = "</svg><script>alert('m')</script>";
    hostile.retailers[0].name = '<b onmouseover="alert(1)">R</b>';
    hostile.territories = [
      { id: 'T"1', managerId: 'M1', retailerIds: ['R1', 'R2'], name: '</title><script>x</script>' },
    ];
    hostile.contradictions[0].kind = '<i>DENIED</i>';
    const out = renderReportHtml(buildReport(hostile));
    expect(out).not.toMatch(/<script|<img|<b |<i>/);
    expect(out).not.toMatch(/<[^>]*\son\w+=/); // no event-handler attribute on any real tag
    expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(
      [...new Set([...out.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!))].filter((t) => !TAGS.includes(t)),
    ).toEqual([]);
    expect(checkBalance(out)).toEqual([]);
  });

  it('writes the attention list, the map texts and the scorecard explanations in Chinese with locale zh-CN', () => {
    const zh = renderReportHtml(report, { locale: 'zh-CN' });
    expect(zh.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(checkBalance(zh)).toEqual([]);
    const attention = section(zh, '<section id="attention">', '</section>');
    expect(attention).toContain('<h2>需要关注</h2>');
    expect(attention).toMatch(
      /data-codes="NO_VERDICT">\n<span class="sev">[^<]+<\/span> <strong class="what" title="NO_VERDICT">/,
    ); // the code stays in data and tooltip
    // no English left in its own texts (a contradiction's message is data, written by the caller)
    expect(attention.replace(/<div class="msg">[^<]*<\/div>/g, '')).not.toMatch(
      />[^<]*\b(visits?|Reason|Signs)\b[^<]*</,
    );
    expect(section(zh, '<svg id="map"', '</svg>')).toContain('路线：');
    expect(zh).toContain('各项指标的含义');
    expect(attention).toContain('迹象：');
  });

  it('writes every heading, table header, chart title, legend and definition of the older sections in Chinese', () => {
    const zh = renderReportHtml(report, { locale: 'zh-CN' });
    const han = /\p{Script=Han}/u;
    const texts = (re: RegExp) =>
      [...zh.matchAll(re)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim()).filter((t) => t !== '');
    // every heading, table header and term, and every chart's title and series name, has Chinese in it
    const labels = [
      ...texts(/<h[123][^>]*>([\s\S]*?)<\/h[123]>/g),
      ...texts(/<th[^>]*>([\s\S]*?)<\/th>/g),
      ...texts(/<dt>([\s\S]*?)<\/dt>/g),
      ...texts(/<span>([^<]*)<\/span><\/div>/g), // headline tiles
      ...texts(/<text class="chart-title"[^>]*>([^<]*)</g),
      ...texts(/<g class="legend"><rect[^>]*\/><text[^>]*>([^<]*)</g), // chart series
    ];
    expect(labels.length).toBeGreaterThan(60);
    expect(labels.filter((t) => !han.test(t) && !t.startsWith('Small city'))).toEqual([]); // the title is data
    for (const id of ['managers', 'findings', 'balance', 'segments', 'definitions', 'scorecard', 'map-section'])
      expect(section(zh, `<section id="${id}">`, '</section>')).toMatch(/<h2>[^<]*\p{Script=Han}/u);
    expect(zh).toContain('统计期 ');
    expect(zh).toContain('已核验拜访'); // the map legend's statuses
    // the English report keeps its texts
    expect(html).toContain('<h2>Managers</h2>');
    expect(html).toContain('<h2>Workload balance</h2>');
  });

  it('shows the route figures of the input’s routes (km, hours, ratio, unrouted days), and no such section without', async () => {
    expect(html).not.toContain('<section id="routes">');
    const input = load('small-city.json');
    const routed = buildReport({ ...input, routes: await measureReportRoutes(input, straightLineCosts()) });
    const out = renderReportHtml(routed);
    expect(checkBalance(out)).toEqual([]);
    const routes = section(out, '<section id="routes">', '</section>');
    expect(routes).toContain('straight-line');
    for (const header of ['Planned km', 'Planned h', 'Travelled km', 'Travelled h', 'Unrouted days'])
      expect(routes).toContain(`>${header}</th>`);
    const first = routed.managers[0]!;
    const km = (first.plannedRouteDistanceM! / 1000).toFixed(1);
    expect(routes).toContain(`<td class="num">${km}</td>`);
    expect(count(routes, /<tr>/g)).toBe(1 + routed.managers.length + 1); // header, managers, all managers
    expect(renderReportHtml(routed, { locale: 'zh-CN' })).toContain('按出行数据源计算的路线');
  });

  it('is a pure function of the report', () => {
    expect(renderReportHtml(buildReport(load('small-city.json')))).toBe(html);
  });

  it('renders a report without plans, visits or dates, with empty and degenerate territories', () => {
    const r = buildReport(load('no-dated-records.json'));
    const out = renderReportHtml(r);
    expect(checkBalance(out)).toEqual([]);
    const map = section(out, '<svg id="map"', '</svg>');
    expect(count(map, /<path /g)).toBe(3);
    expect(count(map, /<circle /g)).toBe(3);
    expect(count(map, /<polyline /g)).toBe(0);
    expect(out).toContain('no dated records');
  });
});

describe('renderMapSvg', () => {
  it('draws routes by weekday, labels territories, and small maps per day in the HTML', () => {
    const report = buildReport(load('small-city.json'));
    const svg = renderMapSvg(report);
    const days = [...svg.matchAll(/data-weekday="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(days)).toEqual(new Set(['mon', 'tue']));
    expect(count(svg, /class="territory-label"/g)).toBe(report.map.territories.length);
    expect(svg).toContain('class="map-legend"');
    const html = renderReportHtml(report);
    expect(count(html, /<figure class="day-map">/g)).toBe(new Set(report.map.routes.map((r) => r.date)).size);
    expect(html).not.toMatch(/<image/);
  });

  it('adds a tile layer only when given one: https, {z}/{x}/{y}, escaped', () => {
    const report = buildReport(load('small-city.json'));
    const tiles = { url: 'https://tiles.example/{z}/{x}/{y}.png?key=a&style=b"', attribution: '© Example <maps>' };
    expect(() => renderMapSvg(report, { tiles })).toThrow(/tile URL template/);
    const ok = { ...tiles, url: 'https://tiles.example/{z}/{x}/{y}.png?key=a&style=b' };
    const svg = renderMapSvg(report, { tiles: ok });
    const hrefs = [...svg.matchAll(/<image href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.length).toBeLessThanOrEqual(64);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\/tiles\.example\/\d+\/\d+\/\d+\.png\?key=a&amp;style=b$/);
    expect(svg).toContain('© Example &lt;maps&gt;');
    for (const url of [
      'http://t.example/{z}/{x}/{y}.png',
      'https://t.example/{z}/{x}.png',
      'javascript:alert(1)//{z}{x}{y}',
    ])
      expect(() => renderMapSvg(report, { tiles: { url, attribution: '' } }), url).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', path: ['tiles', 'url'] }),
      );
    expect(renderReportHtml(report, { tiles: ok })).toMatch(/<image href="https:\/\/tiles\.example\//);
  });

  it('writes a standalone SVG document by default', () => {
    const svg = renderMapSvg(buildReport(load('scorecard-hand.json')));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" id="map"')).toBe(true);
    expect(checkBalance(svg)).toEqual([]);
    expect(count(svg, /<circle /g)).toBe(3);
    expect(count(svg, /<polyline /g)).toBe(2);
  });
});
