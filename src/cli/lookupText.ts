/**
 * A lookup (dns/lookup.ts) as `knetlab resolve` prints it: the result on one line, then every step
 * numbered with its lab line; a query's step is followed by its network legs, printed as `knetlab
 * trace` prints legs. `--format json` is `lookupJson`, the contract described in README.md.
 */
import { DEFAULT_SEED, type Lang, type Localized, pick } from '../core';
import type { Lookup, LookupStatus, LookupStep, LookupStepKind } from '../core/dns/lookup';
import { gaiError } from '../core/dns/gai';
import { fmt, warningsJson, warningsText } from './common';
import { legHeading, legJson, stepLines } from './commands/trace';

/** An NSS status as the head line names it: nsswitch.conf's own word in English (`NOTFOUND`), the course's words in Korean. */
const STATUS_WORDS: Readonly<Record<LookupStatus, Localized>> = {
  success: { en: 'SUCCESS', ko: '찾음' },
  notfound: { en: 'NOTFOUND', ko: '찾을 수 없음' },
  nodata: { en: 'NODATA', ko: '레코드 없음' },
  tryagain: { en: 'TRYAGAIN', ko: '응답 없음' },
  unavail: { en: 'UNAVAIL', ko: '사용할 수 없음' },
};

/** A step's kind as its line names it. */
const KIND_WORDS: Readonly<Record<LookupStepKind, Localized>> = {
  nsswitch: { en: 'nsswitch', ko: 'nsswitch' },
  hosts: { en: 'hosts', ko: 'hosts' },
  search: { en: 'search', ko: '검색 후보' },
  query: { en: 'query', ko: '질의' },
  server: { en: 'server', ko: '서버' },
  timeout: { en: 'timeout', ko: '시간 초과' },
  answer: { en: 'answer', ko: '응답' },
  note: { en: 'note', ko: '참고' },
};

const M = {
  noServer: { en: 'connection timed out; no servers could be reached', ko: '연결 시간 초과: 응답한 서버가 없습니다' },
  elapsed: { en: '({0} ms)', ko: '({0}ms)' },
} satisfies Record<string, Localized>;

const GLIBC_TOOLS = new Set(['getent-hosts', 'getent-ahosts', 'getaddrinfo']);

/** The status word of the head line. */
export function statusWord(status: LookupStatus, lang: Lang): string {
  return pick(STATUS_WORDS[status], lang);
}

/** An answer as the head line lists it: the address alone, another record with its type (`CNAME www.example.com.`). */
function answerText(a: Lookup['answers'][number]): string {
  return a.type === 'A' || a.type === 'AAAA' ? a.data : `${a.type} ${a.data}`;
}

/** What the lookup found, or why not, in the words of the program that asked. */
function outcome(lookup: Lookup, lang: Lang): string {
  if (lookup.answers.length) return lookup.answers.map(answerText).join(', ');
  const glibc = GLIBC_TOOLS.has(lookup.request.tool);
  if (glibc) return `${lookup.request.name}: ${gaiError(lookup.status)}`;
  if (lookup.rcode !== undefined) return lookup.rcode;
  return pick(M.noServer, lang);
}

/** `client -> web A (getaddrinfo): SUCCESS: 10.0.0.5 (lab.yaml:14)`: the head line. */
export function headLine(lookup: Lookup, from: string, lang: Lang): string {
  const r = lookup.request;
  const type = r.type ? ` ${r.type}` : '';
  const server = r.server ? ` @${r.server}` : '';
  const rcode = lookup.rcode !== undefined ? ` [${lookup.rcode}]` : '';
  const src = lookup.answers.find((a) => a.source)?.source;
  const at = src ? ` (${src.file}:${src.line})` : '';
  const took = lookup.elapsedMs > 0 ? ` ${fmt(lang, M.elapsed, String(lookup.elapsedMs))}` : '';
  return `${from} -> ${r.name}${type}${server} (${r.tool}): ${statusWord(lookup.status, lang)}${rcode}: ${outcome(lookup, lang)}${at}${took}`;
}

function stepLine(s: LookupStep, i: number, lang: Lang): string {
  const kind = pick(KIND_WORDS[s.kind], lang);
  const plugin = s.plugin ? ` ${s.plugin}` : '';
  const src = s.source ? `  (${s.source.file}:${s.source.line})` : '';
  return `${String(i + 1).padStart(3)}. ${kind}${plugin}: ${pick(s.detail, lang)}${src}`;
}

/**
 * The text: the head line, the warnings, then each step; after a query's step, the legs of that
 * query (its request and answer, a server's upstream queries), each as a trace prints a leg, indented.
 */
export function lookupText(lookup: Lookup, from: string, lang: Lang, seed: number = DEFAULT_SEED): string {
  const lines = [headLine(lookup, from, lang), ...warningsText(lookup.warnings, lang)];
  const shown = new Set<number>();
  const legLines = (index: number) => {
    const leg = lookup.legs[index];
    if (!leg || shown.has(index)) return;
    shown.add(index);
    lines.push(`       ${legHeading(leg, index, lang)}`);
    leg.steps.forEach((st, n) => lines.push(...stepLines(st, n, lang, seed).map((l) => `       ${l}`)));
  };
  if (lookup.steps.length) lines.push('');
  lookup.steps.forEach((s, i) => {
    lines.push(stepLine(s, i, lang));
    if (s.kind === 'query' && s.query !== undefined) for (const l of lookup.queries[s.query]?.legs ?? []) legLines(l);
  });
  // Legs no query step named (a lookup that names none): after the steps, in order.
  const rest = lookup.legs.map((_l, i) => i).filter((i) => !shown.has(i));
  if (rest.length) {
    lines.push('');
    rest.forEach(legLines);
  }
  return lines.join('\n') + '\n';
}

/** `--format json`: `{ answers, rcode, status, queries, steps, legs, warnings }` (README.md's CLI section). */
export function lookupJson(lookup: Lookup, lang: Lang) {
  return {
    answers: lookup.answers.map((a) => ({ name: a.name, type: a.type, ttl: a.ttl, data: a.data })),
    rcode: lookup.rcode ?? null,
    status: lookup.status,
    queries: lookup.queries.map((q) => ({ name: q.name, type: q.type, server: q.server, rcode: q.rcode })),
    steps: lookup.steps.map((s) => ({
      kind: s.kind,
      detail: pick(s.detail, lang),
      ...(s.plugin ? { plugin: s.plugin } : {}),
      ...(s.query !== undefined ? { query: s.query } : {}),
      ...(s.source ? { source: s.source } : {}),
      ...(s.data ? { data: s.data } : {}),
    })),
    legs: lookup.legs.map((l, i) => legJson(l, i, lang)),
    warnings: warningsJson(lookup.warnings, lang),
  };
}
