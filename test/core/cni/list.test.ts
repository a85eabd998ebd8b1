/**
 * The plugin list (src/core/cni/list.ts): the list itself (cni-plugins), a chained-only plugin
 * first (cni-plugin-order), a type listed twice (cni-duplicate-plugin).
 */
import { strict as assert } from 'node:assert';
import { CHAINED_ONLY } from '../../../src/core/cni/plugins';
import { colOf, only, rows } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-plugins', () => {
    it('a .conflist without plugins, with empty plugins, with a plugin without type', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n" }'), [['cni-plugins', 1, 1, 'error']]);
      assert.match(only('{ "cniVersion": "1.0.0", "name": "n", "plugin": [] }').message.en, /did you mean "plugins"\?/);
      const empty = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [] }';
      assert.deepEqual(rows(empty), [['cni-plugins', 1, colOf(empty, 1, '[]'), 'error']]);
      const notList = '{ "cniVersion": "1.0.0", "name": "n", "plugins": {} }';
      assert.deepEqual(rows(notList), [['cni-plugins', 1, colOf(notList, 1, '{}'), 'error']]);
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge" },\n    { "typo": "portmap" },\n    "loopback"\n  ]\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-plugins', 6, 5, 'error'],
        ['cni-plugins', 7, 5, 'error'],
      ]);
      const emptyType = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "" }] }';
      assert.deepEqual(rows(emptyType), [['cni-plugins', 1, colOf(emptyType, 1, '""'), 'error']]);
    });
  });

  describe('cni-plugin-order', () => {
    it('a chained-only plugin first in a list, or alone in a .conf', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "portmap", "capabilities": { "portMappings": true } },\n    { "type": "bridge" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-plugin-order', 5, 15, 'warning']);
      assert.match(d.message.en, /comes first/);
      const tuning = '{ "cniVersion": "1.0.0", "name": "n", "type": "tuning" }';
      assert.deepEqual(rows(tuning, 'net.d/99-t.conf'), [['cni-plugin-order', 1, colOf(tuning, 1, '"tuning"'), 'warning']]);
      for (const t of CHAINED_ONLY)
        assert.deepEqual(
          rows(`{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "ptp", "ipam": { "type": "dhcp" } }, { "type": "${t}" }] }`),
          [],
          t,
        );
    });
  });

  describe('cni-duplicate-plugin', () => {
    it('the same type twice, at the second', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge" },\n    { "type": "portmap" },\n    { "type": "portmap" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-duplicate-plugin', 7, 15, 'warning']);
      assert.match(d.message.en, /already in this list \(plugins\[1\]\)/);
    });
  });
});
