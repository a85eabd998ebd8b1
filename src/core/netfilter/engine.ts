/**
 * The tables at a hook, as the kernel runs them: in priority order (model.ts HOOK_TABLES), each
 * table's built-in chain for the hook from its first rule, into user chains by `-j` (coming back
 * after them, or at RETURN) and `-g` (not coming back), until a target decides or the built-in
 * chain ends in its policy. The nat table sees only a connection's first packet: its DNAT, SNAT,
 * MASQUERADE or REDIRECT become the connection's NAT (Flow.nat), which conntrack applies to every
 * later packet and reverses for the replies (walk/hooks.ts); the tables after it at the same hook
 * see the translated packet.
 *
 * A long chain is not scanned rule by rule: its index (chainIndex.ts) gives the next rule that can
 * match the packet's destination, which is the rule the scan would reach first, so the answer, the
 * notes and the statistic draws are the same.
 *
 * Every rule that matched is a note for the trace, with its table, chain, number, `-A` text and lab
 * line (data: { table, chain, rule, text }), and the packet before and after when it changed it.
 * A walk never writes the tables (their counters included): counters.ts counts a trace's notes.
 */
import { type Addr, formatAddr } from '../net/addr';
import { type Localized, loc } from '../text/i18n';
import { ro } from '../text/particle';
import { describe, headers, type Packet } from '../datapath/packet';
import type { HookContext, HookDecision, NetfilterNote, RejectWith } from '../datapath/seams';
import type { SourceRef } from '../sim/model';
import { type ChainIndex, chainIndex, nextCandidate } from './chainIndex';
import { ipMatches, ipView } from './ipspec';
import { type Chain, HOOK_TABLES, type Table, type TableName } from './model';
import type { EvalCtx } from './module';
import { ruleText } from './save';

/** The kernel's limit of nested jumps (XT_MAX_JUMPS in spirit: nf_tables allows 16 levels). */
const MAX_DEPTH = 16;

interface Tables {
  table(name: TableName): Table;
}

type ChainEnd =
  | { readonly kind: 'accept'; readonly packet: Packet }
  | { readonly kind: 'drop'; readonly detail: Localized; readonly source?: SourceRef }
  | { readonly kind: 'reject'; readonly with: RejectWith; readonly detail: Localized; readonly source?: SourceRef }
  | { readonly kind: 'nat'; readonly packet: Packet; readonly nat: { kind: 'snat' | 'dnat'; to: Addr; port?: number } };

export function runTables(ipt: Tables, ctx: HookContext): HookDecision {
  const notes: NetfilterNote[] = [];
  let p = ctx.packet;
  // raw and mangle come before conntrack's NAT (-100): they see a NATed connection's packet as it came.
  let early = ctx.untranslated;
  for (const name of HOOK_TABLES[ctx.hook]) {
    // The nat table is for a connection's first packet only; conntrack does the rest.
    if (name === 'nat' && !(ctx.conn?.fresh && !ctx.conn.related)) continue;
    const table = ipt.table(name);
    const chain = table.chains.get(ctx.hook);
    if (!chain) continue;
    const pre = early && (name === 'raw' || name === 'mangle') ? early : undefined;
    const end = runChain(table, chain, { ...ctx, packet: pre ? withMark(pre, p.mark) : p }, notes);
    if (!pre) early = undefined;
    switch (end.kind) {
      case 'drop':
        return { verdict: 'drop', detail: end.detail, ...(end.source ? { source: end.source } : {}), notes };
      case 'reject':
        return { verdict: 'reject', with: end.with, detail: end.detail, ...(end.source ? { source: end.source } : {}), notes };
      case 'accept':
        if (pre) {
          early = end.packet;
          p = withMark(p, end.packet.mark);
        } else p = end.packet;
        break;
      case 'nat': {
        const conn = ctx.conn!;
        ctx.flow.nat(conn.conn, end.nat.kind, end.nat.to, end.nat.port);
        p = ctx.flow.translate(ctx.hook, conn, end.packet);
        break;
      }
    }
  }
  if (p === ctx.packet) return { verdict: 'accept', notes };
  return {
    verdict: 'rewrite',
    packet: p,
    detail: loc(
      `The tables at ${ctx.hook} rewrote the packet: ${describe(ctx.packet)} becomes ${describe(p)}.`,
      `${ctx.hook}의 테이블이 패킷을 바꿨습니다: ${describe(ctx.packet)} → ${describe(p)}.`,
    ),
    notes,
  };
}

/** The packet with this mark (itself when it has it already). */
function withMark(p: Packet, mark: number | undefined): Packet {
  return (p.mark ?? 0) === (mark ?? 0) ? p : { ...p, mark };
}

function tableChain(table: Table, chain: Chain): { en: string; ko: string } {
  return { en: `${table.name} ${chain.name}`, ko: `${table.name} 테이블 ${chain.name} 체인` };
}

/** One built-in chain, and the user chains it leads to, for one packet. */
function runChain(table: Table, start: Chain, ctx0: HookContext, notes: NetfilterNote[]): ChainEnd {
  const stack: { chain: Chain; next: number }[] = [];
  let chain = start;
  let i = 0;
  let p = ctx0.packet;
  let view = { packet: p, ip: ipView(p) };
  // A long chain's index (chainIndex.ts), checked against its rules once per chain for this packet at this hook.
  let indexes: Map<Chain, ChainIndex> | undefined;
  let ixFor: Chain | undefined;
  let ix: ChainIndex | undefined;
  for (;;) {
    if (view.packet !== p) view = { packet: p, ip: ipView(p) };
    if (chain !== ixFor) {
      ixFor = chain;
      ix = indexes?.get(chain) ?? chainIndex(chain);
      if (ix) (indexes ??= new Map()).set(chain, ix);
    }
    // The next rule that can match: the next one, or the next the index has for the destination.
    if (ix && view.ip.v4) i = nextCandidate(ix, view.ip.dst, i);
    if (i >= chain.rules.length) {
      const back = chain.hook ? undefined : stack.pop();
      if (back) {
        [chain, i] = [back.chain, back.next];
        continue;
      }
      return policy(table, start, p, notes);
    }
    const rule = chain.rules[i++]!;
    // Most rules fail on their IP part: the rest of the context is made only for those that pass it.
    if (!ipMatches(rule.ip, view.ip, ctx0.io)) continue;
    const pending: NetfilterNote[] = [];
    const ctx: EvalCtx = {
      ...ctx0,
      packet: p,
      note: (detail, data) => pending.push({ detail, ...(rule.source ? { source: rule.source } : {}), ...(data ? { data } : {}) }),
    };
    const hit = rule.matches.every((m) => m.module.match(m.data, ctx));
    notes.push(...pending);
    if (!hit) continue;
    const num = i;
    const text = ruleText(chain, rule);
    const where = tableChain(table, chain);
    const note = (en: string, ko: string, extra?: Record<string, unknown>) =>
      notes.push({
        detail: loc(`${where.en}, rule ${num}: ${text}: ${en}`, `${where.ko} ${num}번 규칙 ${text}: ${ko}`),
        ...(rule.source ? { source: rule.source } : {}),
        data: { table: table.name, chain: chain.name, rule: num, text, ...extra },
      });
    const t = rule.target;
    if (!t) {
      note('matches (no target: it only counts).', '일치합니다 (타깃이 없어 세기만 합니다).');
      continue;
    }
    if (t.kind !== 'module') {
      if (stack.length >= MAX_DEPTH)
        return { kind: 'drop', detail: loc('Too many nested jumps: dropped.', '점프가 너무 깊게 중첩되어 패킷을 버립니다.') };
      if (t.kind === 'jump') {
        note(`matches: jump to chain ${t.chain.name}.`, `일치합니다: ${t.chain.name} 체인으로 점프합니다.`);
        stack.push({ chain, next: i });
      } else
        note(`matches: go to chain ${t.chain.name} (no coming back).`, `일치합니다: ${t.chain.name} 체인으로 이동합니다 (돌아오지 않음).`);
      [chain, i] = [t.chain, 0];
      continue;
    }
    const r = t.module.apply(t.data, ctx);
    const src = rule.source ? { source: rule.source } : {};
    switch (r.verdict) {
      case 'accept':
        note('ACCEPT: the packet passes this table.', 'ACCEPT: 패킷이 이 테이블을 통과합니다.');
        return { kind: 'accept', packet: p };
      case 'drop':
        note('DROP.', 'DROP.');
        return {
          kind: 'drop',
          detail: loc(`Dropped by ${where.en} rule ${num}: ${text}.`, `${where.ko} ${num}번 규칙(${text})에 따라 버려집니다.`),
          ...src,
        };
      case 'reject':
        note(`REJECT with ${r.with}.`, `REJECT (${r.with}).`);
        return {
          kind: 'reject',
          with: r.with,
          detail: loc(`Rejected by ${where.en} rule ${num}: ${text}.`, `${where.ko} ${num}번 규칙(${text})에 따라 거부됩니다.`),
          ...src,
        };
      case 'return': {
        note('RETURN.', 'RETURN.');
        const back = chain.hook ? undefined : stack.pop();
        if (!back) return policy(table, start, p, notes);
        [chain, i] = [back.chain, back.next];
        continue;
      }
      case 'continue': {
        const after = r.packet ?? p;
        const detail = r.detail ?? loc('matches.', '일치합니다.');
        note(detail.en, detail.ko, after !== p ? { before: headers(p), after: headers(after) } : undefined);
        p = after;
        continue;
      }
      case 'nat': {
        const before = p;
        const after: Packet =
          r.kind === 'dnat'
            ? { ...before, dst: r.to, ...(r.port !== undefined && before.proto !== 'icmp' ? { dport: r.port } : {}) }
            : { ...before, src: r.to, ...(r.port !== undefined && before.proto !== 'icmp' ? { sport: r.port } : {}) };
        const to = `${formatAddr(r.to)}${r.port !== undefined && before.proto !== 'icmp' ? `:${r.port}` : ''}`;
        note(
          `${t.module.name}: the connection's ${r.kind === 'dnat' ? 'destination' : 'source'} becomes ${to}.`,
          `${t.module.name}: 연결의 ${r.kind === 'dnat' ? '목적지' : '출발지'}가 ${ro(to)} 바뀝니다.`,
          { before: headers(before), after: headers(after), nat: { kind: r.kind, to } },
        );
        return { kind: 'nat', packet: p, nat: { kind: r.kind, to: r.to, ...(r.port !== undefined ? { port: r.port } : {}) } };
      }
    }
  }
}

/** The built-in chain ended: its policy decides (a note only when it is not a plain ACCEPT of an empty chain). */
function policy(table: Table, chain: Chain, p: Packet, notes: NetfilterNote[]): ChainEnd {
  const where = tableChain(table, chain);
  const pol = chain.policy ?? 'ACCEPT';
  const src = chain.policySource ? { source: chain.policySource } : {};
  if (pol === 'ACCEPT') {
    if (chain.rules.length > 0)
      notes.push({
        detail: loc(
          `${where.en}: no rule decided; the policy ACCEPT lets the packet through.`,
          `${where.ko}: 결정한 규칙이 없어 정책 ACCEPT로 통과합니다.`,
        ),
        ...src,
        data: { table: table.name, chain: chain.name, policy: pol },
      });
    return { kind: 'accept', packet: p };
  }
  notes.push({
    detail: loc(`${where.en}: no rule decided; the policy is DROP.`, `${where.ko}: 결정한 규칙이 없고 정책이 DROP입니다.`),
    ...src,
    data: { table: table.name, chain: chain.name, policy: pol },
  });
  return {
    kind: 'drop',
    detail: loc(`Dropped by the policy DROP of ${where.en}.`, `${where.ko}의 정책 DROP에 따라 버려집니다.`),
    ...src,
  };
}
