import { strict as assert } from 'node:assert';
import { parseCorefile } from '../../../../src/core/dns/corefile';
import { diags, inBlock } from '../../../support/corefile';

const names = (text: string, env?: Record<string, string>) =>
  parseCorefile(text, 'Corefile', env ? { env } : {}).blocks.map((b) => [b.keys, b.plugins.map((p) => p.name)]);

describe('Corefile parser (caddyfile/parse.go)', () => {
  it("the issue's examples are errors, in CoreDNS's words", () => {
    const one = (lines: string) => diags(inBlock(lines)).map(([code, , , en]) => [code, en]);
    assert.deepEqual(one('cache 0'), [['corefile-plugin-args', 'plugin/cache: cache TTL can not be zero or negative: 0']]);
    assert.deepEqual(one('forward . https://host/path'), [
      [
        'corefile-plugin-args',
        'plugin/forward: paths are not allowed in HTTPS upstream addresses (the /dns-query path is used by default): https://host/path',
      ],
    ]);
    assert.deepEqual(one('reload 1s'), [['corefile-plugin-args', 'plugin/reload: interval value must be greater or equal to 2s']]);
    assert.deepEqual(one('health :8080 foo'), [
      ['corefile-plugin-args', "plugin/health: Error during parsing: Wrong argument count or unexpected line ending after 'foo'"],
    ]);
    assert.deepEqual(one('hosts {\n  10.0.0.1 a\n  fallthrough\n  10.0.0.2 b\n}'), [
      ['corefile-plugin-args', "plugin/hosts: Error during parsing: unknown property '10.0.0.2'"],
    ]);
    assert.deepEqual(one('kubernetes cluster.local {\n  namespaces default\n  namespace_labels team=a\n}'), [
      ['corefile-plugin-args', 'plugin/kubernetes: Error during parsing: namespaces and namespace_labels cannot both be set'],
    ]);
  });

  it('keys: several per line, commas, the { on the next line, no braces at all', () => {
    assert.deepEqual(names('a.org b.org {\n  whoami\n}\n'), [[['a.org', 'b.org'], ['whoami']]]);
    assert.deepEqual(names('a.org,\nb.org {\n  whoami\n}\n'), [[['a.org', 'b.org'], ['whoami']]]);
    assert.deepEqual(names('a.org\n{\n  whoami\n}\n'), [[['a.org'], ['whoami']]]);
    assert.deepEqual(names('a.org\nwhoami\nlog\n'), [[['a.org'], ['whoami', 'log']]]);
    assert.deepEqual(diags('a.org, {\n  whoami\n}\n'), [
      ['corefile-syntax', 1, 8, "Error during parsing: Expected another address but had '{' - check for extra comma"],
    ]);
  });

  it('braces: a } on a directive line, a block never closed, a stray }', () => {
    assert.deepEqual(diags('.:53 { whoami }\n'), [
      ['corefile-syntax', 1, 15, "Error during parsing: Unexpected '}' because no matching opening brace"],
    ]);
    assert.deepEqual(diags('.:53 {\n  cache 30 {\n    success 10\n'), [
      ['corefile-syntax', 2, 12, 'Error during parsing: Unexpected EOF (this block is never closed: a "}" is missing)'],
    ]);
    // caddy checks only that the last word read is a "}": CoreDNS starts, so this is a warning.
    const quirk = parseCorefile('.:53 {\n  cache 30 {\n    success 10\n}\n', 'Corefile').diagnostics;
    assert.deepEqual(
      quirk.map((d) => [d.code, d.line, d.column, d.severity]),
      [['corefile-syntax', 1, 6, 'warning']],
    );
    assert.deepEqual(diags('.:53 {\n  whoami\n'), [
      ['corefile-syntax', 1, 6, "Syntax error: Unexpected token 'whoami', expecting '}' (this block is never closed)"],
    ]);
    assert.deepEqual(
      diags('}\n').map((d) => d.slice(0, 3)),
      [['corefile-syntax', 1, 1]],
    );
  });

  it("a plugin's { may stand on the next line, as caddy reads it", () => {
    const r = parseCorefile('.:53 {\n  forward . 8.8.8.8\n  {\n    policy fastest\n  }\n}\n', 'Corefile');
    assert.deepEqual(r.blocks[0]!.plugins[0]!.args, ['.', '8.8.8.8']);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.line, d.column, d.message.en]),
      [[4, 12, "plugin/forward: Error during parsing: unknown policy 'fastest'"]],
    );
  });

  it('a quoted "{" is a brace to caddy too, a quoted word keeps its spaces', () => {
    const r = parseCorefile('.:53 {\n  log . "{remote} - {name}"\n}\n', 'Corefile');
    assert.deepEqual(r.blocks[0]!.plugins[0]!.args, ['.', '{remote} - {name}']);
    assert.deepEqual(r.diagnostics, []);
  });

  it('snippets are imported where named, checked there, and refused when redeclared or self-importing', () => {
    const text = '(common) {\n  errors\n  cache 0\n}\n.:53 {\n  import common\n  whoami\n}\n';
    assert.deepEqual(names(text), [
      [['(common)'], ['errors', 'cache']],
      [['.:53'], ['errors', 'cache', 'whoami']],
    ]);
    // The error is found where the snippet is imported, and points into the snippet.
    assert.deepEqual(diags(text), [['corefile-plugin-args', 3, 9, 'plugin/cache: cache TTL can not be zero or negative: 0']]);
    assert.deepEqual(diags('(s) {\n  log\n}\n(s) {\n  log\n}\n'), [
      ['corefile-syntax', 4, 1, 'Error during parsing: redeclaration of previously declared snippet s'],
    ]);
    assert.deepEqual(
      diags('(s) {\n  import s\n}\n').map((d) => d.slice(0, 3)),
      [['corefile-syntax', 2, 3]],
    );
    assert.deepEqual(diags('.:53 {\n  import\n}\n'), [
      ['corefile-syntax', 2, 3, "Error during parsing: Wrong argument count or unexpected line ending after 'import'"],
    ]);
    assert.deepEqual(diags('.:53 {\n  import a b\n}\n'), [
      ['corefile-syntax', 2, 12, 'Error during parsing: Import takes only one argument (glob pattern or file)'],
    ]);
    // Two snippets importing each other stop at CoreDNS's limit rather than looping.
    assert.equal(diags('(a) {\n  import b\n}\n(b) {\n  import a\n}\n.:53 {\n  import a\n}\n')[0]![0], 'corefile-syntax');
  });

  it("a file import is CoreDNS's to read: not here, and no error", () => {
    assert.deepEqual(diags('import /etc/coredns/*.conf\n.:53 {\n  import extra.conf\n  whoami\n}\n'), []);
  });

  it('{$ENV} and {%ENV%}: substituted when an environment is given, left unchecked otherwise', () => {
    assert.deepEqual(diags('.:53 {\n  {$PLUGIN}\n  cache {$TTL}\n}\n'), []);
    const env = { PLUGIN: 'whoami', TTL: '0', ZONE: 'example.org' };
    assert.deepEqual(names('{$ZONE}:{%PORT%} {\n  {$PLUGIN}\n}\n', env), [[['example.org:'], ['whoami']]]);
    assert.deepEqual(
      parseCorefile('.:53 {\n  cache {$TTL}\n}\n', 'Corefile', { env }).diagnostics.map((d) => d.message.en),
      ['plugin/cache: cache TTL can not be zero or negative: 0'],
    );
    assert.deepEqual(
      parseCorefile('.:53 {\n  {$NOPE}x\n}\n', 'Corefile', { env }).diagnostics.map((d) => d.code),
      ['corefile-unknown-plugin'],
    );
  });

  it('an unknown directive does not stop the reading: every one is reported', () => {
    assert.deepEqual(
      diags('.:53 {\n  forwrd . 1.1.1.1\n  cahce 30\n}\n').map((d) => [d[0], d[1], d[2]]),
      [
        ['corefile-unknown-plugin', 2, 3],
        ['corefile-unknown-plugin', 3, 3],
      ],
    );
  });

  it('a plugin CoreDNS takes once per block, twice; one it takes many times (forward, log), fine', () => {
    assert.deepEqual(
      diags('.:53 {\n  hosts\n  hosts\n}\n').map((d) => [d[0], d[1]]),
      [['corefile-duplicate-plugin', 3]],
    );
    assert.deepEqual(diags('.:53 {\n  forward example.org 1.1.1.1\n  forward . 8.8.8.8\n  log\n  log\n}\n'), []);
  });

  it('keeps each plugin as a tree of arguments and properties with positions', () => {
    const p = parseCorefile(inBlock('forward . 8.8.8.8 {\n  except a.org\n  policy sequential\n}'), 'Corefile').blocks[0]!.plugins[0]!;
    assert.deepEqual(p.args, ['.', '8.8.8.8']);
    assert.deepEqual(
      p.tree.block!.map((q) => [q.name.text, q.name.line, q.name.col, q.args.map((a) => a.text)]),
      [
        ['except', 3, 5, ['a.org']],
        ['policy', 4, 5, ['sequential']],
      ],
    );
  });
});
