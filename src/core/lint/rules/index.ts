/**
 * The lint rules, one module each. A new rule is one more module and one more entry here (and its
 * code in src/core/text/diag.ts, its line in docs/diagnostics.md); the linter never names a rule.
 */
import type { LintRule } from '../rule';
import { duplicateAddress } from './duplicateAddress';
import { lonelySubnet } from './lonelySubnet';
import { gatewayNotOwned } from './gatewayNotOwned';
import { forwardingOff } from './forwardingOff';
import { duplicateMac } from './duplicateMac';
import { duplicateHostname } from './duplicateHostname';
import { shadowedRule } from './shadowedRule';

/** Every rule, in the order they run (their warnings are sorted by place afterwards). */
export const LINT_RULES: readonly LintRule[] = [
  duplicateAddress,
  lonelySubnet,
  gatewayNotOwned,
  forwardingOff,
  duplicateMac,
  duplicateHostname,
  shadowedRule,
];
