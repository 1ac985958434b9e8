// Reminder letters in headless Chromium: a Secretariat account (second factor set up on its
// first sign-in) finds the letters page in the navigation, asks for the letters of every State
// overdue on a date with one click, previews them, and downloads all of them as one PDF. The
// register holds no report, so every State Party that owed a report by then is overdue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, loadPlaywright, chromiumLaunchOptions, repoRoot } from './server.mjs';
import { axeViolations } from './imported_reports.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { freshCode } from './totp.mjs';

const { chromium } = loadPlaywright();

const secretariat = {
  email: 'letters@secretariat.example',
  password: 'secretariat passphrase 2024',
  role: 'secretariat',
  name: 'Secretariat Officer',
};

let server;
let browser;

before(async () => {
  server = await startServer({ users: [secretariat] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

test('the Secretariat generates the letters of all overdue States and downloads one PDF', { timeout: 175_000 },
  async () => {
    const { context, page, errors } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.locator('[name=email]').fill(secretariat.email);
      await page.locator('[name=password]').fill(secretariat.password);
      await clickAndWait(page, page.locator('main form button[type=submit]'));
      assert.equal(new URL(page.url()).pathname, '/account/two-factor', 'the Secretariat must set up a second factor');
      const secret = (await page.locator('#totp-secret').textContent()).trim();
      const setup = await freshCode(secret);
      await page.locator('[name=code]').fill(setup.code);
      await clickAndWait(page, page.locator('main form button[type=submit]'));

      // The navigation leads there (the page after the set-up was drawn before it was done).
      await page.goto(`${server.baseUrl}/status`);
      const entry = page.locator('nav a[href="/status/letters"]');
      const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(await entry.count(), 1, `the letters page is in the navigation of ${page.url()}: ${links}`);
      await clickAndWait(page, entry);
      assert.equal(new URL(page.url()).pathname, '/status/letters');

      // One click: every State overdue on that date, previewed.
      await page.locator('#as_of').fill('2024-12-31');
      await clickAndWait(page, page.locator('#letters-choice button[name=all]'));
      const chosen = await page.locator('#letters-actions input[name=state]').evaluateAll(
        (inputs) => inputs.map((input) => input.value));
      assert.ok(chosen.length > 50, `dozens of States are overdue with no report at all: ${chosen.length}`);
      assert.ok(chosen.includes('FRA') && chosen.includes('DEU'), 'France and Germany owed reports by 2024');
      assert.deepEqual(await axeViolations(page), [], 'axe-core finds nothing on the letters page');

      // All the letters in one PDF: the form's own fields, posted with the page's cookies (a
      // browser shows the PDF in its viewer rather than handing it over).
      const body = await page.locator('#letters-actions').evaluate(
        (form) => new URLSearchParams(new FormData(form)).toString());
      const answer = await page.request.post(`${server.baseUrl}/status/letters/pdf`, {
        data: body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, timeout: 150_000,
      });
      assert.equal(answer.status(), 200);
      assert.equal(answer.headers()['content-type'], 'application/pdf');
      const pdf = await answer.body();
      await writeFile(join(repoRoot, 'build', 'reminder-letters.pdf'), pdf);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= chosen.length, `at least one page per letter: ${pages} pages, ${chosen.length} letters`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
