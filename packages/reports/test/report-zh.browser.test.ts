import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, renderReportHtml } from '@beatplan/reports';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, measureImage } from './decode-png.js';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from './find-chromium.js';

// The zh-CN report in a real headless Chromium (Debian's, found like report.browser.test.ts; never
// downloaded): Chromium is asked, through the DevTools protocol's CSS.getPlatformFontsForNode, which
// platform fonts drew the Chinese text of the headings, table headers, terms and tiles. A CJK font
// (Debian's fonts-noto-cjk, installed by .ci/run) must have drawn at least as many glyphs as there are
// Han characters: no character fell back to a font without Chinese (a box). Screenshot in
// $TMPDIR/beatplan-report-browser-test/report-zh-CN.png.
const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) console.warn(NO_BROWSER_NOTICE);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const HAN = /\p{Script=Han}/gu;

const artifacts = join(tmpdir(), 'beatplan-report-browser-test');
const input = JSON.parse(readFileSync(new URL('./in/small-city.json', import.meta.url), 'utf8')) as unknown;

interface PlatformFont {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
}

describe.skipIf(!CHROMIUM && !browserRequired())('zh-CN report in headless chromium: CJK fonts', () => {
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(`CI is set and no Chromium was found.${NO_BROWSER_NOTICE}`);
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'report-zh-CN.html');
    writeFileSync(file, renderReportHtml(buildReport(input), { locale: 'zh-CN' }));
    userDataDir = mkdtempSync(join(tmpdir(), 'beatplan-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('draws every Chinese heading, header, term and tile with a CJK font, no character falling back', async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'h2, h3, th, dt, .tile span',
    });
    let checked = 0;
    const problems: string[] = [];
    const families = new Set<string>();
    for (const nodeId of nodeIds) {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const text = outerHTML.replace(/<[^>]+>/g, '');
      const han = text.match(HAN)?.length ?? 0;
      if (han === 0) continue;
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] };
      const cjk = fonts.filter((f) => /CJK|Han|Hei|Song|Ming|WenQuanYi|Droid Sans Fallback/i.test(f.familyName));
      for (const f of cjk) families.add(f.familyName);
      const glyphs = cjk.reduce((a, f) => a + f.glyphCount, 0);
      if (glyphs < han) problems.push(`${text.slice(0, 40)}: ${han} Han characters, fonts ${JSON.stringify(fonts)}`);
      checked++;
    }
    expect(checked, 'elements with Chinese text').toBeGreaterThan(40);
    expect(problems).toEqual([]);
    expect(
      [...families].some((f) => /Noto (Sans|Serif) CJK/i.test(f)),
      [...families].join(', '),
    ).toBe(true);
  });

  it('takes a screenshot of the zh-CN report that is not blank', async () => {
    const shot = await page.screenshot({ fullPage: true, path: join(artifacts, 'report-zh-CN.png') });
    const img = measureImage(decodePng(shot));
    expect(img.distinctColours).toBeGreaterThan(100);
    expect(img.nonBackgroundShare).toBeGreaterThan(0.05);
  });
});
