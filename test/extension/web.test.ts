/**
 * The web extension bundle (package.json `browser`, dist/web/extension.js) in a host like VS Code's
 * web worker extension host: a fresh `node:vm` context with only what a worker offers (standard JS,
 * TextEncoder/TextDecoder, URL, timers, console, performance, queueMicrotask, crypto.getRandomValues)
 * and no `process`, `Buffer`, `global`, `__dirname` or Node `require`. The bundle's `require` gives
 * the fake `vscode` and throws for anything else, so a stray Node import or global fails here.
 */
import * as fake from '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { webcrypto } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import type { ExtensionContext } from 'vscode';

const repo = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const bundle = join(repo, pkg.browser as string);

interface WebApi {
  ctx: { dispose(): void };
  status: { text: string };
}
interface WebExtension {
  activate(context: ExtensionContext): WebApi;
  deactivate?(): void;
}

/** Modules the bundle asked for, in order (only 'vscode' is allowed). */
const requested: string[] = [];

/** Globals of a web worker extension host (beyond the JS built-ins every vm context has). */
function workerGlobals(): Record<string, unknown> {
  return {
    console,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    performance,
    crypto: { getRandomValues: <T extends ArrayBufferView | null>(a: T) => webcrypto.getRandomValues(a as never) as T },
  };
}

/** Loads the bundle as VS Code's web host does: a CommonJS wrapper with module, exports, require. */
function loadWebBundle(): { ext: WebExtension; context: vm.Context } {
  const context = vm.createContext(workerGlobals(), { name: 'web extension host' });
  vm.runInContext('globalThis.self = globalThis;', context);
  const code = readFileSync(bundle, 'utf8');
  const wrapper = new vm.Script(`(function (module, exports, require) {\n${code}\n})`, { filename: bundle, lineOffset: -1 });
  const fn = wrapper.runInContext(context) as (m: unknown, e: unknown, r: unknown) => void;
  const mod = { exports: {} as Record<string, unknown> };
  const req = (id: string) => {
    requested.push(id);
    if (id === 'vscode') return fake;
    throw new Error(`the web bundle requires '${id}', which a web extension host does not have`);
  };
  fn(mod, mod.exports, req);
  return { ext: mod.exports as unknown as WebExtension, context };
}

/** Copies a bundled lab into the fake workspace. */
function addLab(name: string): void {
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else fake.files.set(`/ws/labs/${name}${rel}/${e.name}`, readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(join(repo, 'labs', name), '');
}

describe('web extension bundle (worker-like host, fake vscode)', function () {
  let ext: WebExtension;
  let context: vm.Context;
  let api: WebApi | undefined;

  before(function () {
    if (!existsSync(bundle)) {
      console.warn(`    skipped: ${pkg.browser} is not built; run \`npm run build\` (npm test builds first)`);
      this.skip();
    }
    ({ ext, context } = loadWebBundle());
  });
  beforeEach(() => fake.reset());
  afterEach(() => {
    api?.ctx.dispose();
    api = undefined;
  });

  function start(): WebApi {
    const subscriptions: { dispose(): void }[] = [];
    api = ext.activate({ subscriptions } as unknown as ExtensionContext);
    return api;
  }

  it('the host has no Node globals and the bundle requires nothing but vscode', () => {
    for (const g of ['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate']) {
      assert.equal(vm.runInContext(`typeof ${g}`, context), 'undefined', `the host must not offer ${g}`);
    }
    assert.equal(typeof ext.activate, 'function', 'the bundle exports activate');
    assert.deepEqual([...new Set(requested)], ['vscode']);
    // src/extension/realpath.ts asks Node where a symbolic link leads in the desktop build only.
    assert.doesNotMatch(readFileSync(bundle, 'utf8'), /node:fs|["']fs["']/, 'the web bundle names no Node file system');
  });

  it('reads no symbolic link, not even one that stays inside the lab: it cannot tell where links lead', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'knetlab-web-'));
    try {
      fake.useDisk();
      writeFileSync(
        join(tmp, 'lab.yaml'),
        'name: t\nswitches: [lan]\nhosts:\n  a:\n    interfaces: { eth0: lan }\n    files:\n      /etc/motd: { from: h }\n',
      );
      writeFileSync(join(tmp, 'motd.txt'), 'hello\n');
      symlinkSync('motd.txt', join(tmp, 'h'));
      start();
      const text = (await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file(tmp))) as string;
      assert.match(text, /lab\.yaml:7:26: error file-not-found: .*"h"/);
      assert.doesNotMatch(text, /file-outside-lab|leads outside/);
      assert.deepEqual([...new Set(requested)], ['vscode']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('activates and registers every command of package.json', () => {
    addLab('02-gateway');
    start();
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...fake.registered.keys()].sort(), declared);
  });

  it('gradeLab grades labs/02-gateway read through workspace.fs and reports a score', async () => {
    addLab('02-gateway');
    const a = start();
    const text = (await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file('/ws/labs/02-gateway'))) as string;
    assert.equal(
      typeof text,
      'string',
      `gradeLab returned ${String(text)}; errors: ${JSON.stringify(fake.outputs.filter((o) => o.name === 'error'))}`,
    );
    assert.match(text, /Lab .*: \d+(\.\d+)?\/\d+/);
    assert.match(text, /FAIL r-on-lan3/);
    assert.match(a.status.text, /\d+\/\d+/);
    assert.ok(fake.files.has('/ws/labs/02-gateway/.knetlab/starter/lab.yaml'), 'the starter copy is written');
  });

  it('runTrace with full arguments traces a ping', async () => {
    addLab('02-gateway');
    start();
    const text = (await fake.commands.executeCommand('knetlab.runTrace', {
      uri: fake.Uri.file('/ws/labs/02-gateway/lab.yaml'),
      from: 'a',
      to: '192.168.2.10',
      proto: 'icmp',
    })) as string;
    assert.equal(
      typeof text,
      'string',
      `runTrace returned ${String(text)}; errors: ${JSON.stringify(fake.outputs.filter((o) => o.name === 'error'))}`,
    );
    assert.match(text, /^a -> 192\.168\.2\.10 ping: REPLIED/);
    assert.match(text, /Request:/);
  });
});
