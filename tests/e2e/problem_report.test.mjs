// Reporting a problem, driven in headless Chromium at 375 px with the keyboard: an observer
// follows the footer link of the States page, sends a report in French, the Secretariat answers
// and closes it from its queue, and the observer reads the answer. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions, startServer } from './server.mjs';
import { openRecordedPage, clickAndWait, signInWithSecondFactor, checkFitsAndAccessible } from './pages.mjs';
import { totp } from './totp.mjs';

const { chromium } = loadPlaywright();

const PASSWORD = 'a long passphrase for reporting problems';
const observer = { email: 'ngo@example.org', password: PASSWORD, role: 'observer', name: 'Civil society' };
const secretariat = { email: 'sec@example.org', password: PASSWORD, role: 'secretariat', name: 'ATT Secretariat' };
const small = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true };

let server;
let browser;

before(async () => {
  server = await startServer({ users: [observer, secretariat] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

test('A problem is reported from the footer, answered and closed by the Secretariat',
  { timeout: 120_000 }, async () => {
    const reporter = await openRecordedPage(browser, { ...small, locale: 'fr-FR' });
    const answerer = await openRecordedPage(browser, { ...small, locale: 'en-GB' });
    try {
      const { page } = reporter;
      await signInWithSecondFactor(page, server.baseUrl, observer, 'fr', totp);
      await page.goto(`${server.baseUrl}/states`);
      // The footer link, reached with the keyboard, carries the page's address.
      await page.locator('#report-problem').focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).searchParams.get('page'), '/states');
      assert.match(await page.locator('h1').textContent(), /Signaler un problème/);
      await checkFitsAndAccessible(page, 'the form');
      // Sent empty: the error, and the choice made is kept.
      await page.locator('[name=category]').selectOption('wrong_data');
      reporter.allowConsoleError(/status of 400/);
      const refused = await clickAndWait(page, page.locator('main form button[type=submit]'));
      assert.equal(refused.status(), 400);
      assert.equal(await page.locator('[name=category]').inputValue(), 'wrong_data');
      await page.locator('[name=description]').fill('La carte des États est vide.');
      await clickAndWait(page, page.locator('main form button[type=submit]'));
      const reportPath = new URL(page.url()).pathname;
      assert.match(reportPath, /^\/problems\/\d+$/);
      await checkFitsAndAccessible(page, 'the report');

      const other = answerer.page;
      await signInWithSecondFactor(other, server.baseUrl, secretariat, 'en', totp);
      await other.goto(`${server.baseUrl}/problems`);
      await checkFitsAndAccessible(other, 'the queue');
      await clickAndWait(other, other.locator(`a[href="${reportPath}"]`));
      await other.locator('#answer').fill('The map needs script; the table below it lists every State.');
      await other.locator('#close').check();
      await checkFitsAndAccessible(other, 'the answer form');
      await clickAndWait(other, other.locator('main form button[type=submit]'));
      assert.match(await other.locator('#problem-report').getAttribute('data-status'), /closed/);

      await page.goto(`${server.baseUrl}${reportPath}`);
      assert.match(await page.locator('main').textContent(), /the table below it lists every State/);
      assert.match(await page.locator('main').textContent(), /Clos/);
      assert.deepEqual(reporter.errors, []);
      assert.deepEqual(answerer.errors, []);
    } finally {
      await reporter.context.close();
      await answerer.context.close();
    }
  });
