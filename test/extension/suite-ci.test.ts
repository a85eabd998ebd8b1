/**
 * The extension-host suite under CI (test/extension/suite/tests.ts, its Node and web runners and
 * .vscode-test.mjs): a skipped test fails there, as .mocharc.cjs has it for the other suites.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { forbidPending } from './suite/tests';

const repo = join(__dirname, '..', '..');

/** Runs one suite whose only test skips itself, with the extension-host suite's options; the failures. */
function runSkipping(forbid: boolean): Promise<number> {
  const mocha = new Mocha({ reporter: function Silent() {} as unknown as Mocha.ReporterConstructor, forbidPending: forbid });
  const suite = Mocha.Suite.create(mocha.suite, 'a panel whose page is not built');
  suite.addTest(
    new Mocha.Test('opens', function (this: Mocha.Context) {
      this.skip();
    }),
  );
  return new Promise((resolve) => mocha.run(resolve));
}

describe('extension-host suite: skips under CI', () => {
  it('forbids skipped tests when CI is set and not "false"', () => {
    assert.equal(forbidPending({ CI: 'true' }), true);
    assert.equal(forbidPending({ CI: '1' }), true);
    assert.equal(forbidPending({ CI: 'false' }), false);
    assert.equal(forbidPending({ CI: '' }), false);
    assert.equal(forbidPending({}), false);
  });

  it('with that option a test that skips itself is a failure; without it, it is pending', async () => {
    assert.equal(await runSkipping(true), 1);
    assert.equal(await runSkipping(false), 0);
  });

  it('every runner of the suite passes the option: code-server (Node and web worker) and @vscode/test-cli', () => {
    const node = readFileSync(join(repo, 'test/extension/suite/index.ts'), 'utf8');
    assert.match(node, /new Mocha\(\{[^}]*forbidPending: forbidPending\(process\.env\)/);
    const web = readFileSync(join(repo, 'test/extension/web/index.ts'), 'utf8');
    assert.match(web, /mocha\.setup\(\{[^}]*forbidPending: forbidPending\(\{ CI: KNETLAB_BUILD_CI \}\)/);
    assert.match(
      readFileSync(join(repo, 'scripts/e2e-build.mjs'), 'utf8'),
      /define: \{ KNETLAB_BUILD_CI: JSON\.stringify\(process\.env\.CI \?\? ''\) \}/,
    );
    assert.match(
      readFileSync(join(repo, '.vscode-test.mjs'), 'utf8'),
      /mocha: \{[^}]*forbidPending: Boolean\(process\.env\.CI\) && process\.env\.CI !== 'false'/,
    );
  });
});
