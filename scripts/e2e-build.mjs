// Builds the extension-host tests for the editors that run them (esbuild, like every bundle):
//   out/test/extension/suite/index.js    the standard run() module, mocha bundled in (code-server's
//                                         smoke-test driver and any extensionTestsPath load it)
//   out/test/extension/suite/*.ext.js   each test file alone, for @vscode/test-cli (.vscode-test.mjs),
//                                         which loads them into its own mocha
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/extension/suite';
const tests = readdirSync(dir).filter((f) => f.endsWith('.ext.ts')).map((f) => `${dir}/${f}`);
const common = { bundle: true, sourcemap: 'inline', logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves its worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' }, target: 'es2022', platform: 'node', format: 'cjs',
  external: ['vscode'] };

rmSync('out/test/extension', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [`${dir}/index.ts`], outfile: 'out/test/extension/suite/index.js' }),
  build({ ...common, entryPoints: tests, outdir: 'out/test/extension/suite' }),
]);
