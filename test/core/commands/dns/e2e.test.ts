/**
 * The resolver tools end to end on a small lab: a -- r -- b, b runs a DNS server (a toy table), a
 * has /etc/hosts and resolv.conf. Each command is a line run on a (`knetlab exec LAB --on a -- ...`),
 * its queries walked through r to b; a DROP rule on b makes timeouts, a host with no server answers
 * with ICMP port unreachable.
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../../src/core/commands/exec';
import { writeFile } from '../../../../src/core/sim/kernel';
import { rr, serveDns, ToyServer } from '../../../support/dns';
import { gatewayWorld } from '../../../support/world';

function lab() {
  const w = gatewayWorld(true);
  serveDns(
    w.ns('b'),
    new ToyServer([
      rr('web.example.com. A 10.0.0.5', 30),
      rr('alias.example.com. CNAME web.example.com.', 30),
      rr('5.0.0.10.in-addr.arpa. PTR web.example.com.', 30),
    ]),
  );
  const a = w.world.hosts.get('a')!;
  writeFile(a, '/etc/resolv.conf', 'nameserver 192.168.2.10\nsearch example.com\n');
  writeFile(a, '/etc/hosts', '127.0.0.1\tlocalhost\n192.168.1.99\tfilehost.example.com filehost\n');
  return w;
}

const run = (w: ReturnType<typeof lab>, line: string) => {
  const r = execCommand(w.world, { host: 'a', netns: '' }, line);
  // dig's client cookie (8 bytes, drawn from the name) comes back echoed by CoreDNS
  return {
    stdout: r.stdout.replace(/id: \d+/, 'id: ID').replace(/; COOKIE: [0-9a-f]{16} \(echoed\)/, '; COOKIE: C (echoed)'),
    stderr: r.stderr,
    status: r.status,
  };
};

describe('the resolver tools end to end (a asks b through r)', () => {
  it('dig: +short, +noall +answer, -x', () => {
    const w = lab();
    assert.deepEqual(run(w, 'dig +short alias.example.com'), { stdout: 'web.example.com.\n10.0.0.5\n', stderr: '', status: 0 });
    assert.equal(run(w, 'dig +noall +answer web.example.com').stdout, 'web.example.com.\t30\tIN\tA\t10.0.0.5\n');
    assert.equal(run(w, 'dig +short -x 10.0.0.5').stdout, 'web.example.com.\n');
  });

  it('a server given by name: its address from /etc/hosts or DNS; a name with none is an error (as 9.18.49 said here)', () => {
    const w = lab();
    writeFile(w.world.hosts.get('a')!, '/etc/hosts', '127.0.0.1\tlocalhost\n192.168.2.10\tdns1\n');
    const dig = run(w, 'dig @dns1 web.example.com');
    assert.ok(dig.stdout.includes('; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @dns1 web.example.com\n; (1 server found)\n'), dig.stdout);
    assert.ok(dig.stdout.includes(';; SERVER: 192.168.2.10#53(dns1) (UDP)\n'), dig.stdout);
    assert.equal(
      run(w, 'host web.example.com dns1').stdout,
      'Using domain server:\nName: dns1\nAddress: 192.168.2.10#53\nAliases: \n\nweb.example.com has address 10.0.0.5\n',
    );
    assert.deepEqual(run(w, 'dig @nosuch web.example.com'), {
      stdout: '',
      stderr: "dig: couldn't get address for 'nosuch': not found\n",
      status: 1,
    });
    assert.deepEqual(run(w, 'nslookup web nosuch'), {
      stdout: '',
      stderr: "nslookup: couldn't get address for 'nosuch': not found\n",
      status: 1,
    });
    execCommand(w.world, { host: 'b', netns: '' }, 'iptables -A INPUT -p udp --dport 53 -j DROP');
    assert.deepEqual(run(w, 'host web nosuch'), { stdout: '', stderr: "host: couldn't get address for 'nosuch': failure\n", status: 1 });
  });

  it("counts only the client's own tries, not a forwarding server's upstream queries", () => {
    const w = gatewayWorld(true);
    serveDns(w.ns('r'), new ToyServer([rr('web.example.com. A 10.0.0.5', 30)]));
    serveDns(w.ns('b'), new ToyServer([], 'fwd', { forward: [{ addr: '192.168.2.1', port: 53 }] }));
    writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\n');
    assert.deepEqual(run(w, 'dig +short web.example.com'), { stdout: '10.0.0.5\n', stderr: '', status: 0 });
  });

  it('dig: no search list unless +search', () => {
    const w = lab();
    assert.equal(run(w, 'dig +short web').stdout, '');
    assert.equal(run(w, 'dig +short +search web').stdout, '10.0.0.5\n');
  });

  it('dig: a server behind a DROP rule times out; one with no listener refuses', () => {
    const w = lab();
    execCommand(w.world, { host: 'b', netns: '' }, 'iptables -A INPUT -p udp --dport 53 -j DROP');
    const t = run(w, 'dig +time=1 +tries=2 web.example.com');
    assert.equal(
      t.stdout,
      ';; communications error to 192.168.2.10#53: timed out\n;; communications error to 192.168.2.10#53: timed out\n\n' +
        '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +time=1 +tries=2 web.example.com\n;; global options: +cmd\n;; no servers could be reached\n',
    );
    assert.equal(t.status, 9);
    // r has no DNS server: ICMP port unreachable, said at each try (how many the resolver tries is its own: real-tools.json has dig's 3)
    const refused = run(w, 'dig @192.168.1.1 +short web.example.com');
    assert.match(refused.stdout, /^(;; communications error to 192\.168\.1\.1#53: connection refused\n)+;; no servers could be reached\n$/);
    assert.equal(refused.status, 9);
  });

  it('a server a has no route to: the socket is not set up, as dig, host and nslookup 9.18.49 said here', () => {
    const w = lab();
    const line =
      ';; UDP setup with 10.9.9.9#53(10.9.9.9) for web.example.com failed: network unreachable.\n;; no servers could be reached\n';
    const lines = (text: string) => new RegExp(`^(${line.replace(/[.()\\[\]]/g, '\\$&')})+$`).test(text);
    const dig = run(w, 'dig @10.9.9.9 web.example.com');
    assert.ok(lines(dig.stdout), dig.stdout);
    assert.equal(dig.status, 9);
    const host = run(w, 'host web.example.com 10.9.9.9');
    assert.ok(lines(host.stdout), host.stdout);
    assert.equal(host.status, 1);
    const ns = run(w, 'nslookup web.example.com 10.9.9.9');
    assert.ok(ns.stdout.endsWith('\n\n') && lines(ns.stdout.slice(0, -1)), ns.stdout);
    assert.equal(ns.status, 1);
  });

  it('host and nslookup: the search list, aliases, not found', () => {
    const w = lab();
    assert.deepEqual(run(w, 'host web'), { stdout: 'web.example.com has address 10.0.0.5\n', stderr: '', status: 0 });
    assert.equal(
      run(w, 'host alias.example.com').stdout,
      'alias.example.com is an alias for web.example.com.\nweb.example.com has address 10.0.0.5\n',
    );
    const nx = run(w, 'host nope.example.com');
    assert.deepEqual([nx.stdout, nx.status], ['Host nope.example.com not found: 3(NXDOMAIN)\n', 1]);
    assert.equal(
      run(w, 'nslookup web').stdout,
      'Server:\t\t192.168.2.10\nAddress:\t192.168.2.10#53\n\nName:\tweb.example.com\nAddress: 10.0.0.5\n\n',
    );
  });

  it('getent: /etc/hosts before DNS, aliases, exit 2 when not found', () => {
    const w = lab();
    assert.deepEqual(run(w, 'getent hosts filehost'), { stdout: '192.168.1.99    filehost.example.com filehost\n', stderr: '', status: 0 });
    assert.deepEqual(run(w, 'getent hosts web'), { stdout: '10.0.0.5        web.example.com\n', stderr: '', status: 0 });
    const ahosts = '10.0.0.5        STREAM web.example.com\n10.0.0.5        DGRAM  \n10.0.0.5        RAW    \n';
    assert.equal(run(w, 'getent ahosts web').stdout, ahosts);
    assert.equal(run(w, 'getent ahosts alias.example.com').stdout, ahosts);
    assert.deepEqual(run(w, 'getent hosts nope.example.com'), { stdout: '', stderr: '', status: 2 });
    assert.deepEqual(run(w, 'getent hosts'), {
      stdout: '127.0.0.1       localhost\n192.168.1.99    filehost.example.com filehost\n',
      stderr: '',
      status: 0,
    });
    writeFile(w.world.hosts.get('a')!, '/etc/nsswitch.conf', 'hosts: dns\n');
    assert.deepEqual(run(w, 'getent hosts'), { stdout: '', stderr: '', status: 0 });
  });
});

/** b runs CoreDNS (the simulator's engine) from a Corefile: a zone file for example.com, a hosts block for the rest. */
function corednsLab() {
  const w = gatewayWorld(true);
  const b = w.world.hosts.get('b')!;
  writeFile(
    b,
    '/etc/coredns/Corefile',
    'example.com {\n    file /etc/coredns/db.example.com\n}\n.:53 {\n    hosts {\n        10.0.0.7 other.test\n    }\n}\n',
  );
  writeFile(
    b,
    '/etc/coredns/db.example.com',
    '$ORIGIN example.com.\n@ 3600 IN SOA ns.example.com. admin.example.com. 1 7200 3600 1209600 3600\n@ 3600 IN NS ns\nns 3600 IN A 192.168.2.10\n' +
      'web 3600 IN A 10.0.0.5\nwww 3600 IN CNAME web\n@ 3600 IN MX 10 mail\nmail 3600 IN A 10.0.0.25\n',
  );
  assert.equal(execCommand(w.world, { host: 'b', netns: '' }, 'coredns -conf /etc/coredns/Corefile').status, 0);
  writeFile(w.world.hosts.get('a')!, '/etc/resolv.conf', 'nameserver 192.168.2.10\nsearch example.com\n');
  return w;
}

describe('the resolver tools end to end against CoreDNS', () => {
  const head = (args: string, status: string, counts: string) => [
    '',
    `; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> ${args}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ID`,
    // an authoritative CoreDNS answer has no `ra`: dig warns
    `;; flags: qr aa rd; ${counts}`,
    ';; WARNING: recursion requested but not available',
    '',
    ';; OPT PSEUDOSECTION:',
    '; EDNS: version: 0, flags:; udp: 1232',
    '; COOKIE: C (echoed)',
  ];
  const tail = (size: number) => [
    ';; Query time: 0 msec',
    ';; SERVER: 192.168.2.10#53(192.168.2.10) (UDP)',
    ';; WHEN: Thu Jan 01 00:00:00 UTC 1970',
    `;; MSG SIZE  rcvd: ${size}`,
    '',
    '',
  ];

  it("dig: the file plugin's answer with its CNAME and NS, its NXDOMAIN with the SOA; sizes uncompressed", () => {
    const w = corednsLab();
    assert.equal(
      run(w, 'dig www.example.com').stdout,
      [
        ...head('www.example.com', 'NOERROR', 'QUERY: 1, ANSWER: 2, AUTHORITY: 1, ADDITIONAL: 1'),
        ';; QUESTION SECTION:',
        ';www.example.com.\t\tIN\tA',
        '',
        ';; ANSWER SECTION:',
        'www.example.com.\t3600\tIN\tCNAME\tweb.example.com.',
        'web.example.com.\t3600\tIN\tA\t10.0.0.5',
        '',
        ';; AUTHORITY SECTION:',
        'example.com.\t\t3600\tIN\tNS\tns.example.com.',
        '',
        // 12 + 21 question + 44 CNAME + 31 A + 39 NS + 11 OPT + 12 cookie (4 + 8)
        ...tail(170),
      ].join('\n'),
    );
    assert.equal(
      run(w, 'dig nope.example.com').stdout,
      [
        ...head('nope.example.com', 'NXDOMAIN', 'QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1'),
        ';; QUESTION SECTION:',
        ';nope.example.com.\t\tIN\tA',
        '',
        ';; AUTHORITY SECTION:',
        'example.com.\t\t3600\tIN\tSOA\tns.example.com. admin.example.com. 1 7200 3600 1209600 3600',
        '',
        ...tail(135),
      ].join('\n'),
    );
  });

  it('dig +nocookie: no client cookie, so none echoed and 12 bytes less', () => {
    const out = run(corednsLab(), 'dig +nocookie www.example.com').stdout;
    assert.ok(out.includes('; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n'), out);
    assert.ok(out.endsWith(';; MSG SIZE  rcvd: 158\n\n'), out);
  });

  it('host, nslookup and getent through the search list and the CNAME', () => {
    const w = corednsLab();
    assert.equal(run(w, 'host www').stdout, 'www.example.com is an alias for web.example.com.\nweb.example.com has address 10.0.0.5\n');
    assert.equal(run(w, 'host -t MX example.com').stdout, 'example.com mail is handled by 10 mail.example.com.\n');
    assert.equal(
      run(w, 'nslookup -type=mx example.com').stdout,
      'Server:\t\t192.168.2.10\nAddress:\t192.168.2.10#53\n\nexample.com\tmail exchanger = 10 mail.example.com.\n\n',
    );
    assert.equal(
      run(w, 'nslookup other.test').stdout,
      'Server:\t\t192.168.2.10\nAddress:\t192.168.2.10#53\n\nName:\tother.test\nAddress: 10.0.0.7\n\n',
    );
    assert.deepEqual(run(w, 'getent hosts www.example.com'), {
      stdout: '10.0.0.5        web.example.com www.example.com\n',
      stderr: '',
      status: 0,
    });
  });
});
