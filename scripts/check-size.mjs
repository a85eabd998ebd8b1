// House rule: no source, test, style or script file over 400 lines. A file that grows past it is
// split along its seams (see docs/architecture.md), never squeezed. Generated code (ajv's
// standalone validators, under a generated/ folder) is exempt: nobody edits it.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 400;
const files = execSync("git ls-files --cached --others --exclude-standard -- src webview test bench scripts '*.mjs' '*.cjs'", {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|mts|mjs|cjs|js|css)$/.test(f));
const over = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // listed but deleted in the work tree
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX && !f.includes('/generated/')) over.push(`${f}: ${lines} lines`);
}
if (over.length) {
  console.error(`These files are over ${MAX} lines; split them along their seams:\n${over.join('\n')}`);
  process.exit(1);
}
console.log(`size: ${files.length} files, none over ${MAX} lines`);
