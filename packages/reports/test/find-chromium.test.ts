import { describe, expect, it } from 'vitest';
import { browserRequired, findChromium } from './find-chromium.js';

describe('findChromium', () => {
  it('takes $BEATPLAN_CHROMIUM or $CHROME_PATH first, and refuses one that does not exist', () => {
    expect(findChromium({ BEATPLAN_CHROMIUM: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(() => findChromium({ BEATPLAN_CHROMIUM: '/nowhere/chromium' })).toThrow(/does not exist/);
  });
  it('requires the browser under CI only', () => {
    expect(browserRequired({ CI: '1' })).toBe(true);
    expect(browserRequired({ CI: 'true' })).toBe(true);
    expect(browserRequired({ CI: 'false' })).toBe(false);
    expect(browserRequired({ CI: '0' })).toBe(false);
    expect(browserRequired({})).toBe(false);
  });
});
