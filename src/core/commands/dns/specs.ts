/** The resolver tools' specs for the registry and the editor's hovers: dig, host, nslookup, getent. */
import { loc } from '../../text/i18n';
import { type CommandSpec, manPage, type WordDoc } from '../types';

const BIND_MAN = 'https://bind9.readthedocs.io/en/v9.18.49/manpages.html';

/** What dig's options say, for a hover over the word. */
const DIG_WORDS: Record<string, WordDoc> = {
  '+short': {
    title: '+short',
    doc: loc("Prints only the answers' data, one per line (`10.0.0.5`).", '응답 레코드의 데이터만 한 줄에 하나씩 보여 줍니다(`10.0.0.5`).'),
  },
  '+noall': {
    title: '+noall',
    doc: loc(
      'Turns every part of the output off; add back the ones wanted (`+noall +answer`).',
      '출력의 모든 부분을 끕니다. 필요한 부분만 다시 켭니다(`+noall +answer`).',
    ),
  },
  '+answer': { title: '+answer', doc: loc('Prints the answer section.', 'ANSWER 섹션을 보여 줍니다.') },
  '+search': {
    title: '+search',
    doc: loc(
      "Uses resolv.conf's search list (dig does not, unless told): `dig +search web` asks web.example.com first.",
      'resolv.conf의 search 목록을 씁니다(dig는 기본으로 쓰지 않습니다). `dig +search web`은 web.example.com부터 질의합니다.',
    ),
  },
  '+tries': { title: '+tries=N', doc: loc('Sends each query at most N times (3 by default).', '질의 하나를 최대 N번 보냅니다(기본 3번).') },
  '+time': { title: '+time=N', doc: loc('Waits N seconds for each answer (5 by default).', '응답마다 N초 동안 기다립니다(기본 5초).') },
  '-x': {
    title: '-x ADDRESS',
    doc: loc(
      'Reverse lookup: asks the PTR record of the address (`5.0.0.10.in-addr.arpa.`).',
      '역방향 조회: 주소의 PTR 레코드를 질의합니다(`5.0.0.10.in-addr.arpa.`).',
    ),
  },
  '-t': {
    title: '-t TYPE',
    doc: loc(
      'The record type to ask: A, AAAA, MX, TXT, SRV, PTR, NS, SOA, CNAME...',
      '질의할 레코드 타입입니다. A, AAAA, MX, TXT, SRV, PTR, NS, SOA, CNAME 등입니다.',
    ),
  },
  '-p': { title: '-p PORT', doc: loc('Sends the query to this port instead of 53.', '질의를 53번 대신 이 포트로 보냅니다.') },
};

function explainDig(words: readonly string[], index: number): WordDoc | undefined {
  const w = words[index] ?? '';
  if (w.startsWith('@')) {
    return {
      title: '@SERVER',
      doc: loc(
        `Asks ${w.slice(1)} instead of the servers of /etc/resolv.conf.`,
        `/etc/resolv.conf의 서버 대신 ${w.slice(1)}에 질의합니다.`,
      ),
    };
  }
  const key = w.startsWith('+') ? w.replace(/=.*$/, '') : w;
  return DIG_WORDS[key];
}

export const digSpec: CommandSpec = {
  names: ['dig'],
  summary: loc(
    'Sends a DNS query and prints the whole answer (header, sections, server, size). It reads neither /etc/hosts nor, unless `+search`, the search list.',
    'DNS 질의를 보내고 받은 응답 전체(헤더, 섹션, 서버, 크기)를 보여 줍니다. /etc/hosts는 읽지 않고, `+search`를 주지 않으면 search 목록도 쓰지 않습니다.',
  ),
  usage: loc(
    'dig [@SERVER] [-t TYPE] [-x ADDRESS] [-p PORT] NAME [TYPE] [+short] [+search] [+tries=N] [+time=N]',
    'dig [@서버] [-t 타입] [-x 주소] [-p 포트] 이름 [타입] [+short] [+search] [+tries=N] [+time=N]',
  ),
  link: `${BIND_MAN}#dig-dns-lookup-utility`,
  forms: [
    { pattern: 'dig ... +short', doc: loc("Prints only the answers' data.", '응답 레코드의 데이터만 보여 줍니다.') },
    {
      pattern: 'dig ... -x',
      doc: loc('Asks the PTR record of an address (reverse lookup).', '주소의 PTR 레코드를 질의합니다(역방향 조회).'),
    },
    {
      pattern: 'dig ... +search',
      doc: loc(
        "Tries the name with resolv.conf's search domains, as the resolver does.",
        '리졸버처럼 resolv.conf의 search 도메인을 붙여 질의합니다.',
      ),
    },
  ],
  explain: explainDig,
};

export const hostSpec: CommandSpec = {
  names: ['host'],
  summary: loc(
    "Looks a name up with DNS and says what it found in sentences: `has address`, `is an alias for`, `mail is handled by`. Without -t it asks A, AAAA and MX; an address asks its PTR. It uses resolv.conf's servers and search list, not /etc/hosts.",
    'DNS로 이름을 조회하고 찾은 내용을 문장으로 보여 줍니다(`has address`, `is an alias for`, `mail is handled by`). -t가 없으면 A, AAAA, MX를 질의하고, 주소를 주면 PTR을 질의합니다. resolv.conf의 서버와 search 목록을 쓰고 /etc/hosts는 읽지 않습니다.',
  ),
  usage: loc('host [-t TYPE] [-W SECONDS] [-R RETRIES] NAME [SERVER]', 'host [-t 타입] [-W 초] [-R 재시도] 이름 [서버]'),
  link: `${BIND_MAN}#host-dns-lookup-utility`,
  forms: [{ pattern: 'host -t', doc: loc('Asks one record type only.', '한 가지 레코드 타입만 질의합니다.') }],
};

export const nslookupSpec: CommandSpec = {
  names: ['nslookup'],
  summary: loc(
    "Looks a name up with DNS and prints the server asked and the answer (`Non-authoritative answer:` when the server is not the zone's own). It uses resolv.conf's servers and search list, not /etc/hosts. Only the one-line form is simulated, not the interactive one.",
    'DNS로 이름을 조회하고 질의한 서버와 응답을 보여 줍니다(서버가 그 존의 권한 서버가 아니면 `Non-authoritative answer:`). resolv.conf의 서버와 search 목록을 쓰고 /etc/hosts는 읽지 않습니다. 한 줄 명령 형태만 시뮬레이션하고 대화형 모드는 시뮬레이션하지 않습니다.',
  ),
  usage: loc('nslookup [-type=TYPE] [-timeout=SECONDS] NAME [SERVER]', 'nslookup [-type=타입] [-timeout=초] 이름 [서버]'),
  link: `${BIND_MAN}#nslookup-query-internet-name-servers-interactively`,
  forms: [{ pattern: 'nslookup -type=*', doc: loc('Asks one record type (`-type=mx`).', '한 가지 레코드 타입을 질의합니다(`-type=mx`).') }],
};

export const getentSpec: CommandSpec = {
  names: ['getent'],
  summary: loc(
    'Looks entries up as programs do, through /etc/nsswitch.conf: `getent hosts NAME` resolves a name with the order of its `hosts:` line (/etc/hosts, then DNS...). Exit status 2 when a key is not found.',
    '프로그램이 하는 것처럼 /etc/nsswitch.conf를 거쳐 항목을 조회합니다. `getent hosts 이름`은 `hosts:` 줄의 순서(/etc/hosts, 그다음 DNS 등)대로 이름을 해석합니다. 찾지 못한 키가 있으면 종료 코드는 2입니다.',
  ),
  usage: loc('getent hosts|ahosts|ahostsv4|ahostsv6 NAME...', 'getent hosts|ahosts|ahostsv4|ahostsv6 이름...'),
  link: manPage('getent.1'),
  forms: [
    {
      pattern: 'getent hosts',
      doc: loc(
        'Resolves names as gethostbyname does (IPv6 first, then IPv4): each address with the official name and its aliases.',
        'gethostbyname처럼 이름을 해석합니다(IPv6 먼저, 그다음 IPv4). 주소마다 공식 이름과 별칭을 보여 줍니다.',
      ),
    },
    {
      pattern: 'getent ahosts',
      doc: loc(
        'Resolves names as getaddrinfo does (what ping and curl use): each address as STREAM, DGRAM and RAW, the canonical name on the first line.',
        'getaddrinfo처럼 이름을 해석합니다(ping과 curl이 쓰는 방식). 주소마다 STREAM, DGRAM, RAW 줄을 보여 주고 첫 줄에 정식 이름(canonical name)을 보여 줍니다.',
      ),
    },
  ],
};
