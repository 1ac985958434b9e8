// The documents library and the guidance, driven in headless Chromium: a chair adds a public
// document and one restricted to States Parties through the forms, each with a file, attaches
// both to a public announcement and revises a question of the guidance; the public searches the
// library without accents, opens the document, switches between English and French, and finds
// no trace of the restricted one, not in the search, the announcement or at its address; a
// State Party's representative finds both. Then every page at 375 px with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlaywright, chromiumLaunchOptions, startServer } from './server.mjs';
import { openRecordedPage, clickAndWait, signInWithSecondFactor, checkFitsAndAccessible } from './pages.mjs';
import { totp } from './totp.mjs';

const { chromium } = loadPlaywright();

const PASSWORD = 'a long passphrase for the library';
const chair = { email: 'chair@example.org', password: PASSWORD, role: 'chair', name: 'Working group chair' };
const representative = {
  email: 'rep@example.fr', password: PASSWORD, role: 'state-representative', state: 'FRA', name: 'Anne Durand',
};

const PUBLIC_SYMBOL = 'ATT/CSP10/2024/SEC/801/Conf.Rep';
const RESTRICTED_SYMBOL = 'ATT/CSP10/2024/SEC/802/Conf.Costs';
const RESTRICTED_TITLE = 'Coûts estimés des réunions';

let server;
let browser;
const paths = {};  // the pages the first test made: publicDocument, restrictedDocument, announcement

before(async () => {
  server = await startServer({ users: [chair, representative] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

async function signIn(page, person, lang) {
  await signInWithSecondFactor(page, server.baseUrl, person, lang, totp);
}

// A document through /documents/new, then its first version with an English and a French file.
async function addDocument(page, { symbol, title, summary, audience }) {
  await page.goto(`${server.baseUrl}/documents/new`);
  await page.locator('#document-symbol').fill(symbol);
  await page.locator('#document-title').fill(title);
  await page.locator('#document-summary').fill(summary);
  await page.locator('#document-audience').selectOption(audience);
  await clickAndWait(page, page.locator('#document-form button[type=submit]'));
  const path = new URL(page.url()).pathname;
  assert.match(path, /^\/documents\/\d+$/);
  await page.locator('#file-en').setInputFiles({ name: 'report-en.txt', mimeType: 'text/plain', buffer: Buffer.from(`${title} (English)`) });
  await page.locator('#file-fr').setInputFiles({ name: 'rapport-fr.txt', mimeType: 'text/plain', buffer: Buffer.from(`${title} (français)`) });
  await page.locator('#version-note').fill('First issue');
  await clickAndWait(page, page.locator('#version-form button[type=submit]'));
  assert.equal(await page.locator('#version-1-files a').count(), 2);
  return path;
}

test('Documents are published, searched without accents, read in two languages and kept from outsiders',
  { timeout: 150_000 }, async () => {
    const chairPage = await openRecordedPage(browser, { locale: 'en-GB' });
    const publicPage = await openRecordedPage(browser, { locale: 'en-GB' });
    const repPage = await openRecordedPage(browser, { locale: 'fr-FR' });
    try {
      // --- The chair publishes two documents, attaches them, revises the guidance. -----------
      const { page } = chairPage;
      await signIn(page, chair, 'en');
      paths.publicDocument = await addDocument(page, {
        symbol: PUBLIC_SYMBOL, title: 'Transparency report', summary: 'Résumé des décisions de la Conférence',
        audience: 'public',
      });
      paths.restrictedDocument = await addDocument(page, {
        symbol: RESTRICTED_SYMBOL, title: RESTRICTED_TITLE, summary: 'Budget prévisionnel', audience: 'parties',
      });
      await page.goto(`${server.baseUrl}/restricted/publish`);
      await page.locator('[name=title]').fill('Documents for the next meeting');
      await page.locator('[name=body]').fill('The documents are attached.');
      await page.locator('[name=kind]').selectOption('announcement');
      await page.locator('[name=audience]').selectOption('public');
      await page.locator('[name=documents]').fill(`${PUBLIC_SYMBOL}\n${RESTRICTED_SYMBOL}`);
      await clickAndWait(page, page.getByRole('button', { name: 'Publish' }));
      paths.announcement = new URL(page.url()).pathname;
      assert.deepEqual(await page.locator('#attached-documents-list .document-symbol').allTextContents(),
        [PUBLIC_SYMBOL, RESTRICTED_SYMBOL]);
      await page.goto(`${server.baseUrl}/faq/revise`);
      await page.locator('[name=number]').fill('1');
      await page.locator('[name=meeting]').fill('CSP10');
      await page.locator('[name=question_en]').fill('Who must report?');
      await page.locator('[name=answer_en]').fill('Each *State Party*, every year by 31 May.');
      await page.locator('[name=question_fr]').fill('Qui doit faire rapport ?');
      await page.locator('[name=answer_fr]').fill('Chaque *État Partie*, chaque année au plus tard le 31 mai.');
      await clickAndWait(page, page.getByRole('button', { name: 'Publish the revision' }));
      assert.equal(new URL(page.url()).pathname, '/faq/1/history');

      // --- The public searches without accents and opens the document. -----------------------
      const pub = publicPage.page;
      await pub.goto(`${server.baseUrl}/documents?lang=en`);
      await pub.locator('#documents-q').fill('RESUME decisions');
      await clickAndWait(pub, pub.locator('#documents-search button[type=submit]'));
      assert.equal((await pub.locator('#documents-count').textContent()).trim(), '1');
      await clickAndWait(pub, pub.getByRole('link', { name: PUBLIC_SYMBOL }));
      assert.equal(new URL(pub.url()).pathname, paths.publicDocument);
      assert.equal((await pub.locator('h1').textContent()).trim(), 'Transparency report');
      assert.equal((await pub.locator('#versions-heading').textContent()).trim(), 'Versions');
      const file = new URL(await pub.locator('a[hreflang=en][download]').getAttribute('href'), pub.url());
      const english = await pub.request.get(file.href);
      assert.equal(await english.text(), 'Transparency report (English)');
      // Switching to French keeps the document.
      await clickAndWait(pub, pub.locator('#language-switch a[hreflang=fr]'));
      assert.equal(await pub.locator('html').getAttribute('lang'), 'fr');
      assert.equal(new URL(pub.url()).pathname, paths.publicDocument);
      assert.match(await pub.locator('a[hreflang=fr][download]').textContent(), /^Français/);
      await clickAndWait(pub, pub.locator('#language-switch a[hreflang=en]'));
      assert.equal(await pub.locator('html').getAttribute('lang'), 'en');

      // --- Nothing of the restricted document reaches the public. -----------------------------
      for (const query of ['couts', 'budget previsionnel', '802']) {
        await pub.goto(`${server.baseUrl}/documents?q=${encodeURIComponent(query)}&lang=en`);
        assert.equal((await pub.locator('#documents-count').textContent()).trim(), '0', query);
      }
      await pub.goto(`${server.baseUrl}/documents?lang=en`);
      assert.equal(await pub.locator('#documents tbody tr').count(), 1);
      assert.equal(await pub.getByText(RESTRICTED_TITLE).count(), 0);
      await pub.goto(`${server.baseUrl}${paths.announcement}?lang=en`);
      assert.deepEqual(await pub.locator('#attached-documents-list .document-symbol').allTextContents(), [PUBLIC_SYMBOL]);
      assert.doesNotMatch(await pub.content(), /Coûts estimés|SEC\/802/);
      publicPage.allowConsoleError(/404/);
      const hidden = await pub.goto(`${server.baseUrl}${paths.restrictedDocument}`);
      assert.equal(hidden.status(), 404);
      assert.doesNotMatch(await pub.content(), /Coûts estimés|SEC\/802/);

      // --- A State Party's representative finds both, in French. ------------------------------
      const rep = repPage.page;
      await signIn(rep, representative, 'fr');
      await rep.goto(`${server.baseUrl}/documents?q=${encodeURIComponent('coûts ESTIMES')}&lang=fr`);
      assert.equal((await rep.locator('#documents-count').textContent()).trim(), '1');
      await clickAndWait(rep, rep.getByRole('link', { name: RESTRICTED_SYMBOL }));
      assert.equal((await rep.locator('h1').textContent()).trim(), RESTRICTED_TITLE);
      await rep.goto(`${server.baseUrl}${paths.announcement}`);
      assert.equal(await rep.locator('#attached-documents-list li').count(), 2);

      for (const recorded of [chairPage, publicPage, repPage])
        assert.deepEqual(recorded.errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      for (const recorded of [chairPage, publicPage, repPage]) await recorded.context.close();
    }
  });

test('The documents and guidance pages at 375 px pass axe-core without violations',
  { timeout: 120_000 }, async () => {
    assert.ok(paths.announcement, 'the first test published the documents');
    const { context, page } = await openRecordedPage(browser, {
      viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'en-GB',
    });
    try {
      await signIn(page, chair, 'en');
      const pages = ['/documents', '/documents?q=resume', paths.publicDocument, paths.restrictedDocument,
        '/documents/new', paths.announcement, '/faq', '/faq/1/history', '/faq/revise?number=1'];
      for (const lang of ['en', 'fr']) {
        for (const path of pages) {
          const address = `${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
          const response = await page.goto(address);
          assert.equal(response.status(), 200, address);
          await checkFitsAndAccessible(page, `${path} ${lang}`);
        }
      }
    } finally {
      await context.close();
    }
  });
