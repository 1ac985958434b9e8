// Helpers for the browser tests: a real `att serve` on a fresh SQLite
// database and a free local port, and playwright-core loaded from web/.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Repository root: this file is <root>/tests/e2e/server.mjs. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The att binary under test: $ATT_BINARY, else <root>/build/att. */
export const attBinary = process.env.ATT_BINARY || join(repoRoot, 'build', 'att');

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * playwright-core from web/node_modules. ESM imports ignore NODE_PATH, so
 * resolve it through a CommonJS require anchored at web/package.json.
 */
export function loadPlaywright() {
  const require = createRequire(join(repoRoot, 'web', 'package.json'));
  return require('playwright-core');
}

/** Chromium as installed on the machine, headless and quiet. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** A TCP port that was free a moment ago (bind to 0, read it, close). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * Run `att ARGS...` with `input` on standard input; resolves with
 * { stdout, stderr }, rejects on failure or timeout.
 */
export function runAtt(args, input, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(attBinary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${attBinary}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`exit code ${code}, signal ${signal}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    });
    child.stdin.on('error', () => {});  // reported through 'close'
    child.stdin.end(input ?? '');
  });
}

/** Arguments of `att users add` for one account of startServer's `users`. */
function userAddArgs(db, user) {
  if (!user?.email || !user.password) throw new Error('each user needs an email and a password');
  const roles = Array.isArray(user.role) ? user.role : [user.role ?? 'observer'];
  const args = ['users', 'add', '--db', db, '--email', user.email, '--password-stdin'];
  if (user.name) args.push('--name', user.name);
  if (user.position) args.push('--position', user.position);
  if (user.state) args.push('--state', user.state);
  for (const role of roles) args.push('--role', role);
  return args;
}

/**
 * Create a database in a temporary folder, start `att serve` on it and wait
 * until it listens. Returns { baseUrl, port, stop }; stop() sends SIGTERM,
 * waits for the process to exit and removes the temporary folder.
 *
 * Options (all optional; without them the server is started exactly as before):
 * - users: [{ email, password, role (a string or an array), name, state,
 *   position }], created with `att users add` before the server starts;
 * - mailSmtpPort: deliver e-mail over SMTP to 127.0.0.1:mailSmtpPort, from
 *   mailFrom (default no-reply@att.test), polling the outbox every
 *   mailPollMs (default 200); links in e-mails then point at this server;
 * - prepare: async (dbPath) => {}, called after `att init` and the users and
 *   before the server starts, e.g. to run `att import --db dbPath ...` with
 *   runAtt; if it throws, nothing is started and startServer rejects.
 */
export async function startServer({
  users = [], mailSmtpPort, mailFrom = 'no-reply@att.test', mailPollMs = 200, prepare,
} = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'att-e2e-'));
  const db = join(dir, 'e2e.db');
  try {
    await execFileAsync(attBinary, ['init', '--db', db], { timeout: 60_000 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `'${attBinary} init --db ${db}' failed: ${err.message}\n${err.stderr ?? ''}`);
  }
  for (const user of users) {
    try {
      await runAtt(userAddArgs(db, user), `${user.password}\n`);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`'att users add' for ${user?.email} failed: ${err.message}`);
    }
  }
  if (prepare) {
    try {
      await prepare(db);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`preparing the database failed: ${err.message}`, { cause: err });
    }
  }

  const port = await freePort();
  const serveArgs = ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1', '--access-log', 'off'];
  if (mailSmtpPort !== undefined) {
    serveArgs.push(
      '--mail', `smtp://127.0.0.1:${mailSmtpPort}`,
      '--mail-from', mailFrom,
      '--mail-poll-ms', String(mailPollMs),
      '--public-url', `http://127.0.0.1:${port}`);
  }
  const child = spawn(attBinary, serveArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr += chunk; });

  const exited = new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });

  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(
          `att serve did not print 'att: serving' within ${START_TIMEOUT_MS / 1000} s` +
          `\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }, START_TIMEOUT_MS);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (/^att: serving/m.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${attBinary}: ${err.message}`));
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(
          `att serve exited before listening (code ${code}, signal ${signal})` +
          `\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      });
    });
  } catch (err) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  // Keep draining the pipes so the server never blocks on a full buffer.
  child.stdout.resume();

  let stopped;
  async function stop() {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        let timer;
        const result = await Promise.race([
          exited,
          new Promise((resolve) => { timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS); }),
        ]);
        clearTimeout(timer);
        if (result === null) {
          child.kill('SIGKILL');
          await exited;
          await rm(dir, { recursive: true, force: true });
          throw new Error(`att serve did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM\nstderr:\n${stderr}`);
        }
        if (result.code !== 0) {
          await rm(dir, { recursive: true, force: true });
          throw new Error(
            `att serve exited with code ${result.code} (signal ${result.signal}) after SIGTERM\nstderr:\n${stderr}`);
        }
      }
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  }

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    /** The database the server runs on (removed by stop()). */
    dbPath: db,
    /** What the server wrote on standard error so far (for failure messages). */
    stderr: () => stderr,
    stop,
  };
}
