/**
 * The check kinds, one module each. A new kind (resolve, http, rule...) is one more module and one
 * more entry here; nothing else names a kind: the grader, the lab schema (schema.ts), the views,
 * CodeLens and quick fixes ask the kind (its name, docs, label, packet, argument schema).
 */
import type { CheckKind } from './types';
import { noreachCheck } from './checks/noreach';
import { outputCheck } from './checks/output';
import { quizCheck } from './checks/quiz';
import { reachCheck } from './checks/reach';
import { resolveCheck } from './checks/resolve';
import { routeCheck } from './checks/route';
import { ruleCheck } from './checks/rule';

const KINDS: readonly CheckKind[] = [reachCheck, noreachCheck, routeCheck, outputCheck, ruleCheck, resolveCheck, quizCheck];

const REGISTRY: ReadonlyMap<string, CheckKind> = new Map(KINDS.map((k) => [k.kind, k]));

/** Every check kind, in a stable order. */
export function checkKinds(): readonly CheckKind[] {
  return KINDS;
}

/** The names of the check kinds, for messages and completion. */
export function checkKindNames(): string[] {
  return KINDS.map((k) => k.kind);
}

export function findCheckKind(kind: string): CheckKind | undefined {
  return REGISTRY.get(kind);
}
