// Notifications, driven in headless Chromium at 375 px with the keyboard: a chair publishes a
// consultation for States Parties; France's representative, in French, sees the count on the
// restricted area, follows it to what is new, marks it all as seen, then chooses immediate mail
// from the account page. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions, startServer } from './server.mjs';
import { openRecordedPage, clickAndWait, signInWithSecondFactor, checkFitsAndAccessible } from './pages.mjs';
import { totp } from './totp.mjs';

const { chromium } = loadPlaywright();

const PASSWORD = 'a long passphrase for notifications';
const representative = {
  email: 'rep@example.fr', password: PASSWORD, role: 'state-representative', state: 'FRA', name: 'Représentante',
};
const chair = { email: 'chair@example.org', password: PASSWORD, role: 'chair', name: 'Chair' };
const small = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true };

let server;
let browser;

before(async () => {
  server = await startServer({ users: [representative, chair] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

async function followWithKeyboard(page, locator) {
  await locator.focus();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

test('What is new since the last visit, marked as seen, and the choice of mail',
  { timeout: 120_000 }, async () => {
    const publisher = await openRecordedPage(browser, { locale: 'en-GB' });
    const reader = await openRecordedPage(browser, { ...small, locale: 'fr-FR' });
    try {
      const other = publisher.page;
      await signInWithSecondFactor(other, server.baseUrl, chair, 'en', totp);
      await other.goto(`${server.baseUrl}/restricted/publish`);
      await other.locator('[name=title]').fill('Coûts des réunions 2027');
      await other.locator('[name=body]').fill('Vos commentaires sur les coûts.');
      await other.locator('[name=audience]').selectOption('parties');
      await clickAndWait(other, other.locator('main form button[type=submit]'));
      assert.match(new URL(other.url()).pathname, /^\/announcements\/\d+$/);

      const { page } = reader;
      await signInWithSecondFactor(page, server.baseUrl, representative, 'fr', totp);
      await page.goto(`${server.baseUrl}/restricted`);
      const count = page.locator('#new-since-last-visit');
      assert.match(await count.textContent(), /Nouveautés depuis votre dernière visite : 1/);
      await checkFitsAndAccessible(page, 'the restricted area');
      await followWithKeyboard(page, count);
      assert.equal(new URL(page.url()).pathname, '/restricted/new');
      assert.match(await page.locator('#news').textContent(), /Consultation : Coûts des réunions 2027/);
      await checkFitsAndAccessible(page, 'what is new');
      await page.locator('main form button[type=submit]').focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.match(await page.locator('#nothing-new').textContent(), /Rien de nouveau depuis le/);
      await checkFitsAndAccessible(page, 'nothing new');

      await page.goto(`${server.baseUrl}/account`);
      await followWithKeyboard(page, page.locator('main a[href="/account/notifications"]'));
      await checkFitsAndAccessible(page, 'the choice of mail');
      assert.equal(await page.locator('[name=delivery]').inputValue(), 'digest');
      await page.locator('[name=delivery]').selectOption('immediate');
      await page.locator('main form button[type=submit]').focus();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.match(await page.locator('main').textContent(), /Votre choix est enregistré/);
      assert.equal(await page.locator('[name=delivery]').inputValue(), 'immediate');
      await checkFitsAndAccessible(page, 'the choice saved');
      assert.deepEqual(reader.errors, []);
      assert.deepEqual(publisher.errors, []);
    } finally {
      await publisher.context.close();
      await reader.context.close();
    }
  });
