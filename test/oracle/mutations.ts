/**
 * Wrong simulators, to prove the oracle can tell: each mutation changes the answers of the real
 * simulator in one way a bug could (every failed connection called `dropped`, every missing route
 * called `dropped`...). oracle.test.ts compares each against the kernel's answers and expects every
 * question it changes, where the kernel showed a cause, to be a mismatch.
 */
import { tracePacket, type TraceResult, type Verdict } from '../../src/core';
import type { Tracer } from './compare';

export interface Mutation {
  readonly name: string;
  /** The wrong answer, or undefined where this mutation leaves the real one. */
  readonly change: (t: TraceResult, proto: 'icmp' | 'tcp' | 'udp') => Verdict | undefined;
}

const failed = (t: TraceResult): boolean => !t.replied;

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'every failed TCP connect reported as dropped',
    change: (t, proto) => (proto === 'tcp' && failed(t) && t.verdict !== 'dropped' ? 'dropped' : undefined),
  },
  {
    name: 'every failed ping reported as dropped',
    change: (t, proto) => (proto === 'icmp' && failed(t) && t.verdict !== 'dropped' ? 'dropped' : undefined),
  },
  { name: 'every no-route reported as dropped', change: (t) => (t.verdict === 'no-route' ? 'dropped' : undefined) },
  { name: 'every host-unreachable reported as no-route', change: (t) => (t.verdict === 'host-unreachable' ? 'no-route' : undefined) },
  {
    name: 'every special route (blackhole, unreachable, prohibit) reported as no-route',
    change: (t) => (['blackhole', 'unreachable-route', 'prohibited'].includes(t.verdict) ? 'no-route' : undefined),
  },
  { name: 'a routing loop reported as dropped', change: (t) => (t.verdict === 'ttl-exceeded' ? 'dropped' : undefined) },
  { name: 'every refused connect reported as host-unreachable', change: (t) => (t.verdict === 'refused' ? 'host-unreachable' : undefined) },
];

/** The simulator's tracer with one mutation applied to its verdicts. */
export function mutatedTracer(m: Mutation): Tracer {
  return (world, req) => {
    const t = tracePacket(world, req);
    const v = m.change(t, req.proto);
    return v === undefined ? t : { ...t, verdict: v };
  };
}
