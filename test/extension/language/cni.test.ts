/** The editor's CNI checker: which documents it reads (the extension's CNI selector), and what it reports. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { checkerFor, cniChecker, CHECKERS, toEditorDiagnostic } from '../../../src/extension/language/diagnostics';

const ctx = { file: '10-mynet.conflist', readFile: () => undefined };

describe('extension language: CNI configurations', () => {
  it('reads *.conflist and *.conf under a net.d folder, like the CNI document selector', () => {
    assert.ok(CHECKERS.includes(cniChecker));
    for (const p of [
      '/x/10-mynet.conflist',
      '/etc/cni/net.d/10-mynet.conf',
      '/home/s/labs/cni/net.d/99-loopback.conf',
      '/x/net.d/10-x.conf',
    ]) {
      assert.equal(checkerFor(p, 'json')?.id, 'cni', p);
      assert.equal(checkerFor(p, 'plaintext')?.id, 'cni', p);
    }
    for (const p of ['/etc/resolv.conf', '/x/net.d/sub/10-x.conf', '/x/cni.json', '/x/10-mynet.conflist.bak'])
      assert.equal(checkerFor(p, 'json'), undefined, p);
    // The lab and Corefile checkers keep their documents.
    assert.equal(checkerFor('/x/lab.yaml', 'yaml')?.id, 'lab');
    assert.equal(checkerFor('/x/Corefile', 'corefile')?.id, 'corefile');
    assert.deepEqual(cniChecker.filesWanted('{}'), []);
  });

  it('the selector of the extension and the activation events name the same files', () => {
    const index = readFileSync(new URL('../../../src/extension/language/index.ts', import.meta.url), 'utf8');
    const selector = /CNI_SELECTOR[^=]*=\s*(\[[\s\S]*?\]);/.exec(index)?.[1] ?? '';
    for (const pattern of ['**/*.conflist', '/etc/cni/net.d/*.conf', '**/net.d/*.conf'])
      assert.ok(selector.includes(`'${pattern}'`), pattern);
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { activationEvents: string[] };
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.conflist'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/net.d/*.conf'));
  });

  it('reports the core diagnostics, with a docs link, in the display language', () => {
    const text = '{\n  "cniVersion": "1.0.0",\n  "name": "mynet",\n  "plugins": [\n    { "type": "brigde", "bridge": "cni0" }\n  ]\n}\n';
    const ds = cniChecker.check(text, ctx);
    assert.deepEqual(
      ds.map((d) => [d.code, d.line, d.column, d.severity]),
      [['cni-unknown-plugin', 5, 15, 'warning']],
    );
    const en = toEditorDiagnostic(ds[0]!, 'en');
    assert.deepEqual(en.span, { start: { line: 4, character: 14 }, end: { line: 4, character: 22 } });
    assert.match(en.message, /did you mean "bridge"\?/);
    assert.equal(en.code.target, 'https://github.com/knetlab/knetlab/blob/main/docs/diagnostics.md#cni-unknown-plugin');
    assert.match(toEditorDiagnostic(ds[0]!, 'ko').message, /뜻했나요/);
    // As the user types: half a file is a syntax error, never an exception.
    for (let i = 0; i <= text.length; i++) for (const d of cniChecker.check(text.slice(0, i), ctx)) assert.ok(d.line >= 1 && d.column >= 1);
    assert.deepEqual(cniChecker.check(text.replace('brigde', 'bridge'), ctx), []);
  });
});
