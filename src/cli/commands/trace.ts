/**
 * `knetlab trace`: walks a packet from an endpoint to an address and back, and prints every leg of
 * the walk step by step (text), or the whole result (JSON, the contract described in README.md).
 */
import {
  DEFAULT_SEED,
  formatEndpoint,
  nfText,
  type Lang,
  type Leg,
  type LegKind,
  type Localized,
  parseAddr,
  pick,
  type Step,
  type TraceResult,
  stageWord,
  verdictWord,
} from '../../core';
import type { Command } from '../command';
import { fmt, t, UsageError, warningsJson, warningsText } from '../common';
import { checkEndpoint, loadWorld } from '../lab';
import { traceName } from '../../core/dns/traceName';
import { traceInLab } from '../../core/lab/fileLines';

const M = {
  usage: {
    en: 'usage: knetlab trace LAB --from HOST[/NETNS] --to ADDR|NAME [--proto icmp|tcp|udp] [--port N]',
    ko: '사용법: knetlab trace 실습 --from 호스트[/네임스페이스] --to 주소|이름 [--proto icmp|tcp|udp] [--port N]',
  },
  badProto: { en: 'unknown protocol "{0}" (icmp, tcp or udp)', ko: '알 수 없는 프로토콜 "{0}" (icmp, tcp, udp)' },
  badPort: { en: '"{0}" is not a port (1-65535)', ko: '"{0}"{0|은} 포트가 아닙니다 (1-65535)' },
  badSeed: { en: '"{0}" is not a seed (0-4294967295)', ko: '"{0}"{0|은} 시드가 아닙니다 (0-4294967295)' },
  badAddress: { en: '"{0}" is neither an IP address nor a name', ko: '"{0}"{0|은} IP 주소도 이름도 아닙니다' },
  /** A leg's heading with its label: `Query (DNS query for web.default.svc):`. */
  labelled: { en: '{0} ({1}):', ko: '{0} ({1}):' },
} satisfies Record<string, Localized>;

/** The heading of each kind of leg (without its colon). */
const LEG_HEADINGS: Readonly<Record<LegKind, Localized>> = {
  request: { en: 'Request', ko: '요청' },
  reply: { en: 'Reply', ko: '응답' },
  query: { en: 'Query', ko: '질의' },
  answer: { en: 'Answer', ko: 'DNS 응답' },
  lookup: { en: 'Lookup', ko: '이름 해석' },
};

/** A leg's kind; legs written before legs had kinds are the request first, replies after. */
function legKind(leg: Leg, index: number): LegKind {
  return leg.kind ?? (index === 0 ? 'request' : 'reply');
}

export function stepJson(s: Step, lang: Lang) {
  return { ...s, detail: pick(s.detail, lang) };
}

export function legJson(leg: Leg, index: number, lang: Lang) {
  return {
    kind: legKind(leg, index),
    ...(leg.label ? { label: pick(leg.label, lang) } : {}),
    ...(leg.answers !== undefined ? { answers: leg.answers } : {}),
    ...(leg.parent !== undefined ? { parent: leg.parent } : {}),
    steps: leg.steps.map((s) => stepJson(s, lang)),
  };
}

/** `--format json`: the verdict, the request's and the reply's steps, and every leg in walk order. */
export function traceJson(res: TraceResult, lang: Lang) {
  return {
    replied: res.replied,
    verdict: res.verdict,
    reason: pick(res.reason, lang),
    ...(res.source ? { source: res.source } : {}),
    request: { steps: res.request.steps.map((s) => stepJson(s, lang)) },
    reply: { steps: res.reply.steps.map((s) => stepJson(s, lang)) },
    legs: res.legs.map((l, i) => legJson(l, i, lang)),
    warnings: warningsJson(res.warnings, lang),
  };
}

/**
 * A step's line: `  7. [h eth0] netfilter PREROUTING: nat WEB #2: -A WEB ... → DNAT  (lab.yaml:20)`; a
 * netfilter step that rewrote the packet adds a line with the packet before and after.
 */
export function stepLines(s: Step, i: number, lang: Lang, seed: number): string[] {
  const where = `${s.netns ? `${s.host}/${s.netns}` : s.host}${s.iface ? ` ${s.iface}` : ''}`;
  const src = s.source ? `  (${s.source.file}:${s.source.line})` : '';
  const nf = nfText(s, seed, lang);
  const head = `${String(i + 1).padStart(3)}. [${where}] ${stageWord(s.stage, lang)}${s.hook ? ` ${s.hook}` : ''}: `;
  const lines = [`${head}${nf ? nf.line : pick(s.detail, lang)}${src}`];
  if (nf?.packet) lines.push(`       ${nf.packet}`);
  return lines;
}

export function legHeading(leg: Leg, index: number, lang: Lang): string {
  const heading = pick(LEG_HEADINGS[legKind(leg, index)], lang);
  return leg.label ? fmt(lang, M.labelled, heading, pick(leg.label, lang)) : `${heading}:`;
}

/** The text: the verdict on one line, then each leg with its steps (a plain trace: Request, Reply). */
export function traceText(
  res: TraceResult,
  from: string,
  to: string,
  proto: string,
  port: number | undefined,
  lang: Lang,
  seed: number = DEFAULT_SEED,
): string {
  const what = proto === 'icmp' ? 'ping' : `${proto}/${port ?? 80}`;
  const head = `${from} -> ${to} ${what}: ${verdictWord(res.verdict, lang)}: ${pick(res.reason, lang)}${res.source ? ` (${res.source.file}:${res.source.line})` : ''}`;
  const lines = [head, ...warningsText(res.warnings, lang)];
  res.legs.forEach((leg, i) => {
    lines.push('', legHeading(leg, i, lang));
    leg.steps.forEach((s, n) => lines.push(...stepLines(s, n, lang, seed)));
  });
  return lines.join('\n') + '\n';
}

export const trace: Command = {
  name: 'trace',
  summary: {
    en: 'Walk a packet and its reply through a lab, step by step.',
    ko: '패킷과 그 응답이 실습을 지나가는 과정을 단계별로 보여 줍니다.',
  },
  usage: {
    en: 'trace LAB --from HOST[/NETNS] --to ADDR|NAME [--proto icmp|tcp|udp] [--port N] [--seed N] [--format text|json]',
    ko: 'trace 실습 --from 호스트[/네임스페이스] --to 주소|이름 [--proto icmp|tcp|udp] [--port N] [--seed N] [--format text|json]',
  },
  help: {
    en: "Walk a packet and its reply through the lab, step by step. A name (--to web) is looked up first, as getaddrinfo does, and the lookup's queries and answers come first. Exit 0 when it got its reply, 1 when not. --seed picks the random choices (an iptables statistic rule's branch): the same seed, the same trace.",
    ko: '패킷과 그 응답이 실습을 지나가는 과정을 단계별로 보여 줍니다. 이름(--to web)은 getaddrinfo처럼 먼저 해석하고, 그 질의와 응답을 먼저 보여 줍니다. 응답을 받으면 0, 아니면 1. --seed는 무작위 선택(iptables statistic 규칙의 분기)을 정합니다. 시드가 같으면 추적도 같습니다.',
  },
  listing: 'command',
  options: [
    { name: '--from', value: 'HOST[/NETNS]' },
    { name: '--to', value: 'ADDR|NAME' },
    { name: '--proto', value: 'icmp|tcp|udp' },
    { name: '--port', value: 'N' },
    { name: '--seed', value: 'N' },
    { name: '--format', value: 'text|json' },
    { name: '--student', value: 'ID' },
  ],
  run(p, { lang, io }) {
    const from = p.options.get('--from');
    const to = p.options.get('--to');
    if (!from || !to || p.positional.length > 1) throw new UsageError(M.usage[lang]);
    const proto = p.options.get('--proto') ?? 'icmp';
    if (proto !== 'icmp' && proto !== 'tcp' && proto !== 'udp') throw new UsageError(fmt(lang, M.badProto, proto));
    const portText = p.options.get('--port');
    let port: number | undefined;
    if (portText !== undefined) {
      port = Number(portText);
      if (!/^[0-9]+$/.test(portText) || port < 1 || port > 65535) throw new UsageError(fmt(lang, M.badPort, portText));
    }
    const seedText = p.options.get('--seed');
    if (seedText !== undefined && (!/^[0-9]+$/.test(seedText) || Number(seedText) > 0xffffffff))
      throw new UsageError(fmt(lang, M.badSeed, seedText));
    const format = p.options.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
    // Digits and dots that are no address (1.2.3) are a mistake, not a name.
    if (!parseAddr(to) && (!/^[^\s/]+$/.test(to) || /^[0-9.]+$/.test(to))) throw new UsageError(fmt(lang, M.badAddress, to));
    const { world, lab } = loadWorld(p.positional[0], lang, io, p.options.get('--student'));
    const ep = checkEndpoint(world, from, lang);
    // A name is looked up first, as getaddrinfo does for ping or curl: the lookup's legs come first.
    const { result: found, address } = traceName(world, {
      from: ep,
      to,
      proto,
      ...(port !== undefined ? { port } : {}),
      ...(seedText !== undefined ? { seed: Number(seedText) } : {}),
    });
    // A server's steps name its Corefile's lines: shown as the lab lines that wrote them.
    const res = traceInLab(lab, found);
    if (format === 'json') io.out(JSON.stringify(traceJson(res, lang), null, 2) + '\n');
    else
      io.out(
        traceText(
          res,
          formatEndpoint(ep),
          address && address !== to ? `${to} (${address})` : to,
          proto,
          port,
          lang,
          seedText !== undefined ? Number(seedText) : DEFAULT_SEED,
        ),
      );
    return res.replied ? 0 : 1;
  },
};
