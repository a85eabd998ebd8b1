/**
 * The zone's common mistakes, over its records once read: what CoreDNS refuses (no SOA: `file
 * "db.x" has no SOA record for origin x.`) and what it loads but almost surely is wrong (a CNAME
 * beside other data, a record outside the zone, an SOA below the apex, a target that is an alias).
 */
import type { Diagnostic, DiagnosticCode, Severity } from '../../text/diag';
import { loc, type Localized } from '../../text/i18n';
import { eunneun, iga } from '../../text/particle';
import { canonical, isSubDomain } from './names';
import type { ZoneRecord } from './types';

export function lintZone(records: readonly ZoneRecord[], origin: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (r: ZoneRecord, code: DiagnosticCode, severity: Severity, message: Localized) =>
    out.push({ ...r.range, severity, code, message });
  // The CNAMEs by name (few), then what else each of those names holds.
  const cnamesAt = new Map<string, ZoneRecord[]>();
  for (const r of records) {
    if (r.type !== 'CNAME') continue;
    const key = canonical(r.name);
    const list = cnamesAt.get(key);
    if (list) list.push(r);
    else cnamesAt.set(key, [r]);
  }
  const otherAt = new Map<string, ZoneRecord>();
  if (cnamesAt.size) {
    for (const r of records) {
      if (r.type === 'CNAME') continue;
      const key = canonical(r.name);
      if (cnamesAt.has(key) && !otherAt.has(key)) otherAt.set(key, r);
    }
  }
  const soas = records.filter((r) => r.type === 'SOA');
  if (!soas.length) {
    const o = origin || '.';
    out.push({
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      code: 'zone-soa',
      message: loc(
        `The zone has no SOA record: CoreDNS refuses to load it (file "${file}" has no SOA record for origin ${o}).`,
        `존에 SOA 레코드가 없어 CoreDNS가 읽지 않습니다 (file "${file}" has no SOA record for origin ${o}).`,
      ),
    });
  }
  for (const s of soas) {
    if (origin && canonical(s.name) !== origin) {
      at(
        s,
        'zone-soa',
        'warning',
        loc(
          `This SOA is at ${s.name}, not at the zone's apex ${origin}: CoreDNS still takes it as the zone's SOA.`,
          `이 SOA는 존의 apex인 ${iga(origin)} 아니라 ${s.name}에 있습니다: CoreDNS는 그래도 이것을 존의 SOA로 씁니다.`,
        ),
      );
    }
  }
  if (soas.length > 1) {
    const last = soas[soas.length - 1]!;
    for (const s of soas.slice(0, -1)) {
      at(
        s,
        'zone-soa',
        'warning',
        loc(
          `The zone has more than one SOA: CoreDNS keeps the last one (line ${last.range.line}) and ignores this one.`,
          `존에 SOA가 여러 개 있습니다: CoreDNS는 마지막 것(${last.range.line}번째 줄)만 쓰고 이것은 무시합니다.`,
        ),
      );
    }
  }
  for (const r of records) {
    if (origin && r.name && !isSubDomain(origin, canonical(r.name))) {
      at(
        r,
        'zone-out-of-zone',
        'warning',
        loc(
          `${r.name} is outside the zone ${origin}: CoreDNS loads it but never answers for it.`,
          `${eunneun(r.name)} 존 ${origin} 밖의 이름입니다: CoreDNS는 읽기는 하지만 이 이름으로 답하지 않습니다.`,
        ),
      );
    }
  }
  for (const [name, cnames] of cnamesAt) {
    const other = otherAt.get(name);
    if (other) {
      at(
        cnames[0]!,
        'zone-cname-conflict',
        'warning',
        loc(
          `${name} has a CNAME and other data (${other.type} at line ${other.range.line}): a CNAME must be alone at its name (RFC 1034 3.6.2); CoreDNS answers every other type with the CNAME.`,
          `${name}에 CNAME과 다른 레코드(${other.range.line}번째 줄의 ${other.type})가 함께 있습니다: CNAME은 그 이름의 유일한 레코드여야 합니다(RFC 1034 3.6.2). CoreDNS는 다른 타입 질의에도 CNAME으로 답합니다.`,
        ),
      );
    }
    for (const c of cnames.slice(1)) {
      at(
        c,
        'zone-cname-conflict',
        'warning',
        loc(
          `${name} has more than one CNAME: CoreDNS follows the first (line ${cnames[0]!.range.line}).`,
          `${name}에 CNAME이 여러 개 있습니다: CoreDNS는 첫 번째 것(${cnames[0]!.range.line}번째 줄)을 따라갑니다.`,
        ),
      );
    }
  }
  for (const r of records) {
    const d = r.data;
    const target = d.type === 'MX' ? d.exchange : d.type === 'NS' ? d.host : d.type === 'SRV' ? d.target : undefined;
    if (!target) continue;
    const alias = cnamesAt.get(canonical(target))?.[0];
    if (alias) {
      at(
        r,
        'zone-target-cname',
        'warning',
        loc(
          `The ${r.type} target ${target} is an alias (CNAME at line ${alias.range.line}): an ${r.type} must name the host itself (RFC 2181 10.3); CoreDNS adds no address for it in the additional section.`,
          `${r.type} 대상 ${eunneun(target)} 별칭입니다(${alias.range.line}번째 줄의 CNAME): ${r.type}에는 호스트 자신의 이름을 써야 합니다(RFC 2181 10.3). CoreDNS는 추가 섹션에 이 이름의 주소를 넣지 않습니다.`,
        ),
      );
    }
  }
  return out;
}
