/** The network name (src/core/cni/name.ts): cni-name. */
import { strict as assert } from 'node:assert';
import { only, rows } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-name', () => {
    it('missing, not matching the spec, not a string', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 1, 'error']]);
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "my net",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endColumn], ['cni-name', 3, 11, 19]);
      assert.match(d.message.en, /must start with a letter or a digit/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "-n", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": ["n"], "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "k8s-pod-network_1.v2", "plugins": [{ "type": "bridge" }] }'), []);
    });
  });
});
