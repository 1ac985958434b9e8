// From an application to a signed-in account, in headless Chromium: a
// reporting officer of France applies in French and confirms the address with
// the link mailed to them, the Secretariat sets up its second factor and
// approves the application, then the new officer sets up a second factor and
// signs in with it. E-mail goes over real SMTP to an in-process sink.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { startSmtpSink } from './smtp_sink.mjs';
import { totp, totpStep, freshCode, wrongCode } from './totp.mjs';

const { chromium } = loadPlaywright();

const MAIL_TIMEOUT_MS = 15_000;

const secretariat = {
  email: 'sec@example.org',
  password: 'secretariat passphrase 2024',
  name: 'Secretariat Officer',
  role: 'secretariat',
};

const applicant = {
  name: 'Camille Lefèvre',
  email: 'camille.lefevre@diplomatie.example.fr',
  state: 'FRA',
  position: 'Cheffe du contrôle des exportations, ministère des Armées',
  role: 'reporting-officer',
  note: 'Point de contact national pour le rapport annuel.',
  password: 'une longue phrase de passe française',
};

let smtp;
let server;
let browser;

before(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ mailSmtpPort: smtp.port, users: [secretariat] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  // Each step runs even if the previous one failed, so nothing is left behind.
  await browser?.close().catch(() => {});
  await server?.stop();
  await smtp?.close();
});

async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

async function heading(page) {
  return (await page.locator('main h1').first().textContent()).trim();
}

/** The only http(s) link in a mail to a path of this server. */
function linkIn(mail, path) {
  const escaped = server.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + path.replace(/[?]/g, '\\?');
  const links = mail.text.match(new RegExp(`${escaped}[^\\s<>"]*`, 'g')) ?? [];
  assert.equal(links.length, 1, `one link to ${server.baseUrl}${path} in:\n${mail.text}`);
  return links[0];
}

test('a reporting officer of France applies in French, is approved and signs in with a second factor',
  { timeout: 100_000 }, async (t) => {
    const started = Date.now();
    const say = (what) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
    const officer = await openRecordedPage(browser, { locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const sec = await openRecordedPage(browser, { locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    try {
      // --- The applicant fills the form in French. ---------------------------
      const { page } = officer;
      let response = await page.goto(`${server.baseUrl}/register?lang=fr`);
      assert.equal(response.status(), 200);
      assert.equal(await htmlLang(page), 'fr');
      assert.equal(await heading(page), 'Demander un compte');

      // The labels are French, so find the controls by name.
      await page.locator('[name=name]').fill(applicant.name);
      await page.locator('[name=email]').fill(applicant.email);
      const state = page.locator('select[name=state]');
      assert.equal(await state.locator('option[value="FRA"]').textContent(), 'France');
      await state.selectOption('FRA');
      await page.locator('[name=position]').fill(applicant.position);
      await page.locator('select[name=role]').selectOption(applicant.role);
      await page.locator('[name=note]').fill(applicant.note);
      await page.locator('[name=password]').fill(applicant.password);
      await page.locator('[name=password_confirm]').fill(applicant.password);
      // Each control is labelled (a real <label for>), in French.
      assert.equal(await page.getByLabel('Adresse électronique').getAttribute('name'), 'email');
      assert.equal(await page.getByLabel('État que vous représentez').getAttribute('name'), 'state');

      response = await clickAndWait(page, page.getByRole('button', { name: 'Envoyer la demande' }));
      assert.equal(response.status(), 200);
      assert.equal(await htmlLang(page), 'fr');
      assert.equal(await heading(page), 'Consultez votre messagerie');
      assert.match(await page.locator('main').textContent(), new RegExp(applicant.email.replace(/\./g, '\\.')));
      say('application sent');

      // --- The confirmation mail, in French, with the link. ------------------
      const confirmMail = await smtp.waitForMail(
        (m) => m.to.includes(applicant.email) && /confirm/i.test(m.subject), MAIL_TIMEOUT_MS);
      assert.match(confirmMail.subject, /confirmez votre adresse électronique/);
      assert.match(confirmMail.headers.from, /no-reply@att\.test/);
      assert.match(confirmMail.headers.to, new RegExp(applicant.email.replace(/\./g, '\\.')));
      assert.match(confirmMail.text, new RegExp(`Bonjour ${applicant.name}`));
      const confirmUrl = linkIn(confirmMail, '/register/confirm?token=');
      say(`confirmation mail (${confirmMail.headers['content-transfer-encoding']})`);

      response = await page.goto(confirmUrl);
      assert.equal(response.status(), 200);
      assert.equal(await heading(page), 'Adresse confirmée');
      assert.equal(await htmlLang(page), 'fr');

      // The link works once only.
      officer.allowConsoleError(/status of 400/);
      response = await page.goto(confirmUrl);
      assert.equal(response.status(), 400);
      assert.equal(await heading(page), 'Ce lien ne fonctionne pas');

      // --- The Secretariat is told, in English. -------------------------------
      const reviewMail = await smtp.waitForMail(
        (m) => m.to.includes(secretariat.email) && /an application to review/.test(m.subject), MAIL_TIMEOUT_MS);
      assert.match(reviewMail.text, new RegExp(applicant.name));
      assert.match(reviewMail.text, /\((FRA|France)\)/);
      linkIn(reviewMail, '/admin/registrations');
      say('Secretariat told');

      // --- The Secretariat follows the link, signs in, must set up a second factor.
      const admin = sec.page;
      await admin.goto(linkIn(reviewMail, '/admin/registrations'));
      assert.equal(new URL(admin.url()).pathname, '/sign-in', 'the review page asks to sign in first');
      assert.equal(new URL(admin.url()).searchParams.get('next'), '/admin/registrations');
      assert.equal(await htmlLang(admin), 'en');
      await admin.getByLabel('E-mail address').fill(secretariat.email);
      await admin.getByLabel('Password').fill(secretariat.password);
      await clickAndWait(admin, admin.getByRole('button', { name: 'Sign in' }));
      assert.equal(new URL(admin.url()).pathname, '/account/two-factor',
        'a Secretariat account without a second factor is sent to set one up');
      assert.match(await admin.getByRole('alert').first().textContent(), /\S/);

      const secSecret = (await admin.locator('#totp-secret').textContent()).trim();
      assert.match(secSecret, /^[A-Z2-7]+=*$/, 'the secret is base32');
      assert.equal(await admin.locator('figure.qr svg').count(), 1, 'a QR code is shown');
      await admin.getByLabel('Code').fill(totp(secSecret));
      response = await clickAndWait(admin, admin.getByRole('button', { name: 'Verify' }));
      assert.equal(response.status(), 200);
      assert.ok(await admin.locator('#recovery-codes li').count() >= 5, 'recovery codes are listed');
      say('Secretariat second factor on');

      // --- The Secretariat approves the application. -------------------------
      response = await admin.goto(`${server.baseUrl}/admin/registrations`);
      assert.equal(response.status(), 200);
      assert.equal(new URL(admin.url()).pathname, '/admin/registrations');
      const application = admin.locator('article[id^="registration-"]', { hasText: applicant.email });
      assert.equal(await application.count(), 1, 'the application is listed once');
      const applicationId = await application.getAttribute('id');
      assert.match(await application.textContent(), new RegExp(applicant.name));
      assert.match(await application.textContent(), /France/);
      assert.match(await application.textContent(), /Reporting officer/);
      await clickAndWait(admin, application.getByRole('button', { name: 'Approve' }));
      assert.match(await admin.getByRole('status').textContent(),
        new RegExp(`${applicant.name}.*approved`));
      assert.equal(await admin.locator(`#${applicationId}`).count(), 0, 'no longer pending');
      say('approved');

      const openMail = await smtp.waitForMail(
        (m) => m.to.includes(applicant.email) && /compte est ouvert/.test(m.subject), MAIL_TIMEOUT_MS);
      assert.match(openMail.subject, /votre compte est ouvert/);
      assert.equal(linkIn(openMail, '/sign-in'), `${server.baseUrl}/sign-in`);

      // --- The officer signs in and must set up a second factor. -------------
      await page.goto(`${server.baseUrl}/sign-in`);
      assert.equal(await htmlLang(page), 'fr', 'the language chosen earlier is kept');
      await page.locator('[name=email]').fill(applicant.email);
      await page.locator('[name=password]').fill(applicant.password);
      await clickAndWait(page, page.locator('main form').getByRole('button', { name: 'Se connecter' }));
      if (new URL(page.url()).pathname === '/account') {
        // Sign-in leads to the account page, which says a second factor is
        // required (and no page beyond it opens until it is set up).
        say('sign-in without a second factor led to /account, not /account/two-factor');
        assert.equal(await htmlLang(page), 'fr');
        const warning = page.locator('main article.warning[role=alert]');
        assert.match(await warning.textContent(), /\S/);
        await clickAndWait(page, warning.getByRole('button', { name: 'Configurer la connexion à deux facteurs' }));
      }
      assert.equal(new URL(page.url()).pathname, '/account/two-factor');
      assert.equal(await htmlLang(page), 'fr');
      assert.equal(await heading(page), 'Connexion à deux facteurs');

      const secret = (await page.locator('#totp-secret').textContent()).trim();
      assert.match(secret, /^[A-Z2-7]+=*$/);
      assert.notEqual(secret, secSecret);
      const setup = await freshCode(secret);
      await page.locator('[name=code]').fill(setup.code);
      response = await clickAndWait(page, page.getByRole('button', { name: 'Vérifier' }));
      assert.equal(response.status(), 200);
      assert.equal(await heading(page), 'La connexion à deux facteurs est activée');
      assert.ok(await page.locator('#recovery-codes li').count() >= 5, 'recovery codes are listed');
      assert.equal(await htmlLang(page), 'fr');
      say('officer second factor on');

      // --- Sign out, then in again with password and code. -------------------
      // Straight from the recovery codes page, with the button in the header.
      response = await clickAndWait(page, page.getByRole('button', { name: 'Se déconnecter' }));
      assert.ok(response.status() < 400, `POST /sign-out answered ${response.status()}`);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0, 'signed out');
      assert.equal(await page.getByRole('link', { name: 'Se connecter' }).count(), 1);
      assert.equal(await htmlLang(page), 'fr');
      response = await officer.context.request.get(`${server.baseUrl}/api/v1/me`);
      assert.equal(response.status(), 401, 'the session is gone');

      await page.goto(`${server.baseUrl}/sign-in`);
      await page.locator('[name=email]').fill(applicant.email);
      await page.locator('[name=password]').fill(applicant.password);
      await clickAndWait(page, page.locator('main form').getByRole('button', { name: 'Se connecter' }));
      assert.equal(new URL(page.url()).pathname, '/sign-in/second-factor');
      assert.equal(await htmlLang(page), 'fr');

      // A wrong code: an error, still on the same page, not signed in.
      await page.locator('[name=code]').fill(wrongCode(secret));
      officer.allowConsoleError(/status of 400/);
      response = await clickAndWait(page, page.getByRole('button', { name: 'Vérifier' }));
      assert.equal(response.status(), 400);
      assert.equal(new URL(page.url()).pathname, '/sign-in/second-factor');
      assert.match(await page.getByRole('alert').textContent(), /Ce code est incorrect/);
      assert.equal(await page.locator('[name=code]').getAttribute('autocomplete'), 'one-time-code');
      assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0, 'not signed in');
      const me = await officer.context.request.get(`${server.baseUrl}/api/v1/me`);
      assert.equal(me.status(), 401, 'the half-signed-in session gives no access');
      assert.equal(await htmlLang(page), 'fr');

      // The code of the step used to set up is refused now: wait for the next one.
      say(`waiting for the TOTP step after ${setup.step} (now ${totpStep()})`);
      const next = await freshCode(secret, setup.step);
      await page.locator('[name=code]').fill(next.code);
      response = await clickAndWait(page, page.getByRole('button', { name: 'Vérifier' }));
      assert.equal(response.status(), 200);
      // A reporting officer lands on the reporting tool's home.
      assert.equal(new URL(page.url()).pathname, '/reporting');
      await page.goto(`${server.baseUrl}/account`);
      assert.equal(await heading(page), 'Mon compte');
      const identity = await page.locator('main hgroup p').textContent();
      assert.match(identity, new RegExp(applicant.name));
      assert.match(identity, /France/);
      assert.match(await page.locator('main').textContent(), /Responsable des rapports/);
      assert.equal(await htmlLang(page), 'fr');
      assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 1);
      say('signed in with the second factor');

      // No stray mail (e.g. the applicant getting the same mail twice).
      const toApplicant = smtp.messages.filter((m) => m.to.includes(applicant.email));
      assert.equal(toApplicant.length, 2, toApplicant.map((m) => m.subject).join('\n'));

      assert.deepEqual(officer.errors, [], 'no console errors for the applicant (CSP violations show up here)');
      assert.deepEqual(sec.errors, [], 'no console errors for the Secretariat');
    } finally {
      await officer.context.close();
      await sec.context.close();
    }
  });
