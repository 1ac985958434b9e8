// The reporting-status page, driven in headless Chromium: two reports are imported with the CLI
// before the server starts (France 2022 on time, Germany 2022 late and restricted); the page is
// read in French, filtered with the form (a GET form: the filters are in the address), drawn as
// a chart, used with the keyboard only, at 375 px wide, and checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { startServerWithFranceAndRestrictedGermany, axeViolations } from './imported_reports.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';

const { chromium } = loadPlaywright();

const FRANCE_LINES = `FRA,2022,export,I,BEL,3,,,actual,Chars,,,\n`;
const PAGE = '/status?lang=fr&year=2022&as_of=2023-12-31';

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

test('Status page in French: table with symbols and words, chart, filters in the address',
  { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const response = await page.goto(`${server.baseUrl}${PAGE}`);
      assert.equal(response.status(), 200);
      assert.equal((await page.locator('h1').textContent()).trim(), 'État de la présentation des rapports');
      const germany = page.locator('#status-table tbody tr[data-iso3="DEU"]');
      assert.equal(await germany.getAttribute('data-status'), 'late');
      assert.match(await germany.locator('.compliance').textContent(), /!\s*En retard/);
      assert.match(await germany.textContent(), /États Parties seulement/);
      assert.match(await page.locator('#status-table tbody tr[data-iso3="FRA"] .compliance').textContent(),
        /✓\s*Dans les délais/);

      // Chart.js drew the chart from the table of rates.
      await page.waitForFunction(() => window.Chart && window.Chart.getChart('status-chart'));
      const datasets = await page.evaluate(() => window.Chart.getChart('status-chart').data.datasets.length);
      assert.equal(datasets, 3);

      // Filter like a user; the form is a GET form, so the result has its own address.
      const form = page.getByRole('search');
      await form.getByRole('combobox', { name: 'Statut', exact: true }).selectOption('late');
      await clickAndWait(page, form.getByRole('button', { name: 'Afficher' }));
      const url = new URL(page.url());
      assert.equal(url.pathname, '/status');
      assert.equal(url.searchParams.get('status'), 'late');
      assert.equal(url.searchParams.get('year'), '2022');
      const statuses = await page.locator('#status-table tbody tr').evaluateAll(
        (trs) => trs.map((tr) => tr.dataset.iso3));
      assert.deepEqual(statuses, ['DEU']);
      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });

test('Status page at 375 px, with the keyboard, and axe-core', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, {
    viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true,
  });
  try {
    const response = await page.goto(`${server.baseUrl}${PAGE}`);
    assert.equal(response.status(), 200);
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    assert.ok(sizes.scrollWidth <= sizes.innerWidth, `no horizontal overflow: ${JSON.stringify(sizes)}`);

    // Keyboard only: Tab to the region filter, choose a region, Tab to the button, Enter.
    const region = page.getByRole('combobox', { name: 'Région', exact: true });
    await region.focus();
    await region.selectOption('Europe');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.type === 'submit');
    }
    assert.ok(reached, 'the button is reached with Tab');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('region'), 'Europe');
    const regions = await page.locator('#status-table tbody tr td:first-of-type').allTextContents();
    assert.ok(regions.length > 0);
    assert.deepEqual([...new Set(regions.map((r) => r.trim()))], ['Europe']);

    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], 'axe-core finds nothing');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
