/**
 * What the forms of `ip` do, in both languages, for the editor's hovers over run lines (ipSpec in
 * index.ts carries them to the registry). A pattern is a list of words: `*` stands for any one word,
 * `...` for any words; the longest matching pattern wins, the first of equal length.
 */
import { loc } from '../../text/i18n';
import type { CommandForm } from '../types';

export const IP_FORMS: readonly CommandForm[] = [
  {
    pattern: 'ip addr add',
    doc: loc(
      'Adds an IP address (ADDR/LEN) to an interface; the kernel also adds the connected route for its subnet.',
      '인터페이스에 IP 주소(주소/길이)를 더합니다. 커널은 그 서브넷의 연결 라우트도 함께 추가합니다.',
    ),
  },
  {
    pattern: 'ip address add',
    doc: loc(
      'Adds an IP address (ADDR/LEN) to an interface; the kernel also adds the connected route for its subnet.',
      '인터페이스에 IP 주소(주소/길이)를 더합니다. 커널은 그 서브넷의 연결 라우트도 함께 추가합니다.',
    ),
  },
  {
    pattern: 'ip addr del',
    doc: loc(
      'Removes an address from an interface, and the connected route that came with it.',
      '인터페이스에서 주소를 지우고, 함께 생긴 연결 라우트도 지웁니다.',
    ),
  },
  { pattern: 'ip addr', doc: loc('Shows the interfaces and their addresses.', '인터페이스와 그 주소를 보여 줍니다.') },
  {
    pattern: 'ip -br addr',
    doc: loc('Shows one line per interface: name, state and addresses.', '인터페이스마다 한 줄로 이름, 상태, 주소를 보여 줍니다.'),
  },
  {
    pattern: 'ip route add',
    doc: loc(
      'Adds a route: packets for DESTINATION go through the gateway (via) or straight out of the interface (dev).',
      '라우트를 추가합니다. 목적지로 가는 패킷은 게이트웨이(via)를 거치거나 인터페이스(dev)로 바로 나갑니다.',
    ),
  },
  {
    pattern: 'ip route add default',
    doc: loc(
      'Adds the default route: packets for any destination no other route covers go to this gateway.',
      '기본 라우트를 추가합니다. 다른 라우트가 다루지 않는 모든 목적지의 패킷이 이 게이트웨이로 갑니다.',
    ),
  },
  {
    pattern: 'ip route replace',
    doc: loc('Adds a route, or replaces the one with the same destination.', '라우트를 추가하거나, 목적지가 같은 라우트를 바꿉니다.'),
  },
  { pattern: 'ip route del', doc: loc('Deletes a route.', '라우트를 지웁니다.') },
  {
    pattern: 'ip route get',
    doc: loc(
      'Asks the kernel which route a packet to this address would take.',
      '이 주소로 가는 패킷이 어느 라우트를 탈지 커널에 묻습니다.',
    ),
  },
  { pattern: 'ip route', doc: loc('Shows the routing table (main).', '라우팅 테이블(main)을 보여 줍니다.') },
  {
    pattern: 'ip link add ... type veth',
    doc: loc(
      'Creates a veth pair: two virtual interfaces joined by a cable; what enters one end leaves the other (peer name NAME).',
      'veth 쌍을 만듭니다. 케이블로 이어진 두 가상 인터페이스로, 한쪽에 들어간 것이 다른 쪽(peer name 이름)으로 나옵니다.',
    ),
  },
  {
    pattern: 'ip link add ... type bridge',
    doc: loc(
      'Creates a Linux bridge: a virtual switch inside the host; attach ports with `ip link set DEV master BRIDGE`.',
      '리눅스 브리지(호스트 안의 가상 스위치)를 만듭니다. 포트는 `ip link set 장치 master 브리지`로 붙입니다.',
    ),
  },
  {
    pattern: 'ip link add ... type dummy',
    doc: loc(
      'Creates a dummy interface: it holds addresses but leads nowhere.',
      'dummy 인터페이스를 만듭니다. 주소를 가질 수 있지만 어디로도 이어지지 않습니다.',
    ),
  },
  {
    pattern: 'ip link add',
    doc: loc(
      'Creates a virtual interface (type veth, bridge, dummy...). A new interface starts down.',
      '가상 인터페이스(type veth, bridge, dummy...)를 만듭니다. 새 인터페이스는 down 상태로 시작합니다.',
    ),
  },
  {
    pattern: 'ip link del',
    doc: loc('Deletes an interface (both ends, for a veth pair).', '인터페이스를 지웁니다(veth 쌍이면 양쪽 모두).'),
  },
  {
    pattern: 'ip link set ... up',
    doc: loc(
      'Brings an interface up: until then it sends and receives nothing. A veth end carries traffic only when its peer is up too.',
      '인터페이스를 up으로 올립니다. 그전에는 아무것도 주고받지 않습니다. veth 한쪽은 상대편도 up일 때만 트래픽을 나릅니다.',
    ),
  },
  {
    pattern: 'ip link set ... down',
    doc: loc('Brings an interface down: it stops sending and receiving.', '인터페이스를 down으로 내립니다. 주고받기를 멈춥니다.'),
  },
  {
    pattern: 'ip link set ... master',
    doc: loc('Attaches an interface to a bridge as one of its ports.', '인터페이스를 브리지의 포트로 붙입니다.'),
  },
  { pattern: 'ip link set ... nomaster', doc: loc('Detaches an interface from its bridge.', '인터페이스를 브리지에서 뗍니다.') },
  {
    pattern: 'ip link set ... netns',
    doc: loc(
      'Moves an interface into another network namespace; it loses its addresses and goes down.',
      '인터페이스를 다른 네트워크 네임스페이스로 옮깁니다. 주소를 잃고 down 상태가 됩니다.',
    ),
  },
  {
    pattern: 'ip link set',
    doc: loc(
      'Changes an interface: up/down, master, netns, address, mtu...',
      '인터페이스를 바꿉니다: up/down, master, netns, address, mtu...',
    ),
  },
  {
    pattern: 'ip link',
    doc: loc('Shows the interfaces: state, MAC address, master.', '인터페이스의 상태, MAC 주소, master를 보여 줍니다.'),
  },
  {
    pattern: 'ip netns add',
    doc: loc(
      'Creates a network namespace: its own interfaces (only a down lo at first), routes and neighbour table.',
      '네트워크 네임스페이스를 만듭니다. 자기만의 인터페이스(처음엔 down 상태인 lo뿐), 라우트, 이웃 테이블을 가집니다.',
    ),
  },
  { pattern: 'ip netns del', doc: loc('Deletes a network namespace.', '네트워크 네임스페이스를 지웁니다.') },
  {
    pattern: 'ip netns exec',
    doc: loc(
      'Runs the rest of the line inside the named network namespace.',
      '줄의 나머지를 지정한 네트워크 네임스페이스 안에서 실행합니다.',
    ),
  },
  { pattern: 'ip netns', doc: loc('Lists the network namespaces.', '네트워크 네임스페이스 목록을 보여 줍니다.') },
  {
    pattern: 'ip -n',
    doc: loc(
      '`ip -n NS ...`: the same `ip` command, inside network namespace NS.',
      '`ip -n NS ...`: 같은 `ip` 명령을 네트워크 네임스페이스 NS 안에서 실행합니다.',
    ),
  },
  {
    pattern: 'ip neigh',
    doc: loc(
      'Shows or changes the neighbour (ARP) table: which MAC address answers for which IP.',
      '이웃(ARP) 테이블을 보거나 바꿉니다. 어느 IP에 어느 MAC 주소가 답하는지입니다.',
    ),
  },
  {
    pattern: 'ip rule',
    doc: loc(
      'Policy routing rules: which routing table a packet looks up.',
      '정책 라우팅 규칙: 패킷이 어느 라우팅 테이블을 찾아볼지 정합니다.',
    ),
  },
];
