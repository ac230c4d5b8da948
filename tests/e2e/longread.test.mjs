// A long article in the reading view: selecting a name, hiding a type and choosing an event work
// on every mention of it, and none of them replaces the text's elements (the text is rendered
// once per article; what the reader changes is set on the few elements concerned).
// Speed is measured by bench/longread.mjs, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, SEED_ID, useBrowser } from './harness.mjs';

const env = useBrowser();
const COPIES = 60;

/**
 * The seed article (as `dateline bundle` made it) repeated COPIES times: its paragraphs, and its
 * mentions, time expressions and events moved to each copy. Nothing is annotated by hand.
 */
function longArticle() {
  const seed = JSON.parse(fs.readFileSync(path.join(DIST, `articles/${SEED_ID}.json`), 'utf8'));
  const copyLength = [...seed.paragraphs.join('\n\n')].length + 2; // + the separator after it
  const move = (span, by) => ({ ...span, start: span.start + by, end: span.end + by });
  const copies = [...Array(COPIES).keys()].map((k) => k * copyLength);
  return {
    ...seed,
    id: 'long-read',
    title: `${seed.title} (${COPIES} times)`,
    paragraphs: copies.flatMap(() => seed.paragraphs),
    entities: seed.entities.map((e) => ({ ...e, mentions: copies.flatMap((by) => e.mentions.map((m) => move(m, by))) })),
    timexes: copies.flatMap((by) => seed.timexes.map((t) => move(t, by))),
    events: copies.flatMap((by, k) => seed.events.map((e) => ({
      ...e, id: `${e.id}-copy-${k}`, sentence: move(e.sentence, by), timex: move(e.timex, by),
    }))),
  };
}

async function openLong(page, article) {
  await page.goto(env.server.url + '#/analyze');
  await page.evaluate(() => localStorage.clear());
  await page.waitForSelector('#analyze-file');
  await page.setInputFiles('#analyze-file', {
    name: 'long-read.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(article)),
  });
  await page.waitForURL(/#\/mine\//);
  // A long text comes in parts: the first at once, then one at a time until all are in.
  await page.waitForSelector('.article-body mark.mention');
  await page.waitForSelector('.article-body[data-complete="true"]', { timeout: 60_000 });
}

/** Keeps handles on elements of the text, to check later that they are still in the page. */
async function holdText(page) {
  return page.evaluateHandle(() => {
    const paragraphs = document.querySelectorAll('.article-body p');
    return [paragraphs[0], paragraphs[Math.floor(paragraphs.length / 2)], paragraphs[paragraphs.length - 1],
      ...document.querySelectorAll('.article-body mark.mention')];
  });
}

const stillConnected = (held) => held.evaluate((elements) => elements.filter((e) => !e.isConnected).length);

test('selecting, hiding a type and choosing an event on a long article keep the text in place', async () => {
  const article = longArticle();
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await openLong(page, article);
  assert.equal(await page.locator('.article-body p').count(), article.paragraphs.length);
  assert.ok(await page.locator('.article-body .text-part').count() > 1, 'the text came in parts');
  const held = await holdText(page);

  // Select the most mentioned name from a mention near the end.
  const top = [...article.entities].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const ofTop = page.locator(`.article-body [data-entity-id="${top.id}"]`);
  assert.equal(await ofTop.count(), top.mentions.length);
  await ofTop.last().click();
  await page.waitForSelector(`.article-body [data-entity-id="${top.id}"][data-selected="true"]`);
  const states = await page.$$eval('.article-body [data-entity-id]', (marks) => marks.map((m) => ({
    id: m.dataset.entityId, selected: m.dataset.selected === 'true', pressed: m.getAttribute('aria-pressed'),
  })));
  const mine = states.filter((m) => m.id === top.id);
  assert.ok(mine.every((m) => m.selected && m.pressed === 'true'), 'every mention of it is selected and pressed');
  assert.ok(states.filter((m) => m.id !== top.id).every((m) => !m.selected && m.pressed === 'false'), 'nothing else');
  assert.match(new URL(page.url()).hash, new RegExp(`/entity/${top.id}$`));
  await page.waitForSelector('.timeline[data-complete="true"]');
  const related = await page.$$eval('.timeline [data-event-id]', (events) => events.map((e) => [e.dataset.entities.split(' '), e.dataset.related === 'true']));
  assert.ok(related.every(([entities, marked]) => entities.includes(top.id) === marked), 'its events, and only those, stand out');
  assert.ok(related.some(([, marked]) => marked));
  assert.equal(await stillConnected(held), 0, 'selecting did not replace the text');

  // Hide the selected name's type: its mentions become plain text; the tab stop moves to a shown one.
  const type = top.type;
  await page.click(`[data-legend-type="${type}"]`);
  await page.waitForFunction((t) => !document.querySelector(`.article-body [data-entity-type="${t}"][role="button"]`), type);
  assert.equal(await page.locator(`.article-body [data-entity-type="${type}"][tabindex]`).count(), 0);
  assert.equal(await page.locator('.article-body mark.mention[tabindex="0"]').count(), 1, 'one tab stop');
  assert.notEqual(await page.getAttribute('.article-body mark.mention[tabindex="0"]', 'data-entity-type'), type);
  await page.click(`[data-legend-type="${type}"]`);
  await page.waitForSelector(`.article-body [data-entity-type="${type}"][role="button"]`);
  assert.equal(await page.locator(`.article-body [data-entity-type="${type}"][role="button"]`).count(),
    states.filter((m) => article.entities.find((e) => e.id === m.id).type === type).length);
  assert.equal(await page.locator(`.article-body [aria-pressed="true"]`).count(), top.mentions.length,
    'the selection is still shown on every mention once the type is back');
  assert.equal(await stillConnected(held), 0, 'the legend did not replace the text');

  // Choose an event of the last copy: its sentence is marked, focused and scrolled to.
  const last = article.events[article.events.length - 1];
  await page.click(`.timeline [data-event-id="${last.id}"]`);
  await page.waitForSelector('#selected-sentence');
  const body = [...article.paragraphs.join('\n\n')];
  const sentence = body.slice(last.sentence.start, last.sentence.end).join('');
  assert.ok((await page.textContent('#selected-sentence')).includes(sentence), 'the event\'s sentence is marked');
  assert.equal(await page.locator('.article-body [data-selected="true"]').count(), 1, 'the sentence, and no name any more');
  assert.equal(await page.getAttribute(`.timeline [data-event-id="${last.id}"]`, 'aria-pressed'), 'true');
  await page.waitForFunction(() => {
    const box = document.querySelector('#selected-sentence').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, null, { timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'selected-sentence');
  assert.equal(await stillConnected(held), 0, 'choosing an event did not replace the text');

  // The same event from a link: its sentence is in the last part, shown without waiting for the rest.
  await page.reload();
  await page.waitForSelector('#selected-sentence');
  assert.ok((await page.textContent('#selected-sentence')).includes(sentence));
  assert.equal(await page.getAttribute(`.timeline [data-event-id="${last.id}"]`, 'aria-pressed'), 'true');
  await page.waitForSelector('.article-body[data-complete="true"]', { timeout: 60_000 });
  await page.waitForFunction(() => {
    const box = document.querySelector('#selected-sentence').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, null, { timeout: 10_000 });
  const again = await holdText(page);

  // Clear it: nothing is selected any more.
  await page.click('.selection-note .clear');
  await page.waitForFunction(() => !document.querySelector('[data-selected="true"]'));
  assert.equal(await page.locator('#selected-sentence').count(), 0);
  assert.equal(await page.locator('.timeline [aria-pressed="true"]').count(), 0);
  assert.equal(await stillConnected(again), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long article\'s overview strip stays small: one mark per date, and a mark selects that date\'s events', async () => {
  const article = longArticle();
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await openLong(page, article);
  const dates = new Set(article.events.filter((e) => e.granularity).map((e) => e.date));
  const marks = page.locator('.timeline-strip .mark');
  // Every copy repeats the seed's dates: as many marks as dates, not as events.
  assert.equal(await marks.count(), dates.size);
  assert.ok(article.events.length > 10 * dates.size);
  const box = await page.locator('.timeline-strip').boundingBox();
  assert.ok(box.height < 250, `the strip is ${box.height}px tall`);

  // The mark of the busiest date: its tooltip counts its events; a click selects the first of them.
  const byDate = new Map();
  for (const e of article.events.filter((e) => e.granularity)) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const events = [...byDate.values()].sort((a, b) => b.length - a.length)[0];
  const mark = page.locator(`.timeline-strip .mark[data-strip-events~="${events[0].id}"]`);
  assert.match(await mark.locator('title').textContent(), new RegExp(`, ${events.length} events: `));
  await mark.click({ force: true });
  await page.waitForSelector(`.timeline [data-event-id="${events[0].id}"][aria-pressed="true"]`);
  assert.equal(await mark.getAttribute('data-selected'), 'true');
  assert.match(new URL(page.url()).hash, new RegExp(`/event/${events[0].id}$`));
  // Choosing another event of that date from the list marks the same strip mark.
  await page.click(`.timeline [data-event-id="${events.at(-1).id}"]`);
  await page.waitForSelector(`.timeline [data-event-id="${events.at(-1).id}"][aria-pressed="true"]`);
  assert.equal(await mark.getAttribute('data-selected'), 'true');
  assert.equal(await page.locator('.timeline-strip .mark[data-selected]').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});
