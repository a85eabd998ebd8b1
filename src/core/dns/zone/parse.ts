/**
 * A zone file read as CoreDNS's `file` plugin reads it (miekg/dns ZoneParser, then Zone.Insert):
 * directives ($ORIGIN, $TTL; $INCLUDE and $GENERATE are not simulated), `@`, relative names,
 * a blank owner for the previous one, TTLs with units, an optional class, the record types
 * of types.ts field by field and the other types miekg/dns knows as opaque text. Never throws.
 * Unlike miekg/dns, which stops at its first error (and CoreDNS then refuses to start), every
 * record's first error is reported; the message quotes miekg/dns's words.
 */
import type { Diagnostic, DiagnosticCode, Severity } from '../../text/diag';
import { loc, type Localized } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { eulreul, eunneun } from '../../text/particle';
import { type Entry, lexZone, type Tok } from './lex';
import { lintZone } from './lint';
import { canonical, isDomainName, stringToTTL, toAbsoluteName } from './names';
import { parseRData } from './rdata';
import { SIMULATED_TYPES, type ZoneParse, type ZoneParseOptions, type ZoneRecord } from './types';

/** The types miekg/dns reads by name (its StringToType), beyond those knetlab simulates. */
export const MIEKG_TYPES: ReadonlySet<string> = new Set([
  ...SIMULATED_TYPES,
  ...'AFSDB AMTRELAY ANY APL ATMA AVC AXFR CAA CDNSKEY CDS CERT CSYNC DHCID DLV DNAME DNSKEY DS EID EUI48 EUI64 GID GPOS HINFO HIP HTTPS IPSECKEY ISDN IXFR KEY KX L32 L64 LOC LP MAILA MAILB MB MD MF MG MINFO MR NAPTR NID NIMLOC NINFO NSEC NSEC3 NSEC3PARAM NULL NXNAME NXT OPENPGPKEY OPT PX RESINFO RKEY RP RRSIG RT SIG SMIMEA SPF SSHFP SVCB TA TALINK TKEY TLSA TSIG UID UINFO UNSPEC URI X25 ZONEMD NSAP-PTR'.split(
    ' ',
  ),
]);
export const CLASSES: ReadonlySet<string> = new Set(['IN', 'CH', 'CS', 'HS', 'NONE', 'ANY']);

/** What miekg/dns's words mean, for the student. */
const EXPLAIN: Record<string, Localized> = {
  'bad owner name': loc('The owner is not a valid domain name', '소유자 이름이 올바른 도메인 이름이 아닙니다'),
  'not a TTL': loc('A TTL was expected here (digits, with units s m h d w)', '여기에는 TTL(숫자, 단위 s m h d w)이 와야 합니다'),
  'missing TTL with no previous value': loc(
    'This record has no TTL and none came before it (no $TTL, no earlier TTL)',
    '이 레코드에 TTL이 없고 앞에서 정한 TTL도 없습니다($TTL도, 앞 레코드의 TTL도 없음)',
  ),
  'unknown RR type': loc('A record type was expected here', '여기에는 레코드 타입이 와야 합니다'),
  'unexpected newline': loc('The record ends before its data', '레코드가 데이터 없이 끝납니다'),
  'garbage after rdata': loc('Extra words after the record’s data', '레코드 데이터 뒤에 남는 단어가 있습니다'),
  'extra closing brace': loc('A ")" closes no "("', '")"에 맞는 "("가 없습니다'),
  'unbalanced brace': loc('This "(" is never closed', '이 "("가 닫히지 않았습니다'),
  'unterminated quoted string': loc('This quoted string is never closed', '따옴표로 시작한 문자열이 닫히지 않았습니다'),
  'bad origin name': loc('The origin is not a valid domain name', '오리진이 올바른 도메인 이름이 아닙니다'),
  'bad initial origin name': loc('The zone’s origin is not a valid domain name', '존의 오리진이 올바른 도메인 이름이 아닙니다'),
};

const BAD_FIELD: Record<string, Localized> = {
  A: loc('not an IPv4 address', 'IPv4 주소가 아닙니다'),
  AAAA: loc('not an IPv6 address', 'IPv6 주소가 아닙니다'),
  Pref: loc('not a preference from 0 to 65535', '0~65535의 우선순위가 아닙니다'),
  Priority: loc('not a priority from 0 to 65535', '0~65535의 우선순위가 아닙니다'),
  Weight: loc('not a weight from 0 to 65535', '0~65535의 가중치가 아닙니다'),
  Port: loc('not a port from 0 to 65535', '0~65535의 포트가 아닙니다'),
  parameter: loc('not a number (the serial) or a time (the timers: 3600, 1h)', '숫자(시리얼)나 시간(타이머: 3600, 1h)이 아닙니다'),
};

function explainField(miekg: string): Localized {
  const last = miekg.split(' ').pop()!;
  return BAD_FIELD[last] ?? loc('not a valid domain name', '올바른 도메인 이름이 아닙니다');
}

export function parseZone(text: string, opts: ZoneParseOptions): ZoneParse {
  const { file } = opts;
  const diagnostics: Diagnostic[] = [];
  const records: ZoneRecord[] = [];
  let origin = opts.origin ? canonical(opts.origin) : '';
  /** The zone's own origin: the one given, else the file's first $ORIGIN. */
  let zoneOrigin = origin;
  const push = (code: DiagnosticCode, severity: Severity, at: Pick<Tok, 'line' | 'col' | 'endLine' | 'endCol'>, message: Localized) =>
    diagnostics.push({ file, line: at.line, column: at.col, endLine: at.endLine, endColumn: at.endCol, severity, code, message });
  /** An error in miekg/dns's words (`dns: bad A A: "1.2.3"`), explained. */
  const fail = (
    code: DiagnosticCode,
    at: Pick<Tok, 'line' | 'col' | 'endLine' | 'endCol'>,
    miekg: string,
    token: string,
    why?: Localized,
  ) => {
    const quoted = `dns: ${miekg}: ${JSON.stringify(token)}`;
    const w = why ?? EXPLAIN[miekg] ?? loc('Syntax error', '문법 오류');
    push(code, 'error', at, loc(`${w.en} (CoreDNS: ${quoted}).`, `${w.ko} (CoreDNS: ${quoted}).`));
  };
  const unknownOrNotTtl = (t: Tok, miekg: string) => {
    if (/^[A-Za-z][A-Za-z0-9-]*$/.test(t.text) && !t.quoted) {
      const hint = didYouMean(t.text.toUpperCase(), [...MIEKG_TYPES]);
      const h = hint ? `; did you mean ${hint}?` : '';
      const hk = hint ? `. ${eulreul(hint)} 뜻했나요?` : '';
      fail('zone-unknown-type', t, miekg, t.text, loc(`Unknown record type "${t.text}"${h}`, `알 수 없는 레코드 타입 "${t.text}"${hk}`));
    } else fail('zone-syntax', t, miekg, t.text);
  };
  const after = (t: Tok): Tok => ({ ...t, text: '\n', quoted: false, line: t.endLine, col: t.endCol, endCol: t.endCol + 1 });
  try {
    if (opts.origin && !isDomainName(origin))
      fail('zone-syntax', { line: 1, col: 1, endLine: 1, endCol: 2 }, 'bad initial origin name', '');
    let owner = '';
    let prevTtl = 0;
    let defTtl: { ttl: number; byDirective: boolean } | undefined;
    const onEntry = (e: Entry): void => {
      const toks = e.toks;
      let k = 0;
      if (!e.blankOwner) {
        const first = toks[0]!;
        const dir = first.quoted ? '' : first.text.toUpperCase();
        if (dir === '$TTL' || dir === '$ORIGIN' || dir === '$INCLUDE' || dir === '$GENERATE') {
          const v = toks[1];
          if (dir === '$TTL' || dir === '$ORIGIN') {
            const msg = `expecting ${dir} value, not this...`;
            if (!v || v.quoted)
              fail('zone-syntax', v ?? after(first), msg, v?.text ?? '\n', loc(`${dir} needs a value`, `${dir}에는 값이 필요합니다`));
            else if (toks[2]) fail('zone-syntax', toks[2], 'garbage after rdata', toks[2].text);
            else if (dir === '$TTL') {
              const ttl = stringToTTL(v.text);
              if (ttl === undefined) fail('zone-syntax', v, msg, v.text, EXPLAIN['not a TTL']);
              else defTtl = { ttl, byDirective: true };
            } else {
              const o = toAbsoluteName(v.text, origin);
              if (!o) fail('zone-syntax', v, 'bad origin name', v.text);
              else {
                origin = o;
                zoneOrigin ||= canonical(o);
              }
            }
          } else if (dir === '$INCLUDE' && (!v || v.quoted)) {
            fail(
              'zone-syntax',
              v ?? after(first),
              'expecting $INCLUDE value, not this...',
              v?.text ?? '\n',
              loc('$INCLUDE needs a file', '$INCLUDE에는 파일이 필요합니다'),
            );
          } else {
            const what = dir === '$INCLUDE' ? `the records of ${v!.text}` : 'the records it generates';
            const whatKo = dir === '$INCLUDE' ? `${v!.text}의 레코드` : '이 지시어가 만드는 레코드';
            push(
              'zone-not-simulated',
              'warning',
              { ...first, endCol: first.endCol },
              loc(
                `${dir} is not simulated: ${what} are not in the zone knetlab answers from (CoreDNS reads them).`,
                `${eunneun(dir)} 시뮬레이션하지 않습니다: knetlab이 답하는 존에는 ${whatKo}가 없습니다(CoreDNS는 읽습니다).`,
              ),
            );
          }
          return;
        }
        const abs = first.quoted ? undefined : toAbsoluteName(first.text, origin);
        if (!abs) {
          const why = origin
            ? EXPLAIN['bad owner name']!
            : loc(
                'The owner is relative (or `@`) and the zone has no origin: start the file with $ORIGIN, or check it as db.ZONE or ZONE.zone',
                '소유자 이름이 상대 이름(또는 `@`)인데 존의 오리진이 없습니다: 파일을 $ORIGIN으로 시작하거나 db.존 또는 존.zone 이름으로 검사하세요',
              );
          fail('zone-syntax', first, 'bad owner name', first.text, why);
          return;
        }
        owner = abs;
        k = 1;
      } else if (!owner) {
        push(
          'zone-syntax',
          'warning',
          toks[0]!,
          loc(
            'This record starts with a blank, so it takes the previous record’s owner, and there is none: CoreDNS loads it with an empty name and never answers it.',
            '이 레코드는 공백으로 시작하므로 앞 레코드의 소유자 이름을 쓰는데, 앞 레코드가 없습니다: CoreDNS는 빈 이름으로 읽고 답하지 않습니다.',
          ),
        );
      }
      // The header: [TTL] [class] type, or [class] [TTL] type, as miekg/dns's states read it.
      let st: 'start' | 'any' | 'noClass' | 'noTTL' | 'rrtype' = e.blankOwner ? 'start' : 'any';
      let ttl = defTtl?.ttl ?? prevTtl;
      let cls = 'IN';
      let type: string | undefined;
      let explicitTtl = false;
      const noDefault = !defTtl;
      for (; k < toks.length && type === undefined; k++) {
        const t = toks[k]!;
        const up = t.text.toUpperCase();
        let kind: 'type' | 'class' | 'string' | 'quote' = 'string';
        if (t.quoted) kind = 'quote';
        else if (MIEKG_TYPES.has(up)) kind = 'type';
        else if (/^TYPE/.test(up)) {
          if (!/^TYPE\d+$/.test(up) || Number(up.slice(4)) > 65535) {
            fail(
              'zone-unknown-type',
              t,
              'unknown RR type',
              t.text,
              loc(`Unknown record type "${t.text}"`, `알 수 없는 레코드 타입 "${t.text}"`),
            );
            return;
          }
          kind = 'type';
        } else if (CLASSES.has(up) || (/^CLASS\d+$/.test(up) && Number(up.slice(5)) <= 65535)) kind = 'class';
        if (kind === 'type') {
          if (st === 'any' && !defTtl) {
            fail('zone-syntax', t, 'missing TTL with no previous value', t.text);
            return;
          }
          type = up;
          continue;
        }
        if (st === 'rrtype') {
          unknownOrNotTtl(t, 'unknown RR type');
          return;
        }
        if (kind === 'class' && (st === 'start' || st === 'any' || st === 'noTTL')) {
          cls = up;
          st = st === 'noTTL' ? 'rrtype' : 'noClass';
          continue;
        }
        if (kind === 'string' && st !== 'noTTL') {
          const v = stringToTTL(t.text);
          if (v === undefined) {
            unknownOrNotTtl(t, 'not a TTL');
            return;
          }
          ttl = v;
          explicitTtl = true;
          if (!defTtl || !defTtl.byDirective) defTtl = { ttl: v, byDirective: false };
          st = st === 'noClass' ? 'rrtype' : 'noTTL';
          continue;
        }
        if (st === 'noTTL' && kind === 'string') unknownOrNotTtl(t, 'expecting RR type or class, not this...');
        else if (st === 'noTTL') fail('zone-syntax', t, 'expecting RR type or class, not this...', t.text);
        else if (st === 'noClass') fail('zone-syntax', t, 'expecting RR type or TTL, not this...', t.text);
        else fail('zone-syntax', t, st === 'start' ? 'syntax error at beginning' : 'expecting RR type, TTL or class, not this...', t.text);
        return;
      }
      const last = toks[k - 1]!;
      if (type === undefined) {
        fail('zone-syntax', after(last), 'unknown RR type', '\n', loc('The record has no type', '레코드에 타입이 없습니다'));
        return;
      }
      if (noDefault && !explicitTtl && !records.length && e.blankOwner === false) {
        push(
          'zone-syntax',
          'warning',
          last,
          loc(
            'This record has no TTL and none came before it: miekg/dns gives it a TTL of 0 (start the file with $TTL).',
            '이 레코드에 TTL이 없고 앞에서 정한 TTL도 없어 miekg/dns가 TTL 0을 줍니다(파일을 $TTL로 시작하세요).',
          ),
        );
      }
      const rtoks = toks.slice(k);
      if (!rtoks.length) {
        fail('zone-syntax', after(last), 'unexpected newline', '\n');
        return;
      }
      const data = parseRData(type, rtoks, origin);
      if ('message' in data) {
        const at = data.tok ?? after(toks[toks.length - 1]!);
        if (data.garbage) fail('zone-syntax', at, data.message, at.text);
        else {
          const w = explainField(data.message);
          const shown = JSON.stringify(data.tok?.text ?? '');
          const why = loc(`Bad ${type} record: ${shown} is ${w.en}`, `잘못된 ${type} 레코드: ${eunneun(shown)} ${w.ko}`);
          fail('zone-bad-rdata', at, data.message, data.tok?.text ?? '\n', why);
        }
        return;
      }
      prevTtl = ttl;
      const end = toks[toks.length - 1]!;
      const start = toks[0]!;
      records.push({
        name: type === 'SRV' ? owner : owner.toLowerCase(),
        ttl,
        cls,
        type,
        data: lowerTargets(data),
        range: { file, line: start.line, column: start.col, endLine: end.endLine, endColumn: end.endCol },
      });
    };
    const errors = lexZone(text, onEntry);
    for (const e of errors) fail('zone-syntax', { line: e.line, col: e.col, endLine: e.line, endCol: e.col + 1 }, e.message, e.token);
    diagnostics.push(...lintZone(records, zoneOrigin, file));
  } catch (e) {
    push(
      'zone-syntax',
      'error',
      { line: 1, col: 1, endLine: 1, endCol: 2 },
      loc(`Internal error while reading the zone file: ${String(e)}`, `존 파일을 읽는 중 내부 오류: ${String(e)}`),
    );
  }
  return { origin: zoneOrigin, records, diagnostics };
}

/** CoreDNS's Zone.Insert lower-cases the names in CNAME, MX, NS and SOA data (not SRV's or PTR's). */
function lowerTargets(d: ZoneRecord['data']): ZoneRecord['data'] {
  switch (d.type) {
    case 'CNAME':
      return { ...d, target: d.target.toLowerCase() };
    case 'MX':
      return { ...d, exchange: d.exchange.toLowerCase() };
    case 'NS':
      return { ...d, host: d.host.toLowerCase() };
    case 'SOA':
      return { ...d, mname: d.mname.toLowerCase(), rname: d.rname.toLowerCase() };
    default:
      return d;
  }
}
