/**
 * Whether one rule's conditions hold for every packet another's hold for, read off the parsed rules
 * (never their text): the grader's `rule` check (a rule with at least these matches) and the lint
 * of rules that can never match (an earlier rule with the same or fewer conditions and a final
 * target) both ask it. A module's options are compared one by one as `iptables -S` prints them
 * (` --dport 80`, ` ! --ctstate NEW`), so their order and the words that spelt them do not matter.
 */
import { type AddrMask, formatAddrMask, type IpSpec, protoName } from './ipspec';
import type { MatchUse, Rule } from './model';

/** One condition of a rule, with the words `iptables -S` prints for it (`-s 10.0.0.0/8`, `--dport 80`). */
export interface Condition {
  readonly text: string;
  /** Whether the other rule has it (or a broader form of it, for an address). */
  holds(rule: Rule): boolean;
}

/** A module's saved options, each on its own: ` --dport 80 ! --sport 9` is [`--dport 80`, `! --sport 9`]. */
export function optionWords(saved: string): string[] {
  const words = saved.split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '!' && words[i + 1]?.startsWith('--')) out.push(`! ${words[++i]!}`);
    else if (w.startsWith('--') || !out.length) out.push(w);
    else out[out.length - 1] += ` ${w}`;
  }
  return out;
}

const SAVED = new WeakMap<MatchUse, string[]>();

/** A loaded match's options as optionWords splits them, read once per match. */
function savedWords(m: MatchUse): string[] {
  let w = SAVED.get(m);
  if (!w) SAVED.set(m, (w = optionWords(m.module.save(m.data))));
  return w;
}

/** An IP part's field without a mask (`0.0.0.0/0` not inverted) says nothing. */
function addrOf(a: AddrMask | undefined, invert: boolean | undefined): AddrMask | undefined {
  return a && (a.mask !== 0 || invert) ? a : undefined;
}

/** `wide` holds for every address `narrow` holds for (both not inverted), or the two are equal. */
function addrCovers(wide: AddrMask, wideInv: boolean, narrow: AddrMask | undefined, narrowInv: boolean, exact: boolean): boolean {
  if (!narrow) return false;
  if (wide.addr === narrow.addr && wide.mask === narrow.mask) return wideInv === narrowInv;
  if (exact || wideInv || narrowInv) return false;
  return (narrow.mask & wide.mask) >>> 0 === wide.mask && (narrow.addr & wide.mask) >>> 0 === wide.addr;
}

/**
 * The conditions of a rule's IP part and matches. With `exact`, an address must be the same
 * prefix; without, a wider prefix holds for a narrower one (`-s 10.0.0.0/8` for `-s 10.1.0.0/16`),
 * and `eth+` for every name it covers.
 */
export function conditionsOf(ip: IpSpec, matches: readonly MatchUse[], exact = true): Condition[] {
  const out: Condition[] = [];
  const not = (b: boolean | undefined) => (b ? '! ' : '');
  const src = addrOf(ip.src, ip.srcInvert);
  if (src)
    out.push({
      text: `${not(ip.srcInvert)}-s ${formatAddrMask(src)}`,
      holds: (r) => addrCovers(src, !!ip.srcInvert, addrOf(r.ip.src, r.ip.srcInvert), !!r.ip.srcInvert, exact),
    });
  const dst = addrOf(ip.dst, ip.dstInvert);
  if (dst)
    out.push({
      text: `${not(ip.dstInvert)}-d ${formatAddrMask(dst)}`,
      holds: (r) => addrCovers(dst, !!ip.dstInvert, addrOf(r.ip.dst, r.ip.dstInvert), !!r.ip.dstInvert, exact),
    });
  const iface = (want: string, inv: boolean | undefined, got: string | undefined, gotInv: boolean | undefined): boolean => {
    if (got === undefined || !!inv !== !!gotInv) return false;
    if (want === got) return true;
    return !exact && !inv && want.endsWith('+') && got.startsWith(want.slice(0, -1));
  };
  if (ip.in !== undefined)
    out.push({ text: `${not(ip.inInvert)}-i ${ip.in}`, holds: (r) => iface(ip.in!, ip.inInvert, r.ip.in, r.ip.inInvert) });
  if (ip.out !== undefined)
    out.push({ text: `${not(ip.outInvert)}-o ${ip.out}`, holds: (r) => iface(ip.out!, ip.outInvert, r.ip.out, r.ip.outInvert) });
  if (ip.proto)
    out.push({
      text: `${not(ip.protoInvert)}-p ${protoName(ip.proto)}`,
      holds: (r) => r.ip.proto === ip.proto && !!r.ip.protoInvert === !!ip.protoInvert,
    });
  for (const m of matches) {
    const name = m.module.name;
    // a comment matches every packet: it narrows nothing a packet could tell
    if (!exact && name === 'comment') continue;
    const has = (r: Rule, word?: string) =>
      r.matches.some((x) => x.module.name === name && (word === undefined || savedWords(x).includes(word)));
    const words = optionWords(m.module.save(m.data));
    if (!words.length) out.push({ text: `-m ${name}`, holds: (r) => has(r) });
    for (const w of words) out.push({ text: w, holds: (r) => has(r, w) });
  }
  return out;
}

/** A rule's target as `-S` prints it, split into its name and its options. */
export function targetWords(rule: Pick<Rule, 'target'>): { name: string; goto: boolean; options: string[] } | undefined {
  const t = rule.target;
  if (!t) return undefined;
  if (t.kind === 'module') return { name: t.module.name, goto: false, options: optionWords(t.module.save(t.data)) };
  return { name: t.chain.name, goto: t.kind === 'goto', options: [] };
}

/** The targets after which a packet goes no further in the chain's table: nothing after such a rule sees what it matched. */
const FINAL = new Set(['ACCEPT', 'DROP', 'REJECT']);

/** Whether a rule ends a matching packet's way through its table (ACCEPT, DROP, REJECT). */
export function isFinal(rule: Rule): boolean {
  return rule.target?.kind === 'module' && FINAL.has(rule.target.module.name);
}

/**
 * The conditions under which `earlier` takes every packet of a later rule they all hold for (an
 * address may be wider there); undefined for a rule with a random or counting match (`-m
 * statistic`), which decides per packet and so takes no rule's every packet.
 */
export function shadowConditions(earlier: Rule): Condition[] | undefined {
  if (earlier.matches.some((m) => m.module.name === 'statistic')) return undefined;
  return conditionsOf(earlier.ip, earlier.matches, false);
}

/** Whether `earlier` matches every packet `later` matches: each of its conditions holds for `later`. */
export function covers(earlier: Rule, later: Rule): boolean {
  return shadowConditions(earlier)?.every((c) => c.holds(later)) ?? false;
}
