/**
 * The check kinds' registry (src/core/grade/registry.ts) and what every kind says of itself: its
 * name and summary for the panel, its docs, its label and its packet, in both languages, total on
 * any arguments.
 */
import { strict as assert } from 'node:assert';
import type { CheckSpec } from '../../../src/core/lab/types';
import { checkKindNames, checkKinds, findCheckKind } from '../../../src/core/grade/registry';

const HANGUL = /[\uac00-\ud7a3]/;
const at = { file: 'lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
const spec = (kind: string, args: unknown): CheckSpec => ({ kind, args, range: at, argRanges: {} });

/** Arguments no kind takes: the wrong shape, the wrong types, nothing. */
const ODD: unknown[] = [
  undefined,
  null,
  3,
  'a',
  [1, 2],
  {},
  { from: [1], to: { x: 1 }, on: 5, run: null, proto: 7, port: 'x', match: [], not: 'yes', ask: 3, choices: {} },
  { from: 'a/', to: '', proto: 'sctp', port: 0, on: 'a', run: ' ' },
];

describe('grade: the registry of check kinds', () => {
  it('has one module per kind, found by name', () => {
    assert.deepEqual(
      checkKinds().map((k) => k.kind),
      ['reach', 'noreach', 'route', 'output', 'rule', 'resolve', 'quiz'],
    );
    assert.deepEqual(checkKindNames(), ['reach', 'noreach', 'route', 'output', 'rule', 'resolve', 'quiz']);
    assert.equal(findCheckKind('reach')?.kind, 'reach');
    assert.equal(findCheckKind('nope'), undefined);
  });

  for (const k of checkKinds()) {
    describe(`the ${k.kind} kind`, () => {
      it('names and sums itself up in English and Korean, on one line', () => {
        for (const l of [k.name, k.summary, k.docs.text, ...(k.docs.markdown ? [k.docs.markdown] : [])]) {
          assert.ok(l.en && !HANGUL.test(l.en) && !l.en.includes('\n'), l.en);
          assert.ok(HANGUL.test(l.ko) && !l.ko.includes('\n'), l.ko);
          assert.ok(!l.en.includes(' / ') && !l.ko.includes(' / '), 'the schema joins the languages with " / "');
        }
        assert.notEqual(k.name.en, k.summary.en);
      });

      it('has an argument schema', () => {
        const args = k.schema.args;
        assert.ok(args['type'] === 'object' || typeof args['$ref'] === 'string', JSON.stringify(args));
        assert.equal(args['description'], undefined, 'the description comes from docs');
        assert.ok(Array.isArray(args['examples']) && (args['examples'] as unknown[]).length > 0, 'at least one example');
      });

      it('labels any check of its kind in one line, and never throws', () => {
        for (const a of ODD) {
          const label = k.label(spec(k.kind, a));
          assert.ok(label.length > 0 && !label.includes('\n'), `${JSON.stringify(a)}: ${label}`);
        }
      });

      it('makes a packet to trace only of arguments that make one', () => {
        if (!k.packet) return;
        assert.ok(k.packet.passesWhen === undefined || ['replied', 'blocked'].includes(k.packet.passesWhen));
        for (const a of ODD) {
          const p = k.packet.of(spec(k.kind, a));
          if (p === undefined) continue;
          assert.ok(p.from && p.to && ['icmp', 'tcp', 'udp'].includes(p.proto), JSON.stringify(p));
          assert.ok(p.proto === 'icmp' ? p.port === undefined : Number.isInteger(p.port), JSON.stringify(p));
        }
      });
    });
  }
});
