import { strict as assert } from 'node:assert';
import { lex } from '../../../../src/core/dns/corefile/lex';

const words = (t: string) => lex(t).map((w) => [w.text, w.line, w.col]);

describe('Corefile lexer (caddyfile/lexer.go)', () => {
  it('splits on white space, with positions', () => {
    assert.deepEqual(words('.:53 {\n\tlog\n}'), [
      ['.:53', 1, 1],
      ['{', 1, 6],
      ['log', 2, 2],
      ['}', 3, 1],
    ]);
  });

  it('comments start at any # outside quotes and run to the end of the line', () => {
    assert.deepEqual(words('a # b c\nd#e f\n"#g"'), [
      ['a', 1, 1],
      ['d', 2, 1],
      ['#g', 3, 1],
    ]);
  });

  it('quotes keep spaces and newlines; only \\" is an escape; a quote inside a word is a letter', () => {
    const w = lex('"a b" "c\\"d" "e\\nf" "x\ny" q"r');
    assert.deepEqual(
      w.map((t) => t.text),
      ['a b', 'c"d', 'e\\nf', 'x\ny', 'q"r'],
    );
    assert.deepEqual([w[3]!.line, w[3]!.endLine, w[4]!.line], [1, 2, 2]);
    assert.ok(w.every((t, i) => t.quoted === i < 4));
  });

  it('skips a byte order mark and treats \\r as space', () => {
    assert.deepEqual(words('\ufeffa\r\nb'), [
      ['a', 1, 1],
      ['b', 2, 1],
    ]);
  });
});
