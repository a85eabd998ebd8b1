// Builds the extension-host tests for the editors that run them (esbuild, like every bundle):
//   out/test/extension/suite/index.js    the standard run() module, mocha bundled in (code-server's
//                                         smoke-test driver and any extensionTestsPath load it)
//   out/test/extension/suite/*.ext.js   each test file alone, for @vscode/test-cli (.vscode-test.mjs),
//                                         which loads them into its own mocha
//   out/test/extension/web/index.js      the same tests for a web extension host (a browser's web
//                                         worker): mocha's browser build, node:assert replaced
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync } from 'node:fs';

const dir = 'test/extension/suite';
const tests = readdirSync(dir)
  .filter((f) => f.endsWith('.ext.ts'))
  .map((f) => `${dir}/${f}`);
const common = {
  bundle: true,
  sourcemap: 'inline',
  logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves its worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
  target: 'es2022',
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
};

/**
 * mocha's browser build is a UMD script; in an extension host's CommonJS wrapper it would replace the
 * suite's own `module.exports`. Loaded with `module`, `exports` and `define` hidden, it can only set
 * the global `mocha`, which this module exports.
 */
const mochaBrowser = {
  name: 'mocha-browser',
  setup(b) {
    b.onResolve({ filter: /^mocha-browser$/ }, () => ({ path: 'mocha-browser', namespace: 'mocha-browser' }));
    b.onLoad({ filter: /.*/, namespace: 'mocha-browser' }, () => ({
      contents: `var module = void 0, exports = void 0, define = void 0;\n${readFileSync('node_modules/mocha/mocha.js', 'utf8')}\nexport default globalThis.mocha;\n`,
      loader: 'js',
    }));
  },
};

rmSync('out/test/extension', { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [`${dir}/index.ts`], outfile: 'out/test/extension/suite/index.js' }),
  build({ ...common, entryPoints: tests, outdir: 'out/test/extension/suite' }),
  build({
    ...common,
    platform: 'browser',
    entryPoints: ['test/extension/web/index.ts'],
    outfile: 'out/test/extension/web/index.js',
    alias: { 'node:assert/strict': './test/extension/web/assert.ts' },
    // a web worker has no environment: the suite fails its skips under CI as built (see suite/tests.ts)
    define: { KNETLAB_BUILD_CI: JSON.stringify(process.env.CI ?? '') },
    plugins: [mochaBrowser],
  }),
]);
