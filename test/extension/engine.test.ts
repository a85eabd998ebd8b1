/** The extension's engine (src/extension/engine.ts): tracing a check's packet whose `to:` names an endpoint. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as engine from '../../src/extension/engine';

describe('extension: engine traces', () => {
  const text = readFileSync('labs/02-gateway/lab.yaml', 'utf8');
  const { world } = engine.loadWorld(new Map([['lab.yaml', text]]), 'lab.yaml');

  it('takes an address, or a named endpoint at its primary address', () => {
    assert.equal(engine.targetAddress(world!, '192.168.2.10'), '192.168.2.10');
    assert.equal(engine.targetAddress(world!, 'b'), '192.168.2.10');
    assert.equal(engine.targetAddress(world!, 'r/eth1'), '192.168.2.1');
    // c has no address in the starter; nobody is called zz.
    assert.equal(engine.targetAddress(world!, 'c'), undefined);
    assert.equal(engine.targetAddress(world!, 'zz'), undefined);
    const t = engine.trace(world!, { from: 'a', to: 'b', proto: 'tcp', port: 80 });
    assert.equal(t?.replied, true);
    assert.equal(t?.request.steps[0]?.packet!.ip.dst, '192.168.2.10');
  });

  it('takes a name too: looked up first, as ping would; a name that does not resolve sends nothing', () => {
    assert.equal(engine.isName('web'), true);
    assert.equal(engine.isName('web.corp.example.'), true);
    assert.equal(engine.isName('192.168.2.10'), false);
    assert.equal(engine.isName('two words'), false);
    assert.equal(engine.isName('a/b'), false);
    const t = engine.trace(world!, { from: 'a', to: 'nosuch', proto: 'icmp' });
    assert.equal(t?.verdict, 'unresolved');
    assert.equal(t?.replied, false);
    assert.match(t!.reason.en, /^ping: nosuch: /);
    assert.equal(t?.request.steps.length, 0);
  });
});
