import type { Localized } from './i18n';

/** A place in a source file. Lines and columns are 1-based; the end is exclusive. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Stable diagnostic codes. Editors, quick fixes and the grader key on these; never rename one.
 */
export type DiagnosticCode =
  // reading files
  | 'file-not-found'
  | 'file-outside-lab'
  | 'yaml-syntax'
  // lab structure
  | 'lab-not-mapping'
  | 'missing-key'
  | 'unknown-key'
  | 'wrong-type'
  | 'bad-name'
  | 'duplicate-name'
  | 'unknown-switch'
  | 'bad-mac'
  | 'bad-serve'
  | 'unknown-netns'
  | 'bad-file'
  | 'unsupported-section'
  // run lines
  | 'shell-syntax'
  | 'command-failed'
  | 'command-not-simulated'
  | 'trace-not-simulated'
  // grading
  | 'variant-mismatch'
  | 'handout-altered'
  | 'graded-by-key'
  | 'bad-key'
  | 'variant-tampered'
  | 'bad-roster'
  // exercises and grading
  | 'unknown-check-kind'
  | 'unknown-cause'
  | 'unknown-host'
  | 'bad-address'
  | 'bad-port'
  | 'bad-regex'
  | 'bad-rule'
  | 'quiz-no-answer'
  | 'answers-malformed'
  | 'check-internal-error'
  // variants, solutions, courses (lab/variant.ts, grade/overlay.ts, grade/course.ts)
  | 'bad-variable'
  | 'variable-conflict'
  | 'unknown-variable'
  | 'bad-placeholder'
  | 'bad-solution'
  | 'bad-course'
  // lints of the built lab (lint/rules/)
  | 'duplicate-address'
  | 'duplicate-mac'
  | 'duplicate-hostname'
  | 'lonely-subnet'
  | 'gateway-not-owned'
  | 'forwarding-off'
  | 'shadowed-rule'
  // the lab schema (lab/schema.ts): a structural problem no other code names
  | 'schema'
  // zone files (dns/zone/: RFC 1035 master files as CoreDNS's file plugin reads them)
  | 'zone-syntax'
  | 'zone-unknown-type'
  | 'zone-bad-rdata'
  | 'zone-soa'
  | 'zone-not-simulated'
  | 'zone-out-of-zone'
  | 'zone-cname-conflict'
  | 'zone-target-cname'
  // Corefiles
  | 'corefile-syntax'
  | 'corefile-unknown-plugin'
  | 'corefile-duplicate-plugin'
  // Corefiles as CoreDNS checks them (dns/corefile/: keys.ts, plugins/)
  | 'corefile-bad-key'
  | 'corefile-duplicate-key'
  | 'corefile-plugin-args'
  | 'corefile-empty-block'
  // CoreDNS in a lab (issue 13, part `server`: check/corefileFiles.ts)
  | 'corefile-missing-file'
  // CNI network configurations (cni/config.ts)
  | 'cni-syntax'
  | 'cni-schema'
  | 'cni-version'
  | 'cni-name'
  | 'cni-plugins'
  | 'cni-unknown-plugin'
  | 'cni-plugin-order'
  | 'cni-duplicate-plugin'
  | 'cni-ipam'
  | 'cni-ifname'
  | 'cni-mtu'
  // issue 13, the resolver's files as glibc reads them (dns/files/): /etc/hosts, resolv.conf, nsswitch.conf
  | 'hosts-bad-address'
  | 'hosts-no-name'
  | 'resolv-unknown-keyword'
  | 'resolv-bad-nameserver'
  | 'resolv-too-many-nameservers'
  | 'resolv-domain-overridden'
  | 'resolv-inline-comment'
  | 'resolv-unknown-option'
  | 'resolv-bad-option-value'
  | 'resolv-option-capped'
  | 'resolv-carriage-return'
  | 'nsswitch-unknown-database'
  | 'nsswitch-bad-action'
  | 'nsswitch-unknown-source'
  | 'nsswitch-inline-comment'
  | 'nsswitch-no-source'
  | 'nsswitch-duplicate-database';

export interface Diagnostic extends SourceRange {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: Localized;
}

/** Adds `d` to `list` unless the same one (code, file, line and words) is there already: an answer names a line once. */
export function addOnce(list: Diagnostic[], d: Diagnostic): void {
  if (!list.some((x) => x.code === d.code && x.file === d.file && x.line === d.line && x.message.en === d.message.en)) list.push(d);
}
