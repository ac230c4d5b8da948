// WCAG AA contrast of the reading view's text, in light and dark mode: every text element that
// matters is measured against the background it actually sits on (the nearest opaque one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SEED_ID } from './harness.mjs';

const env = useBrowser();

const SELECTORS = [
  '.article-body p', '.article-header h1', '.article-header .standfirst', '.article-header .meta',
  'mark.mention.per', 'mark.mention.org', 'mark.mention.loc', 'mark.mention.misc', 'mark.mention[data-selected="true"]',
  '.legend-item', '.legend-item .count', '.selection-note', '.event-date', '.event-label', '.granularity',
  '.published-item', '.entity-item', '.entity-item.selected', '.aliases', '.panel h2', '.site-footer p', '.tagline',
];

// Runs in the page: contrast ratio of each selector's first element against its backdrop.
function measure(selectors) {
  const parse = (c) => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m[3] ?? 1 }; };
  const luminance = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
  });
  const backdrop = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), { r: 255, g: 255, b: 255, a: 1 });
  };
  return selectors.map((selector) => {
    const element = document.querySelector(selector);
    if (!element) return { selector, missing: true };
    const background = backdrop(element);
    const color = over(parse(getComputedStyle(element).color), background);
    const [l1, l2] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    return { selector, ratio: (l1 + 0.05) / (l2 + 0.05) };
  });
}

for (const scheme of ['light', 'dark']) {
  test(`text meets WCAG AA contrast (4.5:1) in ${scheme} mode`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(env.server.url + `#/article/${SEED_ID}/entity/vladimir-putin`);
    await page.waitForSelector('[data-selected="true"]');
    const results = await page.evaluate(measure, SELECTORS);
    const missing = results.filter((r) => r.missing).map((r) => r.selector);
    assert.deepEqual(missing, [], 'every measured element is on the page');
    const low = results.filter((r) => r.ratio < 4.5).map((r) => `${r.selector} ${r.ratio.toFixed(2)}`);
    assert.deepEqual(low, [], 'contrast below 4.5:1');
    await page.close();
  });
}

// What an article from elsewhere adds: its Source and licence block, and why some dates are
// listed apart (an article with no publication date).
const CREDIT_SELECTORS = [
  '.credit h2', '.credit dt', '.credit dd', '.credit a.credit-original', '.credit a.credit-licence',
  '.credit .attribution', '.undated-title', '.undated-reason', '.undated-list .event-date', '.date-unknown',
];

for (const scheme of ['light', 'dark']) {
  test(`the credit block and undated dates meet WCAG AA contrast in ${scheme} mode`, async () => {
    const page = await env.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(env.server.url + '#/article/centcom-6646f63f');
    await page.waitForSelector('.credit');
    const results = await page.evaluate(measure, CREDIT_SELECTORS);
    assert.deepEqual(results.filter((r) => r.missing).map((r) => r.selector), [], 'every measured element is on the page');
    const low = results.filter((r) => r.ratio < 4.5).map((r) => `${r.selector} ${r.ratio.toFixed(2)}`);
    assert.deepEqual(low, [], 'contrast below 4.5:1');
    await page.close();
  });
}
