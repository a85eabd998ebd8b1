import { strict as assert } from 'node:assert';
import { COREFILE_DOCS, PLUGIN_CHECKS, PLUGIN_ORDER, PROPERTY_DOCS, propertyDoc } from '../../../../src/core/dns/corefile';

describe('Corefile docs (hover and completion data)', () => {
  it('every plugin of the execution order, and import, has a doc in English and Korean with a usage line', () => {
    for (const p of [...PLUGIN_ORDER, 'import']) {
      const d = COREFILE_DOCS[p];
      assert.ok(d, p);
      assert.ok(d.en.length > 10 && /[가-힣]/.test(d.ko) && d.usage.startsWith(p === 'on' ? 'on' : p), p);
    }
  });

  it('documents only plugins CoreDNS has, and properties of checked plugins', () => {
    for (const p of Object.keys(COREFILE_DOCS)) assert.ok([...PLUGIN_ORDER, 'import'].includes(p), p);
    for (const [p, props] of Object.entries(PROPERTY_DOCS)) {
      assert.ok(PLUGIN_CHECKS[p], p);
      for (const [name, d] of Object.entries(props)) {
        assert.ok(d.usage.startsWith(name), `${p} ${name}`);
        assert.ok(/[가-힣]/.test(d.ko), `${p} ${name}`);
      }
    }
    assert.equal(propertyDoc('hosts', 'fallthrough')?.usage, 'fallthrough [ZONES...]');
    assert.equal(propertyDoc('hosts', 'toString'), undefined);
    assert.equal(propertyDoc('constructor', 'x'), undefined);
  });
});
