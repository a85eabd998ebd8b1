/**
 * One plugin (src/core/cni/plugin.ts, with the known names of plugins.ts): its type
 * (cni-unknown-plugin), interface names (cni-ifname), MTU (cni-mtu).
 */
import { strict as assert } from 'node:assert';
import { checkCniConfig } from '../../../src/core/cni/config';
import { CNI_VERSIONS, KNOWN_IPAM, KNOWN_PLUGINS } from '../../../src/core/cni/plugins';
import { colOf, only, rows } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-unknown-plugin', () => {
    it('a warning with did-you-mean, at the type; IPAM types too', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "brdige", "ipam": { "type": "host-lcal", "subnet": "10.0.0.0/24" } },\n    { "type": "my-own-plugin" }\n  ]\n}\n';
      const ds = checkCniConfig(text, 'x.conflist').diagnostics;
      assert.deepEqual(
        ds.map((d) => [d.code, d.line, d.column, d.severity]),
        [
          ['cni-unknown-plugin', 5, colOf(text, 5, '"brdige"'), 'warning'],
          ['cni-unknown-plugin', 5, colOf(text, 5, '"host-lcal"'), 'warning'],
          ['cni-unknown-plugin', 6, colOf(text, 6, '"my-own-plugin"'), 'warning'],
        ],
      );
      assert.match(ds[0]!.message.en, /did you mean "bridge"\?/);
      assert.match(ds[1]!.message.en, /did you mean "host-local"\?/);
      assert.doesNotMatch(ds[2]!.message.en, /did you mean/);
      assert.match(ds[0]!.message.ko, /"bridge"를 뜻했나요/);
    });

    it('knows the reference plugins and the common providers', () => {
      for (const t of [
        'bridge',
        'ipvlan',
        'macvlan',
        'ptp',
        'host-device',
        'vlan',
        'loopback',
        'dummy',
        'tap',
        'vrf',
        'portmap',
        'bandwidth',
        'firewall',
        'sbr',
        'tuning',
        'flannel',
        'calico',
        'cilium-cni',
        'weave-net',
        'multus',
        'aws-cni',
        'azure-vnet',
      ]) {
        assert.ok(KNOWN_PLUGINS.includes(t), t);
      }
      for (const t of ['host-local', 'static', 'dhcp', 'calico-ipam', 'whereabouts']) assert.ok(KNOWN_IPAM.includes(t), t);
      assert.deepEqual(CNI_VERSIONS, ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0']);
    });
  });

  describe('cni-ifname', () => {
    it('a bridge name longer than 15 characters, at the value; other interface fields', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "bridge": "cni-bridge-of-lab1" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-ifname', 5, colOf(text, 5, '"cni-bridge'), colOf(text, 5, '"cni-bridge') + 20, 'error'],
      );
      assert.match(d.message.en, /18 characters, and Linux allows at most 15/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "bridge": "cni-bridge-lab1" }] }'), []);
      const master = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "macvlan", "master": "eth0:1" }] }';
      assert.deepEqual(rows(master), [['cni-ifname', 1, colOf(master, 1, '"eth0:1"'), 'error']]);
      const device = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "host-device", "device": ".." }] }';
      assert.deepEqual(rows(device), [['cni-ifname', 1, colOf(device, 1, '".."'), 'error']]);
      // Another plugin's "bridge" key is not an interface name.
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "ptp", "bridge": "a-very-long-name-indeed" }] }'),
        [],
      );
    });
  });

  describe('cni-mtu', () => {
    it('outside 68..65535, at the value; 0 keeps the default', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "mtu": 40 }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-mtu', 5, colOf(text, 5, '40'), colOf(text, 5, '40') + 2, 'error'],
      );
      const big = '{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 70000 }';
      assert.deepEqual(rows(big, 'net.d/n.conf'), [['cni-mtu', 1, colOf(big, 1, '70000'), 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 0 }', 'net.d/n.conf'), []);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 68 }', 'net.d/n.conf'), []);
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": "1500" }', 'net.d/n.conf').map((r) => r[0]),
        ['cni-schema'],
      );
    });
  });
});
