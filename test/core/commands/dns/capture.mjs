#!/usr/bin/env node
/**
 * Captures what the real resolver tools print (BIND 9.18's dig, host and nslookup; glibc 2.36's
 * getent) against dnsmasq in throwaway namespaces, into real-tools.json, which the tests of
 * commands/dns compare the simulator's output with. Run as root: `node test/core/commands/dns/capture.mjs`.
 *
 * The lab: a namespace `kt-tools-srv` holding a bridge with 10.0.0.53 (dnsmasq), 10.0.0.54 (no
 * listener: ICMP port unreachable) and 10.0.0.55 (UDP 53 dropped: timeouts); clients `kt-tools-cli`
 * (resolv.conf: nameserver 10.0.0.53, search example.com) and `kt-tools-cl2` (nameserver 10.0.0.55);
 * a second dnsmasq at 10.0.0.56 holds fwd.test, which 10.0.0.53 forwards to (answers not authoritative).
 * What varies from run to run is masked: message ids (`id: ID`), query times (`Query time: T msec`),
 * dates (`WHEN: DATE`) and cookies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const P = 'kt-tools';
const SRV = `${P}-srv`;
const CLIENTS = { cli: `${P}-cli`, cl2: `${P}-cl2` };
const TMP = `/tmp/${P}`;

const HOSTS = `10.0.0.5 web.example.com
10.0.0.7 multi.example.com
10.0.0.8 multi.example.com
10.0.0.25 mail.example.com
2001:db8::5 v6.example.com
`;
const DNSMASQ = `no-resolv
no-hosts
addn-hosts=${TMP}/hosts
listen-address=10.0.0.53
bind-interfaces
local=/example.com/
local=/0.10.in-addr.arpa/
cname=www.example.com,web.example.com
cname=alias.example.com,www.example.com
mx-host=example.com,mail.example.com,10
srv-host=_http._tcp.example.com,web.example.com,80,0,5
txt-record=txt.example.com,"hello world","second"
txt-record=example.com,"v=spf1 -all"
pid-file=${TMP}/dnsmasq.pid
log-queries
log-facility=${TMP}/dnsmasq.log
server=/fwd.test/10.0.0.56
`;
/** An upstream for fwd.test, so that 10.0.0.53's answers for it are not authoritative. */
const UPSTREAM = `no-resolv
no-hosts
listen-address=10.0.0.56
bind-interfaces
host-record=www.fwd.test,10.0.1.5
mx-host=fwd.test,mail.fwd.test,20
host-record=mail.fwd.test,10.0.1.25
pid-file=${TMP}/upstream.pid
`;

const CASES = [
  // dig
  ['dig-a', 'cli', 'dig web.example.com'],
  ['dig-a-short', 'cli', 'dig +short web.example.com'],
  ['dig-noall-answer', 'cli', 'dig +noall +answer web.example.com'],
  ['dig-multi', 'cli', 'dig multi.example.com'],
  ['dig-nxdomain', 'cli', 'dig nope.example.com'],
  ['dig-nodata', 'cli', 'dig web.example.com AAAA'],
  ['dig-aaaa', 'cli', 'dig -t AAAA v6.example.com'],
  ['dig-cname', 'cli', 'dig alias.example.com'],
  ['dig-cname-short', 'cli', 'dig +short alias.example.com'],
  ['dig-mx', 'cli', 'dig example.com MX'],
  ['dig-mx-short', 'cli', 'dig +short MX example.com'],
  ['dig-srv', 'cli', 'dig SRV _http._tcp.example.com'],
  ['dig-txt', 'cli', 'dig txt.example.com TXT'],
  ['dig-txt-short', 'cli', 'dig +short txt.example.com TXT'],
  ['dig-x', 'cli', 'dig -x 10.0.0.5'],
  ['dig-x-short', 'cli', 'dig +short -x 10.0.0.5'],
  ['dig-server', 'cli', 'dig @10.0.0.53 web.example.com'],
  ['dig-search', 'cli', 'dig +search web'],
  ['dig-nosearch', 'cli', 'dig web'],
  ['dig-class-type', 'cli', 'dig IN A web.example.com'],
  ['dig-refused', 'cli', 'dig @10.0.0.54 web.example.com'],
  ['dig-timeout', 'cli', 'dig @10.0.0.55 +time=1 +tries=2 web.example.com'],
  ['dig-timeout-default', 'cl2', 'dig web.example.com'],
  ['dig-timeout-short', 'cli', 'dig @10.0.0.55 +time=1 +tries=1 +short web.example.com'],
  ['dig-port', 'cli', 'dig -p 5353 @10.0.0.53 +tries=1 web.example.com'],
  ['dig-bad-type-opt', 'cli', 'dig -t'],
  ['dig-bad-option', 'cli', 'dig +frobnicate web.example.com'],
  ['dig-bad-dash', 'cli', 'dig -z web.example.com'],
  ['dig-bad-x', 'cli', 'dig -x nonsense'],
  ['dig-bad-tries', 'cli', 'dig +tries=x web.example.com'],
  ['dig-root-ns', 'cli', 'dig'],
  // host
  ['host-a', 'cli', 'host web.example.com'],
  ['host-search', 'cli', 'host web'],
  ['host-multi', 'cli', 'host multi.example.com'],
  ['host-cname', 'cli', 'host alias.example.com'],
  ['host-mx', 'cli', 'host example.com'],
  ['host-t-mx', 'cli', 'host -t MX example.com'],
  ['host-t-txt', 'cli', 'host -t TXT txt.example.com'],
  ['host-t-srv', 'cli', 'host -t SRV _http._tcp.example.com'],
  ['host-v6', 'cli', 'host v6.example.com'],
  ['host-nx', 'cli', 'host nope.example.com'],
  ['host-nx-short', 'cli', 'host nope'],
  ['host-nodata', 'cli', 'host -t AAAA web.example.com'],
  ['host-ptr', 'cli', 'host 10.0.0.5'],
  ['host-server', 'cli', 'host web.example.com 10.0.0.53'],
  ['host-timeout', 'cl2', 'host web.example.com'],
  ['host-timeout-w', 'cli', 'host -W 1 web.example.com 10.0.0.55'],
  ['host-refused', 'cli', 'host web.example.com 10.0.0.54'],
  ['host-usage', 'cli', 'host'],
  // nslookup
  ['nslookup-a', 'cli', 'nslookup web.example.com'],
  ['nslookup-search', 'cli', 'nslookup web'],
  ['nslookup-multi', 'cli', 'nslookup multi.example.com'],
  ['nslookup-cname', 'cli', 'nslookup alias.example.com'],
  ['nslookup-v6', 'cli', 'nslookup v6.example.com'],
  ['nslookup-nx', 'cli', 'nslookup nope.example.com'],
  ['nslookup-nx-short', 'cli', 'nslookup nope'],
  ['nslookup-mx', 'cli', 'nslookup -type=mx example.com'],
  ['nslookup-txt', 'cli', 'nslookup -type=TXT txt.example.com'],
  ['nslookup-srv', 'cli', 'nslookup -query=SRV _http._tcp.example.com'],
  ['nslookup-nodata', 'cli', 'nslookup -type=AAAA web.example.com'],
  ['nslookup-ptr', 'cli', 'nslookup 10.0.0.5'],
  ['nslookup-server', 'cli', 'nslookup web.example.com 10.0.0.53'],
  ['nslookup-timeout', 'cl2', 'nslookup web.example.com'],
  ['nslookup-timeout-t', 'cli', 'nslookup -timeout=1 web.example.com 10.0.0.55'],
  ['nslookup-refused', 'cli', 'nslookup web.example.com 10.0.0.54'],
  // getent
  ['getent-hosts', 'cli', 'getent hosts web.example.com'],
  ['getent-hosts-search', 'cli', 'getent hosts web'],
  ['getent-hosts-file', 'cli', 'getent hosts filehost'],
  ['getent-hosts-multi', 'cli', 'getent hosts multi.example.com'],
  ['getent-hosts-cname', 'cli', 'getent hosts alias.example.com'],
  ['getent-hosts-v6', 'cli', 'getent hosts v6.example.com'],
  ['getent-hosts-nx', 'cli', 'getent hosts nope.example.com'],
  ['getent-hosts-two', 'cli', 'getent hosts web.example.com nope.example.com mail.example.com'],
  ['getent-hosts-addr', 'cli', 'getent hosts 10.0.0.5'],
  ['getent-ahosts', 'cli', 'getent ahosts web.example.com'],
  ['getent-ahosts-cname', 'cli', 'getent ahosts alias.example.com'],
  ['getent-ahosts-multi', 'cli', 'getent ahosts multi.example.com'],
  ['getent-ahosts-v6', 'cli', 'getent ahosts v6.example.com'],
  ['getent-ahosts-file', 'cli', 'getent ahosts filehost'],
  ['getent-ahosts-nx', 'cli', 'getent ahosts nope.example.com'],
  ['getent-ahostsv4', 'cli', 'getent ahostsv4 multi.example.com'],
  ['getent-hosts-timeout', 'cl2', 'getent hosts web.example.com'],
  ['getent-usage', 'cli', 'getent'],
  ['getent-bad-db', 'cli', 'getent nosuchdb x'],
  // through a forwarder: answers that are not authoritative
  ['dig-fwd', 'cli', 'dig www.fwd.test'],
  ['host-fwd', 'cli', 'host www.fwd.test'],
  ['host-fwd-mx', 'cli', 'host -t MX fwd.test'],
  ['nslookup-fwd', 'cli', 'nslookup www.fwd.test'],
  ['nslookup-fwd-mx', 'cli', 'nslookup -type=mx fwd.test'],
  ['getent-hosts-fwd', 'cli', 'getent hosts www.fwd.test'],
  // more of the tools' own words
  ['nslookup-bad-type', 'cli', 'nslookup -type=BOGUS web'],
  ['host-bad-class', 'cli', 'host -c BOGUS web'],
  ['host-no-arg', 'cli', 'host -W'],
  ['dig-tcp-refused', 'cli', 'dig @10.0.0.54 +tcp +tries=2 web.example.com'],
  ['dig-bad-type-warn', 'cli', 'dig -t BOGUS +noall +answer web.example.com'],
  ['getent-ahostsv6-none', 'cli', 'getent ahostsv6 web.example.com'],
  ['getent-hosts-addr-file', 'cli', 'getent hosts 10.0.0.99'],
  // addresses without a name
  ['host-ptr-nx', 'cli', 'host 10.0.0.77'],
  ['nslookup-ptr-nx', 'cli', 'nslookup 10.0.0.77'],
  ['getent-hosts-addr-nx', 'cli', 'getent hosts 10.0.0.77'],
  ['host-t-a-cname', 'cli', 'host -t A alias.example.com'],
  ['nslookup-type-a-nodata', 'cli', 'nslookup -type=A example.com'],
  // a server the client has no route to
  ['dig-noroute', 'cli', 'dig @10.9.9.9 +tries=2 web.example.com'],
  ['host-noroute', 'cli', 'host web.example.com 10.9.9.9'],
  ['nslookup-noroute', 'cli', 'nslookup web.example.com 10.9.9.9'],
];

const sh = (...argv) => execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const quiet = (...argv) => spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });

function cleanup() {
  for (const pid of ['dnsmasq', 'upstream']) quiet('sh', '-c', `kill $(cat ${TMP}/${pid}.pid 2>/dev/null) 2>/dev/null`);
  for (const ns of [SRV, ...Object.values(CLIENTS)]) {
    quiet('ip', 'netns', 'del', ns);
    rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
  }
  rmSync(TMP, { recursive: true, force: true });
}

function setup() {
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, 'hosts'), HOSTS);
  writeFileSync(join(TMP, 'dnsmasq.conf'), DNSMASQ);
  writeFileSync(join(TMP, 'upstream.conf'), UPSTREAM);
  sh('ip', 'netns', 'add', SRV);
  sh('ip', '-n', SRV, 'link', 'add', 'br0', 'type', 'bridge');
  sh('ip', '-n', SRV, 'link', 'set', 'br0', 'up');
  sh('ip', '-n', SRV, 'link', 'set', 'lo', 'up');
  for (const a of ['10.0.0.53/24', '10.0.0.54/24', '10.0.0.55/24', '10.0.0.56/24']) sh('ip', '-n', SRV, 'addr', 'add', a, 'dev', 'br0');
  sh('ip', 'netns', 'exec', SRV, 'iptables', '-A', 'INPUT', '-d', '10.0.0.55', '-p', 'udp', '--dport', '53', '-j', 'DROP');
  const conf = {
    cli: { addr: '10.0.0.10/24', resolv: 'nameserver 10.0.0.53\nsearch example.com\n' },
    cl2: { addr: '10.0.0.11/24', resolv: 'nameserver 10.0.0.55\nsearch example.com\n' },
  };
  for (const [key, ns] of Object.entries(CLIENTS)) {
    sh('ip', 'netns', 'add', ns);
    sh('ip', '-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `p-${key}`, 'netns', SRV);
    sh('ip', '-n', SRV, 'link', 'set', `p-${key}`, 'master', 'br0', 'up');
    sh('ip', '-n', ns, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', ns, 'link', 'set', 'lo', 'up');
    sh('ip', '-n', ns, 'addr', 'add', conf[key].addr, 'dev', 'eth0');
    mkdirSync(`/etc/netns/${ns}`, { recursive: true });
    writeFileSync(`/etc/netns/${ns}/resolv.conf`, conf[key].resolv);
    writeFileSync(`/etc/netns/${ns}/hosts`, '127.0.0.1\tlocalhost\n10.0.0.99\tfilehost.example.com filehost\n');
    writeFileSync(`/etc/netns/${ns}/nsswitch.conf`, 'hosts: files dns\n');
  }
  sh('ip', 'netns', 'exec', SRV, 'dnsmasq', `--conf-file=${TMP}/upstream.conf`);
  sh('ip', 'netns', 'exec', SRV, 'dnsmasq', `--conf-file=${TMP}/dnsmasq.conf`);
  sh('sleep', '1');
}

/** What varies between runs, masked. */
export function mask(text) {
  return text
    .replace(/id: \d+/g, 'id: ID')
    .replace(/Query time: \d+ msec/g, 'Query time: T msec')
    .replace(/;; WHEN: .*/g, ';; WHEN: DATE')
    .replace(/COOKIE: [0-9a-f]+/g, 'COOKIE: C');
}

cleanup();
try {
  setup();
  const cases = [];
  for (const [name, client, line] of CASES) {
    const r = spawnSync('ip', ['netns', 'exec', CLIENTS[client], ...line.split(' ')], { encoding: 'utf8', timeout: 60000 });
    cases.push({ name, client, line, status: r.status, stdout: mask(r.stdout), stderr: mask(r.stderr) });
    process.stdout.write(`${name}: ${r.status}\n`);
  }
  const out = {
    note: 'Captured by capture.mjs (BIND 9.18.49-1~deb12u3-Debian, glibc 2.36-9+deb12u14, dnsmasq 2.90); ids, times, dates and cookies masked.',
    hosts: HOSTS,
    dnsmasq: DNSMASQ,
    upstream: UPSTREAM,
    cases,
  };
  writeFileSync(join(import.meta.dirname, 'real-tools.json'), JSON.stringify(out, null, 2) + '\n');
} finally {
  cleanup();
}
