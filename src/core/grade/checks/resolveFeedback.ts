/**
 * The `resolve` check's verdict on a lookup (dns/lookup.ts): whether it found what the check
 * expects, and feedback that says what was found and by which step — the /etc/hosts line, or the
 * DNS server and the plugin that answered — so a student sees why a name resolves, or why not.
 */
import { type Localized, loc } from '../../text/i18n';
import { eulreul, iga, ieoya, ro } from '../../text/particle';
import { formatAddr, parseAddr } from '../../net/addr';
import type { Lookup, LookupAnswer } from '../../dns/lookup';
import type { SourceRef } from '../../sim/model';
import { gaiError } from '../../dns/gai';
import { rdataText } from '../../dns/zone/rdata';
import type { CheckResult } from '../types';
import { where } from './common';
import type { ResolveArgs } from './resolveArgs';

/** A name as compared: lower case, with its final dot. */
function fqdn(name: string): string {
  const n = name.trim().toLowerCase();
  return n.endsWith('.') ? n : `${n}.`;
}

/** A record's data as compared: an address in its canonical form, a name as fqdn, other text as is. */
function norm(data: string): string {
  const a = parseAddr(data.trim());
  if (a) return formatAddr(a);
  return /^[A-Za-z0-9_.-]+$/.test(data.trim()) ? fqdn(data) : data.trim();
}

/** The answers the check compares with `expect`: addresses for glibc's tools, records of the asked type for dig. */
function compared(args: ResolveArgs, lookup: Lookup): LookupAnswer[] {
  const type = args.tool === 'dig' ? (args.type ?? 'A') : undefined;
  return lookup.answers.filter((a) => (type ? a.type === type : a.type === 'A' || a.type === 'AAAA'));
}

/**
 * The CNAME chain of the answer taken: the first CNAME's owner, then each target. From the answers
 * when the tool lists CNAME records (dig), else from the DNS reply the addresses came in (getaddrinfo
 * keeps only the addresses and the canonical name).
 */
export function cnameChain(lookup: Lookup): string[] {
  let cnames: { name: string; data: string }[] = lookup.answers.filter((a) => a.type === 'CNAME');
  if (!cnames.length) {
    const replies = lookup.queries.filter((q) => q.reply?.answer.some((rr) => rr.type === 'CNAME'));
    const reply = replies[replies.length - 1]?.reply;
    cnames = (reply?.answer ?? []).filter((rr) => rr.type === 'CNAME').map((rr) => ({ name: rr.name, data: rdataText(rr.data) }));
  }
  if (!cnames.length) return [];
  return [cnames[0]!.name, ...cnames.map((c) => c.data)];
}

/** Plugins that see every query without deciding its answer. */
const WATCHERS: ReadonlySet<string> = new Set([
  'log',
  'errors',
  'debug',
  'prometheus',
  'metrics',
  'health',
  'ready',
  'reload',
  'trace',
  'dnstap',
]);

/**
 * Who gave the answer: the /etc/hosts line, or the server and the plugin that decided, with their
 * lab line (`source`, the line a failed check's link goes to).
 */
export function answeredHow(lookup: Lookup): { readonly how: Localized; readonly source?: SourceRef } | undefined {
  const withSource = lookup.answers.find((a) => a.source);
  if (lookup.answeredBy === 'files') {
    const at = withSource?.source ? `, ${where(withSource.source)}` : '';
    return { how: loc(`from /etc/hosts${at}`, `/etc/hosts에서${at}`), ...(withSource?.source ? { source: withSource.source } : {}) };
  }
  const q = [...lookup.queries].reverse().find((x) => x.reply);
  if (!q) {
    // No DNS answer: the nsswitch.conf step that ended the lookup says why (`[NOTFOUND=return]`).
    const ns = [...lookup.steps].reverse().find((s) => s.kind === 'nsswitch');
    if (!ns || lookup.queries.length) return undefined;
    const at = ns.source ? `, ${where(ns.source)}` : '';
    return {
      how: loc(`nsswitch.conf: ${ns.detail.en.replace(/\.$/, '')}${at}`, `nsswitch.conf: ${ns.detail.ko.replace(/\.$/, '')}${at}`),
      ...(ns.source ? { source: ns.source } : {}),
    };
  }
  const qi = lookup.queries.indexOf(q);
  // The plugin that decided: the last one with a say, not those that only watch (log, errors...).
  const step = [...lookup.steps]
    .reverse()
    .find((s) => s.kind === 'server' && s.plugin && !WATCHERS.has(s.plugin) && (s.query === undefined || s.query === qi));
  const src = step?.source ?? withSource?.source;
  const at = src ? `, ${where(src)}` : '';
  const how = step?.plugin
    ? loc(`${q.rcode} from ${q.server}, plugin ${step.plugin}${at}`, `${q.server}의 ${step.plugin} 플러그인이 ${ro(q.rcode)} 응답${at}`)
    : loc(`${q.rcode} from ${q.server}${at}`, `${iga(q.server)} ${ro(q.rcode)} 응답${at}`);
  return { how, ...(src ? { source: src } : {}) };
}

/** What the lookup came to, in a few words: the records found, or why none. */
function found(args: ResolveArgs, lookup: Lookup): Localized {
  const recs = compared(args, lookup).map((a) => a.data);
  if (recs.length) return loc(recs.join(', '), recs.join(', '));
  if (lookup.status === 'tryagain' && !lookup.rcode)
    return loc('no answer: no server replied in time', '응답 없음: 제때 응답한 서버가 없습니다');
  if (args.tool === 'dig') {
    const r = lookup.rcode ?? 'no answer';
    return lookup.rcode === 'NOERROR'
      ? loc(`no ${args.type ?? 'A'} record (NOERROR)`, `${args.type ?? 'A'} 레코드 없음 (NOERROR)`)
      : loc(r, r);
  }
  const g = `${args.name}: ${gaiError(lookup.status === 'success' ? 'nodata' : lookup.status)}`;
  return loc(g, g);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a.map(norm))].sort();
  const y = [...new Set(b.map(norm))].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => fqdn(v) === fqdn(b[i]!));
}

/** The verdict: every expectation the check gives must hold (none given: the name must resolve). */
export function judgeLookup(args: ResolveArgs, lookup: Lookup, head: string): CheckResult {
  const answered = answeredHow(lookup);
  const how = answered?.how;
  const tail = (l: Localized): Localized => (how ? { en: `${l.en} (${how.en})`, ko: `${l.ko} (${how.ko})` } : l);
  const got = found(args, lookup);
  // The line the feedback names: where a failed check's link goes.
  const src = answered?.source ?? lookup.answers.find((a) => a.source)?.source;
  const base = { ...(src ? { source: src } : {}), ...(lookup.warnings?.length ? { warnings: lookup.warnings } : {}) };
  const fail = (l: Localized, expected: string, actual: string): CheckResult => ({
    passed: false,
    feedback: tail({ en: `${head}: ${l.en}`, ko: `${head}: ${l.ko}` }),
    expected,
    actual,
    ...base,
  });
  const recs = compared(args, lookup).map((a) => a.data);
  if (args.status && lookup.status !== args.status)
    return fail(
      loc(
        `expected the lookup to end ${args.status}, it ended ${lookup.status}: ${got.en}`,
        `조회 결과가 ${ieoya(args.status)} 하는데 ${lookup.status}입니다: ${got.ko}`,
      ),
      args.status,
      lookup.status,
    );
  if (args.rcode && lookup.rcode !== args.rcode) {
    const actual = lookup.rcode ?? 'no answer';
    return fail(
      loc(
        `expected the DNS answer ${args.rcode}, got ${actual}: ${got.en}`,
        `DNS 응답이 ${ieoya(args.rcode)} 하는데 ${lookup.rcode ?? '응답 없음'}입니다: ${got.ko}`,
      ),
      args.rcode,
      actual,
    );
  }
  if (args.cname) {
    const chain = cnameChain(lookup);
    if (!sameList(args.cname, chain)) {
      const shown = chain.length ? chain.join(' -> ') : '(no CNAME)';
      const shownKo = chain.length ? chain.join(' -> ') : '(CNAME 없음)';
      return fail(
        loc(
          `expected the CNAME chain ${args.cname.join(' -> ')}, found ${shown}`,
          `CNAME 체인이 ${ieoya(args.cname.join(' -> '))} 하는데 ${shownKo}입니다`,
        ),
        args.cname.join(' -> '),
        shown,
      );
    }
  }
  if (args.expect && !sameSet(args.expect, recs)) {
    const want = args.expect.join(', ');
    return fail(
      recs.length
        ? loc(`expected ${want}, found ${got.en}`, `${eulreul(want)} 기대했지만 ${eulreul(got.ko)} 찾았습니다`)
        : loc(`expected ${want}, but found nothing: ${got.en}`, `${eulreul(want)} 기대했지만 찾지 못했습니다: ${got.ko}`),
      want,
      recs.join(', ') || lookup.status,
    );
  }
  if (!args.status && !args.rcode && !args.expect && !args.cname && lookup.status !== 'success')
    return fail(loc(`the name does not resolve: ${got.en}`, `이름이 해석되지 않습니다: ${got.ko}`), 'success', lookup.status);
  const what = recs.length
    ? loc(`${got.en}, as expected`, `기대대로 ${iga(got.ko)} 나옵니다`)
    : args.rcode
      ? loc(`${args.rcode}, as expected: ${got.en}`, `기대대로 ${args.rcode}: ${got.ko}`)
      : loc(`${lookup.status}, as expected: ${got.en}`, `기대대로 ${lookup.status}: ${got.ko}`);
  return {
    passed: true,
    feedback: tail({ en: `${head}: ${what.en}`, ko: `${head}: ${what.ko}` }),
    actual: recs.join(', ') || lookup.status,
    ...base,
  };
}
