// The initial report in headless Chromium: an officer opens it from the reporting home, moves
// through the questionnaire's steps (the progress indicator marks the current one), answers a
// question "not applicable" with an explanation, closes the tab in the middle of typing and
// finds the text again, reviews and submits, and gets the receipt. axe-core checks every page
// of the initial report at 1280 and 375 px, in English and in French.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, loadPlaywright, chromiumLaunchOptions, repoRoot } from './server.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { seriousViolations, keepScreenshot, signIn } from './reporting_session.mjs';

const { chromium } = loadPlaywright();

const officer = {
  email: 'officer@fra.example',
  password: 'officer passphrase 2024',
  role: 'reporting-officer',
  name: 'Camille Martin',
  state: 'FRA',
};
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } };
const INITIAL = '/reporting/FRA/initial';

let server;
let browser;
let sections;

before(async () => {
  server = await startServer({ users: [officer] });
  browser = await chromium.launch(chromiumLaunchOptions);
  const questionnaire = JSON.parse(await readFile(join(repoRoot, 'data', 'templates', 'initial-2015.json'), 'utf8'));
  sections = questionnaire.sections.filter((s) => s.questions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every question of a section answered, as the step's form posts it. */
function answeredStep(section, step) {
  const fields = new URLSearchParams({ step: String(step), action: 'save' });
  for (const q of section.questions) {
    if (q.type === 'yes_no_na') fields.append(`q.${q.id}.choice`, 'yes');
    else if (q.type === 'list') fields.append(`q.${q.id}.entries`, 'Loi 2014-1\nDécret 2015-2');
    else if (q.type === 'authorities') fields.append(`q.${q.id}.entries`, 'defence');
    else fields.append(`q.${q.id}.explanation`, 'Décrit ici.');
  }
  return fields.toString();
}

/** axe-core on the page at both sizes and in both languages. */
async function checkEverywhere(page, path, label) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    for (const lang of ['en', 'fr']) {
      await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.deepEqual(await seriousViolations(page), [], `${label} (${lang}, ${size}): no serious or critical violation`);
      await keepScreenshot(page, `initial-report-${label}-${lang}-${viewport.width}`);
      if (size === 'phone') {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= viewport.width, `${label}: the page does not scroll sideways (${width} px)`);
      }
    }
  }
}

test('an officer answers the initial report step by step, loses nothing, and submits it', { timeout: 170_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, { viewport: SIZES.phone });
  try {
    await page.goto(`${server.baseUrl}${INITIAL}`);
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await signIn(page, officer, {});

    // From the obligations on the home to the first step.
    await page.goto(`${server.baseUrl}/reporting`);
    await clickAndWait(page, page.locator('#initial-report-link'));
    assert.equal(new URL(page.url()).pathname, INITIAL);
    assert.match(await page.locator('#progress').textContent(), new RegExp(`Étape 1 sur ${sections.length + 2}`));
    assert.equal(await page.locator('[aria-current=step]').textContent(), 'À propos du rapport');
    await clickAndWait(page, page.locator('button[value=next]'));
    assert.match(await page.locator('#progress').textContent(), new RegExp(`Étape 2 sur ${sections.length + 2}`));
    assert.equal(new URL(page.url()).search, '?step=2');

    // Not applicable, with an explanation: saved automatically.
    await page.locator('#q-ncs-1-na').check();
    await page.locator('#q-ncs-1-explanation').fill('Le régime est en cours de création.');
    await page.locator('#save-status').filter({ hasText: /Dernier enregistrement/ }).waitFor();

    // The tab closes right after typing, before the automatic save: the words stay in this browser.
    await page.locator('#q-ncs-3-explanation').fill('Tapé juste avant de fermer l’onglet');
    await page.close();
    const again = await context.newPage();
    await again.goto(`${server.baseUrl}${INITIAL}?step=2`);
    assert.equal(await again.locator('#q-ncs-3-explanation').inputValue(), 'Tapé juste avant de fermer l’onglet');
    await again.locator('#save-status').filter({ hasText: /Dernier enregistrement/ }).waitFor();
    await again.reload();
    assert.equal(await again.locator('#q-ncs-3-explanation').inputValue(), 'Tapé juste avant de fermer l’onglet',
      'saved on the server, not only kept in the browser');
    assert.equal(await again.locator('#q-ncs-1-na').isChecked(), true);

    // The review refuses while binding questions are unanswered, and links to them.
    await again.goto(`${server.baseUrl}${INITIAL}?step=${sections.length + 2}`);
    assert.ok(await again.locator('#blocking-problems li').count() > 10);
    await checkEverywhere(again, `${INITIAL}?step=2`, 'step');
    await checkEverywhere(again, `${INITIAL}?step=${sections.length + 2}`, 'review-incomplete');

    // The other steps answered as the page's script posts them; the first one kept as typed.
    await again.goto(`${server.baseUrl}${INITIAL}?step=3`);
    const csrf = await again.locator('#initial-form').getAttribute('data-csrf');
    for (let i = 1; i < sections.length; i += 1) {
      const status = await again.evaluate(async ({ body, token }) => {
        const answer = await fetch('/reporting/FRA/initial', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-CSRF-Token': token },
          body,
        });
        return answer.status;
      }, { body: answeredStep(sections[i], i + 2), token: csrf });
      assert.equal(status, 200);
    }
    await again.goto(`${server.baseUrl}${INITIAL}?step=2&lang=fr`);
    for (const q of sections[0].questions.filter((x) => x.binding && x.id !== 'ncs.1')) {
      if (q.type === 'yes_no_na') await again.locator(`#q-${q.id.replace('.', '-')}-yes`).check();
      else if (q.type === 'authorities') await again.locator(`#q-${q.id.replace('.', '-')}-defence`).check();
      else await again.locator(`#q-${q.id.replace('.', '-')}-entries`).fill('Code de la défense');
    }
    await clickAndWait(again, again.locator('button[value=next]'));
    assert.equal(new URL(again.url()).search, '?step=3');

    await again.goto(`${server.baseUrl}${INITIAL}?step=${sections.length + 2}`);
    assert.equal(await again.locator('#blocking-problems').count(), 0, 'nothing left to answer');
    assert.match(await again.locator('#initial-review').textContent(), /Le régime est en cours de création/);
    await checkEverywhere(again, `${INITIAL}?step=${sections.length + 2}`, 'review');
    await checkEverywhere(again, INITIAL, 'about');
    await again.goto(`${server.baseUrl}${INITIAL}?step=${sections.length + 2}&lang=fr`);
    await again.locator('#submit-form [name=confirm]').check();
    await clickAndWait(again, again.locator('#submit-form button[type=submit]'));
    assert.equal(new URL(again.url()).pathname, `${INITIAL}/receipt`);
    assert.match(await again.locator('#receipt-summary').textContent(), /reçu par le Secrétariat/);
    await checkEverywhere(again, `${INITIAL}/receipt`, 'receipt');

    // An update starts from the version just submitted.
    await again.goto(`${server.baseUrl}${INITIAL}?lang=fr`);
    assert.equal(await again.locator('#update-notice').count(), 1);
    await again.goto(`${server.baseUrl}${INITIAL}?step=2`);
    assert.equal(await again.locator('#q-ncs-1-explanation').inputValue(), 'Le régime est en cours de création.');
    await checkEverywhere(again, '/reporting', 'home');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
