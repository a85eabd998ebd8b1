/**
 * The iptables command as a lab line runs it: each option and its long form, `!`, masks, ports,
 * the matches and targets, `-S` exactly as iptables 1.8.9 prints it, and its errors with their
 * texts and exit statuses (seen with the real iptables in a network namespace).
 */
import { strict as assert } from 'node:assert';
import { execCommand } from '../../../src/core';
import { labWorld } from '../../support/world';

function host(): (line: string) => { out: string; err: string; status: number; notSimulated?: string } {
  const w = labWorld('name: t\nhosts:\n  h: {}\n');
  return (line) => {
    const r = execCommand(w, { host: 'h', netns: '' }, line);
    return { out: r.stdout, err: r.stderr, status: r.status, ...(r.notSimulated ? { notSimulated: r.notSimulated.command } : {}) };
  };
}

const USAGE = "Try `iptables -h' or 'iptables --help' for more information.\n";
const P = 'iptables v1.8.9 (nf_tables): ';

/** The -A line iptables -S prints for a rule written with `rule`. */
function saved(rule: string, table = 'filter', chain = 'INPUT'): string {
  const run = host();
  const r = run(`iptables -t ${table} -A ${chain} ${rule}`);
  assert.equal(r.status, 0, r.err);
  return run(`iptables -t ${table} -S ${chain} 1`).out.trimEnd();
}

describe('iptables: rules as -S prints them', () => {
  const cases: [string, string, string?, string?][] = [
    ['-s 10.0.0.1/8 -p tcp --dport 80 -j ACCEPT', '-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT'],
    [
      '! -s 10.0.0.1 -d 192.168.1.0/255.255.255.0 -p udp --sport 1000:2000 -j DROP',
      '-A INPUT ! -s 10.0.0.1/32 -d 192.168.1.0/24 -p udp -m udp --sport 1000:2000 -j DROP',
    ],
    [
      '-m comment --comment x -p tcp --dport 80 -s 1.2.3.4 -i eth0 -j ACCEPT',
      '-A INPUT -s 1.2.3.4/32 -i eth0 -p tcp -m comment --comment x -m tcp --dport 80 -j ACCEPT',
    ],
    ['--source 10.1 --protocol 6 --destination-port ssh --jump ACCEPT', '-A INPUT -s 10.1.0.0/32 -p tcp -m tcp --dport 22 -j ACCEPT'],
    ['-s 10.0.0.0/255.0.255.0', '-A INPUT -s 10.0.0.0/255.0.255.0'],
    ['-d 1.2.3.4/0 -p all -j ACCEPT', '-A INPUT -j ACCEPT'],
    ['-p 47 -j ACCEPT', '-A INPUT -p gre -j ACCEPT'],
    ['! -p tcp -j ACCEPT', '-A INPUT ! -p tcp -j ACCEPT'],
    ['-p tcp ! --dport 22 -j ACCEPT', '-A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT'],
    ['-p tcp --dport :80', '-A INPUT -p tcp -m tcp --dport 0:80'],
    ['-p tcp --dport 80: --syn', '-A INPUT -p tcp -m tcp --dport 80:65535 --tcp-flags FIN,SYN,RST,ACK SYN'],
    ['-i eth+ -j ACCEPT', '-A INPUT -i eth+ -j ACCEPT'],
    ['-p icmp --icmp-type echo-request -j ACCEPT', '-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT'],
    ['-p icmp --icmp-type port-unreachable -j ACCEPT', '-A INPUT -p icmp -m icmp --icmp-type 3/3 -j ACCEPT'],
    ['-p icmp --icmp-type any -j ACCEPT', '-A INPUT -p icmp -m icmp --icmp-type any -j ACCEPT'],
    ['-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', '-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'],
    ['-m conntrack ! --ctstate NEW -j ACCEPT', '-A INPUT -m conntrack ! --ctstate NEW -j ACCEPT'],
    ['-m state --state INVALID,UNTRACKED,ESTABLISHED', '-A INPUT -m state --state INVALID,ESTABLISHED,UNTRACKED'],
    ['-m addrtype --dst-type LOCAL -j ACCEPT', '-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT'],
    ['-m addrtype ! --src-type LOCAL', '-A INPUT -m addrtype ! --src-type LOCAL'],
    ['-m statistic --mode random --probability 0.5 -j ACCEPT', '-A INPUT -m statistic --mode random --probability 0.50000000000 -j ACCEPT'],
    ['-m statistic --mode nth --every 3 --packet 0 -j ACCEPT', '-A INPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT'],
    ['-m comment --comment "hello world" -j ACCEPT', '-A INPUT -m comment --comment "hello world" -j ACCEPT'],
    ['-m mark --mark 0x10/0xff -j ACCEPT', '-A INPUT -m mark --mark 0x10/0xff -j ACCEPT'],
    ['-m mark ! --mark 16/0xf0', '-A INPUT -m mark ! --mark 0x10/0xf0'],
    ['-p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT', '-A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT'],
    ['-p tcp -m multiport ! --dports 22,ssh', '-A INPUT -p tcp -m multiport ! --dports 22,22'],
    [
      '-m physdev --physdev-in veth1 --physdev-is-bridged -j ACCEPT',
      '-A INPUT -m physdev --physdev-in veth1 --physdev-is-bridged -j ACCEPT',
    ],
    [
      '-m physdev --physdev-is-in --physdev-is-out ! --physdev-out x --physdev-in y+',
      '-A INPUT -m physdev --physdev-is-in --physdev-in y+ --physdev-is-out ! --physdev-out x',
    ],
    ['-p tcp -j REJECT --reject-with tcp-reset', '-A INPUT -p tcp -j REJECT --reject-with tcp-reset'],
    ['-j REJECT', '-A INPUT -j REJECT --reject-with icmp-port-unreachable'],
    ['-j LOG --log-prefix "x: "', '-A INPUT -j LOG --log-prefix "x: "'],
    ['-j MARK --set-mark 5', '-A OUTPUT -j MARK --set-xmark 0x5/0xffffffff', 'filter', 'OUTPUT'],
    ['-j MARK --set-xmark 0x5/0xff', '-A OUTPUT -j MARK --set-xmark 0x5/0xff', 'mangle', 'OUTPUT'],
    [
      '-p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80',
      '-A PREROUTING -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80',
      'nat',
      'PREROUTING',
    ],
    ['-p tcp -j DNAT --to-destination 1.2.3.4:80-90', '-A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:80-90', 'nat', 'PREROUTING'],
    ['-s 10.0.0.0/24 ! -o br0 -j MASQUERADE', '-A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE', 'nat', 'POSTROUTING'],
    ['-p tcp -j MASQUERADE --to-ports 1000-2000', '-A POSTROUTING -p tcp -j MASQUERADE --to-ports 1000-2000', 'nat', 'POSTROUTING'],
    ['-o eth0 -j SNAT --to-source 1.2.3.4', '-A POSTROUTING -o eth0 -j SNAT --to-source 1.2.3.4', 'nat', 'POSTROUTING'],
    [
      '-p tcp -j SNAT --to-source 1.1.1.1-1.1.1.5:1000-2000',
      '-A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1-1.1.1.5:1000-2000',
      'nat',
      'POSTROUTING',
    ],
    ['-p tcp -j REDIRECT --to-ports 3128', '-A PREROUTING -p tcp -j REDIRECT --to-ports 3128', 'nat', 'PREROUTING'],
    [
      '--in-interface eth0 --out-interface eth1 --protocol tcp --destination-port 80 --jump ACCEPT',
      '-A FORWARD -i eth0 -o eth1 -p tcp -m tcp --dport 80 -j ACCEPT',
      'filter',
      'FORWARD',
    ],
  ];
  for (const [rule, want, table, chain] of cases) it(rule, () => assert.equal(saved(rule, table, chain), want));

  it('long options abbreviated as getopt_long reads them: a unique prefix, an ambiguous one is unknown', () => {
    assert.equal(
      saved('-p tcp --dport 80 -j DNAT --to 10.0.0.2:8080', 'nat', 'PREROUTING'),
      '-A PREROUTING -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080',
    );
    assert.equal(saved('-j SNAT --to 1.2.3.4', 'nat', 'POSTROUTING'), '-A POSTROUTING -j SNAT --to-source 1.2.3.4');
    assert.equal(saved('--so 1.1.1.1 -p tcp --dp 80'), '-A INPUT -s 1.1.1.1/32 -p tcp -m tcp --dport 80');
    // Once -m tcp is loaded, --so is --source or --source-port: ambiguous.
    assert.equal(host()('iptables -A INPUT -p tcp --dp 80 --so 1.1.1.1').err, `${P}unknown option "--so"\n${USAGE}`);
    assert.equal(
      saved('-m state --sta NEW -m comment --com x -j LOG --log-p x'),
      '-A INPUT -m state --state NEW -m comment --comment x -j LOG --log-prefix x',
    );
    assert.deepEqual(host()('iptables --lis'), { out: '', err: `${P}unknown option "--lis"\n${USAGE}`, status: 2 });
  });

  it('-S lists policies, user chains by name, then rules chain by chain; -s a,b writes a rule each', () => {
    const run = host();
    for (const l of [
      '-N zeta',
      '-N alpha',
      '-A zeta -j RETURN',
      '-A alpha -p tcp --dport 22 -j zeta',
      '-A FORWARD -g alpha',
      '-P INPUT DROP',
      '-A OUTPUT -s 1.1.1.1,2.2.2.2 -j ACCEPT',
    ])
      assert.equal(run(`iptables ${l}`).status, 0, l);
    assert.equal(
      run('iptables -S').out,
      [
        '-P INPUT DROP',
        '-P FORWARD ACCEPT',
        '-P OUTPUT ACCEPT',
        '-N alpha',
        '-N zeta',
        '-A FORWARD -g alpha',
        '-A OUTPUT -s 1.1.1.1/32 -j ACCEPT',
        '-A OUTPUT -s 2.2.2.2/32 -j ACCEPT',
        '-A alpha -p tcp -m tcp --dport 22 -j zeta',
        '-A zeta -j RETURN',
        '',
      ].join('\n'),
    );
    assert.equal(run('iptables -S zeta').out, '-N zeta\n-A zeta -j RETURN\n');
    assert.equal(run('iptables -t nat -S').out, '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n');
    assert.equal(run('iptables -t raw -S').out, '-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
    // -E renames the chain and the jumps to it.
    assert.equal(run('iptables -E alpha beta').status, 0);
    assert.match(run('iptables -S').out, /-A FORWARD -g beta\n/);
  });

  it('-I, -R, -D by number and by rule, -C, -F, -X, -Z', () => {
    const run = host();
    run('iptables -A INPUT -s 1.1.1.1 -j ACCEPT');
    run('iptables -I INPUT 2 -j DROP');
    run('iptables -I INPUT -j LOG');
    run('iptables -R INPUT 1 -s 9.9.9.9 -j DROP');
    assert.equal(
      run('iptables -S INPUT').out,
      '-P INPUT ACCEPT\n-A INPUT -s 9.9.9.9/32 -j DROP\n-A INPUT -s 1.1.1.1/32 -j ACCEPT\n-A INPUT -j DROP\n',
    );
    assert.equal(run('iptables -C INPUT -s 1.1.1.1 -j ACCEPT').status, 0);
    assert.equal(run('iptables -D INPUT -s 1.1.1.1/32 -j ACCEPT').status, 0);
    assert.deepEqual(run('iptables -C INPUT -s 1.1.1.1 -j ACCEPT'), {
      out: '',
      err: 'iptables: Bad rule (does a matching rule exist in that chain?).\n',
      status: 1,
    });
    assert.equal(run('iptables -D INPUT 1').status, 0);
    assert.equal(run('iptables -S INPUT').out, '-P INPUT ACCEPT\n-A INPUT -j DROP\n');
    assert.equal(run('iptables -Z').status, 0);
    assert.equal(run('iptables -Z INPUT 1').status, 0);
    // -Z with -L or -S lists the last chain named (and zeroes it).
    assert.equal(
      run('iptables -L INPUT -Z FORWARD').out,
      'Chain FORWARD (policy ACCEPT)\ntarget     prot opt source               destination         \n',
    );
    assert.equal(run('iptables -Z INPUT -S').out, '-P INPUT ACCEPT\n-A INPUT -j DROP\n');
    assert.equal(run("iptables -N 'a!b'").status, 0);
    assert.equal(run("iptables -X 'a!b'").status, 0);
    assert.equal(run('iptables -F').status, 0);
    assert.equal(run('iptables -S INPUT').out, '-P INPUT ACCEPT\n');
    assert.equal(run('iptables -N web').status, 0);
    assert.equal(run('iptables -X web').status, 0);
    assert.equal(run('iptables -S').out, '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
  });
});

describe('iptables: errors as iptables 1.8.9 prints them', () => {
  const cases: [string, string, number, string?][] = [
    ['iptables -A INPUT --dport 80 -j ACCEPT', `${P}unknown option "--dport"\n${USAGE}`, 2],
    ['iptables -A INPUT -p udp --foo 80 -j ACCEPT', `${P}unknown option "--foo"\n${USAGE}`, 2],
    ['iptables -A INPUT -j', `${P}option "-j" requires an argument\n${USAGE}`, 2],
    ['iptables -A', `${P}option "-A" requires an argument\n${USAGE}`, 2],
    ['iptables', `${P}no command specified\n${USAGE}`, 2],
    ['iptables -Q', `${P}unknown option "-Q"\n${USAGE}`, 2],
    ['iptables -A INPUT -s 300.1.1.1 -j ACCEPT', `${P}host/network \`300.1.1.1' not found\n${USAGE}`, 2],
    ['iptables -A INPUT -s 10.0.0.0/33 -j ACCEPT', `${P}invalid mask \`33' specified\n${USAGE}`, 2],
    ['iptables -A NOPE -j ACCEPT', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -A INPUT -j NOPE', `${P}Chain 'NOPE' does not exist\n${USAGE}`, 2],
    ['iptables -A NOPE -j NOPE2', `${P}Chain 'NOPE2' does not exist\n${USAGE}`, 2],
    ['iptables -A INPUT -j DNAT --to-destination 1.2.3.4', `${P} RULE_APPEND failed (Invalid argument): rule in chain INPUT\n`, 4],
    [
      'iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4',
      `${P} RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING\n`,
      4,
    ],
    ['iptables -t nat -A PREROUTING -j MASQUERADE', `${P} RULE_APPEND failed (Invalid argument): rule in chain PREROUTING\n`, 4],
    ['iptables -t nat -A PREROUTING -j DNAT', `${P}DNAT: option "--to-destination" must be specified\n\n${USAGE}`, 2],
    [
      'iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4:80',
      `${P}Need TCP, UDP, SCTP or DCCP with port specification\n${USAGE}`,
      2,
    ],
    ['iptables -t nat -A PREROUTING -j DNAT --to-destination 300.1.1.1', `${P}Bad IP address "300.1.1.1"\n${USAGE}`, 2],
    ['iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:99999', `${P}Port \`99999' not valid\n${USAGE}`, 2],
    ['iptables -t foo -S', `${P}table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3],
    [
      'iptables -t nat -A INPUT -j DROP',
      `${P}\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n\n${USAGE}`,
      2,
    ],
    ['iptables -A INPUT -p tcp -j REJECT --reject-with foo', `${P}unknown reject type "foo"\n${USAGE}`, 2],
    ['iptables -A INPUT -j REJECT --reject-with tcp-reset', `${P} RULE_APPEND failed (Invalid argument): rule in chain INPUT\n`, 4],
    ['iptables -t mangle -A INPUT -j REJECT', `${P} RULE_APPEND failed (Invalid argument): rule in chain INPUT\n`, 4],
    ['iptables -X INPUT', `${P} CHAIN_DEL failed (Device or resource busy): chain INPUT\n`, 4],
    ['iptables -A INPUT -p foo -j ACCEPT', `${P}unknown protocol "foo" specified\n${USAGE}`, 2],
    ['iptables -A INPUT -p tcp --dport 70000 -j ACCEPT', `${P}invalid port/service \`70000' specified\n${USAGE}`, 2],
    ['iptables -A INPUT -p tcp --dport 90:80 -j ACCEPT', `${P}invalid portrange (min > max)\n${USAGE}`, 2],
    ['iptables -A INPUT -p tcp --dport ! 22 -j ACCEPT', `${P}invalid port/service \`!' specified\n${USAGE}`, 2],
    ['iptables -A INPUT -p tcp --dport 80 --dport 90', `${P}Only one \`--destination-port' allowed\n${USAGE}`, 2],
    ['iptables -A INPUT -i eth0 -o eth1 -j ACCEPT', `${P}Can't use -o with INPUT\n\n${USAGE}`, 2],
    ['iptables -A OUTPUT -i eth0 -j ACCEPT', `${P}Can't use -i with OUTPUT\n\n${USAGE}`, 2],
    ['iptables -A INPUT -i abcdefghijklmnopq', `${P}interface name \`abcdefghijklmnopq' must be shorter than IFNAMSIZ (15)\n${USAGE}`, 2],
    ['iptables -A INPUT -m foo -j ACCEPT', `${P}Couldn't load match \`foo':No such file or directory\n\n${USAGE}`, 2],
    ['iptables -A INPUT -m tcp --dport 80 -j ACCEPT', `${P}TCP match requires '-p tcp'\n${USAGE}`, 2],
    ['iptables -A INPUT -m udp --dport 1', `${P}UDP match requires '-p udp'\n${USAGE}`, 2],
    ['iptables -A INPUT -m icmp --icmp-type 8', `${P} RULE_APPEND failed (Invalid argument): rule in chain INPUT\n`, 4],
    ['iptables -A INPUT -p icmp --icmp-type foo', `${P}Unknown ICMP type \`foo'\n${USAGE}`, 2],
    [
      'iptables -A INPUT -m multiport --dports 80 -j ACCEPT',
      `${P}multiport needs \`-p tcp', \`-p udp', \`-p udplite', \`-p sctp' or \`-p dccp'\n${USAGE}`,
      2,
    ],
    ['iptables -A INPUT -p tcp -m multiport', `${P}multiport expection an option\n${USAGE}`, 2],
    [
      'iptables -A INPUT -p tcp -m multiport --dports 1,2 --sports 3',
      `${P}multiport: option "--source-ports" cannot be used together with "--destination-ports".\n\n${USAGE}`,
      2,
    ],
    ['iptables -A INPUT -m conntrack --ctstate FOO -j ACCEPT', `${P}Bad ctstate "FOO"\n${USAGE}`, 2],
    ['iptables -A INPUT -m conntrack -j ACCEPT', `${P}conntrack: At least one option is required\n${USAGE}`, 2],
    ['iptables -A INPUT -m state --state FOO -j ACCEPT', `${P}Bad state "FOO"\n${USAGE}`, 2],
    [
      'iptables -A INPUT -m statistic --mode random --probability 2 -j ACCEPT',
      `${P}statistic: bad value for option "--probability", or out of range (0-1).\n\n${USAGE}`,
      2,
    ],
    ['iptables -A INPUT -m statistic --mode random -j ACCEPT', `${P}--probability must be specified when using random mode\n${USAGE}`, 2],
    ['iptables -A INPUT -m statistic --probability 0.3 -j ACCEPT', `${P}statistic: option "--mode" must be specified\n\n${USAGE}`, 2],
    [
      'iptables -A INPUT -m statistic --mode nth --every 2 -j ACCEPT',
      `${P}statistic: option "--every" also requires "--packet".\n\n${USAGE}`,
      2,
    ],
    ['iptables -A INPUT -m mark --mark foo -j ACCEPT', `${P}mark: bad integer value for option "--mark", or out of range.\n\n${USAGE}`, 2],
    ['iptables -A OUTPUT -j MARK', `${P}MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required\n${USAGE}`, 2],
    ['iptables -A INPUT -m addrtype --dst-type FOO -j ACCEPT', `${P}addrtype: bad type "FOO"\n${USAGE}`, 2],
    ['iptables -A INPUT -m addrtype', `${P}addrtype: you must specify --src-type or --dst-type\n${USAGE}`, 2],
    ['iptables -A INPUT -m comment -j ACCEPT', `${P}comment: option "--comment" must be specified\n\n${USAGE}`, 2],
    ['iptables -A INPUT -m physdev', `${P}PHYSDEV: no physdev option specified\n${USAGE}`, 2],
    [
      'iptables -A OUTPUT -m physdev --physdev-out veth0 -j ACCEPT',
      `${P} RULE_APPEND failed (Invalid argument): rule in chain OUTPUT\n`,
      4,
    ],
    ['iptables -A INPUT -s 1.1.1.1 -s 2.2.2.2 -j ACCEPT', `${P}multiple -s flags not allowed\n${USAGE}`, 2],
    ['iptables -A INPUT -j ACCEPT -j DROP', `${P}multiple -j flags not allowed\n${USAGE}`, 2],
    ['iptables -A INPUT -j ACCEPT --foo', `${P}unknown option "--foo"\n${USAGE}`, 2],
    ['iptables -A INPUT ! -j ACCEPT', `${P}cannot have ! before -j\n${USAGE}`, 2],
    ['iptables ! -A INPUT', `${P}unexpected '!' flag\n${USAGE}`, 2],
    ['iptables -A INPUT ! ! -s 1.1.1.1', `${P}multiple consecutive ! not allowed\n${USAGE}`, 2],
    ['iptables -A INPUT -s 1.1.1.1 !', `${P}nothing appropriate following !\n${USAGE}`, 2],
    ['iptables -A INPUT foo -j ACCEPT', `Bad argument \`foo'\n${USAGE}`, 2],
    ['iptables -A INPUT -D INPUT', `${P}Cannot use -D with -A\n${USAGE}`, 2],
    ['iptables -L -s 1.2.3.4', `${P}Illegal option \`-s' with this command\n${USAGE}`, 2],
    ['iptables -D INPUT 1 -s 1.1.1.1', `${P}Illegal option \`-s' with this command\n${USAGE}`, 2],
    ['iptables -D INPUT 5', 'iptables: Index of deletion too big.\n', 1],
    ['iptables -D INPUT 0', `${P}Invalid rule number \`0'\n${USAGE}`, 2],
    ['iptables -D INPUT -s 2.2.2.2 -j ACCEPT', 'iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
    ['iptables -C NOPE -j ACCEPT', 'iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
    ['iptables -D NOPE -j ACCEPT', 'iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
    ['iptables -D NOPE 1', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -I NOPE -j ACCEPT', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -S INPUT 1 2', `Bad argument \`2'\n${USAGE}`, 2],
    ['iptables -A INPUT -j ACCEPT -Z', `${P}Cannot use -Z with -A\n${USAGE}`, 2],
    ['iptables -P FORWARD ACCEPT -s 1.1.1.1', `${P}Illegal option \`-s' with this command\n${USAGE}`, 2],
    ['iptables -I INPUT 5 -j DROP', 'iptables: Index of insertion too big.\n', 1],
    ['iptables -R INPUT 9 -j DROP', 'iptables: Index of replacement too big.\n', 1],
    ['iptables -R INPUT -j DROP', `${P}-R requires a rule number\n${USAGE}`, 2],
    ['iptables -N INPUT', 'iptables: Chain already exists.\n', 1],
    ['iptables -N -x', `${P}chain name not allowed to start with \`-'\n${USAGE}`, 2],
    ['iptables -N DROP', `${P}chain name may not clash with target name\n${USAGE}`, 2],
    ['iptables -N DNAT', `${P}chain name may not clash with target name\n${USAGE}`, 2],
    [
      'iptables -N abcdefghijklmnopqrstuvwxyzabc',
      `${P}chain name \`abcdefghijklmnopqrstuvwxyzabc' too long (must be under 29 chars)\n${USAGE}`,
      2,
    ],
    ['iptables -N "a b"', `${P}Invalid chain name \`a b'\n${USAGE}`, 2],
    ['iptables -6 -S', USAGE, 2],
    ['iptables -X nope', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -P INPUT FOO', "iptables: Bad policy name. Run `dmesg' for more information.\n", 1],
    ['iptables -P INPUT RETURN', "iptables: Bad policy name. Run `dmesg' for more information.\n", 1],
    ['iptables -P INPUT', `${P}-P requires a chain and a policy\n${USAGE}`, 2],
    ['iptables -E nope x', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -F NOPE', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -Z NOPE', 'iptables: No chain/target/match by that name.\n', 1],
    ['iptables -S NOPE', `${P}chain \`NOPE' in table \`filter' is incompatible, use 'nft' tool.\n`, 1],
    ['iptables -I INPUT 1 -j INPUT', `${P} RULE_INSERT failed (Operation not supported): rule in chain INPUT\n`, 4],
    ['iptables -t raw -A FORWARD -j DROP', 'iptables: No chain/target/match by that name.\n', 1],
  ];
  for (const [line, err, status] of cases)
    it(line, () => {
      const r = host()(line);
      assert.deepEqual({ err: r.err, status: r.status, out: r.out }, { err, status, out: '' });
    });

  it('policies of user chains, a busy chain, a taken name', () => {
    const run = host();
    run('iptables -N web');
    assert.equal(run('iptables -P web DROP').err, 'iptables: Bad built-in chain name.\n');
    run('iptables -A INPUT -j web');
    assert.equal(run('iptables -X web').err, `${P} CHAIN_DEL failed (Device or resource busy): chain web\n`);
    run('iptables -N web2');
    assert.equal(run('iptables -E web2 web').err, 'iptables: File exists.\n');
    // A user chain reached from nat POSTROUTING cannot hold a DNAT.
    run('iptables -t nat -N D');
    assert.equal(run('iptables -t nat -A D -j DNAT --to-destination 1.1.1.1').status, 0);
    assert.equal(run('iptables -t nat -A POSTROUTING -j D').err, `${P} RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING\n`);
    assert.equal(run('iptables -t nat -A PREROUTING -j D').status, 0);
    assert.equal(run('iptables -t nat -A D -j MASQUERADE').err, `${P} RULE_APPEND failed (Invalid argument): rule in chain D\n`);
  });

  it('real options and modules it does not run are said to be not simulated, never wrong', () => {
    const run = host();
    assert.equal(run('iptables -A INPUT -m limit --limit 5/s -j ACCEPT').notSimulated, 'iptables -m limit');
    assert.equal(run('iptables -t raw -A PREROUTING -j CT --notrack').notSimulated, 'iptables -j CT');
    assert.equal(run('iptables -h').notSimulated, 'iptables -h');
    assert.equal(run('iptables -A INPUT -f -j DROP').notSimulated, 'iptables -f');
    assert.equal(run('ip6tables -S').notSimulated, 'ip6tables');
  });
});
