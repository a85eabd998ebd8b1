/**
 * Hover texts for the resolver's files, in English and Korean: resolv.conf's keywords and options,
 * nsswitch.conf's statuses, actions and hosts sources. Each says what glibc 2.36 does with it.
 */
import { loc, type Localized } from '../../text/i18n';

export const RESOLV_KEYWORD_DOCS: Readonly<Record<string, Localized>> = {
  nameserver: loc(
    'nameserver ADDRESS: a DNS server to ask (IPv4 or IPv6). glibc uses the first 3 (MAXNS), in order unless `options rotate`; with none, 127.0.0.1.',
    'nameserver 주소: 물어볼 DNS 서버(IPv4 또는 IPv6). glibc는 앞의 3개(MAXNS)만 `options rotate`가 없으면 순서대로 씁니다. 하나도 없으면 127.0.0.1에 묻습니다.',
  ),
  search: loc(
    'search DOMAIN...: the search list, tried after (or before, see ndots) the name itself. It replaces any earlier search or domain line.',
    'search 도메인...: 검색 목록. 이름 자체보다 뒤에(ndots에 따라 앞에) 붙여 봅니다. 앞에 있는 search나 domain 줄을 대신합니다.',
  ),
  domain: loc(
    "domain DOMAIN: a search list of one domain (the first word). It replaces any earlier search or domain line; without either, glibc takes the host name's domain.",
    'domain 도메인: 도메인 하나(첫 단어)뿐인 검색 목록. 앞에 있는 search나 domain 줄을 대신합니다. 둘 다 없으면 glibc는 호스트 이름의 도메인을 씁니다.',
  ),
  options: loc(
    'options OPTION...: resolver options (ndots:N, timeout:N, attempts:N, rotate, edns0, single-request, ...). glibc matches each by its start and ignores unknown ones.',
    'options 옵션...: 리졸버 옵션(ndots:N, timeout:N, attempts:N, rotate, edns0, single-request 등). glibc는 각 옵션을 앞부분으로 맞춰 보고 모르는 옵션은 무시합니다.',
  ),
  sortlist: loc(
    'sortlist ADDRESS[/MASK]...: the order gethostbyname sorts IPv4 answers in (getaddrinfo ignores it).',
    'sortlist 주소[/마스크]...: gethostbyname이 IPv4 응답을 정렬하는 순서(getaddrinfo는 무시합니다).',
  ),
};

export const RESOLV_OPTION_DOCS: Readonly<Record<string, Localized>> = {
  ndots: loc(
    'ndots:N (default 1, at most 15): a name with at least N dots is asked as it is before the search list.',
    'ndots:N (기본값 1, 최대 15): 점이 N개 이상인 이름은 검색 목록보다 먼저 그대로 물어봅니다.',
  ),
  timeout: loc(
    "timeout:N (default 5, at most 30): seconds to wait for a server's answer before the next try.",
    'timeout:N (기본값 5, 최대 30): 다음 시도 전에 서버의 응답을 기다리는 초.',
  ),
  attempts: loc(
    'attempts:N (default 2, at most 5): how many rounds over the name servers.',
    'attempts:N (기본값 2, 최대 5): 네임서버들을 몇 바퀴 돌며 물어볼지.',
  ),
  rotate: loc(
    'rotate: start from a random name server instead of always the first.',
    'rotate: 늘 첫 번째가 아니라 임의의 네임서버부터 물어봅니다.',
  ),
  edns0: loc('edns0: add an EDNS0 record to queries (larger UDP answers).', 'edns0: 질의에 EDNS0 레코드를 붙입니다(더 큰 UDP 응답).'),
  'single-request': loc(
    'single-request: send the A and AAAA queries one after the other, not in parallel from one socket.',
    'single-request: A와 AAAA 질의를 한 소켓에서 동시에 보내지 않고 차례로 보냅니다.',
  ),
  'single-request-reopen': loc(
    'single-request-reopen: send the AAAA query from a new socket after the A answer.',
    'single-request-reopen: A 응답을 받은 뒤 새 소켓에서 AAAA 질의를 보냅니다.',
  ),
  'no-tld-query': loc(
    'no-tld-query (or no_tld_query): a name without a dot is never asked as it is after the search list.',
    'no-tld-query (또는 no_tld_query): 점이 없는 이름은 검색 목록 뒤에 그대로 물어보지 않습니다.',
  ),
  no_tld_query: loc(
    'no_tld_query: the older spelling of no-tld-query, read the same way.',
    'no_tld_query: no-tld-query의 옛 철자로, 같게 읽습니다.',
  ),
  'no-reload': loc('no-reload: do not read resolv.conf again when it changes.', 'no-reload: resolv.conf가 바뀌어도 다시 읽지 않습니다.'),
  'use-vc': loc('use-vc: ask over TCP instead of UDP.', 'use-vc: UDP 대신 TCP로 묻습니다.'),
  'trust-ad': loc(
    'trust-ad: set the AD bit in queries and keep it in answers.',
    'trust-ad: 질의에 AD 비트를 켜고 응답의 AD 비트를 그대로 둡니다.',
  ),
  'no-aaaa': loc('no-aaaa: send no AAAA queries (glibc 2.36 and later).', 'no-aaaa: AAAA 질의를 보내지 않습니다(glibc 2.36 이상).'),
};

export const NSS_STATUS_DOCS: Readonly<Record<string, Localized>> = {
  SUCCESS: loc('SUCCESS: the source found the name (default action: return).', 'SUCCESS: 소스가 이름을 찾았습니다(기본 동작: return).'),
  NOTFOUND: loc(
    'NOTFOUND: the source answered, and the name is not there (default: continue).',
    'NOTFOUND: 소스가 응답했지만 이름이 없습니다(기본 동작: continue).',
  ),
  UNAVAIL: loc(
    'UNAVAIL: the source cannot answer (no module, no server configured) (default: continue).',
    'UNAVAIL: 소스가 응답할 수 없습니다(모듈이나 설정된 서버가 없음)(기본 동작: continue).',
  ),
  TRYAGAIN: loc(
    'TRYAGAIN: the source is busy or timed out (default: continue).',
    'TRYAGAIN: 소스가 바쁘거나 시간이 초과되었습니다(기본 동작: continue).',
  ),
};

export const NSS_ACTION_DOCS: Readonly<Record<string, Localized>> = {
  return: loc(
    'return: stop here with this result; later sources are not asked.',
    'return: 이 결과로 여기서 멈춥니다. 뒤의 소스에는 묻지 않습니다.',
  ),
  continue: loc('continue: ask the next source.', 'continue: 다음 소스에 묻습니다.'),
  merge: loc(
    "merge: for group lookups, join this answer with the next source's.",
    'merge: group 조회에서 이 응답을 다음 소스의 응답과 합칩니다.',
  ),
};

export const NSS_SOURCE_DOCS: Readonly<Record<string, Localized>> = {
  files: loc(
    'files: the local file (/etc/hosts for hosts), first matching line wins.',
    'files: 로컬 파일(hosts라면 /etc/hosts). 처음 맞는 줄이 이깁니다.',
  ),
  dns: loc(
    'dns: the DNS servers of /etc/resolv.conf, with its search list and options.',
    'dns: /etc/resolv.conf의 DNS 서버에 그 검색 목록과 옵션으로 묻습니다.',
  ),
  myhostname: loc(
    "myhostname (systemd): the host's own name, localhost and _gateway, without any file.",
    'myhostname (systemd): 파일 없이 호스트 자신의 이름, localhost, _gateway를 해석합니다.',
  ),
  resolve: loc('resolve (systemd): ask systemd-resolved over its bus.', 'resolve (systemd): systemd-resolved에 묻습니다.'),
  mymachines: loc('mymachines (systemd): the names of local containers.', 'mymachines (systemd): 로컬 컨테이너의 이름.'),
  mdns4_minimal: loc(
    'mdns4_minimal (Avahi): .local names over multicast DNS, IPv4 only; NOTFOUND for other names.',
    'mdns4_minimal (Avahi): 멀티캐스트 DNS로 .local 이름을 해석합니다(IPv4만). 다른 이름은 NOTFOUND.',
  ),
  mdns6_minimal: loc(
    'mdns6_minimal (Avahi): .local names over multicast DNS, IPv6 only; NOTFOUND for other names.',
    'mdns6_minimal (Avahi): 멀티캐스트 DNS로 .local 이름을 해석합니다(IPv6만). 다른 이름은 NOTFOUND.',
  ),
  mdns_minimal: loc(
    'mdns_minimal (Avahi): .local names over multicast DNS, IPv4 and IPv6; NOTFOUND for other names.',
    'mdns_minimal (Avahi): 멀티캐스트 DNS로 .local 이름을 해석합니다(IPv4와 IPv6). 다른 이름은 NOTFOUND.',
  ),
  mdns: loc(
    'mdns (Avahi): any name over multicast DNS, IPv4 and IPv6.',
    'mdns (Avahi): 멀티캐스트 DNS로 모든 이름을 해석합니다(IPv4와 IPv6).',
  ),
  mdns4: loc('mdns4 (Avahi): any name over multicast DNS, IPv4 only.', 'mdns4 (Avahi): 멀티캐스트 DNS로 모든 이름을 해석합니다(IPv4만).'),
  mdns6: loc('mdns6 (Avahi): any name over multicast DNS, IPv6 only.', 'mdns6 (Avahi): 멀티캐스트 DNS로 모든 이름을 해석합니다(IPv6만).'),
  libvirt: loc(
    "libvirt: the addresses libvirt's DHCP leased to virtual machines, by host name.",
    'libvirt: libvirt의 DHCP가 가상 머신에 임대한 주소를 호스트 이름으로 찾습니다.',
  ),
  libvirt_guest: loc(
    "libvirt_guest: libvirt's virtual machines by their domain name.",
    'libvirt_guest: libvirt 가상 머신을 도메인 이름으로 찾습니다.',
  ),
  wins: loc('wins (Samba): NetBIOS names from a WINS server.', 'wins (Samba): WINS 서버에서 NetBIOS 이름을 찾습니다.'),
  nis: loc("nis: the NIS (YP) maps of the domain's server.", 'nis: 도메인 서버의 NIS(YP) 맵.'),
  nisplus: loc('nisplus: NIS+ tables (gone from current systems).', 'nisplus: NIS+ 테이블(요즘 시스템에는 없음).'),
  db: loc(
    'db: the Berkeley DB files of /var/db, made from the files with make.',
    'db: /var/db의 Berkeley DB 파일(파일에서 make로 만든 것).',
  ),
  hesiod: loc('hesiod: records in DNS under the Hesiod domain.', 'hesiod: Hesiod 도메인 아래 DNS 레코드.'),
  ldap: loc('ldap (nslcd): an LDAP directory.', 'ldap (nslcd): LDAP 디렉터리.'),
  sss: loc(
    'sss (SSSD): the directories SSSD serves (LDAP, Active Directory, FreeIPA).',
    'sss (SSSD): SSSD가 제공하는 디렉터리(LDAP, Active Directory, FreeIPA).',
  ),
  extrausers: loc('extrausers: the files under /var/lib/extrausers.', 'extrausers: /var/lib/extrausers 아래의 파일.'),
};
