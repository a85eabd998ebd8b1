/**
 * shadowed-rule: an iptables rule that can never match, because an earlier rule of the same chain
 * matches every packet it would (the same conditions or fewer, an address as wide or wider:
 * netfilter/compare.ts) and ends the packet's way through the table (ACCEPT, DROP or REJECT). One
 * warning per such rule, at the line that wrote it, naming the first rule that takes its packets.
 * A random or counting match (`-m statistic`) takes only some packets, so it shadows nothing.
 */
import { loc } from '../../text/i18n';
import { nsLabel } from '../../sim/model';
import { iptablesOf, ruleText } from '../../netfilter/index';
import { type Condition, isFinal, shadowConditions } from '../../netfilter/compare';
import type { AddrMask } from '../../netfilter/ipspec';
import type { Rule } from '../../netfilter/model';
import type { LintRule } from '../rule';

export const shadowedRule: LintRule = {
  code: 'shadowed-rule',
  summary: loc(
    'An iptables rule can never match: an earlier rule of the same chain matches every packet it would (the same matches or fewer, an address as wide or wider) and ends with ACCEPT, DROP or REJECT.',
    'iptables 규칙이 매치될 수 없습니다. 같은 체인의 앞선 규칙이 이 규칙이 받을 패킷을 모두 매치하고(매치가 같거나 더 적고, 주소가 같거나 더 넓음) ACCEPT, DROP, REJECT로 끝냅니다.',
  ),
  check(ctx, warn) {
    for (const host of ctx.world.hosts.values())
      for (const ns of host.netns.values()) {
        const ipt = iptablesOf(ns);
        if (!ipt) continue;
        for (const table of ipt.tables.values())
          for (const chain of table.chains.values()) {
            const finals = new Finals();
            for (const rule of chain.rules) {
              const at = rule.source;
              const earlier = at ? finals.first(rule, (f) => !(f.source?.file === at.file && f.source.line === at.line)) : undefined;
              if (isFinal(rule)) finals.add(rule);
              if (!at || !earlier) continue;
              const text = ruleText(chain, earlier);
              const line = earlier.source && earlier.source.file === at.file ? earlier.source.line : undefined;
              const en = line !== undefined ? `the rule of line ${line} (${text})` : `the rule ${text}`;
              const ko = line !== undefined ? `${line}행의 규칙(${text})` : `앞선 규칙(${text})`;
              warn(
                at,
                loc(
                  `${nsLabel(ns)}: this rule can never match: in ${chain.name} (${table.name} table), ${en} comes first and takes every packet it would.`,
                  `${nsLabel(ns)}: 이 규칙은 매치될 수 없습니다. ${table.name} 테이블의 ${chain.name} 체인에서 먼저 오는 ${ko}이 이 규칙이 받을 패킷을 모두 가져갑니다.`,
                ),
              );
            }
          }
      }
  },
};

interface Final {
  readonly index: number;
  readonly rule: Rule;
  readonly conditions: readonly Condition[];
}

const lenMask = (len: number) => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);
const key = (a: AddrMask) => `${a.addr}/${a.mask}`;

/**
 * The final rules of a chain seen so far, indexed by their destination prefix: a later rule with a
 * destination can only be taken by a rule with none or with a prefix that holds it, so a chain of
 * thousands of rules each to its own address (kube-proxy's REJECTs) is not compared pair by pair.
 */
class Finals {
  private readonly general: Final[] = [];
  private readonly byDst = new Map<string, Final[]>();
  private count = 0;

  add(rule: Rule): void {
    const conditions = shadowConditions(rule);
    if (!conditions) return;
    const f: Final = { index: this.count++, rule, conditions };
    const d = rule.ip.dst;
    if (d && d.mask !== 0 && !rule.ip.dstInvert && lenMask(Math.clz32(~d.mask)) === d.mask) {
      const list = this.byDst.get(key(d));
      if (list) list.push(f);
      else this.byDst.set(key(d), [f]);
    } else this.general.push(f);
  }

  /** The earliest rule that takes every packet of `later`, among those `ok` allows. */
  first(later: Rule, ok: (r: Rule) => boolean): Rule | undefined {
    const candidates = [...this.general];
    const d = later.ip.dst;
    if (d && !later.ip.dstInvert)
      for (let len = 1; len <= 32; len++) {
        const m = lenMask(len);
        if ((d.mask & m) >>> 0 !== m) break;
        candidates.push(...(this.byDst.get(key({ addr: (d.addr & m) >>> 0, mask: m })) ?? []));
      }
    let best: Final | undefined;
    for (const f of candidates) if ((!best || f.index < best.index) && ok(f.rule) && f.conditions.every((c) => c.holds(later))) best = f;
    return best?.rule;
  }
}
