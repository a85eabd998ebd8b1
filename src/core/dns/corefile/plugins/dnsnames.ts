/**
 * Names miekg/dns knows (StringToClass, StringToType, StringToRcode), which template, rewrite and
 * forward look words up in; and Go's regexp as far as a JavaScript RegExp can tell (RE2 has no
 * lookaround and no backreference; `(?P<name>` and `(?i)` flags are Go's own spellings).
 */
export const CLASSES: ReadonlySet<string> = new Set(['IN', 'CS', 'CH', 'HS', 'NONE', 'ANY']);

export const TYPES: ReadonlySet<string> = new Set(
  (
    'None A NS MD MF CNAME SOA MB MG MR NULL PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP-PTR SIG KEY PX GPOS AAAA LOC NXT ' +
    'EID NIMLOC SRV ATMA NAPTR KX CERT DNAME OPT APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 NSEC3PARAM TLSA SMIMEA HIP ' +
    'NINFO RKEY TALINK CDS CDNSKEY OPENPGPKEY CSYNC ZONEMD SVCB HTTPS SPF UINFO UID GID UNSPEC NID L32 L64 LP EUI48 EUI64 NXNAME ' +
    'URI CAA AVC AMTRELAY RESINFO TKEY TSIG IXFR AXFR MAILB MAILA ANY TA DLV Reserved'
  ).split(' '),
);

export const RCODES: ReadonlySet<string> = new Set(
  'NOERROR FORMERR SERVFAIL NXDOMAIN NOTIMP REFUSED YXDOMAIN YXRRSET NXRRSET NOTAUTH NOTZONE BADSIG BADVERS BADKEY BADTIME BADMODE BADNAME BADALG BADTRUNC BADCOOKIE'.split(
    ' ',
  ),
);

export const MAX_REGEXP_LEN = 10000;

/** Whether Go's regexp.Compile would refuse the pattern, as far as can be told here; and its capture groups. */
export function goRegexp(src: string): { groups: number } | undefined {
  if (/\(\?[=!]|\(\?<[=!]|\\[1-9]/.test(src)) return undefined;
  const js = src
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU]+\)/g, '')
    .replace(/\(\?[imsU]*(?:-[imsU]+)?:/g, '(?:');
  try {
    const m = new RegExp(`${js}|`).exec('');
    return { groups: m ? m.length - 1 : 0 };
  } catch {
    return undefined;
  }
}
