/**
 * The simulator's side of a DNS scenario: the scenario's lab built (`simLab`: the DNS hosts run
 * CoreDNS with the same records), each question run with `execCommand` (what the tool prints and
 * its exit status) and looked up with `resolveName` (the queries, in order, and the simulated time),
 * as a KernelDnsAnswer so that compare.ts compares it like the kernel's.
 *
 * A query counts as the kernel's server log counts it: one that reached a DNS server and was
 * answered (dnsmasq logs every query it receives; a dropped one, or one refused with ICMP, it never
 * sees), named by the server host's first address (where DNAT sent it, not where the client sent it).
 */
import * as core from '../../../src/core';
import type { Endpoint } from '../../../src/core/net/endpoint';
import type { World } from '../../../src/core/sim/model';
import type { Lookup, LookupRequest } from '../../../src/core/dns/lookup';
import { reverseName } from '../../../src/core/dns/zone/names';
import type { KernelDnsAnswer, LoggedQuery } from './kernel';
import { simLab, type DnsScenario } from './scenario';

type ResolveName = (world: World, req: LookupRequest) => Lookup;

/** `resolveName` from the public face, when the resolver is there. */
export function resolverOf(): ResolveName | undefined {
  const f = (core as Record<string, unknown>).resolveName;
  return typeof f === 'function' ? (f as ResolveName) : undefined;
}

/** The lookup a command line makes, as the tools ask the resolver. Undefined for lines that are no lookup. */
export function requestOf(from: Endpoint, line: string): LookupRequest | undefined {
  const w = line.trim().split(/\s+/);
  if (w[0] === 'getent' && (w[1] === 'hosts' || w[1] === 'ahosts') && w[2]) {
    return { from, name: w[2], tool: w[1] === 'hosts' ? 'getent-hosts' : 'getent-ahosts' };
  }
  if (w[0] === 'dig') {
    const options: Record<string, string | number | boolean> = {};
    let server: string | undefined;
    let name: string | undefined;
    let type: string | undefined;
    for (let i = 1; i < w.length; i++) {
      const a = w[i]!;
      if (a.startsWith('+')) options[a.slice(1).replace(/=.*$/, '')] = a.includes('=') ? a.replace(/^[^=]*=/, '') : true;
      else if (a.startsWith('@')) server = a.slice(1);
      else if (a === '-x' && w[i + 1]) {
        name = reverseName(w[++i]!) ?? w[i]!;
        type = 'PTR';
      } else if (name === undefined) name = a;
      else type = a.toUpperCase();
    }
    if (!name) return undefined;
    return { from, name, tool: 'dig', ...(type ? { type } : {}), ...(server ? { server } : {}), options };
  }
  if (w[0] === 'ping') {
    const name = w.slice(1).filter((a, i, all) => !a.startsWith('-') && !/^-[cWiswtI]$/.test(all[i - 1] ?? '')).pop();
    return name ? { from, name, tool: 'getaddrinfo' } : undefined;
  }
  if (w[0] === 'host') {
    let type: string | undefined;
    let name: string | undefined;
    for (let i = 1; i < w.length; i++) {
      if (w[i] === '-t' && w[i + 1]) type = w[++i]!.toUpperCase();
      else name ??= w[i];
    }
    if (!name) return undefined;
    return { from, name, tool: 'host', ...(type ? { type } : {}) };
  }
  return undefined;
}

/** The queries of a lookup as the servers would have logged them. */
export function loggedQueries(s: DnsScenario, lookup: Lookup): LoggedQuery[] {
  const first = (host: string): string | undefined => s.hosts.find((h) => h.name === host)?.ifaces[0]?.cidr.split('/')[0];
  const out: LoggedQuery[] = [];
  for (const q of lookup.queries) {
    if (q.rcode === 'TIMEOUT' || q.rcode === 'UNREACHABLE' || !q.reply) continue;
    const leg = q.legs.map((i) => lookup.legs[i]).find((l) => l && l.kind === 'query');
    const deliver = leg?.steps.find((st) => st.stage === 'deliver');
    const server = (deliver && first(deliver.host)) ?? q.server.replace(/#\d+$/, '');
    out.push({ server, name: q.name.replace(/\.$/, ''), type: q.type });
  }
  return out;
}

export interface SimDns {
  readonly answers: readonly KernelDnsAnswer[];
  /** Why the simulator could not answer at all (the lab does not load, no resolver yet). */
  readonly problem?: string;
}

/** Builds the scenario's lab and answers each question. */
export function simulateDns(s: DnsScenario): SimDns {
  const loaded = core.loadLab(simLab(s), { file: `${s.name}.yaml` });
  if (!loaded.lab) return { answers: [], problem: `the lab does not load: ${JSON.stringify(loaded.diagnostics.map((d) => d.message))}` };
  const world = core.buildWorld(loaded.lab).world;
  const resolve = resolverOf();
  const answers: KernelDnsAnswer[] = [];
  for (const q of s.questions) {
    const from = { host: q.on, netns: '' };
    const r = core.execCommand(world, from, q.run);
    const req = requestOf(from, q.run);
    let lookup: Lookup | undefined;
    try {
      lookup = req && resolve ? resolve(world, req) : undefined;
    } catch (e) {
      return { answers, problem: `resolveName threw on "${q.run}": ${String(e)}` };
    }
    answers.push({
      on: q.on,
      run: q.run,
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      elapsedMs: lookup?.elapsedMs ?? 0,
      queries: lookup ? loggedQueries(s, lookup) : [],
    });
  }
  return { answers, ...(resolve ? {} : { problem: 'resolveName is not in src/core (the client helper delivers it)' }) };
}
