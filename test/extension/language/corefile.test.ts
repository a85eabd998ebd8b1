/** The Corefile grammar and language configuration: valid JSON, patterns that compile, the main constructs matched. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const read = (p: string) => JSON.parse(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every match/begin/end pattern of a grammar, with where it sits. */
function patterns(node: unknown, path = '', out: { path: string; re: string }[] = []): { path: string; re: string }[] {
  if (Array.isArray(node)) node.forEach((n, i) => patterns(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') out.push({ path: `${path}.${k}`, re: v });
      else patterns(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('extension language: Corefile grammar', () => {
  const grammar = read('syntaxes/corefile.tmLanguage.json');
  const repo = grammar['repository'] as Record<string, { match?: string; begin?: string; patterns?: { match?: string; name?: string }[] }>;
  const re = (s: string) => new RegExp(s);

  it('is a TextMate grammar whose patterns all compile', () => {
    assert.equal(grammar['scopeName'], 'source.corefile');
    const all = patterns(grammar);
    assert.ok(all.length > 20);
    for (const p of all) assert.doesNotThrow(() => re(p.re), p.path);
    // every include names a repository entry
    for (const m of JSON.stringify(grammar).matchAll(/"include":"#([^"]+)"/g)) assert.ok(repo[m[1]!], `#${m[1]}`);
  });

  it('matches server blocks, plugins, {$ENV}, comments, IPs and numbers', () => {
    const server = re(repo['server-block']!.begin!);
    assert.equal(server.exec('.:53 {')?.[1], '.:53');
    assert.equal(server.exec('example.org:53 example.net {')?.[1], 'example.org:53 example.net');
    assert.equal(server.exec('dns://.:1053 {')?.[1], 'dns://.:1053');
    const plugin = re(repo['plugin-name']!.patterns![0]!.match!);
    for (const p of [
      'errors',
      'health',
      'ready',
      'kubernetes',
      'forward',
      'cache',
      'loop',
      'reload',
      'loadbalance',
      'hosts',
      'log',
      'prometheus',
      'file',
      'rewrite',
    ])
      assert.ok(plugin.test(p), p);
    assert.equal(re(repo['env']!.match!).exec('forward . {$UPSTREAM}')?.[2], 'UPSTREAM');
    assert.ok(re(repo['comment']!.match!).test('    # a comment'));
    assert.ok(!re(repo['comment']!.match!).test('rewrite name foo#bar baz'));
    const ip = repo['ip']!.patterns!;
    assert.equal(re(ip[0]!.match!).exec('forward . 10.96.0.10:53')?.[0], '10.96.0.10:53');
    assert.equal(re(ip[1]!.match!).exec('bind fd00::10')?.[0], 'fd00::10');
    assert.equal(re(repo['number']!.match!).exec('cache 30')?.[0], '30');
    assert.ok(re(repo['plugin-block']!.begin!).test('    kubernetes cluster.local in-addr.arpa ip6.arpa {'));
  });

  it('has a language configuration: # comments, {} brackets, folding', () => {
    const conf = read('language-configuration/corefile.json') as {
      comments: { lineComment: string };
      brackets: string[][];
      folding: { markers: { start: string; end: string } };
    };
    assert.equal(conf.comments.lineComment, '#');
    assert.deepEqual(conf.brackets[0], ['{', '}']);
    assert.ok(re(conf.folding.markers.start).test('.:53 {'));
    assert.ok(re(conf.folding.markers.end).test('  }'));
  });
});
