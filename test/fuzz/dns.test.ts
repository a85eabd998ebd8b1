/**
 * Fuzzing the DNS files: Corefiles, zone files, /etc/hosts, resolv.conf and nsswitch.conf. Whatever
 * the text (word soup of each file's own words, arbitrary strings, edits of real files, pathological
 * shapes: deep nesting, snippets importing snippets, endless parentheses, unclosed quotes), every
 * parser returns within a time bound, never throws, never answers with its catch-all, and every
 * diagnostic is well formed and lies inside the text. The editor's models over them (outline, hovers,
 * completion at any place) never throw either.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/core/index';
import { parseCorefile } from '../../src/core/dns/corefile';
import { parseZone } from '../../src/core/dns/zone/parse';
import { checkResolverFile, type ResolverFileKind } from '../../src/core/dns/files/index';
import {
  corefileCompletions,
  corefileHoverAt,
  corefileOutline,
  resolverHoverAt,
  resolverOutline,
  zoneHoverAt,
  zoneOutline,
} from '../../src/core/view/dnsEditor';
import { assertWellFormed, timed, TIME_LIMIT_MS } from './helpers';

const NUM_RUNS = 200;

/** Each diagnostic well formed and inside `text`: its lines exist, it starts at most just past its line's end (a place after the last word, one character wide). */
function inside(text: string, file: string, ds: readonly Diagnostic[]): void {
  const lines = text.split('\n');
  for (const d of ds) {
    assertWellFormed(d, file);
    const show = `${JSON.stringify(d)}\n${JSON.stringify(text.slice(0, 300))}`;
    assert.ok(!d.message.en.startsWith('Internal error'), show);
    assert.ok(d.line <= lines.length && d.endLine <= lines.length, `line out of the text: ${show}`);
    assert.ok(d.column <= lines[d.line - 1]!.length + 1, `column out of its line: ${show}`);
    assert.ok(d.endColumn <= lines[d.endLine - 1]!.length + 2, `end column out of its line: ${show}`);
  }
}

/** Every place of a text (line, column), a few of them for a long one. */
function places(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    for (let c = 1; c <= l.length + 1; c += Math.max(1, Math.floor(l.length / 6))) out.push({ line: i + 1, column: c });
  });
  return out.slice(0, 60);
}

function corefile(text: string, limit = TIME_LIMIT_MS): void {
  const r = timed('parseCorefile', () => parseCorefile(text, 'Corefile'), limit);
  inside(text, 'Corefile', r.diagnostics);
  timed('corefileOutline', () => corefileOutline(text, 'en'), limit);
  for (const p of places(text)) {
    timed('corefileHoverAt', () => corefileHoverAt(text, p, 'ko'), limit);
    timed('corefileCompletions', () => corefileCompletions(text, p, 'en'), limit);
  }
}

function zone(text: string, limit = TIME_LIMIT_MS): void {
  for (const origin of [undefined, 'example.org']) {
    const r = timed('parseZone', () => parseZone(text, { file: 'db.example.org', ...(origin ? { origin } : {}) }), limit);
    inside(text, 'db.example.org', r.diagnostics);
  }
  timed('zoneOutline', () => zoneOutline(text, 'db.example.org', 'example.org'), limit);
  for (const p of places(text)) timed('zoneHoverAt', () => zoneHoverAt(text, p, 'en', 'db.example.org', 'example.org'), limit);
}

const KINDS: readonly ResolverFileKind[] = ['hosts', 'resolv', 'nsswitch'];

function resolver(kind: ResolverFileKind, text: string, limit = TIME_LIMIT_MS): void {
  inside(
    text,
    kind,
    timed(`check ${kind}`, () => checkResolverFile(kind, text, kind), limit),
  );
  timed('resolverOutline', () => resolverOutline(kind, text, kind, 'ko'), limit);
  for (const p of places(text)) timed('resolverHoverAt', () => resolverHoverAt(kind, text, p, 'en', kind), limit);
}

const soup = (words: readonly string[], max = 80) =>
  fc.array(fc.constantFrom(...words), { maxLength: max }).map((ws) => ws.join(ws.length % 3 ? ' ' : ''));

const COREFILE_WORDS = [
  '{',
  '}',
  '.:53',
  'example.org',
  'example.org:1053',
  '10.0.0.0/15',
  'dns://',
  'tls://.',
  ',',
  ':',
  'forward',
  '.',
  '8.8.8.8',
  'cache',
  '30',
  'hosts',
  'fallthrough',
  'kubernetes',
  'cluster.local',
  'rewrite',
  'name',
  'regex',
  '(.*)',
  '{1}',
  'template',
  'health',
  'lameduck',
  '5s',
  'reload',
  'bind',
  'errors',
  'log',
  'import',
  '(s)',
  's',
  'max_fails',
  'policy',
  'file',
  'db.x',
  '"q',
  '"',
  '\\"',
  '#',
  '# c',
  '{$X}',
  '{%Y%}',
  '\n',
  '\n',
  '\t',
  '\ufeff',
  'a..b',
  'é',
  'x'.repeat(70),
];
const ZONE_WORDS = [
  '@',
  'www',
  'web.example.org.',
  '*.w',
  '$TTL',
  '$ORIGIN',
  '$INCLUDE',
  '$GENERATE',
  'IN',
  'CH',
  'CLASS9',
  'TYPE99',
  '60',
  '1h',
  'A',
  'AAAA',
  'CNAME',
  'NS',
  'MX',
  'SRV',
  'SOA',
  'TXT',
  'PTR',
  'CAA',
  '10.0.0.1',
  '::1',
  '10',
  '"',
  '"a b"',
  '(',
  ')',
  ';',
  '; c',
  '\\',
  '\\.',
  '\\065',
  '..',
  '.',
  'é',
  'x'.repeat(70),
  '\n',
  '\n',
  '\t',
  '\r',
];
const RESOLVER_WORDS = [
  'nameserver',
  'search',
  'domain',
  'options',
  'sortlist',
  'ndots:2',
  'ndots:',
  'timeout:99',
  'rotate',
  'edns0',
  'inet6',
  '10.0.0.1',
  '::1',
  'fe80::1%eth0',
  '1.2.3',
  'lab.local',
  'hosts:',
  'hosts',
  'passwd:',
  ':',
  'files',
  'dns',
  'myhostname',
  '[',
  ']',
  '[NOTFOUND=return]',
  '!UNAVAIL=continue',
  'NOTFOUND',
  '=',
  'return',
  'merge',
  '#',
  ';',
  'web',
  'web.lab',
  '\n',
  '\n',
  '\t',
  ' ',
  '\r\n',
  '\v',
  'x'.repeat(300),
];

describe('fuzz: DNS files', function () {
  this.timeout(120_000);

  it('Corefiles: word soup and arbitrary strings', () => {
    fc.assert(
      fc.property(soup(COREFILE_WORDS), (t) => corefile(t)),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => corefile(t)),
      { numRuns: NUM_RUNS },
    );
  });

  it('zone files: word soup and arbitrary strings', () => {
    fc.assert(
      fc.property(soup(ZONE_WORDS), (t) => zone(t)),
      { numRuns: NUM_RUNS },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => zone(t)),
      { numRuns: NUM_RUNS },
    );
  });

  it('hosts, resolv.conf and nsswitch.conf: word soup and arbitrary strings', () => {
    for (const kind of KINDS) {
      fc.assert(
        fc.property(soup(RESOLVER_WORDS), (t) => resolver(kind, t)),
        { numRuns: NUM_RUNS / 2 },
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (t) => resolver(kind, t)),
        { numRuns: NUM_RUNS / 2 },
      );
    }
  });

  it('real files with one character deleted, doubled or replaced anywhere', () => {
    const REAL: [string, (t: string) => void][] = [
      [
        '.:53 {\n  errors\n  health {\n    lameduck 5s\n  }\n  kubernetes cluster.local in-addr.arpa ip6.arpa {\n    pods insecure\n    fallthrough in-addr.arpa ip6.arpa\n  }\n  forward . /etc/resolv.conf\n  cache 30\n  loop\n  reload\n}\n',
        corefile,
      ],
      [
        '$ORIGIN example.org.\n$TTL 3600\n@ IN SOA ns1 hostmaster (\n  2024010101 ; serial\n  7200 3600 1209600 300 )\n  IN NS ns1\nns1 IN A 10.0.0.53\nwww IN CNAME web\nweb IN A 10.0.0.80\n_http._tcp IN SRV 0 5 80 web\n@ IN TXT "v=spf1 -all"\n',
        zone,
      ],
      ['127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.0.0.5 web web.lab # the web server\n', (t) => resolver('hosts', t)],
      [
        '# generated\nnameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5 timeout:2\n',
        (t) => resolver('resolv', t),
      ],
      ['passwd: files\nhosts: files [NOTFOUND=return] dns myhostname\nnetworks: files\n', (t) => resolver('nsswitch', t)],
    ];
    for (const [text, check] of REAL) {
      fc.assert(
        fc.property(
          fc.nat(text.length - 1),
          fc.constantFrom('del', 'dup', 'sub'),
          fc.constantFrom('{', '}', '(', ')', '"', '\n', ' ', '#', ';', '\\', 'é'),
          (i, op, c) => {
            const t =
              op === 'del'
                ? text.slice(0, i) + text.slice(i + 1)
                : op === 'dup'
                  ? text.slice(0, i) + text[i] + text.slice(i)
                  : text.slice(0, i) + c + text.slice(i + 1);
            check(t);
          },
        ),
        { numRuns: NUM_RUNS / 2 },
      );
    }
  });

  it('terminates on pathological shapes', () => {
    corefile('.:53 {\n' + '  a {\n'.repeat(2000) + '  }\n'.repeat(2000) + '}\n');
    corefile('{'.repeat(5000));
    corefile('"'.repeat(5001));
    // an unclosed quoted key runs onto the next line: its warning ends there, inside the text
    corefile('  {   "q \n');
    // snippets importing snippets: CoreDNS's expansion limit, reached quickly
    corefile(
      '(a) {\n  errors\n}\n' +
        Array.from({ length: 12 }, (_, i) => `(s${i + 1}) {\n  import ${i ? `s${i}` : 'a'}\n  import ${i ? `s${i}` : 'a'}\n}\n`).join('') +
        '.:53 {\n  import s12\n}\n',
    );
    corefile(Array.from({ length: 3000 }, (_, i) => `z${i}.org:53 {\n  whoami\n}`).join('\n'));
    zone('@ IN TXT ' + '('.repeat(3000) + '"x" ' + ')'.repeat(3000) + '\n');
    zone('@ IN TXT "' + 'x'.repeat(20000) + '\n');
    zone('$ORIGIN example.org.\n' + 'a.'.repeat(200) + ' A 10.0.0.1\n');
    for (const kind of KINDS) {
      resolver(kind, 'nameserver 10.0.0.1\n'.repeat(5000));
      resolver(kind, 'hosts: ' + '[NOTFOUND=return] '.repeat(3000) + '\n');
      resolver(kind, 'x'.repeat(50000));
    }
  });
});
