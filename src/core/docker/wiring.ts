/**
 * What dockerd does to the host, as the ip, sysctl and iptables lines that do the same (Docker
 * talks netlink and runs iptables itself; the state reached is the same): the daemon's start, a
 * bridge network's rules, a container's namespace, veth and published ports. The rules are those
 * of Docker 24 (iptables backend), checked against the kernel in oracle scenario 113.
 */
import type { Container, Network, Publish } from './model';

const words = (line: string): string[] => line.split(' ');

/** dockerd's start: ip_forward, the DOCKER chains and their jumps (docker0's own lines come after). */
export function daemonLines(): string[][] {
  return [
    'sysctl -w net.ipv4.ip_forward=1',
    'iptables -t nat -N DOCKER',
    'iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
    'iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
    'iptables -N DOCKER',
    'iptables -N DOCKER-ISOLATION-STAGE-1',
    'iptables -N DOCKER-ISOLATION-STAGE-2',
    'iptables -N DOCKER-USER',
    'iptables -P FORWARD DROP',
    'iptables -A FORWARD -j DOCKER-USER',
    'iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1',
  ].map(words);
}

/** The end of the daemon's start, after docker0's rules: the RETURNs that close the chains. */
export function daemonTailLines(): string[][] {
  return [
    'iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN',
    'iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN',
    'iptables -A DOCKER-USER -j RETURN',
  ].map(words);
}

/** The bridge itself: made, its MAC, its gateway address, up. */
export function bridgeLinkLines(n: Network, mac: string): string[][] {
  const len = n.subnet!.split('/')[1];
  return [
    `ip link add ${n.bridge} type bridge`,
    `ip link set ${n.bridge} address ${mac}`,
    `ip addr add ${n.gateway}/${len} brd + dev ${n.bridge}`,
    `ip link set ${n.bridge} up`,
  ].map(words);
}

/**
 * A bridge network's rules: docker0's appended at the daemon's start; a later network's inserted
 * above those of the networks before it (`first`), as Docker inserts them, after FORWARD's two jumps.
 */
export function bridgeRuleLines(n: Network, first: boolean): string[][] {
  const b = n.bridge!;
  const at = (chain: string, pos: number) => (first ? `-I ${chain} ${pos}` : `-A ${chain}`);
  return [
    `iptables -t nat ${at('POSTROUTING', 1)} -s ${n.subnet} ! -o ${b} -j MASQUERADE`,
    `iptables -t nat ${at('DOCKER', 1)} -i ${b} -j RETURN`,
    `iptables ${at('FORWARD', 3)} -o ${b} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
    `iptables ${at('FORWARD', 4)} -o ${b} -j DOCKER`,
    `iptables ${at('FORWARD', 5)} -i ${b} ! -o ${b} -j ACCEPT`,
    `iptables ${at('FORWARD', 6)} -i ${b} -o ${b} -j ACCEPT`,
    `iptables ${at('DOCKER-ISOLATION-STAGE-1', 1)} -i ${b} ! -o ${b} -j DOCKER-ISOLATION-STAGE-2`,
    `iptables ${at('DOCKER-ISOLATION-STAGE-2', 1)} -o ${b} -j DROP`,
  ].map(words);
}

/** `-A`/`-I CHAIN N` lines made into their `-D CHAIN` lines, last first: what `docker network rm` runs. */
export function undoLines(lines: readonly string[][]): string[][] {
  return [...lines].reverse().map((l) => {
    const i = l.findIndex((w) => w === '-A' || w === '-I');
    if (i < 0) return l;
    const pos = l[i] === '-I' && /^\d+$/.test(l[i + 2] ?? '') ? 1 : 0;
    return [...l.slice(0, i), '-D', l[i + 1]!, ...l.slice(i + 2 + pos)];
  });
}

/** A container on a bridge: its namespace, its veth with `eth0` inside, its address and default route. */
export function attachLines(c: Container, n: Network): string[][] {
  const len = n.subnet!.split('/')[1];
  return [
    `ip netns add ${c.name}`,
    `ip link add ${c.veth} type veth peer name eth0 netns ${c.name}`,
    `ip link set ${c.veth} master ${n.bridge}`,
    `ip link set ${c.veth} up`,
    `ip -n ${c.name} link set eth0 address ${c.mac}`,
    `ip -n ${c.name} addr add ${c.ip}/${len} brd + dev eth0`,
    `ip -n ${c.name} link set eth0 up`,
    `ip -n ${c.name} link set lo up`,
    `ip -n ${c.name} route add default via ${n.gateway}`,
  ].map(words);
}

/** A published port's three rules: the hairpin MASQUERADE, the DNAT in nat DOCKER, the ACCEPT in filter DOCKER. */
export function publishLines(c: Container, n: Network, p: Publish): string[][] {
  const b = n.bridge!;
  const m = `-p ${p.proto} -m ${p.proto}`;
  const dst = p.hostIp === '0.0.0.0' ? '' : `-d ${p.hostIp}/32 `;
  return [
    `iptables -t nat -A POSTROUTING -s ${c.ip}/32 -d ${c.ip}/32 ${m} --dport ${p.port} -j MASQUERADE`,
    `iptables -t nat -A DOCKER ${dst}! -i ${b} ${m} --dport ${p.hostPort} -j DNAT --to-destination ${c.ip}:${p.port}`,
    `iptables -A DOCKER -d ${c.ip}/32 ! -i ${b} -o ${b} ${m} --dport ${p.port} -j ACCEPT`,
  ].map(words);
}

/** What stopping a container undoes on a bridge: its rules, then its veth (the peer goes with it) and namespace. */
export function detachLines(c: Container, rules: readonly string[][]): string[][] {
  return [...undoLines(rules), [`ip`, `link`, `del`, c.veth!], ['ip', 'netns', 'del', c.name]];
}
