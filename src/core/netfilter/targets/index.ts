/** The target modules, by the name `-j` gives them. A new target is its file and one line here. */
import type { TargetModule } from '../module';
import { dnatTarget } from './dnat';
import { logTarget } from './log';
import { markTarget } from './mark';
import { masqueradeTarget } from './masquerade';
import { redirectTarget } from './redirect';
import { rejectTarget } from './reject';
import { snatTarget } from './snat';
import { acceptTarget, dropTarget, returnTarget } from './standard';

export const TARGETS: ReadonlyMap<string, TargetModule> = new Map(
  [
    acceptTarget,
    dropTarget,
    returnTarget,
    rejectTarget,
    logTarget,
    markTarget,
    dnatTarget,
    snatTarget,
    masqueradeTarget,
    redirectTarget,
  ].map((t) => [t.name, t] as const),
);

/** Real iptables targets the simulator does not run: a rule with one is said to be not simulated. */
export const UNSIMULATED_TARGETS: ReadonlySet<string> = new Set([
  'CONNMARK',
  'CT',
  'NOTRACK',
  'TRACE',
  'TPROXY',
  'TCPMSS',
  'TTL',
  'TOS',
  'DSCP',
  'CLASSIFY',
  'CHECKSUM',
  'NFLOG',
  'NFQUEUE',
  'QUEUE',
  'ULOG',
  'SET',
  'AUDIT',
  'NETMAP',
  'SECMARK',
  'CONNSECMARK',
  'HMARK',
  'IDLETIMER',
  'LED',
  'SYNPROXY',
  'TEE',
  'CLUSTERIP',
  'ECN',
]);
