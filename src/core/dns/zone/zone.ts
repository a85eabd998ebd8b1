/**
 * A zone in memory and its lookups, as CoreDNS's `file` plugin answers (plugin/file/lookup.go):
 * the apex's SOA and NS kept apart (Zone.Insert), every other record filed by its lower-cased
 * name; a name looked up label by label from the apex so that a delegation (NS below the apex)
 * gives a referral with its glue; the deepest wildcard kept as it goes (RFC 4592 as CoreDNS does
 * it); CNAMEs chased inside the zone (at most 9 steps, then the chain so far), a target elsewhere
 * asked of the server itself (CoreDNS's upstream); an empty non-terminal answers NOERROR with no
 * data, a name that does not exist NXDOMAIN, both with the SOA; MX and SRV targets inside the
 * zone get their addresses in the additional section. DNSSEC and DNAME are not simulated.
 */
import { canonical, fromLabels, isSubDomain, labels } from './names';
import type { ZoneRecord } from './types';

export interface Zone {
  /** Absolute, lower-cased. */
  readonly origin: string;
  /** The zone's SOA: the last one in the file, wherever its owner (as Zone.Insert keeps it). */
  readonly soa: ZoneRecord | undefined;
  /** The apex's NS records. */
  readonly ns: readonly ZoneRecord[];
  /** Every other record, by lower-cased name, in file order (CoreDNS's tree; a name holds few). */
  readonly names: ReadonlyMap<string, readonly ZoneRecord[]>;
  /** The names that have a name of `names` strictly below them (empty non-terminals among them). */
  readonly above: ReadonlySet<string>;
}

/** The name one label up (`b.c.` for `a.b.c.`, `.` for `c.`), none for the root. */
function parentOf(name: string): string | undefined {
  if (name === '.') return undefined;
  if (name.includes('\\')) return fromLabels(labels(name).slice(1));
  const dot = name.indexOf('.');
  return dot < 0 || dot === name.length - 1 ? '.' : name.slice(dot + 1);
}

/** The zone CoreDNS's `file` plugin builds from the records of a file read with `origin`. */
export function buildZone(origin: string, records: readonly ZoneRecord[]): Zone {
  const o = canonical(origin);
  let soa: ZoneRecord | undefined;
  const ns: ZoneRecord[] = [];
  const names = new Map<string, ZoneRecord[]>();
  const above = new Set<string>();
  for (const r of records) {
    const key = canonical(r.name);
    if (r.type === 'SOA') {
      soa = r;
      continue;
    }
    if (r.type === 'NS' && key === o) {
      ns.push(r);
      continue;
    }
    const list = names.get(key);
    if (list) list.push(r);
    else {
      names.set(key, [r]);
      for (let up = parentOf(key); up !== undefined; up = parentOf(up)) {
        if (above.has(up)) break;
        above.add(up);
      }
    }
  }
  return { origin: o, soa, ns, names, above };
}

export type ZoneResult = 'success' | 'nodata' | 'nxdomain' | 'delegation' | 'servfail' | 'refused';

export interface ZoneAnswer {
  /** The rcode CoreDNS's file plugin writes (REFUSED: the name is not in this zone at all). */
  readonly rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  readonly result: ZoneResult;
  /** The AA bit: off for a referral with no answer. */
  readonly authoritative: boolean;
  readonly answer: readonly ZoneRecord[];
  readonly authority: readonly ZoneRecord[];
  readonly additional: readonly ZoneRecord[];
  /** The wildcard that made the answer (CoreDNS's `zone/wildcard` metadata). */
  readonly wildcard?: string;
  /** A CNAME target outside the zone that CoreDNS asks its own server for, left to the caller (no `upstream` given). */
  readonly upstream?: { readonly name: string; readonly type: string };
}

export interface LookupOptions {
  /**
   * The server's answer for a name outside this zone (CoreDNS's upstream: the query goes through
   * the server's plugins again, `loop` deep). Without it such a CNAME chain stops at the target.
   */
  readonly upstream?: (name: string, type: string, loop: number) => ZoneAnswer | undefined;
}

interface Found {
  answer: ZoneRecord[];
  ns: ZoneRecord[];
  extra: ZoneRecord[];
  result: ZoneResult;
  wildcard?: string;
}

interface Ctx {
  readonly z: Zone;
  readonly opts: LookupOptions;
  upstream?: { name: string; type: string };
}

const type = (z: Zone, name: string, t: string): ZoneRecord[] => z.names.get(name)?.filter((r) => r.type === t) ?? [];

/** CoreDNS's nameFromRight: the origin and `i` more labels of qname; `shot` when past qname. */
function nameFromRight(z: Zone, qname: string, ql: readonly string[], i: number): [string, boolean] {
  if (i <= 0) return [z.origin, false];
  const n = labels(z.origin).length + i;
  if (n > ql.length) return [qname, true];
  return [fromLabels(ql.slice(ql.length - n)), false];
}

/** Glue for NS records: A then AAAA of each target below the NS owner (tree.Glue). */
function glue(z: Zone, nsrrs: readonly ZoneRecord[]): ZoneRecord[] {
  const out: ZoneRecord[] = [];
  for (const r of nsrrs) {
    if (r.data.type !== 'NS' || !isSubDomain(canonical(r.name), canonical(r.data.host))) continue;
    const key = canonical(r.data.host);
    out.push(...type(z, key, 'A'), ...type(z, key, 'AAAA'));
  }
  return out;
}

function delegation(z: Zone, name: string, qname: string, qtype: string): { ns: ZoneRecord[]; extra: ZoneRecord[] } | undefined {
  const ns = type(z, name, 'NS');
  if (!ns.length || (qtype === 'DS' && name === qname)) return undefined;
  return { ns, extra: glue(z, ns) };
}

/** Addresses of MX and SRV targets inside the zone, each target once (additionalProcessing). */
function additional(z: Zone, answer: readonly ZoneRecord[]): ZoneRecord[] {
  const out: ZoneRecord[] = [];
  const seen = new Set<string>();
  for (const r of answer) {
    const t = r.data.type === 'MX' ? r.data.exchange : r.data.type === 'SRV' ? r.data.target : '';
    if (!t) continue;
    const key = canonical(t);
    if (!isSubDomain(z.origin, key) || seen.has(key)) continue;
    seen.add(key);
    out.push(...type(z, key, 'A'), ...type(z, key, 'AAAA'));
  }
  return out;
}

/** The first zone cut between the apex and qname (findDelegation). */
function findDelegation(z: Zone, qname: string, qtype: string, exact: boolean) {
  const ql = labels(qname);
  for (let i = 1; ; i++) {
    const [name, shot] = nameFromRight(z, qname, ql, i);
    if (shot) return undefined;
    if (name === qname) return exact ? delegation(z, name, qname, qtype) : undefined;
    if (!z.names.has(name)) continue;
    const d = delegation(z, name, qname, qtype);
    if (d) return d;
  }
}

const asWildcard = (rrs: readonly ZoneRecord[], qname: string): ZoneRecord[] => rrs.map((r) => ({ ...r, name: qname }));

/** A lookup of the server itself, as an answer message reads (doLookup). */
function doLookup(c: Ctx, target: string, qtype: string, loop: number): { rrs: ZoneRecord[]; result: ZoneResult } {
  let m: ZoneAnswer | undefined;
  if (isSubDomain(c.z.origin, target)) m = serve(lookupAt(c, target, qtype, loop));
  else if (c.opts.upstream) m = c.opts.upstream(target, qtype, loop);
  else c.upstream ??= { name: target, type: qtype };
  if (!m) return { rrs: [], result: 'success' };
  const rrs = [...m.answer];
  if (m.rcode === 'NXDOMAIN') return { rrs, result: 'nxdomain' };
  if (m.rcode === 'SERVFAIL' || m.rcode === 'REFUSED') return { rrs, result: 'servfail' };
  return { rrs, result: rrs.length ? 'success' : 'nodata' };
}

const soaOf = (z: Zone) => (z.soa ? [z.soa] : []);

/** The CNAME chain from `rrs`, inside the zone, then the target's records (externalLookup). */
function chase(c: Ctx, qtype: string, rrs: ZoneRecord[], loop: number): Found {
  const z = c.z;
  const authority = (result: ZoneResult) => (result === 'nxdomain' || result === 'nodata' ? soaOf(z) : [...z.ns]);
  const step = (target: string): Found | undefined => {
    const exact = z.names.has(target);
    const d = findDelegation(z, target, qtype, exact);
    if (d) return { answer: rrs, ns: d.ns, extra: d.extra, result: 'delegation' };
    if (!exact || qtype === 'NS' || (qtype === 'SOA' && target === z.origin)) {
      const got = doLookup(c, target, qtype, loop);
      rrs.push(...got.rrs);
      return { answer: rrs, ns: authority(got.result), extra: additional(z, rrs), result: got.result };
    }
    return undefined;
  };
  let target = canonical((rrs[0]!.data as { target: string }).target);
  const first = step(target);
  if (first) return first;
  for (let i = 0; ;) {
    const cname = type(z, target, 'CNAME');
    if (!cname.length) break;
    rrs.push(...cname);
    target = canonical((cname[0]!.data as { target: string }).target);
    const s = step(target);
    if (s) return s;
    if (++i > 8) return { answer: rrs, ns: [...z.ns], extra: additional(z, rrs), result: 'success' };
  }
  rrs.push(...type(z, target, qtype));
  return { answer: rrs, ns: [...z.ns], extra: additional(z, rrs), result: 'success' };
}

function lookupAt(c: Ctx, qname: string, qtype: string, loop: number): Found {
  const z = c.z;
  const none = (result: ZoneResult, ns: ZoneRecord[] = []): Found => ({ answer: [], ns, extra: [], result });
  if (!z.soa) return none('servfail');
  if (qname === z.origin && qtype === 'SOA') return { answer: [z.soa], ns: [...z.ns], extra: [], result: 'success' };
  if (qname === z.origin && qtype === 'NS') return { answer: [...z.ns], ns: [], extra: glue(z, z.ns), result: 'success' };
  if (loop > 8) return none('servfail');
  const ql = labels(qname);
  let found = false;
  let wildName = '';
  let wildElem = false;
  for (let i = 0; ; i++) {
    const [parts, shot] = nameFromRight(z, qname, ql, i);
    if (shot) break;
    found = z.names.has(parts);
    if (!found) {
      const pl = labels(parts);
      const wildcard = pl.length ? fromLabels(['*', ...pl.slice(1)]) : '';
      if (wildcard && z.names.has(wildcard)) [wildName, wildElem] = [wildcard, true];
      else if (wildcard && z.above.has(wildcard)) [wildName, wildElem] = [wildcard, false];
      continue;
    }
    const d = delegation(z, parts, qname, qtype);
    if (d) return { answer: [], ns: d.ns, extra: d.extra, result: 'delegation' };
  }
  if (found) {
    const cname = type(z, qname, 'CNAME');
    if (cname.length && qtype !== 'CNAME') return chase(c, qtype, cname, loop + 1);
    const rrs = type(z, qname, qtype);
    if (!rrs.length) return none('nodata', soaOf(z));
    return { answer: rrs, ns: [...z.ns], extra: additional(z, rrs), result: 'success' };
  }
  if (wildName && !closerEntExists(z, qname, wildName)) {
    if (!wildElem) return none('nodata', soaOf(z));
    const cname = asWildcard(type(z, wildName, 'CNAME'), qname);
    if (cname.length && qtype !== 'CNAME') return { ...chase(c, qtype, cname, loop + 1), wildcard: wildName };
    const rrs = asWildcard(type(z, wildName, qtype), qname);
    if (!rrs.length) return { ...none('nodata', soaOf(z)), wildcard: wildName };
    return { answer: rrs, ns: [...z.ns], extra: additional(z, rrs), result: 'success', wildcard: wildName };
  }
  // An empty non-terminal: CoreDNS answers as for NXDOMAIN, with NOERROR.
  return none(z.above.has(qname) ? 'success' : 'nxdomain', soaOf(z));
}

/** An empty non-terminal between the wildcard's parent and qname is the closest encloser (closerENTExists). */
function closerEntExists(z: Zone, qname: string, wildName: string): boolean {
  const parent = wildName.slice(2);
  let ls = labels(qname).slice(1);
  for (; ls.length; ls = ls.slice(1)) {
    const name = fromLabels(ls);
    if (name === parent || !isSubDomain(parent, name)) return false;
    if (z.above.has(name)) return true;
  }
  return false;
}

/** The message ServeDNS writes for a result. */
function serve(f: Found, upstream?: Ctx['upstream']): ZoneAnswer {
  const base = {
    answer: f.answer,
    authority: f.ns,
    additional: f.extra,
    ...(f.wildcard ? { wildcard: f.wildcard } : {}),
    ...(upstream ? { upstream } : {}),
  };
  switch (f.result) {
    case 'success':
    case 'nodata':
      return { ...base, rcode: 'NOERROR', result: f.result, authoritative: true };
    case 'nxdomain':
      return { ...base, rcode: 'NXDOMAIN', result: f.result, authoritative: true };
    case 'delegation':
      return { ...base, rcode: 'NOERROR', result: f.result, authoritative: f.answer.length > 0 };
    case 'refused':
    case 'servfail':
      return f.answer.length
        ? { ...base, rcode: 'SERVFAIL', result: f.result, authoritative: true }
        : { rcode: 'SERVFAIL', result: f.result, authoritative: false, answer: [], authority: [], additional: [] };
  }
}

/** Looks `qname` up for `qtype` (A, MX...) as CoreDNS's file plugin answers it; names in any case. */
export function lookup(zone: Zone, qname: string, qtype: string, opts: LookupOptions = {}): ZoneAnswer {
  const q = canonical(qname);
  if (!isSubDomain(zone.origin, q)) {
    return { rcode: 'REFUSED', result: 'refused', authoritative: false, answer: [], authority: [], additional: [] };
  }
  const c: Ctx = { z: zone, opts };
  const f = lookupAt(c, q, qtype.toUpperCase(), 0);
  return serve(f, c.upstream);
}
