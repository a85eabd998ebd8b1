// `npm test`'s last step: the end-to-end tests in a real VS Code (npm run test:e2e), when what they
// need is installed (scripts/e2e-install.sh). Otherwise it says how to install it and passes, or,
// with CI set, fails: CI installs it (.ci/run) and must run them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const cache = process.env.KNETLAB_E2E_CACHE || join(homedir(), '.cache', 'knetlab-e2e');
const file = join(cache, 'e2e.json');
let installed = false;
if (existsSync(file)) {
  const inst = JSON.parse(readFileSync(file, 'utf8'));
  installed = [inst.codeServer, join(inst.node24Bin, 'node'), inst.chromium].every((p) => existsSync(p));
}
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

if (!installed) {
  const msg = [
    `The end-to-end tests in a real VS Code (code-server + Chromium) did not run: they are not installed in ${cache}.`,
    'Install them (about 3 minutes, about 1.4 GB; apt-get needs root) and run them:',
    '  scripts/e2e-install.sh && npm run test:e2e',
  ].join('\n');
  if (ci) {
    console.error(`${msg}\nCI is set: failing.`);
    process.exit(1);
  }
  console.log(msg);
  process.exit(0);
}
const r = spawnSync('npm', ['run', 'test:e2e'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
