// A server whose database holds reports imported with the CLI before it starts, and axe-core run
// on a page: what the browser tests of the public pages (status, transfers) share.
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runAtt, repoRoot } from './server.mjs';

export const REPORT_HEADER = 'reporting_state,year,direction,category,partner_state,items,value,currency,basis,'
  + 'description,comments,state_of_origin,intermediate_location';

const axePath = createRequire(join(repoRoot, 'web', 'package.json')).resolve('axe-core/axe.min.js');

/**
 * Starts a server after importing each { name, text, args } (args: att import's options, such as
 * --received or --visibility). Its stop() also removes the imported files.
 */
export async function startServerWithReports(reports) {
  const csvDir = await mkdtemp(join(tmpdir(), 'att-e2e-reports-'));
  const server = await startServer({
    prepare: async (db) => {
      for (const { name, text, args } of reports) {
        const file = join(csvDir, name);
        await writeFile(file, text, 'utf8');
        await runAtt(['import', '--db', db, file, ...args]);
      }
    },
  });
  const stop = server.stop.bind(server);
  server.stop = async () => {
    await stop();
    await rm(csvDir, { recursive: true, force: true });
  };
  return server;
}

/**
 * The pair the public pages' tests start from: France's 2022 report, public, received on
 * 30 May 2023, with the given lines (after the header), and Germany's, restricted, received on
 * 1 September 2023 with one export. The public sees France only; representatives see both.
 */
export function startServerWithFranceAndRestrictedGermany(franceLines) {
  return startServerWithReports([
    { name: 'france.csv', text: `${REPORT_HEADER}\n${franceLines}`, args: ['--received', '2023-05-30'] },
    {
      name: 'germany.csv',
      text: `${REPORT_HEADER}\nDEU,2022,export,I,NLD,7,,,actual,Leopard,,,\n`,
      args: ['--visibility', 'restricted', '--received', '2023-09-01'],
    },
  ]);
}

/** axe-core's violations on the page (the context bypasses CSP so that axe can be injected). */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
