// Corrections to the analysis of the reader's own article persist with it across reloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watch, useBrowser, clearStorage, keptArticles, SAMPLE } from './harness.mjs';

const env = useBrowser();


async function ownArticle() {
  const page = await env.browser.context.newPage();
  const seen = watch(page);
  await page.goto(env.server.url + '#/analyze');
  await clearStorage(page);
  await page.fill('#analyze-text', SAMPLE);
  await page.fill('#analyze-title-input', 'Summit plans');
  await page.fill('#analyze-date', '2018-03-01');
  await page.click('[data-action="analyze"]');
  await page.waitForURL(/#\/mine\/mine-[a-z0-9]+$/);
  await page.waitForSelector('.article-body [data-entity-id]');
  return { page, seen, id: new URL(page.url()).hash.split('/')[2] };
}

const mention = (page, text) => page.locator('.article-body [data-entity-id]', { hasText: new RegExp(`^${text}$`) });

test('changing a type, merging, removing a mention and fixing a date persist after a reload', async () => {
  const { page, seen, id } = await ownArticle();

  // Type: Berlin as an organisation.
  const berlin = await mention(page, 'Berlin').getAttribute('data-entity-id');
  await page.goto(env.server.url + `#/mine/${id}/entity/${berlin}`);
  await page.selectOption('#fix-type', 'ORG');
  await page.waitForFunction(() => document.querySelector('.article-body [data-entity-type="ORG"]')?.textContent === 'Berlin'
    || [...document.querySelectorAll('.article-body [data-entity-type="ORG"]')].some((e) => e.textContent === 'Berlin'));

  // Merge: France into Germany (one entity, two surface forms).
  const france = await mention(page, 'France').getAttribute('data-entity-id');
  const germany = await mention(page, 'Germany').getAttribute('data-entity-id');
  await page.goto(env.server.url + `#/mine/${id}/entity/${france}`);
  await page.selectOption('#fix-merge', germany);
  await page.click('[data-action="merge"]');
  await page.waitForURL(new RegExp(`#/mine/${id}/entity/${germany}$`));

  // Remove: Paris is not a name here (pretend).
  const paris = await mention(page, 'Paris').getAttribute('data-entity-id');
  await page.goto(env.server.url + `#/mine/${id}/entity/${paris}`);
  await page.click('[data-action="remove-mention"]');
  await page.waitForURL(new RegExp(`#/mine/${id}$`));

  // Date: the November event is really December; a non-date is refused.
  const november = await page.getAttribute('[data-event-id][data-date="2018-11"]', 'data-event-id');
  await page.goto(env.server.url + `#/mine/${id}/event/${november}`);
  await page.fill('#fix-date', 'soon');
  await page.click('[data-action="fix-date"]');
  assert.match(await page.textContent('.form-error'), /not a calendar date/);
  await page.fill('#fix-date', '2018-12');
  await page.click('[data-action="fix-date"]');
  await page.waitForSelector(`[data-event-id="${november}"][data-date="2018-12"]`);

  await page.reload();
  await page.waitForSelector('.article-body [data-entity-id]');
  assert.equal(await mention(page, 'Berlin').getAttribute('data-entity-type'), 'ORG');
  assert.equal(await mention(page, 'France').getAttribute('data-entity-id'), germany);
  assert.equal(await mention(page, 'Germany').getAttribute('data-entity-id'), germany);
  assert.equal(await mention(page, 'Paris').count(), 0);
  assert.equal(await page.getAttribute(`[data-event-id="${november}"]`, 'data-date'), '2018-12');
  // The corrected article is still a valid Dateline article: it exports and the export re-imports.
  const stored = JSON.parse((await keptArticles(page))[id]);
  assert.equal(stored.entities.find((e) => e.id === germany).aliases.includes('France'), true);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
