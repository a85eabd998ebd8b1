/**
 * The extension-host test suite: the standard `run()` module that VS Code's test runners load
 * (`extensionTestsPath`). The same tests run in VS Code desktop through @vscode/test-cli
 * (`.vscode-test.mjs`, which loads the `*.ext.js` files with its own mocha) and in code-server
 * through the smoke-test driver (`test/e2e/`, which loads this bundle).
 *
 * Bundled by `scripts/e2e-build.mjs` into `out/test/extension/suite/index.js`, mocha included, so
 * that it needs nothing from node_modules inside the extension host.
 */
import Mocha from 'mocha';
import { forbidPending, loadTests, runMarked } from './tests';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', forbidPending: forbidPending(process.env) });
  // The test modules are bundled in: define mocha's globals, then load them (order = run order).
  mocha.suite.emit('pre-require', globalThis, 'knetlab-extension-suite', mocha);
  loadTests();
  return runMarked((done) => mocha.run(done));
}
