// The States page in French, driven in headless Chromium as a user would:
// read the register on a date, then filter it with the form (htmx swap).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { openRecordedPage } from './pages.mjs';

const { chromium } = loadPlaywright();


let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  // Each step runs even if the previous one failed, so nothing is left behind.
  await browser?.close().catch(() => {});
  await server?.stop();
});

test('States page in French: register on a date, then filtered with the form',
  { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const response = await page.goto(`${server.baseUrl}/states?lang=fr&as_of=2014-12-24`);
      assert.equal(response.status(), 200);
      // htmx is loaded with `defer`: wait for it so the form is wired up.
      await page.waitForFunction(() => typeof window.htmx !== 'undefined');

      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.equal((await page.locator('h1').textContent()).trim(), 'Les États et le traité');

      const rows = page.locator('#states-table tbody tr[data-iso3][data-status]');
      assert.equal(await rows.count(), 196);
      assert.match(await page.locator('#summary').textContent(), /61 États Parties/);

      const france = page.locator('#states-table tbody tr[data-iso3="FRA"]');
      assert.equal(await france.getAttribute('data-status'), 'party');
      assert.match(await france.locator('th').textContent(), /France/);
      assert.match(await france.locator('.status').textContent(), /État Partie/);

      // A mark on the window survives an htmx swap but not a full page load.
      await page.evaluate(() => { window.e2eSamePage = true; });

      // Filter like a user: the controls are found by their French labels.
      const form = page.getByRole('search');
      const region = form.getByRole('combobox', { name: 'Région', exact: true });
      const status = form.getByRole('combobox', { name: 'Statut', exact: true });
      const asOf = form.getByRole('textbox', { name: 'Statut au', exact: true });
      await region.selectOption({ label: 'Europe' });
      await status.selectOption({ label: 'État Partie' });
      await asOf.fill('2020-01-01');
      await form.getByRole('button', { name: 'Afficher' }).click();

      // Each change and the submit fire an htmx request; wait until the last
      // one has been swapped in and nothing is in flight any more.
      await page.waitForURL(
        (url) => url.searchParams.get('region') === 'Europe'
          && url.searchParams.get('status') === 'party'
          && url.searchParams.get('as_of') === '2020-01-01');
      await page.waitForFunction(() =>
        document.querySelector('.htmx-request') === null
        && /2020-01-01/.test(document.querySelector('#summary')?.textContent ?? '')
        && [...document.querySelectorAll('#counts-by-region tbody tr')].length === 1);

      assert.equal(await page.evaluate(() => window.e2eSamePage), true,
        'the results were swapped in by htmx, without reloading the page');

      const url = new URL(page.url());
      assert.equal(url.pathname, '/states');
      assert.equal(url.searchParams.get('region'), 'Europe');
      assert.equal(url.searchParams.get('lang'), 'fr');

      const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
      assert.ok(statuses.length > 0, 'the filtered table has rows');
      assert.deepEqual([...new Set(statuses)], ['party']);
      assert.equal(await france.count(), 1, 'France is still listed');

      const regionRows = page.locator('#counts-by-region tbody tr');
      assert.equal(await regionRows.count(), 1);
      assert.equal((await regionRows.locator('th').textContent()).trim(), 'Europe');

      // The language switch follows the filters, so English shows the same list.
      const english = new URL(
        await page.locator('.language-switch a[hreflang="en"]').getAttribute('href'), url);
      assert.equal(english.searchParams.get('lang'), 'en');
      assert.equal(english.searchParams.get('region'), 'Europe');
      assert.equal(english.searchParams.get('status'), 'party');
      assert.equal(english.searchParams.get('as_of'), '2020-01-01');

      // The swap kept the page in French and the form in step with the URL.
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.equal(await region.inputValue(), 'Europe');
      assert.equal(await status.inputValue(), 'party');
      assert.equal(await asOf.inputValue(), '2020-01-01');

      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });

test('States page in French on a phone: no horizontal overflow of the page',
  { timeout: 30_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, {
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    });
    try {
      const response = await page.goto(`${server.baseUrl}/states?lang=fr&as_of=2014-12-24`);
      assert.equal(response.status(), 200);
      await page.waitForFunction(() => typeof window.htmx !== 'undefined');

      const sizes = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      // A mobile viewport widens itself to fit content that is too wide, so the width is
      // compared with the phone's own 390 px, not with whatever innerWidth became.
      assert.equal(sizes.innerWidth, 390, 'the viewport kept the phone width');
      assert.ok(sizes.scrollWidth <= 390 + 1, `page is ${sizes.scrollWidth}px wide on a 390px phone`);

      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });
