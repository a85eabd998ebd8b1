/**
 * A netfilter step as the trace panel and `knetlab trace` show it: which hook, table and chain, the
 * rule as `iptables -S` prints it (with its lab line), what it decided (ACCEPT, DROP, REJECT, a jump,
 * RETURN, the chain's policy, a target such as DNAT), and, when the packet was rewritten, its
 * addresses and ports before and after with the changed ones marked. conntrack's NAT of a later
 * packet (un-NAT of a reply) and a `statistic` rule's draw are rows of their own.
 *
 * Read from what the walk writes (docs/architecture.md, the netfilter room): a matched rule's note
 * has `data: { table, chain, rule, text }` (and `before`/`after` when it rewrote), a policy's note
 * `policy`, the hook's end `verdict` DROP/REJECT or `before`/`after` for the tables' rewrite,
 * conntrack's NAT `conntrack: 'original' | 'reply'`, a statistic match `statistic`.
 */
import type { SourceRange as SourceRef } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import type { Hook, PacketHeaders, Step } from '../datapath/trace';

/**
 * The names of iptables's target modules: a `-j NAME` that is one of them is a target, any other a
 * jump to a user chain (iptables refuses a chain named like a target). The test checks that it holds
 * every target of src/core/netfilter/targets.
 */
export const TARGET_NAMES: ReadonlySet<string> = new Set(
  (
    'ACCEPT DROP RETURN REJECT LOG MARK DNAT SNAT MASQUERADE REDIRECT QUEUE CONNMARK CT NOTRACK TRACE TPROXY TCPMSS TTL TOS DSCP ' +
    'CLASSIFY CHECKSUM NFLOG NFQUEUE SET AUDIT SECMARK CONNSECMARK IDLETIMER LED RATEEST SYNPROXY TEE HMARK NETMAP CLUSTERIP ULOG ECN'
  ).split(' '),
);

export type NfVerdict =
  | 'ACCEPT'
  | 'DROP'
  | 'REJECT'
  | 'RETURN'
  /** `-j CHAIN`, `-g CHAIN`. */
  | 'jump'
  | 'goto'
  /** The built-in chain's end: its policy decides. */
  | 'policy'
  /** Another target (DNAT, SNAT, MASQUERADE, LOG, MARK...). */
  | 'target'
  /** A rule with no target: it only counts. */
  | 'count'
  /** The hook's tables together rewrote the packet. */
  | 'rewrite'
  /** conntrack applied a connection's NAT (or reversed it on a reply). */
  | 'conntrack'
  /** A `-m statistic` draw. */
  | 'statistic';

/** A packet's addresses and ports. */
export interface NfPacket {
  readonly src: string;
  readonly sport?: number;
  readonly dst: string;
  readonly dport?: number;
  readonly mark?: number;
}

export type NfField = 'src' | 'sport' | 'dst' | 'dport' | 'mark';

export interface NfRewrite {
  readonly before: NfPacket;
  readonly after: NfPacket;
  /** What changed, in the order src, sport, dst, dport, mark. */
  readonly changed: readonly NfField[];
}

export interface NfStatistic {
  readonly mode: string;
  readonly probability: number;
  readonly draw: number;
  /** Whether the rule's branch was taken (else the packet goes on to the next rule). */
  readonly taken: boolean;
  /** The seed of the walk's random choices. */
  readonly seed: number;
}

export interface NetfilterRow {
  readonly hook?: Hook;
  readonly table?: string;
  readonly chain?: string;
  /** The rule's number in its chain. */
  readonly rule?: number;
  /** `-A CHAIN ...`, as `iptables -S` prints it. */
  readonly text?: string;
  readonly verdict: NfVerdict;
  /** The target or chain named by `-j`/`-g`, the policy, or the hook's DROP/REJECT. */
  readonly target?: string;
  /** The lab line of the rule (or the policy, or the rule behind the verdict). */
  readonly source?: SourceRef;
  readonly rewrite?: NfRewrite;
  readonly conntrack?: 'original' | 'reply';
  readonly statistic?: NfStatistic;
  /** Bridged traffic asking FORWARD (br_netfilter). */
  readonly bridged?: boolean;
  /** What was decided, in a few words: `→ DNAT`, `→ jump WEB`, `policy DROP`, `un-NAT of the reply`. */
  readonly outcome: Localized;
}

/** The word after the last `-j`/`-g` of a rule's text (quoted strings, such as comments, skipped). */
export function ruleTarget(text: string): { readonly how: '-j' | '-g'; readonly name: string } | undefined {
  const words = text.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  for (let i = words.length - 2; i >= 0; i--) {
    const w = words[i];
    if (w === '-j' || w === '--jump' || w === '-g' || w === '--goto')
      return { how: w === '-g' || w === '--goto' ? '-g' : '-j', name: words[i + 1]! };
  }
  return undefined;
}

export function nfPacket(p: PacketHeaders): NfPacket {
  const ports = p.tcp ?? p.udp;
  return {
    src: p.ip.src,
    ...(ports ? { sport: ports.sport } : {}),
    dst: p.ip.dst,
    ...(ports ? { dport: ports.dport } : {}),
    ...(p.mark ? { mark: p.mark } : {}),
  };
}

/** `10.0.0.1:40000`, `[2001:db8::1]:80`, or the address alone. */
export function endpointText(addr: string, port: number | undefined): string {
  if (port === undefined) return addr;
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** `src > dst` of a packet, as the CLI prints a packet. */
export function nfPacketText(p: NfPacket): string {
  return `${endpointText(p.src, p.sport)} > ${endpointText(p.dst, p.dport)}${p.mark ? ` mark 0x${p.mark.toString(16)}` : ''}`;
}

export function nfRewrite(before: PacketHeaders, after: PacketHeaders): NfRewrite {
  const b = nfPacket(before);
  const a = nfPacket(after);
  const fields: NfField[] = ['src', 'sport', 'dst', 'dport', 'mark'];
  return { before: b, after: a, changed: fields.filter((f) => b[f] !== a[f]) };
}

const isHeaders = (v: unknown): v is PacketHeaders =>
  typeof v === 'object' && v !== null && typeof (v as { ip?: { src?: unknown } }).ip?.src === 'string';

function outcomeOf(
  verdict: NfVerdict,
  target: string | undefined,
  extra: { conntrack?: string; statistic?: NfStatistic; hook?: string },
): Localized {
  const x = target ?? '';
  switch (verdict) {
    case 'ACCEPT':
    case 'DROP':
    case 'REJECT':
    case 'RETURN':
      return loc(`→ ${verdict}`, `→ ${verdict}`);
    case 'target':
      return loc(`→ ${x}`, `→ ${x}`);
    case 'jump':
      return loc(`→ jump to ${x}`, `→ ${x} 체인으로 점프`);
    case 'goto':
      return loc(`→ go to ${x}`, `→ ${x} 체인으로 이동`);
    case 'policy':
      return loc(`no rule decided: policy ${x}`, `결정한 규칙 없음: 정책 ${x}`);
    case 'count':
      return loc('matched (no target: counted only)', '일치 (타깃 없음: 세기만 함)');
    case 'rewrite':
      return loc(`the tables at ${extra.hook ?? 'this hook'} rewrote the packet`, `${extra.hook ?? '이 훅'}의 테이블들이 패킷을 바꿈`);
    case 'conntrack':
      return extra.conntrack === 'reply'
        ? loc("conntrack: the reply is un-NATed (the connection's NAT reversed)", 'conntrack: 응답의 NAT를 되돌림 (역변환)')
        : loc("conntrack: the connection's NAT applied", 'conntrack: 연결의 NAT 적용');
    case 'statistic': {
      const s = extra.statistic!;
      const pct = `${Math.round(s.probability * 10000) / 100}%`;
      const drawn = s.draw.toFixed(4);
      return s.taken
        ? loc(`statistic: drew ${drawn} (probability ${pct}): branch taken`, `statistic: 뽑은 값 ${drawn} (확률 ${pct}): 이 분기를 탐`)
        : loc(
            `statistic: drew ${drawn} (probability ${pct}): not taken, on to the next rule`,
            `statistic: 뽑은 값 ${drawn} (확률 ${pct}): 타지 않고 다음 규칙으로`,
          );
    }
  }
}

/**
 * The row of a netfilter step; undefined for any other step. `seed` is the seed the trace ran with
 * (a statistic row shows it, so that the run can be reproduced or changed).
 */
export function netfilterRow(step: Step, seed: number): NetfilterRow | undefined {
  if (step.stage !== 'netfilter') return undefined;
  const d = step.data ?? {};
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const table = s('table');
  const chain = s('chain');
  const text = s('text');
  const rule = typeof d['rule'] === 'number' ? d['rule'] : undefined;
  const before = d['before'];
  const after = isHeaders(d['after']) ? d['after'] : step.packet;
  if (!after) return undefined;
  const rewrite = isHeaders(before) ? nfRewrite(before, after) : undefined;
  const conntrack = d['conntrack'] === 'reply' || d['conntrack'] === 'original' ? d['conntrack'] : undefined;
  const st = d['statistic'] as Record<string, unknown> | undefined;
  const statistic: NfStatistic | undefined =
    st && typeof st === 'object' && typeof st['probability'] === 'number' && typeof st['draw'] === 'number'
      ? { mode: String(st['mode'] ?? 'random'), probability: st['probability'], draw: st['draw'], taken: st['taken'] === true, seed }
      : undefined;
  let verdict: NfVerdict;
  let target: string | undefined;
  if (statistic) verdict = 'statistic';
  else if (conntrack) verdict = 'conntrack';
  else if (s('policy') !== undefined) [verdict, target] = ['policy', s('policy')];
  else if (text !== undefined) {
    const t = ruleTarget(text);
    if (!t) verdict = 'count';
    else if (t.how === '-g') [verdict, target] = ['goto', t.name];
    else if (['ACCEPT', 'DROP', 'REJECT', 'RETURN'].includes(t.name)) [verdict, target] = [t.name as NfVerdict, t.name];
    else if (TARGET_NAMES.has(t.name)) [verdict, target] = ['target', t.name];
    else [verdict, target] = ['jump', t.name];
  } else if (s('verdict') === 'DROP' || s('verdict') === 'REJECT') [verdict, target] = [s('verdict') as NfVerdict, s('verdict')];
  else if (rewrite) verdict = 'rewrite';
  else verdict = 'count';
  const hook = step.hook;
  return {
    ...(hook ? { hook } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(chain !== undefined ? { chain } : {}),
    ...(rule !== undefined ? { rule } : {}),
    ...(text !== undefined ? { text } : {}),
    verdict,
    ...(target !== undefined ? { target } : {}),
    ...(step.source ? { source: step.source } : {}),
    ...(rewrite ? { rewrite } : {}),
    ...(conntrack ? { conntrack } : {}),
    ...(statistic ? { statistic } : {}),
    ...(d['bridged'] === true ? { bridged: true } : {}),
    outcome: outcomeOf(verdict, target, {
      ...(conntrack ? { conntrack } : {}),
      ...(statistic ? { statistic } : {}),
      ...(hook ? { hook } : {}),
    }),
  };
}

/** `nat WEB #2` / `nat 테이블 WEB 체인 2번 규칙`: where in the tables a row is; '' when it names no table. */
export function nfWhere(row: NetfilterRow): Localized {
  if (row.table === undefined) return loc('', '');
  const chain = row.chain ?? '';
  if (row.rule === undefined) return loc(`${row.table} ${chain}`, `${row.table} 테이블 ${chain} 체인`);
  return loc(`${row.table} ${chain} #${row.rule}`, `${row.table} 테이블 ${chain} 체인 ${row.rule}번 규칙`);
}

const FIELD_NAMES: Readonly<Record<NfField, Localized>> = {
  src: loc('source', '출발지'),
  sport: loc('source port', '출발지 포트'),
  dst: loc('destination', '목적지'),
  dport: loc('destination port', '목적지 포트'),
  mark: loc('mark', '마크'),
};

/** The changed fields in words: `destination, destination port changed` / `목적지, 목적지 포트 바뀜`. */
export function nfChanged(rw: NfRewrite): Localized {
  if (!rw.changed.length) return loc('nothing changed', '바뀐 것 없음');
  const en = rw.changed.map((f) => FIELD_NAMES[f].en).join(', ');
  const ko = rw.changed.map((f) => FIELD_NAMES[f].ko).join(', ');
  return loc(`${en} changed`, `${ko} 바뀜`);
}

export function nfFieldName(f: NfField): Localized {
  return FIELD_NAMES[f];
}

/**
 * A netfilter step in one line of text (the CLI's trace): where in the tables, the rule, what it
 * decided; and, when the packet was rewritten, the packet before and after on a line of its own.
 * Undefined for a step that is no netfilter row, or one whose own sentence says it better (the
 * hook's DROP or REJECT, which names the rule behind it).
 */
export function nfText(step: Step, seed: number, lang: 'en' | 'ko'): { readonly line: string; readonly packet?: string } | undefined {
  const row = netfilterRow(step, seed);
  if (!row || ((row.verdict === 'DROP' || row.verdict === 'REJECT') && row.text === undefined)) return undefined;
  const where = nfWhere(row)[lang];
  let line: string;
  if (row.text !== undefined) line = `${where}: ${row.text} ${row.outcome[lang]}`;
  else if (row.verdict === 'policy') line = `${where}: ${row.outcome[lang]}`;
  else if (row.verdict === 'statistic') line = `${row.outcome[lang]} (${lang === 'ko' ? '시드' : 'seed'} ${row.statistic!.seed})`;
  else line = row.outcome[lang];
  if (row.bridged) line += lang === 'ko' ? ' (브리지 트래픽)' : ' (bridged)';
  const rw = row.rewrite;
  if (!rw || !rw.changed.length) return { line };
  return { line, packet: `${nfPacketText(rw.before)} → ${nfPacketText(rw.after)} (${nfChanged(rw)[lang]})` };
}
