import { strict as assert } from 'node:assert';
import { COREDNS_PLUGINS, inExecutionOrder, parseCorefile, PLUGIN_ORDER, pluginRank } from '../../../../src/core/dns/corefile';

describe('Corefile plugin execution order (plugin.cfg)', () => {
  it('holds the plugins in plugin.cfg order, and import besides', () => {
    assert.equal(PLUGIN_ORDER[0], 'root');
    assert.ok(pluginRank('log')! < pluginRank('cache')!);
    assert.ok(pluginRank('cache')! < pluginRank('hosts')!);
    assert.ok(pluginRank('hosts')! < pluginRank('kubernetes')!);
    assert.ok(pluginRank('kubernetes')! < pluginRank('forward')!);
    assert.equal(pluginRank('import'), undefined);
    assert.ok(COREDNS_PLUGINS.includes('import'));
    assert.equal(new Set(PLUGIN_ORDER).size, PLUGIN_ORDER.length);
  });

  it("gives a block's plugins in execution order, not the Corefile's", () => {
    const r = parseCorefile('.:53 {\n  forward . 8.8.8.8\n  cache 30\n  hosts {\n    fallthrough\n  }\n  log\n  errors\n}\n', 'Corefile');
    assert.deepEqual(
      inExecutionOrder(r.blocks[0]!.plugins).map((p) => p.name),
      ['errors', 'log', 'cache', 'hosts', 'forward'],
    );
    assert.deepEqual(
      inExecutionOrder([{ name: 'zz' }, { name: 'whoami' }, { name: 'aa' }, { name: 'bind' }]).map((p) => p.name),
      ['bind', 'whoami', 'zz', 'aa'],
    );
  });
});
