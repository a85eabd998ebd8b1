/**
 * host, nslookup and getent beyond real-tools.json: their errors, the forms the simulator does not
 * run (said so, never guessed), a server that is not the zone's authority, and the specs' docs.
 */
import { strict as assert } from 'node:assert';
import { formatAhosts, formatHosts, runGetent } from '../../../../src/core/commands/dns/getent';
import { HOST_USAGE, runHost } from '../../../../src/core/commands/dns/host';
import { runNslookup } from '../../../../src/core/commands/dns/nslookup';
import { digSpec, getentSpec, hostSpec, nslookupSpec } from '../../../../src/core/commands/dns/specs';
import type { Lookup, LookupRequest } from '../../../../src/core/dns/lookup';
import type { DnsMessage } from '../../../../src/core/dns/msg';
import { dnsmasq, fakeResolve, rr } from './fake';

const from = { host: 'cli', netns: '' };
const split = (line: string) => line.split(' ');

describe('host: errors and forms', () => {
  it('prints its usage without a name, and refuses an unknown type as host does', () => {
    assert.deepEqual(runHost(['host'], from, fakeResolve()), { stdout: '', stderr: HOST_USAGE, status: 1 });
    assert.deepEqual(runHost(split('host -t BOGUS web'), from, fakeResolve()), {
      stdout: '',
      stderr: 'host: invalid type: BOGUS\n\n',
      status: 2,
    });
    assert.equal(runHost(split('host -z web'), from, fakeResolve()).stderr, `host: illegal option -- z\n${HOST_USAGE}`);
    assert.equal(runHost(split('host -W'), from, fakeResolve()).stderr, `host: option requires an argument -- W\n${HOST_USAGE}`);
    assert.deepEqual(runHost(split('host -c BOGUS web'), from, fakeResolve()), {
      stdout: '',
      stderr: 'host: invalid class: BOGUS\n\n',
      status: 2,
    });
  });

  it('says -v and -a are not simulated', () => {
    const out = runHost(split('host -v web'), from, fakeResolve());
    assert.equal(out.status, 1);
    assert.deepEqual(out.notSimulated, { command: 'host -v', column: 0 });
  });

  it('passes -W, -R and -N to the resolver as host counts them', () => {
    let seen: LookupRequest | undefined;
    const spy = (req: LookupRequest): Lookup => {
      seen = req;
      return fakeResolve()(req);
    };
    runHost(split('host -W 0 -R 3 -N 2 web'), from, spy);
    assert.deepEqual(seen?.options, { tries: 4, time: 1, ndots: 2, search: true });
    runHost(split('host web'), from, spy);
    assert.deepEqual(seen?.options, { tries: 2, search: true });
  });
});

describe('nslookup: errors and forms', () => {
  it('says the interactive mode and unknown options are not simulated', () => {
    assert.equal(runNslookup(['nslookup'], [0], from, fakeResolve()).notSimulated?.command, 'interactive nslookup');
    assert.equal(runNslookup(split('nslookup -debug web'), [0, 9, 16], from, fakeResolve()).notSimulated?.command, 'nslookup -debug');
    // as nslookup 9.18.49 did here: the unknown type is said, then the default lookups
    assert.deepEqual(runNslookup(split('nslookup -type=BOGUS web'), [], from, fakeResolve()), {
      stdout: 'unknown query type: BOGUS\nServer:\t\t10.0.0.53\nAddress:\t10.0.0.53#53\n\nName:\tweb.example.com\nAddress: 10.0.0.5\n\n',
      stderr: '',
      status: 0,
    });
  });

  it('points to the authority of a non-authoritative answer that is not an address', () => {
    const reply: DnsMessage = {
      ...dnsmasq('example.com.', 'MX', 1),
      aa: false,
      authority: [rr('example.com.', { type: 'NS', host: 'ns.example.com.' })],
      additional: [rr('ns.example.com.', { type: 'A', address: '10.0.0.53' })],
    };
    const resolve = (req: LookupRequest): Lookup => ({
      request: req,
      status: 'success',
      answers: [],
      queries: [{ name: 'example.com.', type: 'MX', server: '10.0.0.53#53', rcode: 'NOERROR', reply, legs: [] }],
      steps: [],
      legs: [],
      elapsedMs: 0,
    });
    assert.equal(
      runNslookup(split('nslookup -type=mx example.com'), [], from, resolve).stdout,
      'Server:\t\t10.0.0.53\nAddress:\t10.0.0.53#53\n\nNon-authoritative answer:\nexample.com\tmail exchanger = 10 mail.example.com.\n\n' +
        'Authoritative answers can be found from:\nexample.com\tnameserver = ns.example.com.\nns.example.com\tinternet address = 10.0.0.53\n\n',
    );
  });
});

describe('getent: errors and formats', () => {
  const getent = (line: string) => runGetent(split(line), [], from, fakeResolve());
  it('answers its usage errors as glibc does', () => {
    const TRY = "Try `getent --help' or `getent --usage' for more information.\n";
    assert.deepEqual(getent('getent'), { stdout: TRY, stderr: 'getent: wrong number of arguments\n', status: 1 });
    assert.deepEqual(getent('getent hostz web'), { stdout: TRY, stderr: 'Unknown database: hostz\n', status: 1 });
    assert.equal(getent('getent passwd root').notSimulated?.command, 'getent passwd');
    // no key: the hosts file's IPv4 lines, ::1 as 127.0.0.1, other IPv6 lines left out (glibc 2.36 here)
    const file = [
      { address: '127.0.0.1', names: ['localhost'] },
      { address: '::1', names: ['localhost', 'ip6-localhost'] },
      { address: 'ff02::1', names: ['ip6-allnodes'] },
      { address: '10.0.0.99', names: ['filehost.example.com', 'filehost'] },
    ];
    assert.deepEqual(
      runGetent(['getent', 'hosts'], [], from, fakeResolve(), undefined, () => file),
      {
        stdout: '127.0.0.1       localhost\n127.0.0.1       localhost ip6-localhost\n10.0.0.99       filehost.example.com filehost\n',
        stderr: '',
        status: 0,
      },
    );
  });

  it('pads the address to 15 columns; ahostsv6 maps IPv4 addresses when there is no IPv6 one', () => {
    assert.equal(formatHosts({ addresses: ['10.0.0.5'], name: 'web', aliases: ['www', 'w'] }), '10.0.0.5        web www w\n');
    assert.equal(formatHosts({ addresses: ['2001:db8:aaaa:bbbb::1'], name: 'v6', aliases: [] }), '2001:db8:aaaa:bbbb::1 v6\n');
    assert.equal(formatAhosts(['10.0.0.5'], 'web'), '10.0.0.5        STREAM web\n10.0.0.5        DGRAM  \n10.0.0.5        RAW    \n');
    assert.equal(getent('getent ahostsv6 v6.example.com').stdout, formatAhosts(['2001:db8::5'], 'v6.example.com'));
    // gethostbyaddr: the hosts file's line, a PTR record; none: exit 2
    assert.deepEqual(getent('getent hosts 10.0.0.99 10.0.0.5 10.0.0.77'), {
      stdout: '10.0.0.99       filehost.example.com filehost\n10.0.0.5        web.example.com\n',
      stderr: '',
      status: 2,
    });
  });
});

describe('the resolver tools: specs for the hovers', () => {
  it('each has its summary and usage in both languages, and a manual', () => {
    for (const spec of [digSpec, hostSpec, nslookupSpec, getentSpec]) {
      assert.ok(spec.summary.en && spec.summary.ko && spec.usage.en && spec.usage.ko && spec.link, spec.names[0]);
      for (const f of spec.forms ?? []) assert.ok(f.doc.en && f.doc.ko, f.pattern);
    }
  });

  it("explains dig's words: @server, +short, +search, -x", () => {
    const words = split('dig @10.0.0.53 +short +search -x 10.0.0.5');
    assert.equal(digSpec.explain?.(words, 1)?.doc.ko, '/etc/resolv.conf의 서버 대신 10.0.0.53에 질의합니다.');
    assert.equal(digSpec.explain?.(words, 2)?.title, '+short');
    assert.equal(
      digSpec.explain?.(words, 3)?.doc.en,
      "Uses resolv.conf's search list (dig does not, unless told): `dig +search web` asks web.example.com first.",
    );
    assert.equal(digSpec.explain?.(words, 4)?.title, '-x ADDRESS');
    assert.equal(digSpec.explain?.(words, 5), undefined);
  });
});
