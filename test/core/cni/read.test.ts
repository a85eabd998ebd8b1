/** Reading a CNI configuration as Go's encoding/json does (src/core/cni/read.ts): cni-syntax. */
import { strict as assert } from 'node:assert';
import { checkCniConfig } from '../../../src/core/cni/config';
import { colOf, only, rows, SPEC_EXAMPLE } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-syntax', () => {
    it('a comment, at its place: Go refuses it', () => {
      const text = '{\n  // the network\n  "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endLine, d.endColumn, d.severity], ['cni-syntax', 2, 3, 2, 17, 'error']);
      assert.match(d.message.en, /Comments are not allowed.*encoding\/json/);
      assert.match(d.message.ko, /주석/);
      assert.deepEqual(rows('{ /* a */ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }'), [
        ['cni-syntax', 1, 3, 'error'],
      ]);
    });

    it('trailing commas, each at its comma', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{ "type": "bridge", }, ],\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-syntax', 4, colOf(text, 4, ',', 1), 'error'],
        ['cni-syntax', 4, colOf(text, 4, ',', 2), 'error'],
        ['cni-syntax', 4, colOf(text, 4, ',', 3), 'error'],
      ]);
      assert.match(checkCniConfig(text, 'x.conflist').diagnostics[0]!.message.en, /trailing comma before "\}"/);
    });

    it('the first real syntax error only, at its offset; nothing else is checked', () => {
      assert.deepEqual(rows('{\n  "cniVersion": "1.0.0"\n  "name": "n"\n}\n'), [['cni-syntax', 3, 3, 'error']]);
      const d = only('{\n  "name": \'n\'\n}\n');
      assert.deepEqual([d.line, d.column], [2, 11]);
      assert.match(d.message.en, /double quotes/);
      assert.deepEqual(rows('{ "name": "n", "plugins": [ { "type": "bridge" } }'), [['cni-syntax', 1, 50, 'error']]);
      assert.deepEqual(rows('{ "a": 1 } { "b": 2 }'), [['cni-syntax', 1, 12, 'error']]);
      assert.match(only('').message.en, /empty/);
      assert.match(only('{ "name": "a\tb" }').message.en, /control character/);
    });

    it('a byte order mark, and a key given twice (a warning: Go keeps the last)', () => {
      const bom = '\uFEFF' + SPEC_EXAMPLE;
      assert.deepEqual(rows(bom, 'x.conflist'), [['cni-syntax', 1, 1, 'error']]);
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "a",\n  "name": "b",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-syntax', 3, 3, 'warning']);
      assert.match(d.message.en, /given again at line 4/);
      assert.equal(checkCniConfig(text, 'x.conflist').config?.name, 'b');
    });

    it('nesting: Go stops at 10000 levels; knetlab does not check past 256', () => {
      const deep = checkCniConfig('['.repeat(300) + ']'.repeat(300), 'x.conflist').diagnostics;
      assert.deepEqual(
        deep.map((d) => [d.code, d.column, d.severity]),
        [['cni-syntax', 257, 'warning']],
      );
      const tooDeep = checkCniConfig('['.repeat(10001), 'x.conflist').diagnostics;
      assert.deepEqual(
        tooDeep.map((d) => [d.code, d.column, d.severity]),
        [['cni-syntax', 10001, 'error']],
      );
    });
  });
});
