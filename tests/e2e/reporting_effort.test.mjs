// How much work reporting takes in the browser, counted: every click, box ticked, field changed
// and upload, and the time from the first to the last, printed ("effort: …") and held to the
// limits the platform promises after sign-in:
// - a nil report for the year due: at most 3 actions;
// - a 30-line report pasted from a spreadsheet: at most 15;
// - the next year's report started from that one and changed on 5 lines: at most 15.
// Then axe-core checks every page of the annual report's tool (home, editor, preview with its
// confirmation, receipt) at 1280 and 375 px in English and French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { openRecordedPage } from './pages.mjs';
import { seriousViolations, keepScreenshot, signIn, actionCounter } from './reporting_session.mjs';

const { chromium } = loadPlaywright();

const officer = {
  email: 'officer@fra.example',
  password: 'officer passphrase 2024',
  role: 'reporting-officer',
  name: 'Camille Martin',
  state: 'FRA',
};
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } };
const LIMITS = { nil: 3, pasted: 15, lastYear: 15 };

let server;
let browser;

before(async () => {
  server = await startServer({ users: [officer] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** 30 rows as a spreadsheet copies them: tab-separated, categories and States in three languages. */
function spreadsheetRows() {
  const categories = ['Fusils et carabines', 'II', 'VIII.SA.2', 'III'];
  const partners = ['Allemagne', 'Belgium', 'Italia', 'Espagne', 'Japan'];
  const rows = [];
  for (let i = 0; i < 30; i += 1) {
    rows.push([categories[i % categories.length], partners[i % partners.length], String(10 + i)].join('\t'));
  }
  return rows.join('\n');
}

async function waitForSave(page) {
  await page.locator('#save-status').filter({ hasText: /Dernier enregistrement/ }).waitFor();
  await page.waitForFunction(() => !localStorage.getItem(document.getElementById('report-editor').dataset.key));
}

test('reporting takes few actions, and every page passes axe-core', { timeout: 170_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, { viewport: SIZES.desktop });
  try {
    await page.goto(`${server.baseUrl}/reporting`);
    await signIn(page, officer, {});
    await page.goto(`${server.baseUrl}/reporting`);
    const dueYear = Number(await page.locator('#annual-reports tbody tr').first().getAttribute('data-year'));
    const pastedYear = dueYear - 2;
    const nextYear = dueYear - 1;

    // A nil report for the year due: from the home's button to the receipt.
    const nil = actionCounter(page);
    await nil.clickAndWait(page.locator(`#annual-reports tr[data-year="${dueYear}"] button[value="nil:all"]`));
    await nil.check(page.locator('#submit-form [name=confirm]'));
    await nil.clickAndWait(page.locator('#submit-form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, `/reports/FRA/${dueYear}/receipt`);
    nil.report(`nil report for ${dueYear}`);
    assert.ok(nil.count <= LIMITS.nil, `a nil report in ${nil.count} actions (at most ${LIMITS.nil})`);

    // 30 lines pasted from a spreadsheet.
    await page.goto(`${server.baseUrl}/reporting`);
    const pasted = actionCounter(page);
    await pasted.clickAndWait(page.locator(`#annual-reports tr[data-year="${pastedYear}"] a[href="/reporting/FRA/${pastedYear}"]`));
    await pasted.click(page.locator('#table-export details.paste summary'));
    await pasted.fill(page.locator('#paste-export'), spreadsheetRows());
    await pasted.clickAndWait(page.locator('button[value="paste:export"]'));
    assert.equal(await page.locator('#table-export tr.line-row').count(), 30);
    await pasted.clickAndWait(page.locator('#preview-link'));
    assert.equal(await page.locator('#blocking-problems').count(), 0,
      `no error in the pasted rows: ${await page.locator('#blocking-problems').textContent().catch(() => '')}`);
    await pasted.check(page.locator('#submit-form [name=confirm]'));
    await pasted.clickAndWait(page.locator('#submit-form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, `/reports/FRA/${pastedYear}/receipt`);
    pasted.report(`30 pasted lines for ${pastedYear}`);
    assert.ok(pasted.count <= LIMITS.pasted, `30 pasted lines in ${pasted.count} actions (at most ${LIMITS.pasted})`);

    // The next year from last year's report, 5 lines changed.
    await page.goto(`${server.baseUrl}/reporting`);
    const lastYear = actionCounter(page);
    await lastYear.clickAndWait(page.locator(`#annual-reports tr[data-year="${nextYear}"] a[href="/reporting/FRA/${nextYear}"]`));
    await lastYear.clickAndWait(page.locator('button[value="last-year"]'));
    const rows = page.locator('#table-export tr.line-row');
    assert.equal(await rows.count(), 30, 'last year’s lines are there');
    for (let i = 0; i < 5; i += 1) await lastYear.fill(rows.nth(i).locator('[data-column=items]'), String(500 + i));
    await waitForSave(page);
    await lastYear.clickAndWait(page.locator('#preview-link'));
    assert.equal(await page.locator('#blocking-problems').count(), 0);
    await lastYear.check(page.locator('#submit-form [name=confirm]'));
    await lastYear.clickAndWait(page.locator('#submit-form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, `/reports/FRA/${nextYear}/receipt`);
    lastYear.report(`${nextYear} from last year, 5 lines changed`);
    assert.ok(lastYear.count <= LIMITS.lastYear, `from last year in ${lastYear.count} actions (at most ${LIMITS.lastYear})`);
    const submitted = await page.evaluate(async (y) => (await (await fetch(`/api/v1/reports/FRA/${y}`)).json()), nextYear);
    const items = submitted.exports.map((line) => line.items).slice(0, 5);
    assert.deepEqual(items, [500, 501, 502, 503, 504], 'the 5 changes were submitted');

    // A draft to preview, then every page of the tool at both sizes, in both languages.
    const draftYear = dueYear - 3;
    await page.goto(`${server.baseUrl}/reporting/FRA/${draftYear}`);
    await page.locator('#f-comments').fill('Brouillon pour la relecture');
    await waitForSave(page);
    const pages = {
      home: '/reporting',
      editor: `/reporting/FRA/${draftYear}`,
      'editor-30-lines': `/reporting/FRA/${nextYear}`,
      preview: `/reporting/FRA/${draftYear}/preview`,
      receipt: `/reports/FRA/${nextYear}/receipt?version=1`,
    };
    for (const [name, path] of Object.entries(pages)) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const lang of ['en', 'fr']) {
          await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          assert.deepEqual(await seriousViolations(page), [], `${name} (${lang}, ${size}): no serious or critical violation`);
          await keepScreenshot(page, `reporting-${name}-${lang}-${viewport.width}`);
        }
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
