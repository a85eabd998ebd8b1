/**
 * What each word of an iptables line says, for the editor's hovers: a table (`-t nat`), a target
 * (`-j MASQUERADE`, or a jump to a user chain), a match module (`-m conntrack`), a chain
 * (`POSTROUTING` of the nat table), a policy, an option (`--dport`, `--to-destination`). The words
 * are read as iptables reads them (netfilter/options.ts: `--to` is `--to-destination` after `-j DNAT`).
 */
import { type Localized, loc } from '../text/i18n';
import { ro } from '../text/particle';
import { COMMANDS, GENERIC } from '../netfilter/options';
import type { WordDoc } from './types';

const TABLES: Readonly<Record<string, Localized>> = {
  filter: loc(
    'The filter table (the default): rules that let packets through or stop them, at INPUT, FORWARD and OUTPUT.',
    'filter 테이블(기본값): 패킷을 통과시키거나 막는 규칙이 INPUT, FORWARD, OUTPUT 체인에 있습니다.',
  ),
  nat: loc(
    "The nat table: address translation, decided on a connection's first packet (DNAT at PREROUTING and OUTPUT, SNAT and MASQUERADE at POSTROUTING); conntrack applies it to the rest of the connection and reverses it for the replies.",
    'nat 테이블: 주소 변환을 연결의 첫 패킷에서 정합니다(PREROUTING과 OUTPUT에서 DNAT, POSTROUTING에서 SNAT과 MASQUERADE). 연결의 나머지 패킷에는 conntrack이 같은 변환을 적용하고 응답은 되돌립니다.',
  ),
  mangle: loc(
    "The mangle table: rules that change a packet's marks and header fields (MARK), at every hook.",
    'mangle 테이블: 패킷의 마크나 헤더 필드를 바꾸는 규칙(MARK)이 모든 훅에 있습니다.',
  ),
  raw: loc(
    'The raw table: rules seen before conntrack, at PREROUTING and OUTPUT.',
    'raw 테이블: conntrack보다 먼저 보는 규칙이 PREROUTING과 OUTPUT 체인에 있습니다.',
  ),
};

const CHAINS: Readonly<Record<string, Localized>> = {
  PREROUTING: loc(
    'Every packet that arrives, before the routing decision: destination NAT (DNAT, REDIRECT) goes here.',
    '들어온 모든 패킷을 라우팅 결정 전에 봅니다. 목적지 NAT(DNAT, REDIRECT)가 여기에 들어갑니다.',
  ),
  INPUT: loc('Packets addressed to this host (its own sockets), after routing.', '라우팅 뒤, 이 호스트(자신의 소켓)로 가는 패킷을 봅니다.'),
  FORWARD: loc(
    'Packets this host forwards from one interface to another (a router); it needs net.ipv4.ip_forward=1.',
    '이 호스트가 한 인터페이스에서 다른 인터페이스로 포워딩하는 패킷을 봅니다(라우터). net.ipv4.ip_forward=1이 필요합니다.',
  ),
  OUTPUT: loc('Packets this host sends itself, after their route is chosen.', '이 호스트가 직접 보내는 패킷을 라우트를 고른 뒤에 봅니다.'),
  POSTROUTING: loc(
    'Every packet about to leave, after routing: source NAT (MASQUERADE, SNAT) goes here.',
    '나가려는 모든 패킷을 라우팅 뒤에 봅니다. 출발지 NAT(MASQUERADE, SNAT)가 여기에 들어갑니다.',
  ),
};

const TARGETS: Readonly<Record<string, Localized>> = {
  ACCEPT: loc(
    "Lets the packet through this table's chain: no later rule of the table sees it.",
    '패킷을 이 테이블의 체인에서 통과시킵니다. 이 테이블의 뒤쪽 규칙은 패킷을 보지 않습니다.',
  ),
  DROP: loc(
    'Drops the packet silently: the sender hears nothing and times out.',
    '패킷을 조용히 버립니다. 보낸 쪽은 아무 응답도 받지 못하고 시간이 초과됩니다.',
  ),
  REJECT: loc(
    'Drops the packet and answers the sender: an ICMP error (port unreachable by default, --reject-with) or a TCP reset.',
    '패킷을 버리고 보낸 쪽에 응답합니다: ICMP 오류(기본은 port unreachable, --reject-with로 바꿈)나 TCP RST.',
  ),
  RETURN: loc(
    "Goes back to the chain that jumped here; in a built-in chain, the chain's policy decides.",
    '이 체인으로 점프한 체인으로 돌아갑니다. 기본 체인에서는 체인의 정책이 결정합니다.',
  ),
  LOG: loc('Logs the packet (the kernel log) and goes on to the next rule.', '패킷을 커널 로그에 남기고 다음 규칙으로 넘어갑니다.'),
  MARK: loc(
    "Sets the packet's mark (--set-mark, --set-xmark), which later rules and routing rules can match; goes on to the next rule.",
    '패킷의 마크를 정합니다(--set-mark, --set-xmark). 뒤의 규칙이나 라우팅 규칙이 이 마크를 매치할 수 있고, 다음 규칙으로 넘어갑니다.',
  ),
  DNAT: loc(
    "Destination NAT (nat table, PREROUTING or OUTPUT): the connection's destination becomes --to-destination; port forwarding.",
    '목적지 NAT(nat 테이블, PREROUTING이나 OUTPUT): 연결의 목적지를 --to-destination으로 바꿉니다. 포트 포워딩입니다.',
  ),
  SNAT: loc(
    "Source NAT (nat table, POSTROUTING or INPUT): the connection's source becomes --to-source.",
    '출발지 NAT(nat 테이블, POSTROUTING이나 INPUT): 연결의 출발지를 --to-source로 바꿉니다.',
  ),
  MASQUERADE: loc(
    'Source NAT to the address of the interface the packet leaves by (nat table, POSTROUTING): how a private network, a namespace or a container reaches out; replies are translated back.',
    '패킷이 나가는 인터페이스의 주소로 바꾸는 출발지 NAT(nat 테이블, POSTROUTING): 사설 네트워크, 네임스페이스, 컨테이너가 밖과 통신하는 방법입니다. 응답은 다시 원래 주소로 바뀝니다.',
  ),
  REDIRECT: loc(
    'Destination NAT to this host itself (nat table, PREROUTING or OUTPUT), to --to-ports if given.',
    '이 호스트 자신으로 가는 목적지 NAT(nat 테이블, PREROUTING이나 OUTPUT)입니다. --to-ports가 있으면 그 포트로 보냅니다.',
  ),
};

const MATCHES: Readonly<Record<string, Localized>> = {
  tcp: loc(
    'TCP ports and flags: --sport, --dport (a port or a range a:b), --tcp-flags, --syn; -p tcp loads it by itself.',
    'TCP 포트와 플래그: --sport, --dport(포트나 a:b 범위), --tcp-flags, --syn. -p tcp가 자동으로 불러옵니다.',
  ),
  udp: loc(
    'UDP ports: --sport, --dport (a port or a range a:b); -p udp loads it by itself.',
    'UDP 포트: --sport, --dport(포트나 a:b 범위). -p udp가 자동으로 불러옵니다.',
  ),
  icmp: loc('The ICMP type: --icmp-type (echo-request, ...).', 'ICMP 타입: --icmp-type(echo-request 등).'),
  conntrack: loc(
    "The connection's state as conntrack tracks it: --ctstate NEW, ESTABLISHED, RELATED, INVALID.",
    'conntrack이 추적하는 연결 상태: --ctstate NEW, ESTABLISHED, RELATED, INVALID.',
  ),
  state: loc(
    'The older form of -m conntrack --ctstate: --state NEW, ESTABLISHED, RELATED, INVALID.',
    '-m conntrack --ctstate의 옛 형태: --state NEW, ESTABLISHED, RELATED, INVALID.',
  ),
  addrtype: loc(
    'The kind of the source or destination address: --src-type, --dst-type LOCAL (an address of this host), UNICAST, BROADCAST...',
    '출발지나 목적지 주소의 종류: --src-type, --dst-type LOCAL(이 호스트의 주소), UNICAST, BROADCAST 등.',
  ),
  statistic: loc(
    'Matches some packets only: --mode random --probability P, or --mode nth --every N --packet K (how kube-proxy spreads connections over backends).',
    '일부 패킷만 매치합니다: --mode random --probability P, 또는 --mode nth --every N --packet K(kube-proxy가 연결을 백엔드에 나누는 방법).',
  ),
  comment: loc(
    'A comment for the reader (--comment TEXT); it matches every packet.',
    '읽는 사람을 위한 주석(--comment 텍스트)이며 모든 패킷을 매치합니다.',
  ),
  mark: loc("The packet's mark (--mark VALUE[/MASK]), set by a MARK rule.", '패킷의 마크(--mark 값[/마스크])이며, MARK 규칙이 정합니다.'),
  multiport: loc(
    'Several ports in one rule: --dports, --sports, --ports 80,443,8000:8080.',
    '한 규칙에 여러 포트: --dports, --sports, --ports 80,443,8000:8080.',
  ),
  physdev: loc(
    'The bridge ports a bridged packet came in and goes out by: --physdev-in, --physdev-out (br_netfilter).',
    '브리지를 지나는 패킷이 들어오고 나가는 브리지 포트: --physdev-in, --physdev-out(br_netfilter).',
  ),
};

/** The generic options by their short letter, and the commands by theirs. */
const OPTIONS: Readonly<Record<string, Localized>> = {
  t: loc('The table the command works on (filter by default).', '명령이 다룰 테이블(기본 filter).'),
  A: loc('Appends a rule at the end of the chain.', '체인의 끝에 규칙을 추가합니다.'),
  I: loc('Inserts a rule at the head of the chain (or at position N).', '체인의 맨 앞(또는 N번째)에 규칙을 넣습니다.'),
  D: loc(
    'Deletes a rule of the chain: the first that reads the same, or number N.',
    '체인의 규칙을 지웁니다: 같은 내용의 첫 규칙, 또는 N번 규칙.',
  ),
  R: loc('Replaces rule number N of the chain.', '체인의 N번 규칙을 바꿉니다.'),
  C: loc('Checks whether the chain has this rule (exit status 0 if so).', '체인에 이 규칙이 있는지 확인합니다(있으면 종료 상태 0).'),
  N: loc('Creates a user chain, which rules reach with -j.', '사용자 체인을 만듭니다. 규칙이 -j로 이 체인에 점프합니다.'),
  X: loc(
    'Deletes a user chain (it must be empty and unreferenced).',
    '사용자 체인을 지웁니다(비어 있고 아무 규칙도 점프하지 않아야 합니다).',
  ),
  F: loc('Flushes: deletes every rule of the chain (or of the table).', '체인(또는 테이블)의 모든 규칙을 지웁니다.'),
  Z: loc('Zeroes the packet and byte counters.', '패킷과 바이트 카운터를 0으로 만듭니다.'),
  P: loc(
    "Sets a built-in chain's policy (ACCEPT or DROP): what happens to a packet no rule decided.",
    '기본 체인의 정책(ACCEPT나 DROP)을 정합니다. 어느 규칙도 결정하지 않은 패킷의 운명입니다.',
  ),
  E: loc('Renames a user chain; the jumps to it follow.', '사용자 체인의 이름을 바꿉니다. 그 체인으로 가는 점프도 따라 바뀝니다.'),
  L: loc(
    'Lists the rules as a table (-n numeric, -v counters, --line-numbers).',
    '규칙을 표로 보여 줍니다(-n 숫자로, -v 카운터, --line-numbers 번호).',
  ),
  S: loc(
    'Prints the rules as commands (-P, -N, -A lines), as iptables-save does.',
    '규칙을 명령 형태(-P, -N, -A 줄)로 출력합니다. iptables-save와 같은 형식입니다.',
  ),
  s: loc('Matches the source address or network (! inverts it).', '출발지 주소나 네트워크를 매치합니다(!는 반대).'),
  d: loc('Matches the destination address or network (! inverts it).', '목적지 주소나 네트워크를 매치합니다(!는 반대).'),
  p: loc(
    'Matches the protocol (tcp, udp, icmp, all); tcp and udp then take --dport and --sport.',
    '프로토콜(tcp, udp, icmp, all)을 매치합니다. tcp와 udp 뒤에는 --dport, --sport를 쓸 수 있습니다.',
  ),
  i: loc(
    'Matches the interface the packet came in by (eth+ for every eth...).',
    '패킷이 들어온 인터페이스를 매치합니다(eth+는 eth로 시작하는 모든 인터페이스).',
  ),
  o: loc(
    'Matches the interface the packet goes out by (eth+ for every eth...).',
    '패킷이 나갈 인터페이스를 매치합니다(eth+는 eth로 시작하는 모든 인터페이스).',
  ),
  j: loc(
    "The rule's target: what happens to a packet it matches (ACCEPT, DROP, DNAT...), or a user chain to jump to.",
    '규칙의 타깃: 매치한 패킷에 할 일(ACCEPT, DROP, DNAT 등)이나 점프할 사용자 체인.',
  ),
  g: loc(
    'Goes to a user chain without coming back: its RETURN ends this chain too.',
    '돌아오지 않고 사용자 체인으로 갑니다. 그 체인의 RETURN은 이 체인도 끝냅니다.',
  ),
  m: loc(
    'Loads a match module, whose options follow (-m conntrack --ctstate ...).',
    '매치 모듈을 불러옵니다. 그 옵션이 뒤에 옵니다(-m conntrack --ctstate ...).',
  ),
  n: loc('Numeric output: addresses and ports without names.', '숫자로 출력합니다: 주소와 포트를 이름으로 바꾸지 않습니다.'),
  v: loc('Verbose: counters and interfaces in -L.', '자세히: -L에 카운터와 인터페이스를 보여 줍니다.'),
  '0': loc('Numbers the rules in -L (the numbers -D, -I and -R take).', '-L에서 규칙에 번호를 붙입니다(-D, -I, -R이 받는 번호).'),
  c: loc(
    'PACKETS BYTES: the counters the rule starts with (-A, -I, -R), as iptables-save -c prints them.',
    '패킷 수 바이트 수: 규칙의 카운터 초깃값(-A, -I, -R). iptables-save -c가 출력하는 값입니다.',
  ),
};

/** The module options, by their long name. */
const MODULE_OPTIONS: Readonly<Record<string, Localized>> = {
  dport: loc('The destination port or range (a:b); ! inverts it.', '목적지 포트나 범위(a:b). !는 반대.'),
  sport: loc('The source port or range (a:b); ! inverts it.', '출발지 포트나 범위(a:b). !는 반대.'),
  ctstate: loc(
    'Connection states, comma-separated: NEW, ESTABLISHED, RELATED, INVALID.',
    '쉼표로 구분한 연결 상태: NEW, ESTABLISHED, RELATED, INVALID.',
  ),
  state: loc(
    'Connection states, comma-separated: NEW, ESTABLISHED, RELATED, INVALID.',
    '쉼표로 구분한 연결 상태: NEW, ESTABLISHED, RELATED, INVALID.',
  ),
  'to-destination': loc('The new destination: ADDRESS[:PORT] (DNAT).', '새 목적지: 주소[:포트] (DNAT).'),
  'to-source': loc('The new source: ADDRESS[:PORT] (SNAT).', '새 출발지: 주소[:포트] (SNAT).'),
  'to-ports': loc('The port or range the connection is given (MASQUERADE, REDIRECT).', '연결에 줄 포트나 범위 (MASQUERADE, REDIRECT).'),
  'reject-with': loc(
    'What REJECT answers: icmp-port-unreachable (default), icmp-host-prohibited, tcp-reset...',
    'REJECT가 보낼 응답: icmp-port-unreachable(기본), icmp-host-prohibited, tcp-reset 등.',
  ),
  comment: loc('The comment text.', '주석 텍스트.'),
  probability: loc('The chance, from 0 to 1, that a packet matches (--mode random).', '패킷이 매치될 확률, 0부터 1까지 (--mode random).'),
  mode: loc('random (--probability) or nth (--every, --packet).', 'random(--probability)이나 nth(--every, --packet).'),
  'set-mark': loc('The mark to set: VALUE[/MASK].', '정할 마크: 값[/마스크].'),
  'set-xmark': loc(
    'The mark to set: VALUE[/MASK], the bits of MASK cleared first.',
    '정할 마크: 값[/마스크]. MASK의 비트를 먼저 지웁니다.',
  ),
  'src-type': loc('The kind of source address: LOCAL, UNICAST, BROADCAST...', '출발지 주소의 종류: LOCAL, UNICAST, BROADCAST 등.'),
  'dst-type': loc('The kind of destination address: LOCAL, UNICAST, BROADCAST...', '목적지 주소의 종류: LOCAL, UNICAST, BROADCAST 등.'),
  dports: loc('Destination ports, comma-separated (ranges a:b).', '쉼표로 구분한 목적지 포트(a:b 범위).'),
  sports: loc('Source ports, comma-separated (ranges a:b).', '쉼표로 구분한 출발지 포트(a:b 범위).'),
  'icmp-type': loc('The ICMP type (echo-request, echo-reply, ...) or its number.', 'ICMP 타입(echo-request, echo-reply 등)이나 그 번호.'),
  'log-prefix': loc('Text put before the log line.', '로그 줄 앞에 붙일 텍스트.'),
  'tcp-flags': loc(
    'MASK COMP: of the TCP flags in MASK (SYN,ACK,FIN,RST,URG,PSH, ALL, NONE), exactly those in COMP are set.',
    'MASK COMP: MASK에 적은 TCP 플래그(SYN,ACK,FIN,RST,URG,PSH, ALL, NONE) 가운데 COMP에 적은 것만 켜져 있어야 합니다.',
  ),
  syn: loc(
    "A connection's first segment: SYN set, ACK, RST and FIN clear (--tcp-flags FIN,SYN,RST,ACK SYN).",
    '연결의 첫 세그먼트: SYN만 켜지고 ACK, RST, FIN은 꺼져 있습니다(--tcp-flags FIN,SYN,RST,ACK SYN).',
  ),
  'limit-iface-in': loc(
    'The address type is looked up for the interface the packet came in by only (an address of another interface is not LOCAL).',
    '주소 종류를 패킷이 들어온 인터페이스 기준으로만 봅니다(다른 인터페이스의 주소는 LOCAL이 아닙니다).',
  ),
  'limit-iface-out': loc(
    'The address type is looked up for the interface the packet goes out by only.',
    '주소 종류를 패킷이 나갈 인터페이스 기준으로만 봅니다.',
  ),
};

const TAKES_CHAIN = new Set(['A', 'I', 'D', 'R', 'C', 'N', 'X', 'F', 'Z', 'P', 'E', 'L', 'S']);
const POLICY = loc(
  'A policy: what the chain does with a packet no rule decided (ACCEPT lets it through, DROP drops it).',
  '정책: 어느 규칙도 결정하지 않은 패킷을 체인이 어떻게 할지입니다(ACCEPT는 통과, DROP은 버림).',
);

/** The generic option or command a word is (`-t`, `--table`, `-A`), by its short letter. */
function letterOf(word: string): string | undefined {
  if (/^-[^-]$/.test(word)) return word.slice(1);
  if (!word.startsWith('--')) return undefined;
  const name = word.slice(2).split('=')[0]!;
  return GENERIC[name]?.[0] ?? COMMANDS[name];
}

function tableOf(words: readonly string[]): string {
  for (let i = 1; i + 1 < words.length; i++) if (letterOf(words[i]!) === 't') return words[i + 1]!;
  return 'filter';
}

function chainDoc(name: string, table: string): WordDoc {
  const builtin = CHAINS[name];
  if (builtin) {
    const t = TABLES[table] ? table : 'filter';
    return {
      title: `${name} (${t})`,
      doc: loc(`The ${t} table's ${name} chain. ${builtin.en}`, `${t} 테이블의 ${name} 체인. ${builtin.ko}`),
    };
  }
  return {
    title: name,
    doc: loc(
      `A user chain (made with -N ${name}): its rules run when a rule jumps to it with -j ${name}.`,
      `사용자 체인(${ro(`-N ${name}`)} 만듦): 어떤 규칙이 ${ro(`-j ${name}`)} 점프하면 이 체인의 규칙이 실행됩니다.`,
    ),
  };
}

/** The value after an option, read in its light: a table, a target, a match module, a chain. */
function valueDoc(opt: string, value: string, words: readonly string[]): WordDoc | undefined {
  const letter = letterOf(opt);
  if (letter === 't') {
    const d = TABLES[value];
    return d && { title: `-t ${value}`, doc: d };
  }
  if (letter === 'j' || letter === 'g') {
    const d = letter === 'j' ? TARGETS[value] : undefined;
    if (d) return { title: `-j ${value}`, doc: d };
    const c = chainDoc(value, tableOf(words));
    return {
      title: `${letter === 'g' ? '-g' : '-j'} ${value}`,
      doc: loc(
        `${letter === 'g' ? 'Goes to' : 'Jumps to'} a chain. ${c.doc.en}`,
        `체인으로 ${letter === 'g' ? '갑니다' : '점프합니다'}. ${c.doc.ko}`,
      ),
    };
  }
  if (letter === 'm') {
    const d = MATCHES[value];
    return d && { title: `-m ${value}`, doc: d };
  }
  if (letter && TAKES_CHAIN.has(letter) && COMMANDS[letter]) return chainDoc(value, tableOf(words));
  return undefined;
}

/** What the word at `index` of an iptables line's words says, where iptables gives it a meaning. */
export function explainIptablesWord(words: readonly string[], index: number): WordDoc | undefined {
  const word = words[index];
  if (index < 1 || word === undefined) return undefined;
  const prev = words[index - 1];
  // a policy after -P CHAIN
  if (index >= 2 && letterOf(words[index - 2]!) === 'P' && (word === 'ACCEPT' || word === 'DROP'))
    return { title: `-P ${prev} ${word}`, doc: POLICY };
  if (prev !== undefined && index > 1 && prev.startsWith('-') && !word.startsWith('-')) {
    const v = valueDoc(prev, word, words);
    if (v) return v;
  }
  if (!word.startsWith('-')) return undefined;
  const letter = letterOf(word);
  // `-j MASQUERADE`, `-t nat`, `-m conntrack`: the pair, on either word
  if ((letter === 'j' || letter === 't' || letter === 'm' || letter === 'g') && words[index + 1] !== undefined) {
    const v = valueDoc(word, words[index + 1]!, words);
    if (v) return v;
  }
  if (letter && OPTIONS[letter]) return { title: word, doc: OPTIONS[letter] };
  const given = word.replace(/^--?/, '').split('=')[0]!;
  // getopt_long takes a unique prefix (`--to-dest`)
  const names = Object.keys(MODULE_OPTIONS);
  const hits = names.filter((n) => n.startsWith(given));
  const name = names.includes(given) ? given : hits.length === 1 ? hits[0]! : undefined;
  return name === undefined ? undefined : { title: `--${name}`, doc: MODULE_OPTIONS[name]! };
}
