/**
 * The whole document (src/core/cni/document.ts): the schema (cni-schema), and the file's form, a
 * plugin list in a .conflist or one plugin in a .conf (cni-plugins).
 */
import { strict as assert } from 'node:assert';
import { checkCniConfig } from '../../../src/core/cni/config';
import { colOf, only, rows } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-schema', () => {
    it('a value of the wrong type, at the value', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "isGateway": "yes" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-schema', 5, colOf(text, 5, '"yes"'), colOf(text, 5, '"yes"') + 5, 'error'],
      );
      assert.match(d.message.en, /^plugins\[0\]\.isGateway must be true or false, not the string "yes"/);
      assert.ok(d.message.ko.length > 0);
    });

    it('a range, a required key of a route, a capability that is not a boolean', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "vlan", "master": "eth0", "vlan": 5000,\n      "ipam": { "type": "host-local", "subnet": "10.0.0.0/24", "routes": [{ "gw": "10.0.0.1" }] },\n      "capabilities": { "portMappings": "yes" } }\n  ]\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-schema', 5, colOf(text, 5, '5000'), 'error'],
        ['cni-schema', 6, colOf(text, 6, '{ "gw"'), 'error'],
        ['cni-schema', 7, colOf(text, 7, '"yes"'), 'error'],
      ]);
      const ds = checkCniConfig(text, 'x.conflist').diagnostics;
      assert.match(ds[0]!.message.en, /vlan must be from 0 to 4094, not 5000/);
      assert.match(ds[1]!.message.en, /routes\[0\] needs "dst"/);
    });

    it('not an object at all', () => {
      const d = only('[ { "type": "bridge" } ]');
      assert.deepEqual([d.code, d.line, d.column], ['cni-schema', 1, 1]);
      assert.match(d.message.en, /one JSON object/);
    });

    it('no unknown-key diagnostics: plugins take any key; disableCheck may be "true" as libcni reads it', () => {
      assert.deepEqual(
        rows(
          '{ "cniVersion": "1.0.0", "name": "n", "disableCheck": "true", "extra": 1, "plugins": [{ "type": "bridge", "myOwnKey": [1] }] }',
        ),
        [],
      );
    });
  });

  describe('cni-plugins', () => {
    it('a single .conf: needs type; a list in a .conf; a single plugin in a .conflist; ignored keys', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n" }', '/etc/cni/net.d/10-n.conf'), [['cni-plugins', 1, 1, 'error']]);
      const list = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }';
      const d = only(list, '/etc/cni/net.d/10-n.conf');
      assert.deepEqual([d.code, d.column, d.severity], ['cni-plugins', colOf(list, 1, '"plugins"'), 'error']);
      assert.match(d.message.en, /Name the file \.conflist/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "bridge" }', '10-n.conflist'), [['cni-plugins', 1, 1, 'error']]);
      const both = '{ "cniVersion": "1.0.0", "name": "n", "type": "bridge", "plugins": [{ "type": "ptp" }] }';
      assert.deepEqual(rows(both, '10-n.conflist'), [['cni-plugins', 1, colOf(both, 1, '"type"'), 'warning']]);
      assert.deepEqual(rows(both, 'net.d/10-n.conf'), [['cni-plugins', 1, colOf(both, 1, '"plugins"'), 'warning']]);
    });
  });
});
