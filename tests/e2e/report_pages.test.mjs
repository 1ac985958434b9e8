// The report pages, driven in headless Chromium as a reader would: reports
// are imported with the CLI before the server starts (France 2022, then an
// amendment of it, and a restricted report of Germany), then read in French
// from the list, version by version, with their downloads and receipt, on a
// desktop and on a phone, with the keyboard, and finally in Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runAtt, loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { REPORT_HEADER as HEADER } from './imported_reports.mjs';

const { chromium } = loadPlaywright();

// The description with a comma is quoted; it must stay one cell.
const DESCRIPTION = 'Chars de combat Leclerc, rénovés';

/** Version 1 of France 2022. */
const FRANCE_V1 = [
  HEADER,
  `FRA,2022,export,I,BEL,3,1500000,EUR,actual,"${DESCRIPTION}",,,`,
  'FRA,2022,export,IV.a,IND,2,,,actual,Rafale,,,',
  'FRA,2022,export,VIII.SA.2,CAN,120,45000,EUR,authorized,Fusils,,,',
].join('\n') + '\n';

/** Version 2: the same report with other numbers and one more line. */
const FRANCE_V2 = [
  HEADER,
  `FRA,2022,export,I,BEL,5,2500000,EUR,actual,"${DESCRIPTION}",,,`,
  'FRA,2022,export,IV.a,IND,4,,,actual,Rafale,,,',
  'FRA,2022,export,VIII.SA.2,CAN,240,90000,EUR,authorized,Fusils,,,',
  'FRA,2022,export,VI,GRC,1,,,actual,Frégate,,,',
].join('\n') + '\n';

const GERMANY = [
  HEADER,
  'DEU,2022,export,I,NLD,7,,,actual,Leopard,,,',
].join('\n') + '\n';

// Rows of the exports table as [code, partner, items, value, basis, description].
const V1_ROWS = [
  ['I', 'Belgique', '3', '1500000 EUR', 'effectif', DESCRIPTION],
  ['IV.a', 'Inde', '2', '', 'effectif', 'Rafale'],
  ['VIII.SA.2', 'Canada', '120', '45000 EUR', 'autorisé', 'Fusils'],
];
const V2_ROWS = [
  ['I', 'Belgique', '5', '2500000 EUR', 'effectif', DESCRIPTION],
  ['IV.a', 'Inde', '4', '', 'effectif', 'Rafale'],
  ['VIII.SA.2', 'Canada', '240', '90000 EUR', 'autorisé', 'Fusils'],
  ['VI', 'Grèce', '1', '', 'effectif', 'Frégate'],
];

const PHONE = { width: 390, height: 844 };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let csvDir;
let server;
let browser;

/** `att import` of one file; checks what the command says it did. */
async function importCsv(db, name, text, args, expected) {
  const file = join(csvDir, name);
  await writeFile(file, text, 'utf8');
  const { stdout } = await runAtt(['import', '--db', db, file, ...args]);
  assert.match(stdout, expected, `att import ${name}`);
}

before(async () => {
  csvDir = await mkdtemp(join(tmpdir(), 'att-e2e-csv-'));
  server = await startServer({
    prepare: async (db) => {
      await importCsv(db, 'france-v1.csv', FRANCE_V1, ['--received', '2023-05-31'],
        /1 reports created, 0 amended, 3 lines/);
      await importCsv(db, 'france-v2.csv', FRANCE_V2, ['--received', '2023-09-15'],
        /0 reports created, 1 amended, 4 lines/);
      await importCsv(db, 'germany.csv', GERMANY, ['--visibility', 'restricted', '--received', '2023-05-30'],
        /1 reports created, 0 amended, 1 lines/);
      // The German report is in the database: a 404 later means it is hidden, not missing.
      const { stdout } = await runAtt(['reports', 'list', '--db', db, '--state', 'DEU', '--format', 'json']);
      assert.match(stdout, /"restricted"/, `att reports list --state DEU:\n${stdout}`);
    },
  });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  // Each step runs even if the previous one failed, so nothing is left behind.
  await browser?.close().catch(() => {});
  await server?.stop();
  if (csvDir) await rm(csvDir, { recursive: true, force: true });
});

/**
 * A new page that records console errors and uncaught exceptions. Chromium
 * logs every 4xx answer as a console error: allowConsoleError(re) lets
 * exactly one expected message through.
 */
const text = async (locator) => (await locator.textContent()).trim().replace(/\s+/g, ' ');

/** The exports table as [code, partner, items, value, basis, description] rows. */
async function exportRows(page) {
  return page.locator('#exports tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.cells].map((td) => td.textContent.trim().replace(/\s+/g, ' '));
    // Digit groups may be set apart with (narrow) spaces: compare the digits.
    const value = cells[3].replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, '');
    return [tr.cells[0].querySelector('code')?.textContent.trim(), cells[1], cells[2], value, cells[4], cells[5]];
  }));
}

/** The version table as [number, status, received] rows, plus how each number is shown. */
async function versionRows(page) {
  return page.locator('#versions tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    cells: [...tr.cells].slice(0, 3).map((td) => td.textContent.trim().replace(/\s+/g, ' ')),
    link: tr.cells[0].querySelector('a')?.getAttribute('href') ?? null,
    current: tr.cells[0].querySelector('[aria-current="page"]') !== null,
    hashStart: tr.cells[4].textContent.trim().replace(/…$/, ''),
  })));
}

/** The value shown for a term of the #receipt list on the report page. */
async function receiptValue(page, term) {
  return text(page.locator('#receipt dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'));
}

/** GET a link of #downloads with the page's cookies; returns the answer and its body. */
async function download(page, name) {
  const link = page.locator('#downloads').getByRole('link', { name, exact: true });
  assert.equal(await link.count(), 1, `one '${name}' link in #downloads`);
  const url = new URL(await link.getAttribute('href'), page.url()).href;
  const response = await page.request.get(url);
  return { url, response, body: await response.body() };
}

test('France 2022 in French: from the list to the report, its versions, downloads and receipt, then in Spanish',
  { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      // --- The list of reports. ----------------------------------------------
      let response = await page.goto(`${server.baseUrl}/reports?lang=fr`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.equal(await text(page.locator('main h1')), 'Rapports');

      const rows = page.locator('#reports-table tbody tr');
      const france = rows.filter({ has: page.getByRole('link', { name: 'France', exact: true }) })
        .filter({ has: page.getByRole('cell', { name: '2022', exact: true }) });
      assert.equal(await france.count(), 1, 'France 2022 is listed once');
      assert.equal(await france.getAttribute('data-iso3'), 'FRA');
      const listed = await france.locator('td').evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
      assert.equal(listed[1], '2', 'the list shows the version in force');
      assert.equal(listed[3], '4', 'and its number of lines');
      assert.equal(listed[4], 'Public');

      // Follow the link with the keyboard.
      const link = france.getByRole('link', { name: 'France', exact: true });
      await link.focus();
      [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/reports/FRA/2022');

      // --- The report, version 2 (in force). ----------------------------------
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.equal(await text(page.locator('main h1')), 'Rapport annuel 2022 : France');
      assert.equal(await page.locator('#version-notice').count(), 0, 'no notice on the version in force');
      assert.equal(await receiptValue(page, 'Version'), '2');
      const hash = await text(page.locator('#receipt code.hash'));
      assert.match(hash, /^[0-9a-f]{64}$/, 'the content hash is a SHA-256 in hex');
      assert.deepEqual(await exportRows(page), V2_ROWS);

      const versions = await versionRows(page);
      assert.deepEqual(versions.map((v) => v.cells), [
        ['1', 'remplacée', '31 mai 2023'],
        ['2', 'en vigueur', '15 septembre 2023'],
      ]);
      assert.ok(versions[0].link, 'version 1 is a link');
      assert.equal(versions[0].current, false);
      assert.equal(versions[1].link, null, 'the version shown is not a link');
      assert.equal(versions[1].current, true, 'the version shown is marked aria-current');
      assert.ok(hash.startsWith(versions[1].hashStart) && versions[1].hashStart.length >= 8,
        `the version table shows the start of the hash (${versions[1].hashStart} of ${hash})`);

      // --- Version 1, from the version table. ---------------------------------
      response = await clickAndWait(page, page.locator('#versions').getByRole('link', { name: '1', exact: true }));
      assert.equal(response.status(), 200);
      let url = new URL(page.url());
      assert.equal(url.pathname, '/reports/FRA/2022');
      assert.equal(url.searchParams.get('version'), '1');
      assert.equal(await text(page.locator('main h1')), 'Rapport annuel 2022 : France');
      const notice = page.locator('#version-notice');
      assert.ok(await notice.isVisible(), 'the notice about an older version is shown');
      assert.match(await text(notice), /version 1\b/);
      assert.match(await text(notice), /n’est pas la version en vigueur|n'est pas la version en vigueur/);
      assert.equal(await receiptValue(page, 'Version'), '1');
      const hashV1 = await text(page.locator('#receipt code.hash'));
      assert.match(hashV1, /^[0-9a-f]{64}$/);
      assert.notEqual(hashV1, hash, 'the two versions have different content hashes');
      assert.ok(hashV1.startsWith(versions[0].hashStart), 'and it is the one the version table showed');
      assert.deepEqual(await exportRows(page), V1_ROWS);
      const v1Versions = await versionRows(page);
      assert.equal(v1Versions[0].current, true, 'version 1 is now the one marked as shown');
      assert.ok(v1Versions[1].link, 'version 2 is a link');

      // The downloads of version 1 are those of version 1.
      const pdfV1 = await download(page, 'PDF');
      assert.equal(new URL(pdfV1.url).searchParams.get('version'), '1');
      assert.equal(pdfV1.response.status(), 200);
      assert.match(pdfV1.response.headers()['content-disposition'] ?? '', /FRA-2022-v1/);

      // Back to the version in force.
      response = await clickAndWait(page, notice.getByRole('link', { name: 'Lire la version en vigueur' }));
      assert.equal(response.status(), 200);
      url = new URL(page.url());
      assert.equal(url.pathname, '/reports/FRA/2022');
      assert.equal(url.searchParams.get('version'), null);
      assert.equal(await page.locator('#version-notice').count(), 0);
      assert.equal(await receiptValue(page, 'Version'), '2');
      assert.deepEqual(await exportRows(page), V2_ROWS);

      // --- Downloads. ---------------------------------------------------------
      const pdf = await download(page, 'PDF');
      assert.equal(pdf.response.status(), 200);
      assert.match(pdf.response.headers()['content-type'], /^application\/pdf\b/);
      assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdf.body.toString('latin1').trimEnd().endsWith('%%EOF'), 'the PDF is complete');
      assert.match(pdf.response.headers()['content-disposition'] ?? '', /FRA-2022-v2/);

      const csv = await download(page, 'CSV');
      assert.equal(csv.response.status(), 200);
      assert.match(csv.response.headers()['content-type'], /^text\/csv\b/);
      // The canonical CSV of version 2 is the file that was imported.
      assert.equal(csv.body.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), FRANCE_V2);

      const xlsx = await download(page, 'XLSX');
      assert.equal(xlsx.response.status(), 200);
      assert.equal(xlsx.response.headers()['content-type'].split(';')[0].trim(), XLSX_TYPE);
      assert.equal(xlsx.body.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an XLSX is a ZIP file');

      const json = await download(page, 'JSON');
      assert.equal(json.response.status(), 200);
      assert.match(json.response.headers()['content-type'], /^application\/json\b/);
      const report = JSON.parse(json.body.toString('utf8'));
      assert.equal(report.version.version, 2);
      assert.equal(report.version.content_hash, hash, 'the API gives the hash shown on the page');

      // --- The receipt. -------------------------------------------------------
      response = await clickAndWait(page, page.locator('#downloads').getByRole('link', { name: 'Accusé de réception' }));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/reports/FRA/2022/receipt');
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      assert.equal(await text(page.locator('main h1')), 'Accusé de réception');
      assert.equal(await text(page.locator('#hash')), hash, 'the receipt gives the hash of the report page');
      assert.match(await text(page.locator('#statement')), /France.*version 2/);

      response = await clickAndWait(page, page.getByRole('link', { name: 'Lire le rapport' }));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/reports/FRA/2022');

      // --- In Spanish, with the language switch. ------------------------------
      response = await clickAndWait(page, page.locator('#language-switch').getByRole('link', { name: 'Español' }));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/reports/FRA/2022');
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
      assert.equal(await text(page.locator('main h1')), 'Informe anual 2022: Francia');
      assert.equal(await text(page.locator('#receipt code.hash')), hash, 'the same version');

      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });

test('the restricted report of Germany is hidden from an anonymous visitor',
  { timeout: 30_000 }, async () => {
    const { context, page, errors, allowConsoleError } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      allowConsoleError(/status of 404/);
      let response = await page.goto(`${server.baseUrl}/reports/DEU/2022?lang=fr`);
      assert.equal(response.status(), 404);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      const main = await text(page.locator('main'));
      assert.doesNotMatch(main, /Leopard|Pays-Bas/, 'nothing of the report is shown');

      for (const path of ['/reports/DEU/2022.pdf', '/reports/DEU/2022/receipt', '/api/v1/reports/DEU/2022',
        '/api/v1/reports/DEU/2022.csv']) {
        const answer = await page.request.get(`${server.baseUrl}${path}`);
        assert.equal(answer.status(), 404, path);
        assert.doesNotMatch(await answer.text(), /Leopard/, path);
      }

      response = await page.goto(`${server.baseUrl}/reports?lang=fr`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('#reports-table tbody tr[data-iso3="FRA"]').count(), 1, 'the list is shown');
      assert.equal(await page.locator('#reports-table tbody tr').count(), 1, 'France only');
      assert.equal(await page.locator('#reports-table tbody tr[data-iso3="DEU"]').count(), 0);
      assert.doesNotMatch(await text(page.locator('main')), /Allemagne/);
      assert.match(await text(page.locator('#reports-count')), /\b1$/);

      response = await page.goto(`${server.baseUrl}/reports?state=DEU&lang=fr`);
      assert.equal(response.status(), 200);
      assert.match(await text(page.locator('#reports-count')), /\b0$/);
      assert.equal(await page.locator('#reports-table').count(), 0);

      assert.deepEqual(errors, [], 'no console errors beyond the expected 404');
    } finally {
      await context.close();
    }
  });

test('report pages on a phone: the page does not scroll sideways, tables scroll in their container',
  { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, {
      viewport: PHONE, isMobile: true, hasTouch: true,
    });
    try {
      const pages = ['/reports?lang=fr', '/reports/FRA/2022', '/reports/FRA/2022?version=1', '/reports/FRA/2022/receipt'];
      for (const path of pages) {
        const response = await page.goto(`${server.baseUrl}${path}`);
        assert.equal(response.status(), 200, path);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          tables: [...document.querySelectorAll('main table')].map((table) => {
            const box = table.parentElement;
            return {
              id: table.id || table.closest('section[id]')?.id || '?',
              overflowX: getComputedStyle(box).overflowX,
              right: box.getBoundingClientRect().right,
              wider: box.scrollWidth > box.clientWidth,
            };
          }),
        }));
        // With isMobile, Chromium widens the layout viewport to fit content
        // that is too wide, so innerWidth grows with it: compare both with
        // the width of the phone as well.
        assert.equal(layout.innerWidth, PHONE.width, `${path}: the layout viewport is as wide as the phone`);
        assert.ok(layout.scrollWidth <= PHONE.width,
          `${path}: the page is ${layout.scrollWidth}px wide in a ${layout.innerWidth}px viewport`);
        for (const table of layout.tables) {
          assert.ok(['auto', 'scroll'].includes(table.overflowX),
            `${path}: table ${table.id} sits in a container that scrolls (overflow-x ${table.overflowX})`);
          assert.ok(table.right <= PHONE.width, `${path}: the container of ${table.id} fits the screen`);
        }
        if (path === '/reports/FRA/2022') {
          assert.deepEqual(layout.tables.map((t) => t.id), ['exports', 'versions']);
        }
      }

      // The exports table is wider than a phone: it scrolls, the page does not.
      await page.goto(`${server.baseUrl}/reports/FRA/2022`);
      const box = page.locator('#exports').locator('xpath=..');
      assert.ok(await box.evaluate((el) => el.scrollWidth > el.clientWidth),
        'the exports table is wider than its container on a phone');
      await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      const scrolled = await box.evaluate((el) => ({
        scrollLeft: el.scrollLeft,
        pageX: window.scrollX,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrolled.scrollLeft > 0, 'the table container scrolls sideways');
      assert.equal(scrolled.pageX, 0, 'the page itself stays put');
      assert.equal(scrolled.innerWidth, PHONE.width);
      assert.ok(scrolled.scrollWidth <= PHONE.width);

      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });

test('keyboard: from the top of the report page, Tab reaches the PDF link',
  { timeout: 30_000 }, async () => {
    const { context, page, errors } = await openRecordedPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const response = await page.goto(`${server.baseUrl}/reports/FRA/2022?lang=fr`);
      assert.equal(response.status(), 200);
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return {
          tag: el?.tagName ?? null,
          id: el?.id ?? '',
          text: (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40),
          href: el?.getAttribute('href') ?? null,
          inDownloads: el?.closest('#downloads') !== null,
        };
      });

      // Tab through the page from the top until the PDF link has the focus.
      const seen = [];
      let pdf = null;
      for (let i = 0; i < 40 && !pdf; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        seen.push(`${now.tag} ${now.text}`);
        if (now.tag === 'A' && now.text === 'PDF' && now.inDownloads) pdf = now;
      }
      assert.ok(pdf, `Tab reaches the PDF link; focus went to:\n${seen.join('\n')}`);
      assert.equal(new URL(pdf.href, server.baseUrl).pathname, '/reports/FRA/2022.pdf');
      assert.equal(seen[0], 'A Aller au contenu', 'the first Tab reaches the skip link');

      // The skip link leads straight to the content: one more Tab is the PDF link.
      await page.goto(`${server.baseUrl}/reports/FRA/2022`);
      await page.keyboard.press('Tab');
      assert.equal((await focused()).text, 'Aller au contenu');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await page.keyboard.press('Tab');
      const next = await focused();
      assert.equal(next.tag, 'A');
      assert.equal(next.text, 'PDF');
      assert.ok(next.inDownloads, 'the first link of the content is the PDF in #downloads');

      assert.deepEqual(errors, [], 'no console errors (CSP violations show up here)');
    } finally {
      await context.close();
    }
  });
