import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCorefile } from '../../../../src/core/dns/corefile';

const WORDS = [
  '{',
  '}',
  '.:53',
  'example.org',
  '10.0.0.0/15',
  'dns://',
  ':',
  ',',
  'forward',
  'cache',
  'hosts',
  'kubernetes',
  'rewrite',
  'template',
  'health',
  'reload',
  'bind',
  'errors',
  'log',
  'fallthrough',
  'namespaces',
  'policy',
  'name',
  'regex',
  'answer',
  '"q',
  '"',
  '\\"',
  '#',
  '{$X}',
  '{%Y%}',
  '(s)',
  'import',
  's',
  '\n',
  ' ',
  '\t',
  '0',
  '1s',
  '-1',
  '8.8.8.8',
  'https://h/p',
  '(',
  '[',
  '\ufeff',
  'zz',
];

describe('Corefile fuzz', () => {
  it('never throws on token soup, and every diagnostic lies inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), fc.boolean(), (ts, withEnv) => {
        const text = ts.join(ts.length % 2 ? ' ' : '');
        const lines = text.split('\n');
        const r = parseCorefile(text, 'Corefile', withEnv ? { env: { X: 'cache', Y: '0' } } : {});
        for (const d of r.diagnostics) {
          assert.ok(d.line >= 1 && d.line <= lines.length, `line ${d.line} of ${lines.length}`);
          assert.ok(d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1, `column ${d.column}`);
          assert.ok(d.endLine >= d.line && d.message.en && d.message.ko);
          assert.notEqual(d.message.en.startsWith('Internal error'), true, d.message.en);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseCorefile(s, 'Corefile');
        for (const d of r.diagnostics) assert.ok(!d.message.en.startsWith('Internal error'), d.message.en);
      }),
      { numRuns: 300 },
    );
  });
});
