// A consultation of the information exchange, driven in headless Chromium: a chair opens it with
// two sections and a deadline a few seconds ahead; representatives of two States comment, one in
// English and one in French (reporting officers, who set up their second factor on first
// sign-in); an observer is refused; the deadline passes and editing stops; the
// chair downloads the inventory of comments and reads it. Then the new pages at 375 px with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadPlaywright, chromiumLaunchOptions, startServer } from './server.mjs';
import { openRecordedPage, clickAndWait, signInWithSecondFactor, checkFitsAndAccessible } from './pages.mjs';
import { totp } from './totp.mjs';

const { chromium } = loadPlaywright();

const PASSWORD = 'a long passphrase for the exchange';
const chair = { email: 'chair@example.org', password: PASSWORD, role: 'chair', name: 'Working group chair' };
const officer = ['state-representative', 'reporting-officer'];
const france = { email: 'officer@example.fr', password: PASSWORD, role: officer, state: 'FRA', name: 'Claire Martin' };
const germany = { email: 'officer@example.de', password: PASSWORD, role: officer, state: 'DEU', name: 'Jonas Weber' };
const observer = { email: 'ngo@example.org', password: PASSWORD, role: 'observer', name: 'Civil society' };

// Seconds between publishing and the deadline: long enough for both comments and an edit.
const DEADLINE_AHEAD_S = 25;

let server;
let browser;
let consultation;  // its path, /announcements/N
let deadline;      // Date

before(async () => {
  server = await startServer({ users: [chair, france, germany, observer] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

async function signIn(page, person, lang) {
  await signInWithSecondFactor(page, server.baseUrl, person, lang, totp);
}

async function comment(page, section, text) {
  await page.locator('#field-section').selectOption(section);
  await page.locator('#field-body').fill(text);
  const response = await clickAndWait(page, page.locator('#comment-form button[type=submit]'));
  assert.equal(response.status(), 200);
}

// "2026-12-04 02:40:15": the form's UTC format.
function utcText(date) {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

test('A chair opens a consultation, two States comment, the deadline passes, the inventory is read',
  { timeout: 150_000 }, async () => {
    const chairPage = await openRecordedPage(browser, { locale: 'en-GB' });
    const francePage = await openRecordedPage(browser, { locale: 'fr-FR' });
    const germanyPage = await openRecordedPage(browser, { locale: 'en-GB' });
    const observerPage = await openRecordedPage(browser, { locale: 'en-GB' });
    try {
      // --- The chair opens the consultation with two sections. --------------------------------
      const { page } = chairPage;
      await signIn(page, chair, 'en');
      await page.goto(`${server.baseUrl}/restricted/publish`);
      await page.locator('[name=title]').fill('Draft terms of reference');
      await page.locator('[name=body]').fill('Please comment on **both** sections.');
      await page.locator('[name=kind]').selectOption('consultation');
      await page.locator('[name=audience]').selectOption('registered');
      deadline = new Date(Date.now() + DEADLINE_AHEAD_S * 1000);
      await page.locator('[name=deadline]').fill(utcText(deadline));
      await page.locator('[name=sections]').fill('Scope\nCost estimates');
      await clickAndWait(page, page.getByRole('button', { name: 'Publish' }));
      consultation = new URL(page.url()).pathname;
      assert.match(consultation, /^\/announcements\/\d+$/);
      assert.equal((await page.locator('h1').textContent()).trim(), 'Draft terms of reference');
      assert.deepEqual(await page.locator('#sections li').allTextContents(), ['1. Scope', '2. Cost estimates']);

      // --- France comments in French, Germany in English. -------------------------------------
      const fr = francePage.page;
      await signIn(fr, france, 'fr');
      await fr.goto(`${server.baseUrl}${consultation}?lang=fr`);
      await comment(fr, '1', 'Le champ d’application est trop large.');
      assert.match(await fr.locator('.comment').first().textContent(), /Claire Martin \(France\)/);

      const de = germanyPage.page;
      await signIn(de, germany, 'en');
      await de.goto(`${server.baseUrl}${consultation}?lang=en`);
      await comment(de, '2', 'The cost estimates look low.');
      assert.equal(await de.locator('.comment').count(), 2);
      assert.equal(await de.locator('.edit-link').count(), 1, 'only one’s own comment has an edit link');

      // --- The observer is outside the audience: the same 404 as for nothing. -----------------
      const obs = observerPage.page;
      observerPage.allowConsoleError(/404/);
      observerPage.allowConsoleError(/404/);
      await signIn(obs, observer, 'en');
      const refused = await obs.goto(`${server.baseUrl}${consultation}`);
      assert.equal(refused.status(), 404);
      assert.equal(await obs.getByText('Draft terms of reference').count(), 0);
      const refusedText = await obs.locator('main').textContent();
      const nothing = await obs.goto(`${server.baseUrl}/announcements/999999`);
      assert.equal(nothing.status(), 404);
      assert.equal(await obs.locator('main').textContent(), refusedText);

      // --- France edits before the deadline, then opens the editor again and waits. -----------
      await fr.locator('.edit-link').click();
      await fr.waitForURL(/edit=/);
      await fr.locator('#field-body').fill('Le champ d’application est trop large : voir l’annexe.');
      await clickAndWait(fr, fr.locator('#comment-form button[type=submit]'));
      assert.match(await fr.locator('.comment').first().textContent(), /voir l’annexe/);
      assert.match(await fr.locator('.comment details').first().textContent(), /trop large\./,
        'the earlier wording is kept');
      await fr.locator('.edit-link').click();
      await fr.waitForURL(/edit=/);
      await fr.locator('#field-body').fill('Trop tard ?');

      // --- The deadline passes: the page says so and editing stops. ---------------------------
      const wait = deadline.getTime() - Date.now() + 1500;
      if (wait > 0) await fr.waitForTimeout(wait);
      francePage.allowConsoleError(/409/);
      const late = await clickAndWait(fr, fr.locator('#comment-form button[type=submit]'));
      assert.equal(late.status(), 409);
      assert.match(await fr.getByRole('alert').textContent(), /Les commentaires sont clos/);
      assert.equal(await fr.locator('#comment-form').count(), 0);
      assert.equal(await fr.locator('.edit-link').count(), 0);
      assert.match(await fr.locator('#comments-closed').textContent(), /lecture seule/);
      assert.doesNotMatch(await fr.locator('.comment').first().textContent(), /Trop tard/);

      // --- The chair downloads the inventory and reads it. ------------------------------------
      await page.goto(`${server.baseUrl}${consultation}/inventory`);
      assert.equal((await page.locator('#inventory-total').textContent()).trim(), '2');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'CSV' }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trim().split(/\r?\n/);
      assert.equal(lines.length, 3, csv);
      assert.match(lines[0], /^Section,State,Comment,In reply to,Author,/);
      assert.match(lines[1], /^1\. Scope,France,\d+,,Claire Martin,France,.*voir l’annexe/);
      assert.match(lines[2], /^2\. Cost estimates,Germany,\d+,,Jonas Weber,Germany,.*The cost estimates look low\./);
      // The same compilation as a workbook and as a PDF, for the chair only as for the audience.
      const api = `${server.baseUrl}/api/v1${consultation}/inventory`;
      const xlsx = await page.request.get(`${api}?format=xlsx`);
      assert.equal(xlsx.status(), 200);
      assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');
      const pdf = await page.request.get(`${api}?format=pdf`);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
      assert.equal((await obs.request.get(`${api}?format=pdf`)).status(), 404, 'not for the observer');

      for (const recorded of [chairPage, francePage, germanyPage, observerPage])
        assert.deepEqual(recorded.errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      for (const recorded of [chairPage, francePage, germanyPage, observerPage]) await recorded.context.close();
    }
  });

test('The exchange pages at 375 px pass axe-core without violations',
  { timeout: 90_000 }, async () => {
    assert.ok(consultation, 'the first test opened a consultation');
    const { context, page } = await openRecordedPage(browser, {
      viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'en-GB',
    });
    try {
      await signIn(page, chair, 'en');
      for (const path of ['/restricted', '/announcements', consultation, `${consultation}/inventory`,
        '/restricted/publish']) {
        const response = await page.goto(`${server.baseUrl}${path}`);
        assert.equal(response.status(), 200, path);
        await checkFitsAndAccessible(page, path);
      }
    } finally {
      await context.close();
    }
  });
