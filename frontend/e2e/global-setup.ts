/**
 * Starts e2e/server.py (real backend, throwaway database, mail sink read through the
 * dev outbox route) and tells the tests where it is through E2E_BASE_URL; the returned
 * function stops it (the server drops its database on SIGTERM).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const STARTUP_TIMEOUT_MS = 180_000;

function waitForReady(child: ChildProcess): Promise<{ url: string }> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('e2e server did not start in time')), STARTUP_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('E2E_READY ')) {
        clearTimeout(timer);
        resolvePromise(JSON.parse(line.slice('E2E_READY '.length)));
      } else {
        process.stdout.write(`[server] ${line}\n`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e server exited early (code ${code})`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 30_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

/**
 * The catering example plugin, as a deployment gets it: its wheel built with uv and
 * installed alone into a folder the server finds through PYTHONPATH (it is not a
 * workspace member). Installed is not enabled: each org still turns it on.
 */
function installCatering(uv: string, work: string): string {
  const dist = join(work, 'dist');
  const site = join(work, 'site');
  const run = (args: string[]) => {
    const done = spawnSync(uv, args, { cwd: repo, encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`${uv} ${args.join(' ')} failed:\n${done.stdout}${done.stderr}`);
  };
  run(['build', '--wheel', '--quiet', '-o', dist, 'sdk/examples/catering']);
  const wheel = readdirSync(dist).find((name) => name.endsWith('.whl'));
  if (!wheel) throw new Error('the catering wheel was not built');
  run(['pip', 'install', '--quiet', '--no-deps', '--target', site, join(dist, wheel)]);
  return site;
}

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  mkdirSync(resolve(here, 'screenshots'), { recursive: true });
  if (process.env.E2E_BASE_URL) return;
  // dev.py exports the uv it resolved (maybe its own copy in .tools/, not on the user's PATH).
  const uv = process.env.UV ?? 'uv';
  const plugins = mkdtempSync(join(tmpdir(), 'coulisses-e2e-plugins-'));
  const site = installCatering(uv, plugins);
  const pythonPath = [site, process.env.PYTHONPATH].filter(Boolean).join(':');
  const child = spawn(uv, ['run', '--locked', 'python', 'frontend/e2e/server.py'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PYTHONPATH: pythonPath },
  });
  const cleanup = async () => {
    await stop(child);
    rmSync(plugins, { recursive: true, force: true });
  };
  try {
    const ready = await waitForReady(child);
    process.env.E2E_BASE_URL = ready.url;
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}
