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
type Resolve = (req: LookupRequest) => Lookup;
/** One tool's own run function (commands/dns/), driven with a resolver that records each lookup it makes. */
type Runner = (words: string[], from: Endpoint, resolve: Resolve) => unknown;

/**
 * The tools' run functions (`runGetent`, `runDig`, `runHost`, `runNslookup` of commands/dns/), when
 * they are in the tree: a tool makes several lookups for one line (host: A, then AAAA and MX for the
 * canonical name), and only the tool knows which. Loaded by name so that this file compiles before
 * the tools are merged; without them each line is one lookup (`requestOf`).
 */
export async function loadRunners(): Promise<Record<string, Runner>> {
  const out: Record<string, Runner> = {};
  const load = async (file: string): Promise<Record<string, unknown> | undefined> => {
    try {
      const path = `../../../src/core/commands/dns/${file}`;
      return (await import(path)) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const cols = (w: string[]): number[] => w.map(() => 0);
  type F = (...a: unknown[]) => unknown;
  const getent = (await load('getent'))?.runGetent as F | undefined;
  if (getent) out.getent = (w, from, r) => getent(w, cols(w), from, r);
  const dig = (await load('dig'))?.runDig as F | undefined;
  if (dig) out.dig = (w, from, r) => dig(w, cols(w), from, r);
  const host = (await load('host'))?.runHost as F | undefined;
  if (host) out.host = (w, from, r) => host(w, from, r);
  const nslookup = (await load('nslookup'))?.runNslookup as F | undefined;
  if (nslookup) out.nslookup = (w, from, r) => nslookup(w, cols(w), from, r);
  return out;
}

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
  if (w[0] === 'nslookup') {
    const args = w.slice(1).filter((a) => !a.startsWith('-'));
    if (!args[0]) return undefined;
    return { from, name: args[0], tool: 'nslookup', ...(args[1] ? { server: args[1] } : {}) };
  }
  if (w[0] === 'ping') {
    const name = w
      .slice(1)
      .filter((a, i, all) => !a.startsWith('-') && !/^-[cWiswtI]$/.test(all[i - 1] ?? ''))
      .pop();
    return name ? { from, name, tool: 'getaddrinfo' } : undefined;
  }
  if (w[0] === 'host') {
    let type: string | undefined;
    const options: Record<string, string | number | boolean> = {};
    const pos: string[] = [];
    for (let i = 1; i < w.length; i++) {
      const a = w[i]!;
      if (a === '-t' && w[i + 1]) type = w[++i]!.toUpperCase();
      else if (a === '-W' && w[i + 1]) options.wait = Number(w[++i]);
      else if (/^-[RcNpm]$/.test(a)) i++;
      else if (!a.startsWith('-')) pos.push(a);
    }
    if (!pos[0]) return undefined;
    return { from, name: pos[0], tool: 'host', ...(type ? { type } : {}), ...(pos[1] ? { server: pos[1] } : {}), options };
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

/** Builds the scenario's lab and answers each question (`runners`: see loadRunners). */
export function simulateDns(s: DnsScenario, runners: Readonly<Record<string, Runner>> = {}): SimDns {
  const loaded = core.loadLab(simLab(s), { file: `${s.name}.yaml` });
  if (!loaded.lab) return { answers: [], problem: `the lab does not load: ${JSON.stringify(loaded.diagnostics.map((d) => d.message))}` };
  const world = core.buildWorld(loaded.lab).world;
  for (const h of s.hosts.filter((x) => x.dns)) {
    const host = world.hosts.get(h.name);
    if (!host?.sockets.some((k) => k.proto === 'udp' && k.port === 53 && k.owner)) {
      const why = (host?.unmodelled ?? []).map((d) => d.message.en).join('; ');
      return {
        answers: [],
        problem: `${h.name} runs no DNS server on udp/53 after "coredns -conf /etc/coredns/Corefile"${why ? ` (${why})` : ''}`,
      };
    }
  }
  const resolve = resolverOf();
  const answers: KernelDnsAnswer[] = [];
  for (const q of s.questions) {
    const from = { host: q.on, netns: '' };
    const r = core.execCommand(world, from, q.run);
    const lookups: Lookup[] = [];
    try {
      if (resolve) {
        const record: Resolve = (req) => {
          const l = resolve(world, req);
          lookups.push(l);
          return l;
        };
        const words = q.run.trim().split(/\s+/);
        const runner = runners[words[0]!];
        if (runner) runner(words, from, record);
        else {
          const req = requestOf(from, q.run);
          if (req) record(req);
        }
      }
    } catch (e) {
      return { answers, problem: `the lookups of "${q.run}" threw: ${String(e)}` };
    }
    answers.push({
      on: q.on,
      run: q.run,
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      elapsedMs: lookups.reduce((t, l) => t + l.elapsedMs, 0),
      queries: lookups.flatMap((l) => loggedQueries(s, l)),
    });
  }
  return { answers, ...(resolve ? {} : { problem: 'resolveName is not in src/core (the client helper delivers it)' }) };
}
