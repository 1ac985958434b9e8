// The Secretariat in the reporting tool, in headless Chromium: it enters a report a State sent
// by e-mail, with the date it was received and the original PDF attached, and the receipt and
// the attachments list show the file; then a workbook downloaded from the editor is uploaded
// again from the page and brings its lines back into the draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, loadPlaywright, chromiumLaunchOptions } from './server.mjs';
import { openRecordedPage, clickAndWait } from './pages.mjs';
import { keepScreenshot, signIn, actionCounter } from './reporting_session.mjs';

const { chromium } = loadPlaywright();

const secretariat = {
  email: 'registry@att.example',
  password: 'secretariat passphrase 2024',
  role: 'secretariat',
  name: 'Dana Registry',
};
const DESKTOP = { width: 1280, height: 900 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

let server;
let browser;

before(async () => {
  server = await startServer({ users: [secretariat] });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the Secretariat enters an e-mailed report with its PDF, and uploads a workbook', { timeout: 170_000 }, async () => {
  const { context, page, errors } = await openRecordedPage(browser, { viewport: DESKTOP });
  try {
    await page.goto(`${server.baseUrl}/reporting`);
    await signIn(page, secretariat, {});
    await page.goto(`${server.baseUrl}/reporting?state=FRA`);

    // The e-mailed report: two lines pasted, the received date, the original PDF.
    const entry = actionCounter(page);
    await entry.clickAndWait(page.locator('#annual-reports tr[data-year="2022"] a[href="/reporting/FRA/2022"]'));
    await entry.click(page.locator('#table-export details.paste summary'));
    await entry.fill(page.locator('#paste-export'), 'Fusils et carabines\tAllemagne\t12\nII\tBelgium\t3');
    await entry.clickAndWait(page.locator('button[value="paste:export"]'));
    await entry.clickAndWait(page.locator('#preview-link'));
    await entry.fill(page.locator('#received'), '2023-05-12');
    await entry.upload(page.locator('#original-document'), { name: 'rapport-fra-2022.pdf', mimeType: 'application/pdf', buffer: PDF });
    await entry.check(page.locator('#submit-form [name=confirm]'));
    await entry.clickAndWait(page.locator('#submit-form button[type=submit]'));
    assert.equal(new URL(page.url()).pathname, '/reports/FRA/2022/receipt');
    entry.report('the Secretariat enters an e-mailed report with its PDF');
    await keepScreenshot(page, 'secretariat-emailed-receipt-1280');
    const attachments = await page.evaluate(async () => (await fetch('/api/v1/reports/FRA/2022/attachments')).json());
    const list = attachments.attachments ?? attachments;
    assert.equal(list.length, 1, JSON.stringify(attachments));
    assert.equal(list[0].file_name, 'rapport-fra-2022.pdf');
    assert.equal(list[0].sha256, createHash('sha256').update(PDF).digest('hex'), 'the file as received');
    const version = await page.evaluate(async () => (await fetch('/api/v1/reports/FRA/2022/versions')).json());
    const versions = version.versions ?? version;
    assert.equal(versions[0].channel, 'email');
    assert.equal(versions[0].received, '2023-05-12');

    // A workbook downloaded from the editor and uploaded again from the page.
    await page.goto(`${server.baseUrl}/reporting/FRA/2021`);
    await page.locator('#table-export details.paste summary').click();
    await page.locator('#paste-export').fill('Fusils et carabines\tAllemagne\t7\nII\tBelgium\t8\nIII\tJapan\t9');
    await clickAndWait(page, page.locator('button[value="paste:export"]'));
    assert.equal(await page.locator('#table-export tr.line-row').count(), 3);
    const href = await page.locator('#download-workbook').getAttribute('href');
    const download = await page.request.get(`${server.baseUrl}${href}`);
    assert.equal(download.status(), 200);
    const workbook = await download.body();
    assert.equal(workbook.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file');
    await clickAndWait(page, page.locator('button[value="nil:all"]'));
    assert.equal(await page.locator('#table-export tr.line-row').count(), 0, 'the nil report emptied the table');
    const upload = actionCounter(page);
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      upload.upload(page.locator('#workbook-file'), {
        name: 'FRA-2021.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: workbook,
      }),
    ]);
    upload.report('a workbook uploaded from the editor');
    const rows = page.locator('#table-export tr.line-row');
    assert.equal(await rows.count(), 3, 'the workbook’s lines are back in the draft');
    assert.equal(await rows.nth(2).locator('[data-column=items]').inputValue(), '9');
    await keepScreenshot(page, 'secretariat-workbook-uploaded-1280');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
