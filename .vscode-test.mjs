// Extension-host tests in VS Code desktop, with @vscode/test-cli and @vscode/test-electron:
//   npx vscode-test                 every configuration below
//   npx vscode-test --label oldest  the oldest VS Code the extension supports (engines.vscode)
// They download VS Code, so they run on machines that can; on machines that cannot, the same suite
// runs in code-server (npm run test:e2e, see test/e2e/). Build the tests first:
// npm run build && node scripts/e2e-build.mjs (npm run test:extension does both).
import { defineConfig } from '@vscode/test-cli';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';

// The suite opens an empty scratch folder: nothing activates the extension before the suite times
// its activation, and the tests write their lab copies there.
const workspaceFolder = mkdtempSync(join(tmpdir(), 'knetlab-ws-'));

const common = {
  files: 'out/test/extension/suite/*.ext.js',
  workspaceFolder,
  // Under CI a skipped test fails, as in .mocharc.cjs and the code-server runs (test/extension/suite/tests.ts).
  mocha: { ui: 'bdd', timeout: 60_000, color: true, forbidPending: Boolean(process.env.CI) && process.env.CI !== 'false' },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
};

export default defineConfig([
  { label: 'oldest', version: '1.90.0', ...common },
  { label: 'stable', version: 'stable', ...common },
]);
