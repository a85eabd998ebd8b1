/**
 * One measurement of the extension's activation, run by bench/startup.ts in a fresh Node each
 * time (compiled to plain JavaScript first: tsx's loader would slow the require measured here).
 * dist/extension.js is loaded and activate()d against the fake `vscode` of the unit tests
 * (test/support/vscode-fake/, which makes `require('vscode')` resolve to itself), with
 * labs/02-gateway in its workspace; the times are taken inside this process. Prints one JSON line.
 *
 * The real editor's figure comes from test/extension/suite/activation.ext.ts, which needs VS Code
 * and a display; this is the cheap stand-in: loading the bundle and running activate(), without
 * the extension host around it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { files } from '../test/support/vscode-fake';

interface Extension {
  activate(context: { subscriptions: { dispose(): void }[] }): { ctx?: { dispose(): void } };
}

/** The lab in the fake workspace, as the fake's addLab would put it (its own paths are elsewhere once compiled). */
function addLab(root: string, name: string): void {
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else files.set(`/ws/labs/${name}${rel}/${e.name}`, readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(root, 'labs', name), '');
}

const root = resolve(process.argv[2] ?? '.');
addLab(root, '02-gateway');
const bundle = join(root, 'dist', 'extension.js');
const load = createRequire(bundle);
const t0 = performance.now();
const ext = load(bundle) as Extension;
const t1 = performance.now();
const api = ext.activate({ subscriptions: [] });
const t2 = performance.now();
api.ctx?.dispose();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 }) + '\n');
process.exit(0);
