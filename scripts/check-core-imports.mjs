// Architecture rule: src/core is pure TypeScript. It must never import `vscode` or a Node built-in,
// so that the CLI, the extension host, a web extension and the webviews can all run it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const root = 'src/core';
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const importRe = /(?:^|[^.\w])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^.\w])require\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^.\w])import\s+['"]([^'"]+)['"]/gm;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.[cm]?[jt]sx?$/.test(name)) yield p;
  }
}

const problems = [];
for (const file of walk(root)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
    if (spec === 'vscode' || spec.startsWith('vscode/')) problems.push(`${relative('.', file)}:${line}: imports 'vscode'`);
    else if (builtins.has(spec) || spec.startsWith('node:')) problems.push(`${relative('.', file)}:${line}: imports the Node built-in '${spec}'`);
  }
}
if (problems.length) {
  console.error('src/core must stay free of vscode and Node built-ins:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('architecture: src/core imports neither vscode nor Node built-ins');
