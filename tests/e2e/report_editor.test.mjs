// The annual report editor in headless Chromium on a phone-sized screen (375 px): an officer
// sets up a second factor, opens the editor, types a line in French ("Allemagne", "Fusils et
// carabines"), sees it saved automatically, reloads and finds it; then the session ends in the
// middle of an edit, the edit is kept in the browser, and after signing in again it is restored
// and saved. axe-core checks the pages for serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, loadPlaywright, chromiumLaunchOptions, repoRoot } from './server.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { freshCode } from './totp.mjs';

const { chromium } = loadPlaywright();

const officer = {
  email: 'officer@fra.example',
  password: 'officer passphrase 2024',
  role: 'reporting-officer',
  name: 'Camille Martin',
  state: 'FRA',
};
const PHONE = { width: 375, height: 740 };
const EDITOR = '/reporting/FRA/2024';

let server;
let browser;
let axeSource;

before(async () => {
  server = await startServer({ users: [officer] });
  browser = await chromium.launch(chromiumLaunchOptions);
  axeSource = await readFile(join(repoRoot, 'web', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Serious and critical axe-core violations of the page as it is now. */
async function axeViolations(page) {
  // Evaluated, not added as a script element: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => globalThis.axe.run(document));
  assert.ok(results.passes.length > 10, 'axe-core ran its rules on the page');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page, secret, lastStep) {
  await page.locator('[name=email]').fill(officer.email);
  await page.locator('[name=password]').fill(officer.password);
  await clickAndWait(page, page.locator('main form button[type=submit]'));
  if (secret) {
    const code = await freshCode(secret, lastStep);
    await page.locator('[name=code]').fill(code.code);
    await clickAndWait(page, page.locator('main form button[type=submit]'));
    return code.step;
  }
  return lastStep;
}

test('an officer types a line, it is saved, and survives a reload and an ended session', { timeout: 150_000 }, async () => {
  const { context, page, errors, allowConsoleError } = await openRecordedPage(browser, { viewport: PHONE });
  try {
    // Not signed in: sign-in first, and the account must set up its second factor.
    await page.goto(`${server.baseUrl}${EDITOR}`);
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await signIn(page, null);
    assert.equal(new URL(page.url()).pathname, '/account/two-factor');
    const secret = (await page.locator('#totp-secret').textContent()).trim();
    const setup = await freshCode(secret);
    await page.locator('[name=code]').fill(setup.code);
    await clickAndWait(page, page.locator('main form button[type=submit]'));

    // The home lists the year and opens the editor.
    await page.goto(`${server.baseUrl}/reporting`);
    assert.deepEqual(await axeViolations(page), [], 'home: no serious or critical violation');
    await clickAndWait(page, page.locator('#annual-reports tr[data-year="2024"] a'));
    assert.equal(new URL(page.url()).pathname, EDITOR);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

    // One line, added in place and typed in French.
    await page.locator('#table-export button[data-act=add]').click();
    const row = page.locator('#table-export tr.line-row').first();
    await row.locator('[data-column=category]').fill('Fusils et carabines');
    await row.locator('[data-column=partner_state]').fill('Allemagne');
    await row.locator('[data-column=items]').fill('120');
    await page.locator('#save-status').filter({ hasText: /Dernier enregistrement/ }).waitFor();
    assert.match(await page.locator('#totals-export').textContent(), /120/, 'the category total follows');
    assert.deepEqual(await axeViolations(page), [], 'editor: no serious or critical violation');
    await page.screenshot({ path: join(repoRoot, 'build', 'report-editor-375.png'), fullPage: true }).catch(() => {});
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page itself does not scroll sideways (${width} px)`);

    // Duplicated in place (the copy right after its row, renumbered), then deleted again.
    await row.locator('button[data-act=duplicate]').click();
    const rows = page.locator('#table-export tr.line-row');
    assert.equal(await rows.count(), 2);
    assert.equal(await rows.nth(1).locator('[data-column=partner_state]').inputValue(), 'Allemagne');
    assert.equal(await rows.nth(1).locator('[data-column=items]').getAttribute('name'), 'l1.items');
    await rows.nth(1).locator('button[data-act=delete]').click();
    assert.equal(await rows.count(), 1);
    // Saved once the copy kept in the browser is dropped: the server holds exactly that form.
    await page.waitForFunction(() => !localStorage.getItem(document.getElementById('report-editor').dataset.key));

    await page.reload();
    assert.equal(await page.locator('#table-export tr.line-row').count(), 1, 'the deleted copy is not saved');
    const saved = page.locator('#table-export tr.line-row').first();
    assert.equal(await saved.locator('[data-column=category]').inputValue(), 'VIII.SA.2 · Armes légères : fusils et carabines');
    assert.equal(await saved.locator('[data-column=partner_state]').inputValue(), 'Allemagne');
    assert.equal(await saved.locator('[data-column=items]').inputValue(), '120');

    // The session ends mid-edit: the change cannot be saved but stays in this browser.
    await context.clearCookies();
    allowConsoleError(/status of 403/);
    await page.locator('#f-comments').fill('Tapé après la fin de la session');
    await page.locator('#unsaved-message').waitFor({ state: 'visible' });

    // Signing in again comes back to the editor, which restores the edit and saves it.
    await clickAndWait(page, page.locator('#unsaved-message a'));
    await signIn(page, secret, setup.step);
    assert.equal(new URL(page.url()).pathname, EDITOR);
    await page.locator('#save-status').filter({ hasText: /Dernier enregistrement/ }).waitFor();
    await page.reload();
    assert.equal(await page.locator('#f-comments').inputValue(), 'Tapé après la fin de la session');
    assert.equal(await page.locator('#table-export tr.line-row [data-column=items]').first().inputValue(), '120');
    await page.goto(`${server.baseUrl}${EDITOR}/preview`);
    assert.match(await page.locator('#visibility-statement').textContent(), /réservé aux États parties/);
    assert.deepEqual(await axeViolations(page), [], 'preview: no serious or critical violation');

    // A nil report for the year due, from the home: each click counted.
    await page.goto(`${server.baseUrl}/reporting`);
    let actions = 0;
    await clickAndWait(page, page.locator('#annual-reports tr[data-year="2025"] button[value="nil:all"]'));
    actions += 1;
    assert.equal(new URL(page.url()).pathname, '/reporting/FRA/2025/preview');
    await page.locator('[name=confirm]').check();
    actions += 1;
    await clickAndWait(page, page.locator('#submit-form button[type=submit]'));
    actions += 1;
    assert.equal(new URL(page.url()).pathname, '/reports/FRA/2025/receipt');
    assert.ok(actions <= 3, `a nil report in ${actions} actions`);
    assert.deepEqual(await axeViolations(page), [], 'receipt: no serious or critical violation');
    await page.screenshot({ path: join(repoRoot, 'build', 'report-receipt-375.png'), fullPage: true }).catch(() => {});
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
