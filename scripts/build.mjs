// The one build script: every bundle of the project is built here with esbuild.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * The schema validators first (scripts/validators.ts): ajv's standalone code, which the bundles
 * below import instead of compiling the schemas at every start. The generator is TypeScript; it is
 * bundled in memory (its packages stay outside, required from node_modules) and run here. A file
 * is written only when its text changes, so an unchanged schema leaves the tree untouched.
 */
async function generateValidators() {
  const gen = await build({
    entryPoints: ['scripts/validators.ts'],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', gen.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  for (const { path, text } of mod.exports.generateValidators()) {
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
await generateValidators();

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2022' };

const bundles = [
  // The command-line tool: core + CLI in one file for Node.
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The VS Code extension (desktop); `vscode` is provided by the editor.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    define: { KNETLAB_BUILD: '"node"' },
  },
  // The same extension as a web extension (vscode.dev, code-server's browser host): files only
  // through vscode.workspace.fs, the core platform-free, so the one source builds for the browser.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { KNETLAB_BUILD: '"browser"' },
  },
  // The core alone, as a platform-neutral ES module (the extension, the web extension and the
  // webviews import it; building it here proves it needs nothing from Node).
  {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.mjs',
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
  },
];

// The webview panels: one browser bundle per panel (webview/<panel>/main.ts), its CSS beside it
// (dist/webview/<panel>.js, <panel>.css). They load nothing else: d3 and @vscode-elements are bundled in.
const panels = ['topology', 'trace', 'lab'].filter((p) => existsSync(`webview/${p}/main.ts`));
if (panels.length) {
  bundles.push({
    ...common,
    entryPoints: Object.fromEntries(panels.map((p) => [p, `webview/${p}/main.ts`])),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
  });
}

await Promise.all(bundles.map((b) => build(b)));
chmodSync('dist/cli.js', 0o755);

/**
 * The bundles that load at start stay ASCII: esbuild escapes non-ASCII text in strings, not in
 * regexp literals, and a single non-ASCII character makes Node hold the whole file as a two-byte
 * string, slower to read and to compile at every start. Write such a regexp with \u escapes.
 */
for (const file of ['dist/cli.js', 'dist/extension.js', 'dist/web/extension.js', 'dist/core.mjs']) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => /[\u0080-\uffff]/.test(l));
  if (at >= 0) console.warn(`warning: ${file}:${at + 1} is not ASCII (slower start): ${lines[at].trim().slice(0, 120)}`);
}

/**
 * The CNI schema VS Code's JSON support gets (package.json `jsonValidation`): keys and example
 * values for completion, and no constraints or descriptions. knetlab's own checker
 * (src/core/cni) reports every problem, in the display language, and knetlab's hover explains every
 * key, so the editor does not show each of them twice.
 */
function completionSchema(node) {
  if (Array.isArray(node)) return node.map(completionSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (
      [
        'required',
        'minimum',
        'maximum',
        'exclusiveMinimum',
        'exclusiveMaximum',
        'pattern',
        'minItems',
        'maxItems',
        'minLength',
        'maxLength',
        'format',
        'additionalProperties',
        'oneOf',
        'anyOf',
        'allOf',
        'not',
        'if',
        'then',
        'else',
        'type',
        'description',
        'markdownDescription',
        'title',
        'const',
      ].includes(k)
    )
      continue;
    if (k === 'enum') out.examples = [...new Set([...(node.examples ?? []), ...v])];
    else if (k === 'examples') out.examples = [...new Set([...v, ...(node.enum ?? [])])];
    else if (k === 'properties' || k === 'definitions')
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, completionSchema(s)]));
    else out[k] = completionSchema(v);
  }
  return out;
}
mkdirSync('dist/schema', { recursive: true });
writeFileSync(
  'dist/schema/cni.completion.json',
  JSON.stringify(completionSchema(JSON.parse(readFileSync('schema/cni.schema.json', 'utf8')))) + '\n',
);
