// Screenshots for looking at the app by eye: `node shots.mjs [OUT_DIR]` after `trunk build --release`.
import { serve, launch, SEED_ID } from './harness.mjs';

const out = process.argv[2] ?? 'artifacts';
const server = await serve();
const browser = await launch();
const page = await browser.context.newPage();
const shots = [
  ['library', '', 1280, 800, 'light'],
  ['reader', `#/article/${SEED_ID}`, 1280, 900, 'light'],
  ['reader-event', `#/article/${SEED_ID}/event/event-3`, 1280, 900, 'light'],
  ['reader-phone', `#/article/${SEED_ID}`, 375, 812, 'light'],
  ['reader-phone-timeline', `#/article/${SEED_ID}`, 375, 812, 'light', '.sidebar'],
  ['reader-dark', `#/article/${SEED_ID}/entity/donald-trump`, 1280, 900, 'dark'],
  ['not-found', '#/article/nope', 800, 600, 'light'],
];
for (const [name, hash, width, height, scheme, scrollTo] of shots) {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url + hash);
  await page.waitForSelector('.reader, .library .article-card, .message-page');
  await page.waitForTimeout(400);
  if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}.png` });
}
await browser.close();
await server.close();
