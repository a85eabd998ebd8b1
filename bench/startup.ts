/**
 * Start-up, side by side in one run: bare Node (`node -e 0`), the CLI's `trace` and `check` of
 * labs/02-gateway (each spawned RUNS times, interleaved so that a busy machine slows all alike;
 * median wall time), and the extension's activation (bench/activation.ts in a fresh Node per run:
 * dist/extension.js loaded and activate()d against the unit tests' fake `vscode`). The CLI's own
 * cost is its median minus bare Node's: the aim is under 60 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const TARGET_CLI_OVER_NODE_MS = 60;

export interface StartupRow {
  readonly what: string;
  readonly medianMs: number;
  readonly minMs: number;
}

export interface StartupResult {
  readonly runs: number;
  readonly bare: StartupRow;
  readonly cli: StartupRow[];
  /** The extension: loading dist/extension.js, and activate() after it. */
  readonly activation?:
    { readonly load: StartupRow; readonly activate: StartupRow; readonly error?: undefined } | { readonly error: string };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const row = (what: string, xs: number[]): StartupRow => ({ what, medianMs: median(xs), minMs: Math.min(...xs) });

/** Wall time of one `node ARGS`, output discarded; throws if it fails. */
function spawnMs(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

const COMMANDS: readonly (readonly string[])[] = [
  ['dist/cli.js', 'trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10'],
  ['dist/cli.js', 'check', 'labs/02-gateway'],
];

/** bench/activation.ts and the fake vscode as plain JavaScript, in a temporary folder. */
async function activationScript(dir: string): Promise<string> {
  const fake = join(dir, 'vscode-fake.cjs');
  const child = join(dir, 'activation.cjs');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: ['test/support/vscode-fake/index.ts'], outfile: fake });
  await build({
    ...common,
    entryPoints: ['bench/activation.ts'],
    outfile: child,
    // The fake stays a module of its own: `require('vscode')` resolves to its file.
    plugins: [
      {
        name: 'fake-vscode',
        setup(b) {
          b.onResolve({ filter: /vscode-fake(\/index)?$/ }, () => ({ path: './vscode-fake.cjs', external: true }));
        },
      },
    ],
  });
  return child;
}

/** Runs every measurement `runs` times; needs `npm run build` first (dist/cli.js, dist/extension.js). */
export async function benchStartup(runs = 11): Promise<StartupResult> {
  const bare: number[] = [];
  const cli = COMMANDS.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    bare.push(spawnMs(['-e', '0']));
    COMMANDS.forEach((c, j) => cli[j]!.push(spawnMs(c)));
  }
  const result = {
    runs,
    bare: row('node -e 0', bare),
    cli: COMMANDS.map((c, j) => row(`knetlab ${c.slice(1).join(' ')}`, cli[j]!)),
  };
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-bench-'));
  try {
    const child = await activationScript(dir);
    const load: number[] = [];
    const activate: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [child, process.cwd()], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr || `exit ${r.status}`);
      const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { loadMs: number; activateMs: number };
      load.push(m.loadMs);
      activate.push(m.activateMs);
    }
    return { ...result, activation: { load: row('load dist/extension.js', load), activate: row('activate()', activate) } };
  } catch (e) {
    return { ...result, activation: { error: e instanceof Error ? e.message : String(e) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
