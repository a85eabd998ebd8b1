/**
 * A lookup's steps and answers name the files that decided them as the programs read them
 * (`/etc/hosts:4`, `/etc/coredns/Corefile:9`). For a student the place is the lab line that wrote
 * that line: a host's `files:` entry written inline in lab.yaml. This maps one to the other.
 */
import type { Lab } from './types';
import { addOnce, type Diagnostic } from '../text/diag';
import type { SourceRef, World } from '../sim/model';
import type { Lookup, LookupStep } from '../dns/lookup';
import type { Leg, TraceResult } from '../datapath/trace';
import { formatAddr, parseAddr } from '../net/addr';

/** The lab line of `src`, a line of `host`'s file as a program read it; undefined when the file was not written inline. */
export function labLineOf(lab: Lab, host: string, src: SourceRef): SourceRef | undefined {
  if (!src.file.startsWith('/')) return undefined;
  const spec = lab.hosts.find((h) => h.name === host)?.files.find((f) => f.path === src.file);
  if (!spec?.body) return undefined;
  const line = spec.body.line + src.line - 1;
  const column = spec.body.column + Math.max(src.column, 1) - 1;
  const endLine = spec.body.line + Math.max(src.endLine, src.line) - 1;
  const endColumn = spec.body.column + Math.max(src.endColumn, 1) - 1;
  return { file: lab.file, line, column, endLine, endColumn };
}

/** The host that owns an address (`192.168.2.53`, or dig's `192.168.2.53#53`). */
function hostOfAddress(world: World, server: string): string | undefined {
  const a = parseAddr(server.replace(/#\d+$/, ''));
  if (!a) return undefined;
  const want = formatAddr(a);
  for (const [name, host] of world.hosts)
    for (const ns of host.netns.values())
      for (const link of ns.links.values()) if (link.addrs.some((x) => formatAddr(x.addr) === want)) return name;
  return undefined;
}

/** The host a server's step says it ran on (`data.host`). */
function stepHost(s: LookupStep | undefined): string | undefined {
  const h = s?.data?.['host'];
  return typeof h === 'string' ? h : undefined;
}

/** Where a file of that path was written inline, when only one host has it. */
function onlyHostWith(lab: Lab, path: string): string | undefined {
  const hosts = lab.hosts.filter((h) => h.files.some((f) => f.path === path && f.body));
  return hosts.length === 1 ? hosts[0]!.name : undefined;
}

/**
 * The lookup with its file lines moved to the lab lines that wrote them: the client's files for its
 * own steps, the server's for what a server did (the host that owns the query's address, or the
 * only host with such a file: an upstream's zone).
 */
export function lookupInLab(lab: Lab, world: World, lookup: Lookup): Lookup {
  const client = lookup.request.from.host;
  const serverHost = (q: number | undefined) => {
    const query = q !== undefined ? lookup.queries[q] : [...lookup.queries].reverse().find((x) => x.reply);
    return query ? hostOfAddress(world, query.server) : undefined;
  };
  const move = (src: SourceRef | undefined, host: string | undefined): SourceRef | undefined => {
    if (!src) return src;
    const first = host !== undefined ? labLineOf(lab, host, src) : undefined;
    if (first) return first;
    const other = onlyHostWith(lab, src.file);
    return (other !== undefined ? labLineOf(lab, other, src) : undefined) ?? src;
  };
  const steps = lookup.steps.map((s): LookupStep => {
    if (!s.source) return s;
    const host = s.kind === 'server' ? (stepHost(s) ?? serverHost(s.query)) : client;
    return { ...s, source: move(s.source, host) ?? s.source };
  });
  // An answer's record comes from a file of the server whose step names that file (an upstream's zone too).
  const answerHost = (file: string) =>
    lookup.answeredBy === 'files'
      ? client
      : (stepHost(lookup.steps.find((s) => s.kind === 'server' && s.source?.file === file)) ?? serverHost(undefined));
  const answers = lookup.answers.map((a) => (a.source ? { ...a, source: move(a.source, answerHost(a.source.file)) ?? a.source } : a));
  const warnings = lookup.warnings && warningsInLab(lab, lookup.legs, lookup.warnings, client);
  return { ...lookup, steps, answers, legs: legsInLab(lab, lookup.legs), ...(warnings ? { warnings } : {}) };
}

/**
 * Warnings at a host's file line (a Corefile plugin only parsed) at the lab lines that wrote them:
 * the host whose step in `legs` names that line, else `client` (its own nsswitch.conf), else the
 * only host with such a file. Two warnings that land on one lab line become one.
 */
function warningsInLab(lab: Lab, legs: readonly Leg[], warnings: readonly Diagnostic[], client?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const steps = legs.flatMap((l) => l.steps);
  for (const d of warnings) {
    let moved: SourceRef | undefined;
    if (d.file.startsWith('/')) {
      const step = steps.find((s) => s.source?.file === d.file && s.source.line === d.line);
      const hosts = [step?.host, client, onlyHostWith(lab, d.file)];
      for (const h of hosts) if (!moved && h !== undefined) moved = labLineOf(lab, h, d);
    }
    addOnce(out, moved ? { ...d, ...moved } : d);
  }
  return out;
}

/** Legs whose steps name a host's file line (a server's Corefile) with the lab lines that wrote them: each step's own host. */
export function legsInLab<L extends Leg>(lab: Lab, legs: readonly L[]): L[] {
  return legs.map((leg) => {
    if (!leg.steps.some((s) => s.source?.file.startsWith('/'))) return leg;
    const steps = leg.steps.map((s) => {
      const moved = s.source?.file.startsWith('/') ? labLineOf(lab, s.host, s.source) : undefined;
      return moved ? { ...s, source: moved } : s;
    });
    return { ...leg, steps };
  });
}

/** A trace with its steps' file lines as lab lines (legsInLab); `request` and `reply` stay the same objects as their places in `legs`. */
export function traceInLab(lab: Lab, res: TraceResult): TraceResult {
  const legs = legsInLab(lab, res.legs);
  const same = (leg: Leg) => legs[res.legs.indexOf(leg)] ?? leg;
  const warnings = res.warnings && warningsInLab(lab, res.legs, res.warnings);
  return { ...res, legs, request: same(res.request), reply: same(res.reply), ...(warnings ? { warnings } : {}) };
}
