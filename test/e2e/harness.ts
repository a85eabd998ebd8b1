/**
 * A real VS Code for the end-to-end tests: code-server (VS Code served to a browser, with a real
 * Node extension host) driven by Debian's Chromium through playwright-core. What it needs is
 * installed by scripts/e2e-install.sh into $KNETLAB_E2E_CACHE (default ~/.cache/knetlab-e2e).
 * Every wait is for a condition, with a bound; code-server runs in its own process group and is
 * stopped with kill -- -PID.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface E2EInstall {
  codeServer: string;
  codeServerVersion: string;
  node24Bin: string;
  chromium: string;
}

export const CACHE = process.env.KNETLAB_E2E_CACHE || join(homedir(), '.cache', 'knetlab-e2e');
export const RESULTS = join(process.cwd(), 'test-results');

/** What scripts/e2e-install.sh recorded, or undefined when it is not (fully) installed. */
export function findInstall(): E2EInstall | undefined {
  const file = join(CACHE, 'e2e.json');
  if (!existsSync(file)) return undefined;
  const inst = JSON.parse(readFileSync(file, 'utf8')) as E2EInstall;
  const ok = [inst.codeServer, join(inst.node24Bin, 'node'), inst.chromium].every((p) => existsSync(p));
  return ok ? inst : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when `probe` returns true; rejects after `ms`. Polls with a growing delay. */
export async function waitUntil(probe: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    if (
      await Promise.resolve()
        .then(probe)
        .catch(() => false)
    )
      return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

export interface CodeServer {
  readonly port: number;
  readonly base: string;
  readonly home: string;
  stop(): void;
}

/** A scratch home for code-server and Chromium, so that neither writes into the real one. */
export function scratchEnv(inst: E2EInstall, home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    PATH: `${inst.node24Bin}:${process.env.PATH}`,
  };
}

export async function installExtension(inst: E2EInstall, home: string, vsix: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(
    inst.codeServer,
    ['--extensions-dir', join(home, 'extensions'), '--install-extension', vsix],
    { env: scratchEnv(inst, home), timeout: 120_000 },
  );
  return stdout + stderr;
}

/** Starts code-server (in its own process group) and waits for /healthz. */
export async function startCodeServer(inst: E2EInstall, home: string, extraArgs: string[] = []): Promise<CodeServer> {
  const port = await freePort();
  const log = createWriteStream(join(RESULTS, 'code-server.log'), { flags: 'a' });
  const child: ChildProcess = spawn(
    inst.codeServer,
    [
      '--user-data-dir',
      join(home, 'user-data'),
      '--extensions-dir',
      join(home, 'extensions'),
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...extraArgs,
    ],
    { env: scratchEnv(inst, home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited: string | undefined;
  child.once('exit', (code, sig) => (exited = `code-server exited (${code ?? sig}); see test-results/code-server.log`));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM'); // kill -- -PID: code-server and its helpers
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (exited) throw new Error(exited);
        return (await fetch(`${base}/healthz`)).ok;
      },
      30_000,
      'code-server /healthz',
    );
  } catch (e) {
    stop();
    throw new Error(exited ?? String(e), { cause: e });
  }
  return { port, base, home, stop };
}

export async function launchChromium(inst: E2EInstall, home: string): Promise<Browser> {
  return chromium.launch({
    executablePath: inst.chromium,
    headless: true,
    timeout: 60_000,
    env: scratchEnv(inst, home),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits for the workbench to be usable: status bar and at least one explorer row. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * Runs a command from the palette by its title. A contributed command can take seconds to appear
 * on a fresh profile: reopen the palette until the title is listed (bounded), then run it.
 */
export async function runCommand(page: Page, title: string, ms = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await waitUntil(
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 5_000 });
      await input.fill(`>${title}`);
      return row.waitFor({ timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    },
    ms,
    `the command "${title}" in the palette`,
  );
  await input.press('Enter');
}
