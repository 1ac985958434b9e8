// Helpers for driving pages in the browser tests: a page in its own context that records
// console errors and uncaught exceptions, and clicking through to the next page.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axeViolations } from './imported_reports.mjs';
import { repoRoot } from './server.mjs';

const STEP_TIMEOUT_MS = 10_000;

/**
 * A new context and page. `errors` collects console errors and uncaught exceptions;
 * `allowConsoleError(re)` lets one expected console error through (Chromium reports a 4xx
 * answer as one).
 */
export async function openRecordedPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', ...contextOptions });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const errors = [];
  const allowed = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = `console: ${msg.text()} (${msg.location().url})`;
    const index = allowed.findIndex((re) => re.test(text));
    if (index >= 0) allowed.splice(index, 1); else errors.push(text);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { context, page, errors, allowConsoleError: (re) => allowed.push(re) };
}

/** Click a link or a form's button and wait for the page it leads to. */
export async function clickAndWait(page, target) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    target.click(),
  ]);
  return response;
}

/**
 * Sign `person` in at `baseUrl` through the sign-in page in `lang`; an account whose roles need a
 * second factor sets one up on the way (the code from ./totp.mjs).
 */
export async function signInWithSecondFactor(page, baseUrl, person, lang, totp) {
  await page.goto(`${baseUrl}/sign-in?lang=${lang}`);
  await page.locator('main [name=email]').fill(person.email);
  await page.locator('main [name=password]').fill(person.password);
  await clickAndWait(page, page.locator('main form button[type=submit]'));
  if (new URL(page.url()).pathname === '/account/two-factor') {
    const secret = (await page.locator('#totp-secret').textContent()).trim();
    await page.locator('#code').fill(totp(secret));
    await clickAndWait(page, page.locator('main form button[type=submit]'));
  }
  if (new URL(page.url()).pathname === '/sign-in') throw new Error(`${person.email} could not sign in`);
}

/** The page fits its viewport without sideways scrolling, and axe-core finds nothing. */
export async function checkFitsAndAccessible(page, what) {
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(sizes.scrollWidth <= sizes.innerWidth, `${what}: no horizontal overflow ${JSON.stringify(sizes)}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${violations.join('\n')}`);
  // Kept as an artefact to look at: build/page-<what>.png.
  const name = what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  await page.screenshot({ path: join(repoRoot, 'build', `page-${name}.png`), fullPage: true }).catch(() => {});
}
