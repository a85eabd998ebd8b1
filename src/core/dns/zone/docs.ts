/**
 * Hover texts for zone files, in English and Korean: the record types knetlab reads (and a few
 * others a course meets), the classes and the directives, each with the fields it takes in the
 * order miekg/dns reads them. Plain data: the editor and the CLI read it.
 */
import { loc, type Localized } from '../../text/i18n';

export interface ZoneDoc {
  readonly text: Localized;
  /** The fields after the type (or the directive's arguments), as written in the file. */
  readonly usage: string;
}

const d = (en: string, ko: string, usage: string): ZoneDoc => ({ text: loc(en, ko), usage });

export const ZONE_TYPE_DOCS: Readonly<Record<string, ZoneDoc>> = {
  A: d('An IPv4 address of the name.', '이름의 IPv4 주소입니다.', 'NAME [TTL] [IN] A 192.0.2.10'),
  AAAA: d('An IPv6 address of the name.', '이름의 IPv6 주소입니다.', 'NAME [TTL] [IN] AAAA 2001:db8::10'),
  CNAME: d(
    'The name is an alias of TARGET: CoreDNS answers with this record and goes on with TARGET. A name with a CNAME has no other records.',
    '이 이름은 TARGET의 별칭입니다. CoreDNS는 이 레코드로 답하고 이어서 TARGET 이름을 찾습니다. CNAME이 있는 이름에는 다른 레코드를 둘 수 없습니다.',
    'NAME [TTL] [IN] CNAME TARGET',
  ),
  PTR: d(
    'The name an address maps back to, in a reverse zone (4.3.2.1.in-addr.arpa.).',
    '역방향 존(4.3.2.1.in-addr.arpa.)에서 주소에 매핑된 이름입니다.',
    'NAME [TTL] [IN] PTR TARGET',
  ),
  NS: d(
    'A name server of the zone (at the apex), or of a delegated child zone (below it: CoreDNS answers with a referral).',
    '존의 네임서버(존 꼭대기)이거나, 위임한 하위 존의 네임서버입니다(그 아래 이름에는 CoreDNS가 위임 응답을 줍니다).',
    'NAME [TTL] [IN] NS HOST',
  ),
  SOA: d(
    "The zone's start of authority: its primary server, the administrator's mailbox (first dot = @), the serial, and the refresh, retry, expire and minimum (negative-answer TTL) times.",
    '존의 권한 시작 레코드: 주 서버, 관리자 메일 주소(첫 점이 @), 일련번호, 그리고 refresh, retry, expire, minimum(부정 응답 TTL) 시간입니다.',
    '@ [TTL] [IN] SOA MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM',
  ),
  MX: d(
    'A mail server of the name: the lower PREFERENCE is tried first.',
    '이름의 메일 서버입니다. PREFERENCE가 낮은 서버부터 씁니다.',
    'NAME [TTL] [IN] MX PREFERENCE EXCHANGE',
  ),
  SRV: d(
    'Where a service runs (_service._proto.name): the PRIORITY first (lower wins), then by WEIGHT, on TARGET at PORT.',
    '서비스(_service._proto.name)가 있는 곳: PRIORITY가 낮은 것 먼저, 같으면 WEIGHT에 따라, TARGET의 PORT입니다.',
    '_SERVICE._PROTO.NAME [TTL] [IN] SRV PRIORITY WEIGHT PORT TARGET',
  ),
  TXT: d(
    'Text strings of the name (each quoted string at most 255 bytes).',
    '이름에 붙은 문자열입니다(따옴표로 묶은 문자열 하나가 최대 255바이트).',
    'NAME [TTL] [IN] TXT "TEXT" ["TEXT"...]',
  ),
  CAA: d(
    'Which certificate authorities may issue certificates for the name (read, not answered field by field in knetlab).',
    '이 이름의 인증서를 발급할 수 있는 인증 기관입니다(knetlab은 읽기만 하고 필드별로 답하지 않습니다).',
    'NAME [TTL] [IN] CAA FLAGS TAG "VALUE"',
  ),
  DNAME: d(
    'Redirects the whole subtree below the name to TARGET (read, not followed in knetlab).',
    '이 이름 아래의 모든 이름을 TARGET 도메인 아래의 이름으로 바꿔 가리킵니다(knetlab은 읽기만 하고 따라가지 않습니다).',
    'NAME [TTL] [IN] DNAME TARGET',
  ),
  HINFO: d(
    'The CPU and operating system of the host, two strings.',
    '호스트의 CPU와 운영체제, 두 문자열입니다.',
    'NAME [TTL] [IN] HINFO "CPU" "OS"',
  ),
};

export const ZONE_CLASS_DOCS: Readonly<Record<string, ZoneDoc>> = {
  IN: d(
    'The Internet class: the only one CoreDNS serves from a zone file.',
    '인터넷 클래스: CoreDNS가 존 파일에서 서비스하는 유일한 클래스입니다.',
    'IN',
  ),
  CH: d(
    'The Chaos class (version.bind and the like); CoreDNS serves none of it from a zone file.',
    'Chaos 클래스(version.bind 등). CoreDNS는 존 파일에서 서비스하지 않습니다.',
    'CH',
  ),
};

export const ZONE_DIRECTIVE_DOCS: Readonly<Record<string, ZoneDoc>> = {
  $ORIGIN: d(
    'Sets the origin: the domain appended to every relative name that follows (and what `@` stands for). Without it, the origin is the zone CoreDNS serves the file for.',
    '오리진을 정합니다. 뒤에 오는 모든 상대 이름 뒤에 붙는 도메인이고 `@`가 가리키는 이름입니다. 없으면 CoreDNS가 이 파일로 서비스하는 존이 오리진입니다.',
    '$ORIGIN example.org.',
  ),
  $TTL: d(
    'The TTL of the records that follow and give none (seconds, or units s m h d w: 1h30m).',
    '뒤에 오는 레코드 중 TTL을 적지 않은 레코드의 TTL입니다(초, 또는 s m h d w 단위: 1h30m).',
    '$TTL 3600',
  ),
  $INCLUDE: d(
    'Reads another file here (CoreDNS reads it from its disk; knetlab does not follow it).',
    '여기서 다른 파일을 읽습니다(CoreDNS는 디스크에서 읽지만 knetlab은 따라가지 않습니다).',
    '$INCLUDE FILE [ORIGIN]',
  ),
  $GENERATE: d(
    'Makes a run of records from a template, `$` being the counter (BIND syntax, read by miekg/dns).',
    '템플릿으로 레코드 여러 개를 만듭니다. `$`가 카운터입니다(BIND 문법, miekg/dns가 읽습니다).',
    '$GENERATE 1-10 host$ A 10.0.0.$',
  ),
};
