/**
 * A trace to a name (`knetlab trace --to web`, the trace panel): the name is looked up first, as
 * getaddrinfo does it for ping or curl (nsswitch.conf, /etc/hosts, resolv.conf, the DNS queries
 * walked through the network), and the packet goes to the first address it gives. The trace's legs
 * start with the lookup's (lookupLegs: the resolver's own steps, each query and its answer); a name
 * that does not resolve ends there, with getaddrinfo's words (`ping: web: Name or service not known`).
 */
import { parseAddr } from '../net/addr';
import { tracePacket, type TraceRequest } from '../datapath/walk';
import type { Leg, TraceResult } from '../datapath/trace';
import { resolveName } from './resolver';
import type { Lookup } from './lookup';
import { unresolvedReason } from './gai';
import { lookupLegs } from './lookupLegs';

export interface NameTrace {
  /** The trace: the lookup's legs, then the packet's (when the name gave an address). */
  readonly result: TraceResult;
  /** The lookup, when `to` was a name. */
  readonly lookup?: Lookup;
  /** The address the packet was sent to (`to` itself when it was one). */
  readonly address?: string;
}

/** The first address a lookup gave (an A or AAAA record, in getaddrinfo's order). */
export function firstAddress(lookup: Lookup): string | undefined {
  return lookup.answers.find((a) => (a.type === 'A' || a.type === 'AAAA') && parseAddr(a.data))?.data;
}

/** Legs moved `by` places in a longer list: their `answers` and `parent` indexes follow. */
function shifted(legs: readonly Leg[], by: number): Leg[] {
  if (by === 0) return [...legs];
  return legs.map((l) => ({
    ...l,
    ...(l.answers !== undefined ? { answers: l.answers + by } : {}),
    ...(l.parent !== undefined ? { parent: l.parent + by } : {}),
  }));
}

/**
 * Trace to `req.to`: an address as tracePacket does; a name looked up first with getaddrinfo's
 * rules (the tool `getaddrinfo` of the resolver), then the packet to its first address.
 */
export function traceName(world: Parameters<typeof tracePacket>[0], req: TraceRequest): NameTrace {
  if (parseAddr(req.to)) return { result: tracePacket(world, req), address: req.to };
  const lookup = resolveName(world, { from: req.from, name: req.to, tool: 'getaddrinfo' });
  const address = lookup.status === 'success' ? firstAddress(lookup) : undefined;
  const warnings = lookup.warnings ?? [];
  if (address === undefined) {
    // No address: the program stops before it sends anything. The lookup's legs are the whole trace.
    const status = lookup.status === 'success' ? 'nodata' : lookup.status;
    const legs = lookupLegs(lookup);
    const empty: Leg = { kind: 'request', steps: [] };
    return {
      lookup,
      result: {
        replied: false,
        verdict: 'unresolved',
        reason: unresolvedReason(req.to, status, req.proto),
        request: empty,
        reply: { kind: 'reply', steps: [] },
        legs,
        ...(warnings.length ? { warnings } : {}),
      },
    };
  }
  const trace = tracePacket(world, { ...req, to: address });
  const before = lookupLegs(lookup);
  const all = [...before, ...shifted(trace.legs, before.length)];
  // request and reply stay the same objects as their places in legs.
  const at = (leg: Leg) => trace.legs.indexOf(leg);
  const request = at(trace.request) >= 0 ? all[before.length + at(trace.request)]! : trace.request;
  const reply = at(trace.reply) >= 0 ? all[before.length + at(trace.reply)]! : trace.reply;
  const allWarnings = [...warnings, ...(trace.warnings ?? [])];
  return {
    lookup,
    address,
    result: { ...trace, request, reply, legs: all, ...(allWarnings.length ? { warnings: allWarnings } : {}) },
  };
}
