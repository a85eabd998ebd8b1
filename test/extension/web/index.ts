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

interface BrowserMocha {
  setup(opts: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): void;
}

export function run(): Promise<void> {
  const mocha = mochaBrowser as BrowserMocha;
  (globalThis as { knetlabSuiteHost?: string }).knetlabSuiteHost = 'web';
  // setup() defines describe/it on the worker's global scope before the test files load.
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../suite/activation.ext');
  require('../suite/diagnostics.ext');
  require('../suite/features.ext');
  require('../suite/panels.ext');
  /* eslint-enable @typescript-eslint/no-require-imports */
  console.log('knetlab-suite-begin');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log('knetlab-suite-end');
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
