/**
 * -m conntrack's tuple, status and direction options (matches/ctTuple.ts): read and printed as
 * iptables 1.8.9 (nf_tables) does (the expected texts were printed by the real tool in a namespace),
 * refused with its messages, and matched on the walk's connections (oracle scenario 148).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core';
import { tracePacket } from '../../../src/core/datapath/walk';
import { labWorld } from '../../support/world';

const fresh = () => labWorld('name: s\nhosts:\n  h: {}\n');
const HINT = "Try `iptables -h' or 'iptables --help' for more information.\n";

describe('-m conntrack: tuples, status and direction', () => {
  it("prints them in iptables's order, with -S and -L -n, as the real tool does", () => {
    const w = fresh();
    const run = (l: string) => execCommand(w, { host: 'h', netns: '' }, l);
    for (const o of [
      '--ctorigdstport 80 --ctorigdst 172.17.0.3',
      '! --ctorigsrc 10.0.0.0/8 --ctproto tcp --ctreplsrcport 1000:2000 --ctstate NEW --ctdir REPLY',
      '--ctstatus ASSURED,SEEN_REPLY --ctrepldst 10.1.1.1/32 --ctreplsrc 10.2.0.0/255.255.0.0 --ctdir ORIGINAL',
      '--ctorigdstport 99999',
      '--ctorigdstport http',
      '--ctorigdstport :80',
      '--ctstatus NONE,EXPECTED,CONFIRMED',
      '--ctorigsrc 10.1.2.3/24',
      '--ctdir original',
    ])
      assert.equal(run(`iptables -A FORWARD -m conntrack ${o} -j ACCEPT`).status, 0, o);
    assert.equal(
      run('iptables -S FORWARD').stdout,
      [
        '-P FORWARD ACCEPT',
        '-A FORWARD -m conntrack --ctorigdst 172.17.0.3 --ctorigdstport 80 -j ACCEPT',
        '-A FORWARD -m conntrack --ctstate NEW --ctproto 6 ! --ctorigsrc 10.0.0.0/8 --ctreplsrcport 1000:2000 --ctdir REPLY -j ACCEPT',
        '-A FORWARD -m conntrack --ctreplsrc 10.2.0.0/16 --ctrepldst 10.1.1.1 --ctstatus SEEN_REPLY,ASSURED --ctdir ORIGINAL -j ACCEPT',
        '-A FORWARD -m conntrack --ctorigdstport 34463 -j ACCEPT',
        '-A FORWARD -m conntrack --ctorigdstport 80 -j ACCEPT',
        '-A FORWARD -m conntrack --ctorigdstport 0:80 -j ACCEPT',
        '-A FORWARD -m conntrack --ctstatus EXPECTED,CONFIRMED -j ACCEPT',
        '-A FORWARD -m conntrack --ctorigsrc 10.1.2.3/24 -j ACCEPT',
        '-A FORWARD -m conntrack --ctdir ORIGINAL -j ACCEPT',
        '',
      ].join('\n'),
    );
    const rows = run('iptables -L FORWARD -n').stdout.split('\n');
    assert.equal(
      rows[3],
      'ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ctstate NEW ctproto 6 ! ctorigsrc 10.0.0.0/8 ctreplsrcport 1000:2000 ctdir REPLY',
    );
  });

  it('refuses what the real tool refuses, with its words; --ctexpire is not simulated', () => {
    const w = fresh();
    const run = (o: string) => execCommand(w, { host: 'h', netns: '' }, `iptables -A INPUT -m conntrack ${o} -j ACCEPT`);
    const v = 'iptables v1.8.9 (nf_tables): ';
    assert.equal(run('--ctorigdstport x').stderr, `${v}Port "x" does not resolve to anything.\n\n${HINT}`);
    assert.equal(run('--ctstatus FOO').stderr, `${v}Bad ctstatus "FOO"\n${HINT}`);
    assert.equal(run('--ctdir FOO').stderr, `${v}conntrack: Bad value for "--ctdir" option: "FOO"\n${HINT}`);
    assert.equal(run('! --ctdir ORIGINAL').stderr, `${v}conntrack: option "--ctdir" cannot be inverted.\n\n${HINT}`);
    assert.equal(run('--ctproto foo').stderr, `${v}unknown protocol "foo" specified\n${HINT}`);
    const exp = run('--ctexpire 5');
    assert.equal(exp.status, 1);
    assert.deepEqual(exp.notSimulated, { command: 'iptables -m conntrack --ctexpire', column: 31 });
  });

  /** c reaches h's published ports 8080 and 8081 (DNAT to web:80), with h's FORWARD rules. */
  const published = (rules: string[]) =>
    labWorld(`name: ct
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
${[
  'ip addr add 192.168.63.1/24 dev eth0',
  'ip netns add web',
  'ip link add v-web type veth peer name eth0 netns web',
  'ip addr add 10.200.4.1/24 dev v-web',
  'ip link set v-web up',
  'ip -n web addr add 10.200.4.2/24 dev eth0',
  'ip -n web link set eth0 up',
  'ip -n web route add default via 10.200.4.1',
  'sysctl -w net.ipv4.ip_forward=1',
  'iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.200.4.2:80',
  'iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8081 -j DNAT --to-destination 10.200.4.2:80',
  ...rules,
]
  .map((l) => `      ${l}`)
  .join('\n')}
    serve: [web:tcp/80]
  c:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.63.2/24 dev eth0
`);
  const to = (w: ReturnType<typeof labWorld>, port: number) =>
    tracePacket(w, { from: { host: 'c', netns: '' }, to: '192.168.63.1', proto: 'tcp', port }).verdict;

  it("--ctorigdstport sees the port before the DNAT, where FORWARD sees the container's", () => {
    const w = published(['iptables -A FORWARD -p tcp -m conntrack --ctorigdstport 8081 --ctdir ORIGINAL -j DROP']);
    assert.equal(to(w, 8080), 'replied');
    assert.equal(to(w, 8081), 'dropped');
    assert.equal(to(published(['iptables -A FORWARD -p tcp --dport 8081 -j DROP']), 8081), 'replied', 'FORWARD sees port 80');
  });

  it('--ctdir REPLY and --ctstatus SEEN_REPLY catch the answer; ! --ctstatus CONFIRMED the first packet', () => {
    assert.equal(to(published(['iptables -A FORWARD -m conntrack --ctorigdstport 8080 --ctdir REPLY -j DROP']), 8080), 'dropped');
    assert.equal(to(published(['iptables -A FORWARD -m conntrack --ctorigdstport 8080 --ctstatus SEEN_REPLY -j DROP']), 8080), 'dropped');
    assert.equal(to(published(['iptables -A FORWARD -m conntrack --ctorigdstport 8080 --ctstatus ASSURED -j DROP']), 8080), 'replied');
    assert.equal(to(published(['iptables -A FORWARD -m conntrack ! --ctstatus CONFIRMED --ctorigdstport 8080 -j DROP']), 8080), 'dropped');
    assert.equal(to(published(['iptables -A FORWARD -m conntrack --ctstatus CONFIRMED --ctdir ORIGINAL -j DROP']), 8080), 'replied');
  });

  it('--ctorigsrc, --ctorigdst and --ctproto, each with !', () => {
    const drop = (m: string) => to(published([`iptables -A FORWARD -m conntrack ${m} -j DROP`]), 8080);
    assert.equal(drop('--ctorigsrc 192.168.63.2 --ctorigdst 192.168.63.1 --ctproto tcp'), 'dropped');
    assert.equal(drop('--ctorigsrc 192.168.63.0/24 --ctrepldst 192.168.63.2'), 'dropped');
    assert.equal(drop('--ctreplsrc 10.200.4.2 --ctreplsrcport 80'), 'dropped');
    assert.equal(drop('! --ctorigsrc 192.168.63.2'), 'replied');
    assert.equal(drop('--ctproto udp'), 'replied');
    assert.equal(drop('! --ctproto udp --ctorigdstport 8080:8089'), 'dropped');
  });
});
