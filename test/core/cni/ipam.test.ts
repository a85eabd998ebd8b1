/** A plugin's ipam (src/core/cni/ipam.ts): its type, static addresses and routes (cni-ipam). */
import { strict as assert } from 'node:assert';
import { colOf, only, rows, withIpam } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-ipam', () => {
    it('ipam without type; host-local without subnet or ranges (unless ranges come at runtime)', () => {
      assert.deepEqual(rows(withIpam('{ "subnet": "10.0.0.0/24" }')), [['cni-ipam', 6, 7, 'error']]);
      assert.deepEqual(rows(withIpam('{ "type": "host-local" }')), [['cni-ipam', 6, 7, 'error']]);
      assert.match(only(withIpam('{ "type": "host-local" }')).message.en, /no IP ranges specified/);
      const runtime =
        '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "capabilities": { "ipRanges": true }, "ipam": { "type": "host-local" } }] }';
      assert.deepEqual(rows(runtime), []);
    });

    it('static addresses and routes; an IPAM plugin as a plugin and the reverse (warnings)', () => {
      const stat = withIpam(
        '{ "type": "static", "addresses": [{ "address": "10.10.0.1", "gateway": "10.10.0.254" }], "routes": [{ "dst": "default" }] }',
      );
      assert.deepEqual(rows(stat), [
        ['cni-ipam', 6, colOf(stat, 6, '"10.10.0.1"'), 'error'],
        ['cni-ipam', 6, colOf(stat, 6, '"default"'), 'error'],
      ]);
      assert.deepEqual(rows(withIpam('{ "type": "static", "addresses": [{ "address": "10.10.0.1/24" }] }')), []);
      const asPlugin = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "host-local" }] }';
      assert.deepEqual(rows(asPlugin), [['cni-ipam', 1, colOf(asPlugin, 1, '"host-local"'), 'warning']]);
      assert.deepEqual(
        rows(withIpam('{ "type": "bridge" }')).map((r) => r.slice(0, 2).concat(r[3])),
        [['cni-ipam', 6, 'warning']],
      );
    });
  });
});
