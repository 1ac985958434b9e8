// The transfers explorer, driven in headless Chromium: two reports are imported with the CLI
// before the server starts (France 2022 public, Germany 2022 restricted); the anonymous visitor
// sees France's lines only, filters with the keyboard (a GET form: the filters are in the
// address), sees the charts drawn from their tables, at 375 px wide, checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions, repoRoot } from './server.mjs';
import { startServerWithFranceAndRestrictedGermany, axeViolations } from './imported_reports.mjs';
import { openRecordedPage } from './pages.mjs';
import { join } from 'node:path';

const { chromium } = loadPlaywright();

const FRANCE_LINES = `FRA,2022,export,I,BEL,3,,,actual,Chars,,,\nFRA,2022,export,II,ITA,2,,,actual,Blindés,,,\n`;

let server;
let browser;

before(async () => {
  server = await startServerWithFranceAndRestrictedGermany(FRANCE_LINES);
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

test('Explorer at 375 px, with the keyboard, charts and axe-core', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, {
    viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true,
  });
  try {
    const response = await page.goto(`${server.baseUrl}/transfers`);
    assert.equal(response.status(), 200);
    const reporters = await page.locator('#transfer-lines tbody tr').evaluateAll(
      (trs) => trs.map((tr) => tr.dataset.reporter));
    assert.deepEqual(reporters, ['FRA', 'FRA'], 'the restricted German line is not shown');
    assert.doesNotMatch(await page.content(), /Leopard|NLD/);
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    assert.ok(sizes.scrollWidth <= sizes.innerWidth, `no horizontal overflow: ${JSON.stringify(sizes)}`);

    await page.waitForFunction(() => window.Chart && window.Chart.getChart('year-chart')
      && window.Chart.getChart('partner-chart'));
    const years = await page.evaluate(() => window.Chart.getChart('year-chart').data.datasets[0].data);
    assert.deepEqual(years, [2]);

    // The world map colours the partners by their M49 codes: Belgium (056) and Italy (380).
    await page.waitForFunction(() => window.Chart.getChart('partner-map'));
    const coloured = await page.evaluate(() => window.Chart.getChart('partner-map').data.datasets[0].data
      .filter((d) => d.value > 0).map((d) => `${d.feature.id}:${d.value}`).sort());
    assert.deepEqual(coloured, ['056:1', '380:1']);
    await page.screenshot({ path: join(repoRoot, 'build', 'transfers-explorer-375.png'), fullPage: true })
      .catch(() => {});

    // Keyboard only: the category field, then Tab to the button, Enter.
    const category = page.locator('input[name="category"]');
    await category.focus();
    await page.keyboard.type('II');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.type === 'submit');
    }
    assert.ok(reached, 'the button is reached with Tab');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('category'), 'II');
    assert.equal(await page.locator('#transfer-lines tbody tr').count(), 1);

    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], 'axe-core finds nothing');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
