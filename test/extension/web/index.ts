/**
 * The extension-host suite for a web extension host (a browser's web worker, as on vscode.dev): the
 * same test files as `../suite/index.ts`, run with mocha's browser build, with knetlab's browser
 * bundle (`dist/web/extension.js`) under test. code-server runs it when the development extension
 * is forced into its web worker host (payload `extensionDevelopmentKind=web`, see test/e2e/).
 *
 * Bundled by `scripts/e2e-build.mjs` for the browser into `out/test/extension/web/index.js`;
 * `node:assert/strict` is replaced by `./assert.ts` there, as a web worker has no Node modules.
 */
// mocha's browser build (node_modules/mocha/mocha.js), wrapped by scripts/e2e-build.mjs: the
// browser `mocha` object (setup + run).
// @ts-expect-error -- a module only the web suite's bundle defines
import mochaBrowser from 'mocha-browser';
import { forbidPending, loadTests, runMarked } from '../suite/tests';

/** CI as the suite was built under: a web worker has no environment (scripts/e2e-build.mjs defines it). */
declare const KNETLAB_BUILD_CI: string;

interface BrowserMocha {
  setup(opts: { ui: string; reporter: string; timeout: number; color: boolean; forbidPending: boolean }): void;
  run(done: (failures: number) => void): void;
}

export function run(): Promise<void> {
  const mocha = mochaBrowser as BrowserMocha;
  (globalThis as { knetlabSuiteHost?: string }).knetlabSuiteHost = 'web';
  // setup() defines describe/it on the worker's global scope before the test files load.
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false, forbidPending: forbidPending({ CI: KNETLAB_BUILD_CI }) });
  loadTests();
  return runMarked((done) => mocha.run(done));
}
