/**
 * What the commands of a run line do, in both languages: a small table keyed by command prefix.
 * A pattern is a list of words; `*` stands for any one word and `...` for any words (none included).
 * The longest matching pattern wins.
 */
import { type Localized, loc } from '../../core';

export interface CommandDoc {
  readonly pattern: string;
  readonly doc: Localized;
}

export const COMMAND_DOCS: readonly CommandDoc[] = [
  { pattern: 'ip', doc: loc('iproute2: shows and changes interfaces, addresses, routes and namespaces.', 'iproute2: 인터페이스, 주소, 경로, 네임스페이스를 보고 바꿉니다.') },
  { pattern: 'ip addr add', doc: loc('Adds an IP address (ADDR/LEN) to an interface; the kernel also adds the connected route for its subnet.', '인터페이스에 IP 주소(주소/길이)를 더합니다. 커널은 그 서브넷의 연결 경로도 함께 추가합니다.') },
  { pattern: 'ip address add', doc: loc('Adds an IP address (ADDR/LEN) to an interface; the kernel also adds the connected route for its subnet.', '인터페이스에 IP 주소(주소/길이)를 더합니다. 커널은 그 서브넷의 연결 경로도 함께 추가합니다.') },
  { pattern: 'ip addr del', doc: loc('Removes an address from an interface, and the connected route that came with it.', '인터페이스에서 주소를 지우고, 함께 생긴 연결 경로도 지웁니다.') },
  { pattern: 'ip addr', doc: loc('Shows the interfaces and their addresses.', '인터페이스와 그 주소를 보여 줍니다.') },
  { pattern: 'ip -br addr', doc: loc('Shows one line per interface: name, state and addresses.', '인터페이스마다 한 줄로 이름, 상태, 주소를 보여 줍니다.') },
  { pattern: 'ip route add', doc: loc('Adds a route: packets for DESTINATION go through the gateway (via) or straight out of the interface (dev).', '경로를 추가합니다. 목적지로 가는 패킷은 게이트웨이(via)를 거치거나 인터페이스(dev)로 바로 나갑니다.') },
  { pattern: 'ip route add default', doc: loc('Adds the default route: packets for any destination no other route covers go to this gateway.', '기본 경로를 추가합니다. 다른 경로가 다루지 않는 모든 목적지의 패킷이 이 게이트웨이로 갑니다.') },
  { pattern: 'ip route replace', doc: loc('Adds a route, or replaces the one with the same destination.', '경로를 추가하거나, 목적지가 같은 경로를 바꿉니다.') },
  { pattern: 'ip route del', doc: loc('Deletes a route.', '경로를 지웁니다.') },
  { pattern: 'ip route get', doc: loc('Asks the kernel which route a packet to this address would take.', '이 주소로 가는 패킷이 어느 경로를 탈지 커널에 묻습니다.') },
  { pattern: 'ip route', doc: loc('Shows the routing table (main).', '라우팅 테이블(main)을 보여 줍니다.') },
  { pattern: 'ip link add ... type veth', doc: loc('Creates a veth pair: two virtual interfaces joined by a cable; what enters one end leaves the other (peer name NAME).', 'veth 쌍을 만듭니다. 케이블로 이어진 두 가상 인터페이스로, 한쪽에 들어간 것이 다른 쪽(peer name 이름)으로 나옵니다.') },
  { pattern: 'ip link add ... type bridge', doc: loc('Creates a Linux bridge: a virtual switch inside the host; attach ports with `ip link set DEV master BRIDGE`.', '리눅스 브리지(호스트 안의 가상 스위치)를 만듭니다. 포트는 `ip link set 장치 master 브리지`로 붙입니다.') },
  { pattern: 'ip link add ... type dummy', doc: loc('Creates a dummy interface: it holds addresses but leads nowhere.', 'dummy 인터페이스를 만듭니다. 주소를 가질 수 있지만 어디로도 이어지지 않습니다.') },
  { pattern: 'ip link add', doc: loc('Creates a virtual interface (type veth, bridge, dummy...). A new interface starts down.', '가상 인터페이스(type veth, bridge, dummy...)를 만듭니다. 새 인터페이스는 down 상태로 시작합니다.') },
  { pattern: 'ip link del', doc: loc('Deletes an interface (both ends, for a veth pair).', '인터페이스를 지웁니다(veth 쌍이면 양쪽 모두).') },
  { pattern: 'ip link set ... up', doc: loc('Brings an interface up: until then it sends and receives nothing. A veth end carries traffic only when its peer is up too.', '인터페이스를 up으로 올립니다. 그전에는 아무것도 주고받지 않습니다. veth 한쪽은 상대편도 up일 때만 트래픽을 나릅니다.') },
  { pattern: 'ip link set ... down', doc: loc('Brings an interface down: it stops sending and receiving.', '인터페이스를 down으로 내립니다. 주고받기를 멈춥니다.') },
  { pattern: 'ip link set ... master', doc: loc('Attaches an interface to a bridge as one of its ports.', '인터페이스를 브리지의 포트로 붙입니다.') },
  { pattern: 'ip link set ... nomaster', doc: loc('Detaches an interface from its bridge.', '인터페이스를 브리지에서 뗍니다.') },
  { pattern: 'ip link set ... netns', doc: loc('Moves an interface into another network namespace; it loses its addresses and goes down.', '인터페이스를 다른 네트워크 네임스페이스로 옮깁니다. 주소를 잃고 down 상태가 됩니다.') },
  { pattern: 'ip link set', doc: loc('Changes an interface: up/down, master, netns, address, mtu...', '인터페이스를 바꿉니다: up/down, master, netns, address, mtu...') },
  { pattern: 'ip link', doc: loc('Shows the interfaces: state, MAC address, master.', '인터페이스의 상태, MAC 주소, master를 보여 줍니다.') },
  { pattern: 'ip netns add', doc: loc('Creates a network namespace: its own interfaces (only a down lo at first), routes and neighbour table.', '네트워크 네임스페이스를 만듭니다. 자기만의 인터페이스(처음엔 down 상태인 lo뿐), 경로, 이웃 테이블을 가집니다.') },
  { pattern: 'ip netns del', doc: loc('Deletes a network namespace.', '네트워크 네임스페이스를 지웁니다.') },
  { pattern: 'ip netns exec', doc: loc('Runs the rest of the line inside the named network namespace.', '줄의 나머지를 지정한 네트워크 네임스페이스 안에서 실행합니다.') },
  { pattern: 'ip netns', doc: loc('Lists the network namespaces.', '네트워크 네임스페이스 목록을 보여 줍니다.') },
  { pattern: 'ip -n', doc: loc('`ip -n NS ...`: the same `ip` command, inside network namespace NS.', '`ip -n NS ...`: 같은 `ip` 명령을 네트워크 네임스페이스 NS 안에서 실행합니다.') },
  { pattern: 'ip neigh', doc: loc('Shows or changes the neighbour (ARP) table: which MAC address answers for which IP.', '이웃(ARP) 테이블을 보거나 바꿉니다. 어느 IP에 어느 MAC 주소가 답하는지입니다.') },
  { pattern: 'ip rule', doc: loc('Policy routing rules: which routing table a packet looks up.', '정책 라우팅 규칙: 패킷이 어느 라우팅 테이블을 찾아볼지 정합니다.') },
  { pattern: 'sysctl -w net.ipv4.ip_forward=1', doc: loc('Turns on IP forwarding: the host routes packets between its interfaces (a router). Off by default.', 'IP 포워딩을 켭니다. 호스트가 인터페이스 사이로 패킷을 전달합니다(라우터). 기본값은 꺼짐입니다.') },
  { pattern: 'sysctl -w net.ipv4.ip_forward=0', doc: loc('Turns off IP forwarding: the host no longer routes packets for others.', 'IP 포워딩을 끕니다. 호스트가 더는 남의 패킷을 전달하지 않습니다.') },
  { pattern: 'sysctl -w', doc: loc('Sets a kernel parameter (net.ipv4.ip_forward, net.ipv4.conf.DEV.forwarding...).', '커널 매개변수(net.ipv4.ip_forward, net.ipv4.conf.장치.forwarding...)를 설정합니다.') },
  { pattern: 'sysctl', doc: loc('Reads or sets kernel parameters.', '커널 매개변수를 읽거나 설정합니다.') },
  { pattern: 'bridge fdb', doc: loc('Shows a bridge\'s forwarding database: which MAC address is behind which port.', '브리지의 포워딩 데이터베이스를 보여 줍니다. 어느 MAC 주소가 어느 포트 뒤에 있는지입니다.') },
  { pattern: 'bridge link', doc: loc('Shows the bridge ports.', '브리지 포트를 보여 줍니다.') },
  { pattern: 'ping', doc: loc('Sends ICMP echo requests and waits for the replies.', 'ICMP echo 요청을 보내고 응답을 기다립니다.') },
  { pattern: 'echo 1 > /proc/sys/net/ipv4/ip_forward', doc: loc('Turns on IP forwarding, as `sysctl -w net.ipv4.ip_forward=1` does.', '`sysctl -w net.ipv4.ip_forward=1`처럼 IP 포워딩을 켭니다.') },
];

function matches(pattern: readonly string[], words: readonly string[]): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === pattern.length) return true; // a prefix: the rest of the line is free
    const p = pattern[i]!;
    if (p === '...') {
      for (let k = j; k <= words.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    if (j >= words.length) return false;
    return (p === '*' || p === words[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** iproute2 accepts any prefix of an object name: `ip a`, `ip ad`, `ip r`, `ip l`. */
const IP_OBJECTS: Record<string, string> = { a: 'addr', ad: 'addr', add: 'addr', addr: 'addr', address: 'address', r: 'route', ro: 'route', rou: 'route', route: 'route', l: 'link', li: 'link', link: 'link', n: 'neigh', ne: 'neigh', neigh: 'neigh', neighbor: 'neigh', neighbour: 'neigh', netns: 'netns', ru: 'rule', rule: 'rule' };
const IP_VERBS: Record<string, string> = { a: 'add', add: 'add', d: 'del', del: 'del', delete: 'del', s: 'show', sh: 'show', show: 'show', ls: 'show', list: 'show', set: 'set', replace: 'replace', get: 'get', exec: 'exec' };

/** The words of a command with iproute2's short forms spelled out (`ip a a` -> `ip addr add`). */
export function normaliseCommand(words: readonly string[]): string[] {
  if (words[0] !== 'ip') return [...words];
  const out = ['ip'];
  let i = 1;
  // keep -br / -4 / -n NS style options in place
  while (i < words.length && words[i]!.startsWith('-')) {
    out.push(words[i]!);
    if ((words[i] === '-n' || words[i] === '-netns') && i + 1 < words.length) out.push(words[++i]!);
    i++;
  }
  if (i < words.length) out.push(IP_OBJECTS[words[i++]!] ?? words[i - 1]!);
  if (i < words.length) out.push(IP_VERBS[words[i++]!] ?? words[i - 1]!);
  out.push(...words.slice(i));
  return out;
}

/** The table's best entry for a command (its words), if any. */
export function describeCommand(words: readonly string[]): CommandDoc | undefined {
  const norm = normaliseCommand(words);
  // `ip -n NS link set ...` reads as `ip link set ...` for the table; `ip -n` alone is the fallback.
  const withoutNs = norm[0] === 'ip' && norm[1] === '-n' ? ['ip', ...norm.slice(3)] : norm;
  let best: CommandDoc | undefined;
  let bestLen = -1;
  for (const c of COMMAND_DOCS) {
    const pat = c.pattern.split(' ');
    const score = pat.filter((w) => w !== '...').length;
    if (score > bestLen && (matches(pat, norm) || matches(pat, withoutNs))) {
      best = c;
      bestLen = score;
    }
  }
  return best;
}
