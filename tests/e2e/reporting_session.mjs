// What the reporting tool's browser tests share: signing an account in (setting up its second
// factor the first time), axe-core's serious and critical violations of a page, a screenshot
// kept under build/ as a test artefact, and a count of the actions a person takes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';
import { clickAndWait } from './pages.mjs';
import { freshCode } from './totp.mjs';

let axeSource;

/** Serious and critical axe-core violations of the page as it is now. */
export async function seriousViolations(page) {
  axeSource ??= await readFile(join(repoRoot, 'web', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated, not added as a script element: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => globalThis.axe.run(document));
  assert.ok(results.passes.length > 10, 'axe-core ran its rules on the page');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot kept as a test artefact (build/<name>.png). */
export async function keepScreenshot(page, name) {
  await page.screenshot({ path: join(repoRoot, 'build', `${name}.png`), fullPage: true }).catch(() => {});
}

/**
 * Signs `account` in from the sign-in page the browser is on. The first time (no `session.secret`)
 * the account sets up its second factor; `session` keeps the secret and the last code's step, so
 * that a later sign-in waits for a fresh code.
 */
export async function signIn(page, account, session) {
  await page.locator('[name=email]').fill(account.email);
  await page.locator('[name=password]').fill(account.password);
  await clickAndWait(page, page.locator('main form button[type=submit]'));
  if (!session.secret) {
    assert.equal(new URL(page.url()).pathname, '/account/two-factor');
    session.secret = (await page.locator('#totp-secret').textContent()).trim();
  }
  const code = await freshCode(session.secret, session.step ?? -1);
  session.step = code.step;
  await page.locator('[name=code]').fill(code.code);
  await clickAndWait(page, page.locator('main form button[type=submit]'));
}

/**
 * Counts what a person does: each click on a link or button, each box ticked, each field changed,
 * each upload; and the time from the first to the last. `report(name)` prints the figures.
 */
export function actionCounter(page) {
  let count = 0;
  let started = null;
  const begin = () => { started ??= Date.now(); count += 1; };
  return {
    async click(locator) { begin(); await locator.click(); },
    async clickAndWait(locator) { begin(); return clickAndWait(page, locator); },
    async check(locator) { begin(); await locator.check(); },
    async fill(locator, text) { begin(); await locator.fill(text); },
    async upload(locator, files) { begin(); await locator.setInputFiles(files); },
    get count() { return count; },
    get seconds() { return started === null ? 0 : (Date.now() - started) / 1000; },
    report(name) {
      const line = `effort: ${name}: ${count} actions, ${((Date.now() - (started ?? Date.now())) / 1000).toFixed(1)} s`;
      console.log(line);
      return line;
    },
  };
}
