/** cniVersion and cniVersions (src/core/cni/version.ts): cni-version. */
import { strict as assert } from 'node:assert';
import { colOf, only, rows } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-version', () => {
    it('missing, at the opening brace; with cniVersions, the highest is used', () => {
      const d = only('{\n  "name": "n",\n  "plugins": [{ "type": "bridge" }]\n}\n');
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-version', 1, 1, 'error']);
      assert.deepEqual(rows('{ "cniVersions": ["0.4.0", "1.0.0"], "name": "n", "plugins": [{ "type": "bridge" }] }'), []);
      assert.match(
        only('{ "cniversion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }').message.en,
        /You wrote "cniversion": did you mean "cniVersion"\?/,
      );
    });

    it('not a spec version, with the close one; not a string', () => {
      const text = '{\n  "cniVersion": "1.0",\n  "name": "n",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endColumn, d.severity], ['cni-version', 2, 17, 22, 'error']);
      assert.match(d.message.en, /"1.0" is not a CNI spec version; did you mean "1.0.0"\?/);
      assert.deepEqual(rows('{ "cniVersion": 1, "name": "n", "plugins": [{ "type": "bridge" }] }'), [['cni-version', 1, 17, 'error']]);
    });

    it("cniVersions entries and a plugin's own cniVersion", () => {
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "cniVersions": [1, "x", "9.9.9"], "name": "n", "plugins": [{ "type": "bridge" }] }'),
        [
          ['cni-version', 1, 42, 'error'],
          ['cni-version', 1, 45, 'error'],
          ['cni-version', 1, 50, 'warning'],
        ],
      );
      const own = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "cniVersion": "2.0.0" }] }';
      assert.deepEqual(rows(own), [['cni-version', 1, colOf(own, 1, '"2.0.0"'), 'warning']]);
    });
  });
});
