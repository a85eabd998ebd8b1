/** The sh reader: words, quotes, operators, redirections, columns, and dash's syntax errors. */
import { strict as assert } from 'node:assert';
import { expandWords, parseLine } from '../../../src/core/shell/index';

function words(line: string, env: Record<string, string> = {}): string[] {
  const p = parseLine(line);
  assert.equal(p.error, undefined, JSON.stringify(p.error));
  return p.items.flatMap((i) => i.pipeline.commands.flatMap((c) => expandWords(c.words, (n) => env[n]).args.map((a) => a.text)));
}

describe('shell: parseLine', () => {
  it('splits words on blanks and keeps their columns', () => {
    const p = parseLine('ip  addr add 10.0.0.1/24 dev eth0');
    const cmd = p.items[0]!.pipeline.commands[0]!;
    assert.deepEqual(
      cmd.words.map((w) => [w.raw, w.column]),
      [
        ['ip', 0],
        ['addr', 4],
        ['add', 9],
        ['10.0.0.1/24', 13],
        ['dev', 25],
        ['eth0', 29],
      ],
    );
  });

  it('removes quotes and backslashes as sh does', () => {
    assert.deepEqual(words(`echo 'a'"b"c\\ d 'x y' "" ''`), ['echo', 'abc d', 'x y', '', '']);
    assert.deepEqual(words(`echo "a\\"b" 'c\\d'`), ['echo', 'a"b', 'c\\d']);
  });

  it('drops comments, but not a # inside a word', () => {
    assert.deepEqual(words('echo hi # a comment'), ['echo', 'hi']);
    assert.deepEqual(words('echo a#b'), ['echo', 'a#b']);
  });

  it('expands $VAR, ${VAR} and $?; unquoted expansions are split, unknown ones vanish', () => {
    assert.deepEqual(words('echo $A "${A}x" $NOPE "$NOPE" $?', { A: 'p q', '?': '3' }), ['echo', 'p', 'q', 'p qx', '', '3']);
    assert.deepEqual(words('echo x$ ~ ~/f', { HOME: '/root' }), ['echo', 'x$', '/root', '/root/f']);
  });

  it('reads ; && || and newlines as list separators', () => {
    const p = parseLine('a; b && c || d\ne');
    assert.deepEqual(
      p.items.map((i) => [i.connector, i.pipeline.commands[0]!.words[0]!.raw]),
      [
        ['start', 'a'],
        [';', 'b'],
        ['&&', 'c'],
        ['||', 'd'],
        ['\n', 'e'],
      ],
    );
  });

  it('reads redirections, with descriptor numbers and duplications', () => {
    const c = parseLine('echo 1 > /proc/sys/net/ipv4/ip_forward 2>&1 >>log <in').items[0]!.pipeline.commands[0]!;
    assert.deepEqual(
      c.words.map((w) => w.raw),
      ['echo', '1'],
    );
    assert.deepEqual(
      c.redirects.map((r) => [r.fd, r.op, r.target.raw, r.column]),
      [
        [1, '>', '/proc/sys/net/ipv4/ip_forward', 7],
        [2, '>&', '1', 39],
        [1, '>>', 'log', 44],
        [0, '<', 'in', 50],
      ],
    );
  });

  it('reads a pipe as a pipeline of two commands', () => {
    const p = parseLine('ip a | grep inet');
    assert.equal(p.items[0]!.pipeline.commands.length, 2);
    assert.deepEqual(p.items[0]!.pipeline.pipeColumns, [5]);
  });

  it('keeps assignments apart from words', () => {
    const c = parseLine('X=1 Y=2').items[0]!.pipeline.commands[0]!;
    assert.deepEqual(
      c.assignments.map((w) => w.raw),
      ['X=1', 'Y=2'],
    );
    assert.equal(c.words.length, 0);
  });

  // Messages as dash (/bin/sh) prints them after `sh: 1: `, checked against the real shell.
  const ERRORS: [string, string, number][] = [
    ["echo 'abc", 'Syntax error: Unterminated quoted string', 5],
    ['echo "abc', 'Syntax error: Unterminated quoted string', 5],
    ['true &&', 'Syntax error: end of file unexpected', 5],
    ['true ||', 'Syntax error: end of file unexpected', 5],
    ['true |', 'Syntax error: end of file unexpected', 6],
    ['| true', 'Syntax error: "|" unexpected', 0],
    ['true ;;', 'Syntax error: ";;" unexpected', 5],
    ['; true', 'Syntax error: ";" unexpected', 0],
    ['&& true', 'Syntax error: "&&" unexpected', 0],
    ['true; ; true', 'Syntax error: ";" unexpected', 6],
    ['echo a >', 'Syntax error: end of file unexpected', 8],
    ['echo ${X', "Syntax error: Missing '}'", 5],
    ['echo $(true', 'Syntax error: end of file unexpected (expecting ")")', 5],
    ['echo `true', 'Syntax error: EOF in backquote substitution', 5],
    ['true)', 'Syntax error: ")" unexpected', 4],
    ['echo a ||| b', 'Syntax error: "|" unexpected', 9],
  ];
  for (const [line, message, column] of ERRORS) {
    it(`syntax error: ${line}`, () => {
      assert.deepEqual(parseLine(line).error, { message, column });
    });
  }

  it('reports subshells and here-documents as unsupported, not as errors', () => {
    assert.equal(parseLine('(true)').unsupported?.feature, 'subshells ( ... )');
    assert.equal(parseLine('cat <<EOF').unsupported?.feature, 'here-documents (<<)');
  });

  it('never throws', () => {
    for (const l of [
      '',
      ' ',
      '\\',
      '"',
      "'",
      '$',
      '${',
      '$(',
      '`',
      '#',
      '&',
      '|',
      ';',
      '(',
      ')',
      '<',
      '>',
      '2>',
      '>&',
      'a\nb',
      '\n\n',
      '!',
    ]) {
      assert.doesNotThrow(() => parseLine(l));
    }
  });
});
