// The transfers query mix, run three ways on the same data: through the HTTP API (the read
// model), with the sqlite3 command-line tool on the same lines with indexes, and with DuckDB in
// this process. Prints p50 / p99 per query and way, and the figure each way computed, which must
// agree. Usage: node mix.mjs BASE_URL SQLITE_DB CSV_FILE RUNS
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';

const [base, sqliteDb, csvFile, runsText] = process.argv.slice(2);
const runs = Number(runsText || 50);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http.get(base + path, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms });  // text only when read
      });
    }).on('error', reject);
  });
}

// Public lines only: the anonymous viewer's share, which is what the API answers here.
const visible = 'restricted = 0';
const sum = (rows, f) => rows.reduce((s, r) => s + Number(f(r) ?? 0), 0);

const total = JSON.parse((await get('/api/v1/transfers?limit=0')).body).total;
const deep = Math.floor(total / 2);

const mix = [
  {
    name: 'filtered summary (exports 2018-2022 by reporter)',
    http: '/api/v1/transfers/summary?direction=export&year_from=2018&year_to=2022&basis=actual&group_by=reporter&limit=10000',
    figure: (b) => `${b.total_groups} groups, ${sum(b.groups, (g) => g.lines)} lines, ${sum(b.groups, (g) => g.items)} items`,
    sql: `SELECT COUNT(*) AS groups, SUM(n) AS lines, SUM(i) AS items FROM (SELECT reporter, COUNT(*) AS n, SUM(items) AS i
          FROM current_lines WHERE ${visible} AND direction = 'export' AND year BETWEEN 2018 AND 2022 AND basis = 'actual'
          GROUP BY reporter)`,
    sqlFigure: (r) => `${r.groups} groups, ${r.lines} lines, ${r.items} items`,
  },
  {
    name: 'top 10 partners by items',
    http: '/api/v1/transfers/summary?direction=export&basis=actual&group_by=partner&sort=-items&limit=10',
    figure: (b) => b.groups.map((g) => `${g.partner}:${g.items}`).join(' '),
    sql: `SELECT group_concat(p || ':' || i, ' ') AS top FROM (SELECT partner AS p, SUM(items) AS i FROM current_lines
          WHERE ${visible} AND direction = 'export' AND basis = 'actual' GROUP BY partner ORDER BY i DESC, p LIMIT 10)`,
    duckSql: `SELECT string_agg(p || ':' || CAST(i AS TEXT), ' ' ORDER BY i DESC, p) AS top FROM (SELECT partner AS p, SUM(items) AS i
          FROM current_lines WHERE ${visible} AND direction = 'export' AND basis = 'actual' GROUP BY partner
          ORDER BY i DESC, p LIMIT 10)`,
    sqlFigure: (r) => `${r.top}`,
  },
  {
    name: 'categories by year',
    http: '/api/v1/transfers/summary?basis=actual&group_by=category,year&limit=10000',
    figure: (b) => `${b.total_groups} groups, ${sum(b.groups, (g) => g.lines)} lines`,
    sql: `SELECT COUNT(*) AS groups, SUM(n) AS lines FROM (SELECT category, year, COUNT(*) AS n FROM current_lines
          WHERE ${visible} AND basis = 'actual' GROUP BY category, year)`,
    sqlFigure: (r) => `${r.groups} groups, ${r.lines} lines`,
  },
  {
    name: 'text search "howitzer" (first 100 and the count)',
    http: '/api/v1/transfers?q=howitzer&limit=100',
    figure: (b) => `${b.total} lines`,
    sql: `SELECT COUNT(*) AS n FROM current_lines WHERE ${visible} AND (description LIKE '%howitzer%' OR comments LIKE '%howitzer%')`,
    duckSql: `SELECT COUNT(*) AS n FROM current_lines WHERE ${visible} AND (description ILIKE '%howitzer%' OR comments ILIKE '%howitzer%')`,
    sqlFigure: (r) => `${r.n} lines`,
  },
  {
    name: 'full group-by reporter x year x category',
    http: '/api/v1/transfers/summary?basis=actual&group_by=reporter,year,category&limit=10000',
    figure: (b) => `${b.total_groups} groups`,
    sql: `SELECT COUNT(*) AS groups FROM (SELECT reporter, year, category, COUNT(*) AS n, SUM(items) AS i FROM current_lines
          WHERE ${visible} AND basis = 'actual' GROUP BY reporter, year, category)`,
    sqlFigure: (r) => `${r.groups} groups`,
  },
  {
    name: `deep page (offset ${deep}, by year and reporter)`,
    http: `/api/v1/transfers?sort=year,reporter&offset=${deep}&limit=100`,
    figure: (b) => `${b.rows[0]?.year} ${b.rows[0]?.reporter} .. ${b.rows.at(-1)?.year} ${b.rows.at(-1)?.reporter}`,
    sql: `SELECT (SELECT CAST(year AS TEXT) || ' ' || reporter FROM page LIMIT 1) || ' .. ' ||
                 (SELECT CAST(year AS TEXT) || ' ' || reporter FROM page LIMIT 1 OFFSET 99) AS span`,
    page: `SELECT year, reporter FROM current_lines WHERE ${visible} ORDER BY year, reporter, version_id, line_no
           LIMIT 100 OFFSET ${deep}`,
    sqlFigure: (r) => `${r.span}`,
  },
];

const percentile = (times, p) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

// sqlite3: each query `runs` times in one session; .timer gives each run's time (1 ms steps).
function sqliteRun(sql) {
  const script = `.timer on\n.mode json\n${`${sql};\n`.repeat(runs)}`;
  const out = spawnSync('sqlite3', [sqliteDb], { input: script, encoding: 'utf8', maxBuffer: 1 << 28 });
  const times = [...out.stdout.matchAll(/Run Time: real ([0-9.]+)/g)].map((m) => Number(m[1]) * 1000);
  const json = out.stdout.split('\n').find((l) => l.startsWith('['));
  return { times, row: json ? JSON.parse(json.replace(/\]\s*$/, ']'))[0] : {} };
}

const duck = await (await DuckDBInstance.create(':memory:')).connect();
await duck.run(`CREATE TABLE current_lines AS SELECT * FROM read_csv_auto('${csvFile}', header = true, all_varchar = false)`);

async function duckRun(sql) {
  const times = [];
  let row = {};
  for (let i = 0; i < runs; ++i) {
    const started = process.hrtime.bigint();
    const reader = await duck.runAndReadAll(sql);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    row = reader.getRowObjectsJS()[0] ?? {};
  }
  return { times, row };
}

const pageSql = (q) => (q.page ? `WITH page AS (${q.page}) ${q.sql}` : q.sql);
console.log(`lines visible to the public: ${total}; ${runs} runs per query and way`);
console.log('query | HTTP p50 / p99 ms | sqlite3 p50 / p99 ms | DuckDB p50 / p99 ms | x SQLite (p50) | x DuckDB (p50)');
for (const q of mix) {
  for (let i = 0; i < 3; ++i) await get(q.http); // warm
  const times = [];
  let last;
  for (let i = 0; i < runs; ++i) {
    const answer = await get(q.http);
    if (answer.status !== 200) throw new Error(`${q.http}: ${answer.status} ${answer.body.slice(0, 200)}`);
    times.push(answer.ms);
    last = answer.body;
  }
  // Parsed once, after the runs: parsing a megabyte of JSON per run made this process collect
  // garbage during the next request, which the timing then charged to the server.
  const body = JSON.parse(last);
  const lite = sqliteRun(pageSql(q));
  const dk = await duckRun(q.page ? `WITH page AS (${q.page}) ${q.duckSql ?? q.sql}` : q.duckSql ?? q.sql);
  const h50 = percentile(times, 50);
  const s50 = percentile(lite.times, 50);
  const d50 = percentile(dk.times, 50);
  console.log(`${q.name} | ${h50.toFixed(2)} / ${percentile(times, 99).toFixed(2)} | ${s50.toFixed(1)} / ` +
              `${percentile(lite.times, 99).toFixed(1)} | ${d50.toFixed(2)} / ${percentile(dk.times, 99).toFixed(2)} | ` +
              `${(s50 / h50).toFixed(1)} | ${(d50 / h50).toFixed(1)}`);
  const figures = [q.figure(body), q.sqlFigure(lite.row), q.sqlFigure(dk.row)];
  console.log(`  figures: HTTP ${figures[0]} | sqlite3 ${figures[1]} | DuckDB ${figures[2]}` +
              (figures.every((f) => f === figures[0]) ? '  (agree)' : '  (DIFFER)'));
}
