/**
 * Warnings the simulator can see in a built lab without running a check: an address two hosts
 * hold on one L2 segment, MAC addresses and host names used twice, an address whose subnet no
 * neighbour on its segment shares, a route through a gateway nobody on the route's segment owns,
 * and a host others route through that does not forward. Each warning sits at the lab line that
 * made the address or route (its origin), else at the host's or interface's declaration.
 *
 * Each rule is a module in rules/ (listed in rules/index.ts) that names its code and checks the lab
 * through a LintContext (context.ts): the L2 segments (segments.ts), places, and the analyses rules
 * share (lonely subnets in subnets.ts, gateway owners in gateways.ts), computed once.
 *
 * Linear in the size of the world: one pass over links and addresses, one over routes. Never throws.
 */
import type { Diagnostic } from '../text/diag';
import type { World } from '../sim/model';
import type { Lab } from '../lab/types';
import { LintContext } from './context';
import { LINT_RULES } from './rules/index';

/** Lints a built lab. Warnings only, sorted by place; never throws (returns what it found so far). */
export function lintWorld(lab: Lab, world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const ctx = new LintContext(lab, world);
    for (const rule of LINT_RULES) rule.check(ctx, (at, message) => out.push({ ...at, severity: 'warning', code: rule.code, message }));
  } catch {
    // A lint must never break a check: keep what was found.
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
