/**
 * How iptables 1.8.9 (nf_tables) reports what went wrong, by kind: a mistake in the line (exit 2,
 * with the usage hint), what the kernel refused (exit 4), and what the command found in the tables
 * (exit 1, `iptables: ...`). The texts are the real tool's, seen in a network namespace.
 */
export const PREFIX = 'iptables v1.8.9 (nf_tables): ';
export const USAGE_HINT = "Try `iptables -h' or 'iptables --help' for more information.\n";

export interface IptablesError {
  readonly stderr: string;
  readonly status: number;
  /** The argv index of the word it is about, where known. */
  readonly arg?: number;
}

/** A mistake in the command line: `iptables v1.8.9 (nf_tables): MESSAGE` and the usage hint; exit 2. */
export function usageError(message: string, arg?: number, bare = false, hintOnly = false): IptablesError {
  const stderr = hintOnly ? USAGE_HINT : `${bare ? '' : PREFIX}${message}\n${USAGE_HINT}`;
  return { stderr, status: 2, ...(arg !== undefined ? { arg } : {}) };
}

/** The kernel refused the change (nf_tables's netlink error): exit 4. */
export function kernelError(
  what: 'RULE_APPEND' | 'RULE_INSERT' | 'RULE_REPLACE' | 'CHAIN_DEL',
  why: string,
  chain: string,
  arg?: number,
): IptablesError {
  const obj = what === 'CHAIN_DEL' ? 'chain' : 'rule in chain';
  return { stderr: `${PREFIX} ${what} failed (${why}): ${obj} ${chain}\n`, status: 4, ...(arg !== undefined ? { arg } : {}) };
}

/** What the command found (or did not) in the tables: `iptables: MESSAGE`; exit 1. */
export function tableError(message: string, arg?: number): IptablesError {
  return { stderr: `iptables: ${message}\n`, status: 1, ...(arg !== undefined ? { arg } : {}) };
}

export const NO_CHAIN = 'No chain/target/match by that name.';
export const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?).';
