// The page of a State, driven in headless Chromium at 375 px: France's 2022 report (public,
// exports and one import) and Germany's (restricted) are imported with the CLI before the server
// starts. The anonymous visitor goes from /states to France's page with the keyboard, in English
// and in French; the charts repeat the tables under them; Germany's page shows none of its
// restricted lines; axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { startServerWithFranceAndRestrictedGermany, axeViolations } from './imported_reports.mjs';
import { openRecordedPage } from './pages.mjs';

const { chromium } = loadPlaywright();

const FRANCE_LINES = `FRA,2022,export,I,BEL,3,,,actual,Chars,,,\nFRA,2022,export,II,ITA,2,,,actual,Blindés,,,\n`
  + 'FRA,2022,export,II,BEL,1,,,actual,Blindé,,,\nFRA,2022,import,I,DEU,4,,,actual,Kampfpanzer,,,\n';
const PHONE = { width: 375, height: 812 };

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

/** The rows of a chart's table as [label, value] pairs, and the chart's own data. */
async function chartAndTable(page, tableId) {
  const rows = await page.locator(`#${tableId} tbody tr`).evaluateAll(
    (trs) => trs.map((tr) => [tr.dataset.label, Number(tr.dataset.value)]));
  const chartId = await page.locator(`#${tableId}`).getAttribute('data-chart');
  await page.waitForFunction((id) => window.Chart && window.Chart.getChart(id), chartId);
  const chart = await page.evaluate((id) => {
    const { data } = window.Chart.getChart(id);
    return data.labels.map((label, i) => [label, data.datasets[0].data[i]]);
  }, chartId);
  return { rows, chart };
}

async function followWithKeyboard(page, link) {
  await link.focus();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

async function noSidewaysScroll(page) {
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(sizes.scrollWidth <= sizes.innerWidth, `no horizontal overflow: ${JSON.stringify(sizes)}`);
}

for (const [lang, name, exportsCaption] of [['en', 'France', 'Export lines by year'],
  ['fr', 'France', 'Lignes d’exportation par année']]) {
  test(`From /states to France's page (${lang}) at 375 px, with the keyboard, charts and axe-core`,
    { timeout: 60_000 }, async () => {
      const { context, page, errors } = await openRecordedPage(browser, {
        viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true,
      });
      try {
        const response = await page.goto(`${server.baseUrl}/states?lang=${lang}`);
        assert.equal(response.status(), 200);
        await followWithKeyboard(page, page.locator('#states-table a[href="/states/FRA"]'));
        assert.equal(new URL(page.url()).pathname, '/states/FRA');
        assert.equal((await page.locator('h1').textContent()).trim(), name);
        await noSidewaysScroll(page);

        assert.deepEqual(await page.locator('#state-reports tbody tr').evaluateAll(
          (trs) => trs.map((tr) => `${tr.dataset.year}:${tr.dataset.version}`)), ['2022:1']);
        assert.equal((await page.locator('#exports-by-year caption').textContent()).trim(), exportsCaption);
        const exports = await chartAndTable(page, 'exports-by-year');
        assert.deepEqual(exports.rows, [['2022', 3]]);
        assert.deepEqual(exports.chart, exports.rows, 'the chart draws the table');
        const imports = await chartAndTable(page, 'imports-by-year');
        assert.deepEqual(imports.rows, [['2022', 1]]);
        const partners = await chartAndTable(page, 'state-top-partners');
        assert.deepEqual(partners.chart, partners.rows);
        assert.deepEqual(partners.rows.map(([, value]) => value), [2, 1, 1], 'Belgium first, then Germany and Italy');
        assert.equal(await page.locator('#reminder-letters').count(), 0, 'letters are not for the public');

        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], 'axe-core finds nothing');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
}

test("Germany's restricted report reaches no anonymous visitor, not even as a count", { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const response = await page.goto(`${server.baseUrl}/states/DEU?lang=fr`);
    assert.equal(response.status(), 200);
    assert.equal((await page.locator('h1').textContent()).trim(), 'Allemagne');
    assert.equal(await page.locator('#state-reports').count(), 0);
    assert.equal(await page.locator('#no-reports').count(), 1);
    assert.equal(await page.locator('#no-transfers').count(), 1);
    assert.doesNotMatch(await page.content(), /Leopard|NLD|Pays-Bas/);
    await noSidewaysScroll(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
