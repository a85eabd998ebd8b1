/**
 * Rules and chains as `iptables -S` prints them: `-P CHAIN POLICY`, `-N CHAIN`, and each rule as
 * `-A CHAIN` followed by its IP part, its matches (`-m NAME` and their options, in the order they
 * were loaded) and its target (`-j NAME` and its options, or `-g CHAIN`).
 */
import { saveIp } from './ipspec';
import { type Chain, type Rule, type Table, userChains } from './model';

/** The rule's text after `-A CHAIN`: ` -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j ACCEPT` (leading space), or ''. */
export function ruleBody(rule: Rule): string {
  let s = saveIp(rule.ip);
  for (const m of rule.matches) s += ` -m ${m.module.name}${m.module.save(m.data)}`;
  const t = rule.target;
  if (t?.kind === 'module') s += ` -j ${t.module.name}${t.module.save(t.data)}`;
  else if (t) s += ` ${t.kind === 'goto' ? '-g' : '-j'} ${t.chain.name}`;
  return s;
}

/** `-A CHAIN ...`, as `iptables -S` prints the rule. */
export function ruleText(chain: Chain, rule: Rule): string {
  return `-A ${chain.name}${ruleBody(rule)}`;
}

/** A chain's head line: `-P INPUT ACCEPT` for a built-in chain, `-N NAME` for a user chain. */
export function chainHead(chain: Chain): string {
  return chain.hook ? `-P ${chain.name} ${chain.policy ?? 'ACCEPT'}` : `-N ${chain.name}`;
}

/** `iptables -S` of a whole table: policies, user chains, then every rule, chain by chain. */
export function listRules(table: Table): string {
  const builtins = [...table.chains.values()].filter((c) => c.hook);
  const users = userChains(table);
  const lines = [...builtins.map(chainHead), ...users.map(chainHead)];
  for (const c of [...builtins, ...users]) for (const r of c.rules) lines.push(ruleText(c, r));
  return lines.map((l) => l + '\n').join('');
}

/** `iptables -S CHAIN [N]`: the chain's head and rules, or its rule N alone (nothing past the end). */
export function listChainRules(chain: Chain, num?: number): string {
  if (num !== undefined) {
    const r = chain.rules[num - 1];
    return r ? ruleText(chain, r) + '\n' : '';
  }
  return [chainHead(chain), ...chain.rules.map((r) => ruleText(chain, r))].map((l) => l + '\n').join('');
}
