// Screenshots for looking at the app by eye: `node shots.mjs [OUT_DIR]` after `trunk build --release`.
import { serve, launch, clearStorage, SEED_ID, SAMPLE } from './harness.mjs';

const out = process.argv[2] ?? 'artifacts';
const server = await serve();
const browser = await launch();
const page = await browser.context.newPage();

// One article of the reader's own, so the library and the own-article view have something to show.
await page.goto(server.url + '#/analyze');
await clearStorage(page);
await page.fill('#analyze-text', SAMPLE);
await page.fill('#analyze-title-input', 'Merkel and Macron plan a summit');
await page.fill('#analyze-source', 'Test Wire');
await page.fill('#analyze-date', '2018-03-01');
await page.click('[data-action="analyze"]');
await page.waitForURL(/#\/mine\//);
const mine = new URL(page.url()).hash;

const shots = [
  ['library', '', 1280, 800, 'light'],
  ['library-dark-phone', '', 375, 812, 'dark'],
  ['reader', `#/article/${SEED_ID}`, 1280, 900, 'light'],
  ['reader-event', `#/article/${SEED_ID}/event/event-3`, 1280, 900, 'light'],
  ['reader-phone', `#/article/${SEED_ID}`, 375, 812, 'light'],
  ['reader-phone-timeline', `#/article/${SEED_ID}`, 375, 812, 'light', '.sidebar'],
  ['reader-dark', `#/article/${SEED_ID}/entity/donald-trump`, 1280, 900, 'dark'],
  ['not-found', '#/article/nope', 800, 600, 'light'],
  ['analyze', '#/analyze', 1280, 900, 'light'],
  ['analyze-dark', '#/analyze', 1280, 900, 'dark'],
  ['analyze-phone', '#/analyze', 375, 812, 'light'],
  ['analyze-phone-dark', '#/analyze', 375, 812, 'dark'],
  ['mine', mine, 1280, 900, 'light'],
  ['mine-dark', mine, 1280, 900, 'dark'],
  ['mine-phone', mine, 375, 812, 'light'],
];
for (const [name, hash, width, height, scheme, scrollTo] of shots) {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url + hash);
  await page.waitForSelector('.reader, .library .article-card, .message-page, .analyze');
  await page.waitForTimeout(400);
  if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}.png` });
}
// The Analyze page with a refused input and with the progress line.
await page.setViewportSize({ width: 1280, height: 900 });
await page.emulateMedia({ colorScheme: 'light' });
await page.goto(server.url + '#/analyze');
await page.fill('#analyze-text', SAMPLE);
await page.setInputFiles('#analyze-file', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0xe9]) });
await page.waitForSelector('[data-analyze-error]');
await page.screenshot({ path: `${out}/analyze-error.png` });
await page.route('**/models/ner-news.bin', () => {});
await page.click('[data-action="analyze"]');
await page.waitForSelector('.progress[data-progress="1"]');
await page.screenshot({ path: `${out}/analyze-progress.png` });
await browser.close();
await server.close();
