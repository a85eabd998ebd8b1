import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { COREDNS_PLUGINS, parseCorefile } from '../../../src/core/dns/corefile';
import { corefileChecker } from '../../../src/extension/language/diagnostics';
import { corefileSymbols } from '../../../src/extension/language/symbols';

const CLUSTER = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

function codes(text: string) {
  return parseCorefile(text, 'Corefile').diagnostics.map((d) => [d.code, d.line, d.column, d.severity]);
}

describe('Corefile', () => {
  it("reads the cluster's own Corefile without a diagnostic", () => {
    const r = parseCorefile(CLUSTER, 'Corefile');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.blocks[0]!.keys, ['.:53']);
    assert.deepEqual(
      r.blocks[0]!.plugins.map((p) => p.name),
      ['errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance'],
    );
    assert.deepEqual(r.blocks[0]!.plugins[3]!.args, ['cluster.local', 'in-addr.arpa', 'ip6.arpa']);
  });

  it('corefile-unknown-plugin, with did-you-mean', () => {
    const r = parseCorefile('.:53 {\n  forwrd . 8.8.8.8\n}\n', 'Corefile');
    assert.deepEqual(codes('.:53 {\n  forwrd . 8.8.8.8\n}\n'), [['corefile-unknown-plugin', 2, 3, 'error']]);
    assert.match(r.diagnostics[0]!.message.en, /did you mean "forward"/);
    assert.ok(r.diagnostics[0]!.message.ko.length > 0);
  });

  it('corefile-duplicate-plugin for a single-use plugin', () => {
    assert.deepEqual(codes('.:53 {\n  cache 30\n  cache 10\n}\n'), [['corefile-duplicate-plugin', 3, 3, 'error']]);
    assert.deepEqual(codes('.:53 {\n  rewrite name a b\n  rewrite name c d\n}\n'), []);
  });

  it('corefile-syntax: a stray }, an unclosed block; keys with no plugins are a warning', () => {
    assert.deepEqual(codes('}\n'), [['corefile-syntax', 1, 1, 'error']]);
    assert.deepEqual(codes('.:53 {\n  errors\n'), [['corefile-syntax', 1, 6, 'error']]);
    assert.deepEqual(codes('example.org\n'), [['corefile-empty-block', 1, 1, 'warning']]);
    assert.deepEqual(codes('example.org\n{\n  whoami\n}\n'), []);
  });

  it('snippets, imports, env placeholders and comments', () => {
    assert.deepEqual(
      codes('(common) {\n  errors\n  log\n}\n.:53 {\n  import common\n  {$EXTRA}\n  whoami # answers with the client address\n}\n'),
      [],
    );
  });

  it('the editor checker and outline', () => {
    assert.ok(corefileChecker.matches('/x/Corefile', 'plaintext'));
    assert.ok(corefileChecker.matches('/x/other', 'corefile'));
    assert.ok(corefileChecker.matches('/x/dns.Corefile', 'plaintext'));
    assert.ok(!corefileChecker.matches('/x/NotACorefile', 'plaintext'));
    assert.deepEqual(
      corefileChecker.check('.:53 {\n  forwrd\n}\n', { file: 'Corefile', readFile: () => undefined }).map((d) => d.code),
      ['corefile-unknown-plugin'],
    );
    const s = corefileSymbols(CLUSTER);
    assert.equal(s[0]!.name, '.:53');
    assert.equal(s[0]!.children.length, 10);
  });

  it('never throws, whatever the text', () => {
    const tok = fc.constantFrom('{', '}', '.:53', 'forward', 'cache', '"q', '#', '{$X}', '(s)', 'import', '\n', ' ', 'zz');
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 60 }), (ts) => {
        const r = parseCorefile(ts.join(' '), 'Corefile');
        for (const d of r.diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && d.message.en && d.message.ko);
      }),
      { numRuns: 300 },
    );
    assert.ok(COREDNS_PLUGINS.includes('kubernetes'));
  });
});
