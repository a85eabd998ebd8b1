/**
 * ping (iputils 20221126) in the simulator: the destination looked up as ping does (getaddrinfo with
 * AI_CANONNAME through the simulated resolver), the route checked as its probe socket's connect()
 * checks it, the echo request walked through the lab (tracePacket), then the lines ping prints for
 * each request on the simulated schedule (schedule.ts) and its statistics (format.ts).
 *
 * The walk is pure and seeded, so every request of one run meets the same fate: it is walked once.
 * A reply's and an error's sender is named as pr_addr names it: for a name target, getnameinfo
 * (gethostbyaddr through nsswitch.conf: /etc/hosts, then a PTR query through the lab), the address
 * itself when that finds nothing (`10.0.0.1 (10.0.0.1)`); for an address or with -n, the address.
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import { gaiError } from '../../dns/gai';
import { inetAtonExact, isInetPton6 } from '../../dns/files/common';
import type { IcmpKind } from '../../datapath/packet';
import type { TraceResult } from '../../datapath/trace';
import type { TraceRequest } from '../../datapath/walk';
import { formatAddr, parseAddr } from '../../net/addr';
import type { Endpoint } from '../../net/endpoint';
import { type CommandResult, notSimulated } from '../types';
import { parsePingArgs } from './args';
import { errorLine, headerLine, replyLine, statistics } from './format';
import { type Fate, MAX_REQUESTS, schedule } from './schedule';

export interface PingWorld {
  readonly from: Endpoint;
  readonly resolve: (req: LookupRequest) => Lookup;
  readonly trace: (req: TraceRequest) => TraceResult;
  /** Whether the namespace ping runs in has a link of that name (for -I). */
  readonly hasLink: (name: string) => boolean;
}

/** What one echo request met, read from its walk. */
type Outcome =
  | { readonly kind: 'connect'; readonly errno: string }
  | { readonly kind: 'reply'; readonly from: string; readonly ttl: number }
  /** `neighbour`: the error is a failed neighbour resolution's, which takes its time (schedule.ts). */
  | { readonly kind: 'error'; readonly from: string; readonly icmp: IcmpKind; readonly local: boolean; readonly neighbour: boolean }
  | { readonly kind: 'silent' };

/**
 * connect() of ping's probe socket (a UDP socket to port 1025) fails when the output route does: the
 * walk's request dropped on the sender before anything left it. The route's type gives the errno
 * (checked on Linux 6.18: no route, `unreachable`, `blackhole`, `prohibit` routes on the sender;
 * ping -6 connects without ping4's broadcast question: `connect: Permission denied`).
 */
const CONNECT_ERRORS: Readonly<Record<string, string>> = {
  'no-route': 'ping: connect: Network is unreachable',
  'unreachable-route': 'ping: connect: No route to host',
  blackhole: 'ping: connect: Invalid argument',
  prohibited: 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules',
};

function outcomeOf(t: TraceResult, from: Endpoint): Outcome {
  const atOrigin = (s: { host: string; netns: string }) => s.host === from.host && s.netns === (from.netns || '');
  const req = t.request.steps;
  const last = req[req.length - 1];
  const end = t.reply.steps[t.reply.steps.length - 1];
  if (!t.replied && !end && last?.stage === 'drop' && atOrigin(last)) {
    // The sender's own neighbour resolution failed: the error comes back through lo, from its own address.
    if (t.verdict === 'host-unreachable')
      return last.data?.errorLost
        ? { kind: 'silent' }
        : { kind: 'error', from: last.packet!.ip.src, icmp: 'host-unreachable', local: false, neighbour: true };
    const neverLeft = req.every((s) => atOrigin(s) && s.stage !== 'xmit' && s.stage !== 'netfilter' && s.stage !== 'deliver');
    const v6 = last.packet?.ip.dst.includes(':');
    const errno = v6 && t.verdict === 'prohibited' ? 'ping: connect: Permission denied' : CONNECT_ERRORS[t.verdict];
    if (neverLeft && errno) return { kind: 'connect', errno };
  }
  if (!end || end.stage !== 'deliver' || !atOrigin(end) || !end.packet?.icmp) return { kind: 'silent' };
  const icmp = end.packet.icmp.type as IcmpKind;
  if (t.replied && icmp === 'echo-reply') return { kind: 'reply', from: end.packet.ip.src, ttl: end.packet.ip.ttl };
  if (icmp === 'echo-reply' || icmp === 'echo-request') return { kind: 'silent' };
  const sender = t.reply.steps.find((s) => s.stage === 'icmp') ?? t.request.steps.find((s) => s.stage === 'icmp');
  const neighbour = t.verdict === 'host-unreachable';
  return { kind: 'error', from: end.packet.ip.src, icmp, local: sender ? atOrigin(sender) : false, neighbour };
}

const stop = (stdout: string, stderr: string, status: number): CommandResult => ({ stdout, stderr, status });

/** Runs ping: `words[0]` is `ping`, `columns` each word's place in the line. */
export function runPing(words: readonly string[], columns: readonly number[], w: PingWorld): CommandResult {
  const args = parsePingArgs(words, columns);
  if ('status' in args) return args;
  const warn = args.warnings;
  if (args.count === undefined && !args.deadline)
    return {
      stdout: '',
      stderr: `${warn}knetlab: ping without -c or -w is not simulated: a real ping sends until it is interrupted\n`,
      status: 2,
      notSimulated: { command: 'ping without -c or -w', column: columns[0] ?? 0 },
    };
  const target = args.target;
  const family = (a: string): 4 | 6 => (a.includes(':') ? 6 : 4);
  let candidates: string[];
  let canonical = target;
  const numericTarget = literal(target);
  if (numericTarget) candidates = [numericTarget];
  else {
    const lookup = w.resolve({ from: w.from, name: target, tool: 'getaddrinfo' });
    const addrs = lookup.answers.filter((a) => a.type === 'A' || a.type === 'AAAA');
    if (lookup.status !== 'success' || !addrs.length)
      return stop('', `${warn}ping: ${target}: ${gaiError(lookup.status === 'success' ? 'nodata' : lookup.status)}\n`, 2);
    candidates = addrs.map((a) => canonicalAddr(a.data));
    canonical = (lookup.canonical ?? addrs[0]!.name).replace(/\.$/, '');
  }
  candidates = candidates.filter((a) => !args.family || family(a) === args.family);
  if (!candidates.length) return stop('', `${warn}ping: ${target}: Address family for hostname not supported\n`, 2);
  let address = candidates[0]!;
  let outcome: Outcome = { kind: 'silent' };
  for (let i = 0; i < candidates.length; i++) {
    address = candidates[i]!;
    const t = w.trace({ from: w.from, to: address, proto: 'icmp', ...(args.ttl ? { ttl: args.ttl } : {}) });
    outcome = outcomeOf(t, w.from);
    // ping4_run/ping6_run: ENETUNREACH or EHOSTUNREACH on connect goes on to the next address.
    const next = outcome.kind === 'connect' && /unreachable|No route/.test(outcome.errno) && i + 1 < candidates.length;
    if (!next) break;
  }
  // bind_to_device, before the probe's connect(): an unknown device is ENODEV; a known one changes the
  // route lookup (SO_BINDTODEVICE), which the walk does not model.
  if (args.device && !w.hasLink(args.device.name)) return stop('', `${warn}ping: SO_BINDTODEVICE ${args.device.name}: No such device\n`, 2);
  if (args.device) return notSimulated('ping -I', args.device.column);
  if (outcome.kind === 'connect') return stop('', `${warn}${outcome.errno}\n`, 2);
  // IP_TTL 0 is refused (setsockopt: EINVAL), after the probe's connect().
  if (args.ttl === 0) return stop('', `${warn}ping: cannot set unicast time-to-live: Invalid argument\n`, 2);
  const v = family(address);
  // ping4_run: a numeric target sets -n; ping6_run: a target with a colon does.
  const numeric = args.numeric || (v === 4 ? numericTarget !== undefined : target.includes(':'));
  const names = new Map<string, string>();
  const shown = (addr: string): string => {
    if (numeric) return addr;
    if (!names.has(addr)) names.set(addr, `${reverseName(w, addr) ?? addr} (${addr})`);
    return names.get(addr)!;
  };
  // ping4_run names the target by its canonical name; ping6_run by the target as typed.
  const hostname = v === 4 ? (numericTarget ? target : canonical) : target;
  let stdout = headerLine(v, hostname, address, v === 6 ? shown(address) : address);
  const fate: Fate =
    outcome.kind === 'reply'
      ? { kind: 'reply' }
      : outcome.kind === 'error'
        ? { kind: 'error', neighbour: outcome.neighbour, acknowledged: v === 4 }
        : { kind: 'silent' };
  const run = schedule(args, fate);
  if (run.truncated)
    return {
      stdout: '',
      stderr: `${warn}knetlab: ping of more than ${MAX_REQUESTS} echo requests is not simulated\n`,
      status: 2,
      notSimulated: { command: `ping of more than ${MAX_REQUESTS} echo requests`, column: columns[0] ?? 0 },
    };
  if (run.forever)
    return {
      stdout: '',
      stderr: `${warn}knetlab: ping that waits forever is not simulated: with -W 0 and no -w, a real ping waits until it is interrupted\n`,
      status: 2,
      notSimulated: { command: 'ping that waits forever', column: columns[0] ?? 0 },
    };
  let stderr = warn;
  for (const a of run.arrivals) {
    if (args.quiet) continue;
    if (outcome.kind === 'reply') stdout += replyLine(shown(outcome.from), a.seq, outcome.ttl, outcome.from !== address);
    else if (outcome.kind === 'error') stdout += errorLine(v, shown(outcome.from), a.seq, outcome.icmp);
  }
  // A REJECT in the sender's own OUTPUT chain: sendmsg fails (EPERM) for each request, and the error comes from itself.
  if (outcome.kind === 'error' && outcome.local) stderr += 'ping: sendmsg: Operation not permitted\n'.repeat(run.sent);
  stdout += statistics({
    hostname,
    sent: run.sent,
    received: run.received,
    errors: run.errors,
    elapsedMs: run.elapsedMs,
    pipe: run.pipe,
    noInterval: args.intervalMs === 0,
  });
  // finish: 1 when nothing came back, or when -w ended it before -c replies.
  const status = !run.received || (args.deadline && args.count !== undefined && run.received < args.count) ? 1 : 0;
  return stop(stdout, stderr, status);
}

/**
 * A numeric target as getaddrinfo reads it, which ping does not look up: inet_aton for IPv4
 * (`192.168.002.053` is 192.168.2.43, octal), inet_pton for IPv6 (with its zone); as inet_ntop writes it.
 */
function literal(text: string): string | undefined {
  const v4 = inetAtonExact(text);
  if (v4) return v4;
  const zone = text.indexOf('%');
  const bare = zone < 0 ? text : text.slice(0, zone);
  const a = isInetPton6(bare) ? parseAddr(bare) : undefined;
  return a ? formatAddr(a) + (zone < 0 ? '' : text.slice(zone)) : undefined;
}

/** An address as inet_ntop writes it (`fd77:2::10` for `fd77:2:0::10`). */
function canonicalAddr(text: string): string {
  const a = parseAddr(text);
  return a ? formatAddr(a) : text;
}

/** getnameinfo without NI_NAMEREQD: gethostbyaddr through nsswitch.conf, the first name; none: undefined. */
function reverseName(w: PingWorld, addr: string): string | undefined {
  const lookup = w.resolve({ from: w.from, name: addr, tool: 'getent-hosts' });
  const ptr = lookup.status === 'success' ? lookup.answers.find((a) => a.type === 'PTR') : undefined;
  return ptr ? ptr.data.replace(/\.$/, '') : undefined;
}
