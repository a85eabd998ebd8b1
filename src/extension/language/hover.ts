/**
 * Hovers on a lab file: an address or prefix (its network, who owns it, which routes cover it), a
 * command of a run line (what it does), a host name (its interfaces after the run lines) and a key
 * (its schema description). Plain data in, Markdown out.
 */
import {
  type Addr,
  BITS,
  formatAddr,
  type HostSpec,
  type Lang,
  type Lab,
  loc,
  nsLabel,
  parseAddr,
  checkEndpoints,
  pick,
  type RunLine,
  type World,
} from '../../core';
import type { LabAnalysis } from './analysis';
import { describeCommand, describeWord } from './commandDocs';
import { keyAt, schemaDescription, splitDescription } from './schemaDocs';
import { contains, lineAt, matchAt, offsetAt, type Pos, rangeContains, type Span, spanOf, wordAt } from './span';
import { coveringRoutes, describeRoute, hostInterfaces, interfacesOn, ownersOf, prefixFacts } from './worldFacts';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,3})?(?![\d.])/g;
const IPV6 = /(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\/\d{1,3})?(?![0-9A-Fa-f:])/g;
const MAX_ROUTES = 12;

export function hoverAt(a: LabAnalysis, pos: Pos, lang: Lang): HoverResult | undefined {
  return addressHover(a, pos, lang) ?? commandHover(a, pos, lang) ?? hostHover(a, pos, lang) ?? keyHover(a, pos, lang);
}

// ---------------------------------------------------------------------------------------------
// addresses and prefixes

export interface AddressToken {
  readonly addr: Addr;
  /** The prefix length as written, if any. */
  readonly len?: number;
  readonly span: Span;
  readonly text: string;
}

export function addressAt(text: string, pos: Pos): AddressToken | undefined {
  for (const re of [IPV4, IPV6]) {
    const m = matchAt(text, pos, re);
    if (!m) continue;
    const [addrText, lenText] = m.text.split('/') as [string, string | undefined];
    const addr = parseAddr(addrText);
    if (!addr) continue;
    const len = lenText === undefined ? undefined : Number(lenText);
    if (len !== undefined && len > BITS[addr.family]) continue;
    return { addr, span: m.span, text: m.text, ...(len !== undefined ? { len } : {}) };
  }
  return undefined;
}

function addressHover(a: LabAnalysis, pos: Pos, lang: Lang): HoverResult | undefined {
  const tok = addressAt(a.text, pos);
  if (!tok) return undefined;
  const world = a.built()?.world;
  return { markdown: describeAddress(tok, world, lang), span: tok.span };
}

const t = (en: string, ko: string, lang: Lang) => pick(loc(en, ko), lang);

export function describeAddress(tok: Pick<AddressToken, 'addr' | 'len' | 'text'>, world: World | undefined, lang: Lang): string {
  const lines: string[] = [`**${tok.text}**`, ''];
  const owners = world ? ownersOf(world, tok.addr) : [];
  // A bare address takes its subnet from the interface that holds it.
  const len = tok.len ?? (owners.length === 1 ? owners[0]!.addr.prefixLen : undefined);
  const bits = BITS[tok.addr.family];
  if (len !== undefined && len < bits) {
    const f = prefixFacts(tok.addr, len);
    const isNetwork = formatAddr(tok.addr) === f.network.split('/')[0] && tok.len !== undefined;
    lines.push(
      `- ${t('network', '네트워크', lang)}: \`${f.network}\`${isNetwork ? t(' (this prefix is the network itself)', ' (이 프리픽스가 네트워크 자체)', lang) : ''}`,
    );
    if (f.broadcast) lines.push(`- ${t('broadcast', '브로드캐스트', lang)}: \`${f.broadcast}\``);
    if (f.first && f.last)
      lines.push(
        `- ${t('host range', '호스트 범위', lang)}: \`${f.first}\` – \`${f.last}\` (${f.size} ${t(f.size === 1n ? 'address' : 'addresses', '개 주소', lang)})`,
      );
  }
  if (!world) {
    lines.push(
      '',
      t(
        '_The lab does not load: fix its errors to see who owns this address._',
        '_실습을 읽을 수 없습니다. 오류를 고치면 이 주소의 주인을 볼 수 있습니다._',
        lang,
      ),
    );
    return lines.join('\n');
  }
  const isPrefix = tok.len !== undefined && tok.len < bits && owners.length === 0;
  if (owners.length) {
    lines.push(
      `- ${t('owned by', '주인', lang)}: ${owners.map((o) => `${nsLabel(o.ns)} \`${o.link.name}\` (${formatAddr(o.addr.addr)}/${o.addr.prefixLen}${o.link.up ? '' : ', DOWN'})`).join(', ')}`,
    );
  } else if (!isPrefix) {
    lines.push(`- ${t('no interface of this lab holds this address', '이 실습의 어떤 인터페이스도 이 주소를 갖고 있지 않습니다', lang)}`);
  }
  if (isPrefix) {
    const on = interfacesOn(world, tok.addr, tok.len!);
    lines.push(
      on.length
        ? `- ${t('interfaces on this network', '이 네트워크의 인터페이스', lang)}: ${on.map((o) => `${nsLabel(o.ns)} \`${o.link.name}\` (${formatAddr(o.addr.addr)})`).join(', ')}`
        : `- ${t('no interface of this lab is on this network', '이 실습의 어떤 인터페이스도 이 네트워크에 없습니다', lang)}`,
    );
  }
  const routes = coveringRoutes(world, tok.addr, isPrefix ? tok.len : undefined);
  if (routes.length) {
    lines.push(
      '',
      t('Routes that cover it (the one each namespace would use):', '이 주소를 다루는 라우트 (네임스페이스마다 쓸 라우트):', lang),
      '',
    );
    for (const { ns, route } of routes.slice(0, MAX_ROUTES)) lines.push(`- \`${describeRoute(ns, route)}\``);
    if (routes.length > MAX_ROUTES)
      lines.push(`- … ${t(`${routes.length - MAX_ROUTES} more`, `${routes.length - MAX_ROUTES}개 더`, lang)}`);
  } else {
    lines.push(
      '',
      t('No namespace of this lab has a route to it.', '이 실습의 어떤 네임스페이스에도 이 주소로 가는 라우트가 없습니다.', lang),
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// commands of run lines

export function runLineAt(lab: Lab | undefined, pos: Pos): { host: HostSpec; line: RunLine } | undefined {
  if (!lab) return undefined;
  for (const host of lab.hosts)
    for (const line of host.run) if (line.range.line === line.range.endLine && rangeContains(line.range, pos)) return { host, line };
  return undefined;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SEPARATORS = new Set([';', '&&', '||', '|', '&']);

function tokens(line: string): Token[] {
  return [...line.matchAll(/&&|\|\||[;|&]|[^\s;|&]+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The command under the cursor in a run line: its words, the netns an `ip netns exec` around it
 * names, and which of its words the cursor is on (-1 between words).
 */
export function commandAt(lineText: string, offset: number): { words: string[]; netns?: string; index: number } | undefined {
  const toks = tokens(lineText);
  if (toks[0]?.text.startsWith('#')) return undefined;
  let segStart = 0;
  for (let i = 0; i <= toks.length; i++) {
    if (i === toks.length || SEPARATORS.has(toks[i]!.text)) {
      const seg = toks.slice(segStart, i);
      const last = seg[seg.length - 1];
      if (seg.length && offset >= seg[0]!.start && offset <= last!.end) return splitExec(seg, offset);
      segStart = i + 1;
    }
  }
  return undefined;
}

function splitExec(seg: Token[], offset: number): { words: string[]; netns?: string; index: number } {
  let netns: string | undefined;
  let i = 0;
  while (seg[i]?.text === 'ip' && seg[i + 1]?.text === 'netns' && seg[i + 2]?.text === 'exec' && seg[i + 3]) {
    // on the `ip netns exec NS` words themselves: that command
    if (offset <= seg[i + 3]!.end)
      return {
        words: seg
          .slice(i)
          .map((x) => x.text)
          .slice(0, 4),
        index: seg.slice(i, i + 4).findIndex((x) => offset >= x.start && offset <= x.end),
      };
    netns = seg[i + 3]!.text;
    i += 4;
  }
  const rest = seg.slice(i);
  return {
    words: rest.map((x) => x.text),
    ...(netns ? { netns } : {}),
    index: rest.findIndex((x) => offset >= x.start && offset <= x.end),
  };
}

function commandHover(a: LabAnalysis, pos: Pos, lang: Lang): HoverResult | undefined {
  const at = runLineAt(a.lab, pos);
  if (!at) return undefined;
  const lineText = lineAt(a.text, pos.line);
  const cmd = commandAt(lineText, pos.character);
  if (!cmd || !cmd.words.length) return undefined;
  const word = wordAt(a.text, pos, /[^\s;|&]/);
  // a word the command explains (`-j MASQUERADE`, `-t nat`, a chain), else the command's form
  const said = cmd.index > 0 ? describeWord(cmd.words, cmd.index) : undefined;
  const doc = said ? undefined : describeCommand(cmd.words);
  if (!said && !doc) return undefined;
  const lines = said ? [`**\`${said.title}\`**`, '', pick(said.doc, lang)] : [`\`${doc!.pattern}\``, '', pick(doc!.doc, lang)];
  const nsOpt = cmd.words[0] === 'ip' && cmd.words[1] === '-n' ? cmd.words[2] : undefined;
  const where = cmd.netns ?? nsOpt;
  if (where && !said)
    lines.push(
      '',
      t(
        `Runs in network namespace \`${where}\` of ${at.host.name}.`,
        `${at.host.name}의 네트워크 네임스페이스 \`${where}\` 안에서 실행됩니다.`,
        lang,
      ),
    );
  const run = a.built()?.runs.find((r) => r.range.line === at.line.range.line && r.host === at.host.name);
  if (run && run.status !== 0)
    lines.push(
      '',
      t(
        `In the simulator this line fails (exit status ${run.status}).`,
        `시뮬레이터에서 이 줄은 실패합니다 (종료 상태 ${run.status}).`,
        lang,
      ),
    );
  return { markdown: lines.join('\n'), span: word?.span ?? spanOf(at.line.range) };
}

// ---------------------------------------------------------------------------------------------
// host names

/** The host named at `pos`: on its key under `hosts:`, or in a check's `from:` / `on:`. */
export function hostNameAt(a: LabAnalysis, pos: Pos): { host: HostSpec; span: Span } | undefined {
  const lab = a.lab;
  if (!lab) return undefined;
  for (const h of lab.hosts) if (rangeContains(h.range, pos)) return { host: h, span: spanOf(h.range) };
  const w = wordAt(a.text, pos);
  if (!w) return undefined;
  for (const ex of lab.exercises) {
    for (const c of ex.checks) {
      for (const { endpoint: ep, range } of checkEndpoints(c)) {
        if (!rangeContains(range, pos)) continue;
        const h = ep.host === w.text ? lab.hosts.find((x) => x.name === ep.host) : undefined;
        if (h) return { host: h, span: w.span };
      }
    }
  }
  return undefined;
}

function hostHover(a: LabAnalysis, pos: Pos, lang: Lang): HoverResult | undefined {
  const found = hostNameAt(a, pos);
  if (!found) return undefined;
  return { markdown: describeHost(found.host, a.built()?.world, lang), span: found.span };
}

export function describeHost(spec: HostSpec, world: World | undefined, lang: Lang): string {
  const lines = [`**${t('host', '호스트', lang)} ${spec.name}**`, ''];
  const host = world?.hosts.get(spec.name);
  if (!host) {
    for (const i of spec.interfaces) lines.push(`- \`${i.name}\` → ${i.switch}`);
  } else {
    lines.push(t('Interfaces after the run lines:', 'run 줄을 실행한 뒤의 인터페이스:', lang), '');
    for (const i of hostInterfaces(host)) {
      const where = i.netns ? `${i.netns}: ` : '';
      const cable = i.switchName ? ` → ${i.switchName}` : i.master ? ` (master ${i.master})` : ` (${i.kind})`;
      const addrs = i.addrs.length ? i.addrs.map((x) => `\`${x}\``).join(', ') : t('no address', '주소 없음', lang);
      lines.push(`- ${where}\`${i.name}\`${cable} ${i.up ? 'UP' : 'DOWN'}: ${addrs}`);
    }
    const fwd = host.netns.get('')?.sysctl.ipForward;
    lines.push('', `ip_forward: ${fwd ? '1' : '0'}`);
  }
  lines.push('', t(`${spec.run.length} run line(s)`, `run 줄 ${spec.run.length}개`, lang));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// keys

function keyHover(a: LabAnalysis, pos: Pos, lang: Lang): HoverResult | undefined {
  const offset = offsetAt(a.text, pos);
  const key = keyAt(a.text, offset);
  if (!key) return undefined;
  const desc = schemaDescription(key.path);
  if (!desc) return undefined;
  const w = wordAt(a.text, pos, /[^\s:{},[\]]/);
  const span = w ?? { span: { start: pos, end: pos } };
  const pathText = key.path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.');
  return {
    markdown: `\`${pathText}\`\n\n${splitDescription(desc, lang)}`,
    span: contains(span.span, pos) ? span.span : { start: pos, end: pos },
  };
}
