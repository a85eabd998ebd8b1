/**
 * Reading the kernel's results (kernel.ts gathers them): what a run line printed, ping and TCP
 * outcomes classified, whether a scenario's expectations hold, and how an answer is described.
 */
import type { PingClass, Question, Scenario, TcpClass } from './scenario';
import type { ProcResult } from './kernel-netns';

export interface RunRecord {
  readonly host: string;
  readonly command: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/**
 * What the origin of a ping or a TCP connect saw, as the kernel shows it, in one string both sides
 * can produce (compare.ts reads the same out of a simulator trace):
 * - ping: `replied`; `From 10.0.0.1: Destination Host Unreachable` (an ICMP error, or the sender's
 *   own ARP failure, from the address ping names); `connect: Network is unreachable` or
 *   `sendmsg: Permission denied` (the sender's own stack refused); `silence` (nothing within ping's wait);
 * - TCP: `connected` or the errno connect() failed with: `ECONNREFUSED`, `EHOSTUNREACH`,
 *   `ENETUNREACH`, `EACCES`, `EPERM`, `EINVAL`, `ETIMEDOUT`.
 */
export type Evidence = string;

export type KernelAnswer =
  | {
      readonly kind: 'ping';
      readonly replied: boolean;
      readonly cls: PingClass;
      readonly seen: Evidence;
      readonly raw: string;
      /** How long ping ran: an answer after a second was silence to the one-second wait the scenarios' `expect` was written for. */
      readonly ms: number;
    }
  | { readonly kind: 'tcp'; readonly cls: TcpClass; readonly seen: Evidence; readonly raw: string; readonly ms: number }
  | { readonly kind: 'output'; readonly stdout: string; readonly stderr: string; readonly status: number };

export function classifyPing(r: ProcResult): PingClass {
  const all = r.stdout + r.stderr;
  if (r.status === 0) return 'replied';
  if (/Time to live exceeded|Time exceeded: Hop limit/i.test(all)) return 'ttl-exceeded';
  if (/Destination Host Unreachable|Destination unreachable: Address unreachable/i.test(all)) return 'host-unreachable';
  if (/Destination Net Unreachable|Destination unreachable: No route/i.test(all)) return 'net-unreachable';
  if (/Destination unreachable: Administratively prohibited/i.test(all)) return 'prohibited';
  if (/Network is unreachable/i.test(all)) return 'no-route';
  if (/Invalid argument/i.test(all)) return 'blackhole';
  if (/Packet filtered|Permission denied|Operation not permitted|Prohibited|check your local firewall rules/i.test(all))
    return 'prohibited';
  if (/No route to host/i.test(all)) return 'host-unreachable';
  if (/ 0 received/.test(all)) return 'no-answer';
  return 'other';
}

/** The ping's {@link Evidence}: its first `From` line, its own error, or silence. */
export function pingEvidence(r: ProcResult): Evidence {
  const all = r.stdout + r.stderr;
  if (r.status === 0) return 'replied';
  const from = /^From (\S+) icmp_seq=\d+ (.+?)\s*$/m.exec(all);
  if (from) return `From ${from[1]}: ${from[2]}`;
  // iputils says this for every EACCES from sendmsg (a prohibit route, a broadcast address without -b)
  if (/Do you want to ping broadcast\?/.test(all)) return 'sendmsg: Permission denied';
  const own = /^ping: (connect|sendmsg|sendto): (.+?)\s*$/m.exec(all);
  if (own) return `${own[1] === 'sendto' ? 'sendmsg' : own[1]}: ${own[2]}`;
  if (/ 0 received/.test(all) && !/errors/.test(all)) return 'silence';
  return `other: ${all.trim().split('\n').pop() ?? ''}`;
}

const ERRNO_TEXT: readonly [RegExp, string][] = [
  [/Connection refused/i, 'ECONNREFUSED'],
  [/No route to host/i, 'EHOSTUNREACH'],
  [/Network is unreachable/i, 'ENETUNREACH'],
  [/Permission denied/i, 'EACCES'],
  [/Operation not permitted/i, 'EPERM'],
  [/Invalid argument/i, 'EINVAL'],
  [/timed out/i, 'ETIMEDOUT'],
];

/** The connect's {@link Evidence}: `connected` or the errno socat printed the text of. */
export function tcpEvidence(r: ProcResult): Evidence {
  if (r.status === 0) return 'connected';
  for (const [re, errno] of ERRNO_TEXT) if (re.test(r.stderr)) return errno;
  if (r.timedOut) return 'ETIMEDOUT';
  return `other: ${r.stderr.trim().split('\n').pop() ?? ''}`;
}

export function classifyTcp(r: ProcResult): TcpClass {
  const e = r.stderr;
  if (r.status === 0) return 'connected';
  if (/Connection refused/i.test(e)) return 'refused';
  if (/No route to host/i.test(e)) return 'host-unreachable';
  if (/Network is unreachable/i.test(e)) return 'net-unreachable';
  if (/Invalid argument/i.test(e)) return 'blackhole';
  if (/Permission denied|Operation not permitted/i.test(e)) return 'prohibited';
  if (/timed out/i.test(e) || r.timedOut) return 'timeout';
  return 'other';
}

/** An answer later than this came after the one-second wait of the first scenarios. */
const LATE_MS = 1500;

/** Does a kernel answer satisfy a question's `expect`? */
export function expectHolds(q: Question, a: KernelAnswer): boolean {
  if (q.expect === undefined) return true;
  // An error that took longer than a second (an ARP failure: three probes a second apart) was
  // silence to the one-second wait the scenarios' `no-answer` and `timeout` were written for.
  const late = a.kind !== 'output' && a.ms > LATE_MS;
  if (a.kind === 'ping') {
    if (q.expect === 'replied') return a.replied;
    if (q.expect === 'not-replied') return !a.replied;
    if (q.expect === 'no-answer') return a.cls === 'no-answer' || (!a.replied && late);
    return a.cls === q.expect;
  }
  if (a.kind === 'tcp') {
    if (q.expect === 'no-answer') return a.cls !== 'connected' && a.cls !== 'refused';
    if (q.expect === 'timeout') return a.cls === 'timeout' || (a.cls !== 'connected' && late);
    return a.cls === q.expect;
  }
  return (a.stdout + a.stderr).includes(q.expect);
}

export interface KernelResult {
  readonly scenario: Scenario;
  readonly runs: RunRecord[];
  readonly answers: KernelAnswer[];
  readonly problems: string[];
  readonly error?: string;
  readonly ms: number;
}

/**
 * Does the kernel still do what the scenario says it tests? Every `expect` holds, every listed
 * reject is rejected with that stderr, and no other run line is rejected.
 */
export function kernelExpectationProblems(r: KernelResult): string[] {
  const out: string[] = [...r.problems];
  if (r.error) out.push(`build failed: ${r.error}`);
  const rejects = [...r.scenario.rejects];
  for (const run of r.runs) {
    if (run.status === 0) continue;
    const i = rejects.findIndex((x) => x.host === run.host && x.command === run.command);
    const first = run.stderr.split('\n')[0] ?? '';
    if (i < 0)
      out.push(
        `kernel rejected a line the scenario does not list: ${run.host}$ ${run.command} -> ${JSON.stringify(run.stderr)} (status ${run.status})`,
      );
    else {
      if (rejects[i]!.stderr !== first)
        out.push(
          `kernel rejected ${run.host}$ ${run.command} with ${JSON.stringify(first)}, the scenario says ${JSON.stringify(rejects[i]!.stderr)}`,
        );
      rejects.splice(i, 1);
    }
  }
  for (const x of rejects) out.push(`the scenario lists a reject the kernel did not make: ${x.host}$ ${x.command}`);
  r.scenario.questions.forEach((q, i) => {
    const a = r.answers[i];
    if (a && !expectHolds(q, a)) out.push(`kernel: ${q.label}: expected ${q.expect}, got ${describeKernel(a)}`);
  });
  return out;
}

export function describeKernel(a: KernelAnswer): string {
  if (a.kind === 'ping') return `${a.cls}${a.replied ? '' : ` (${lastLine(a.raw)})`} after ${Math.round(a.ms)} ms`;
  if (a.kind === 'tcp') return `${a.cls}${a.raw ? ` (${lastLine(a.raw).replace(/^.*? E /, '')})` : ''} after ${Math.round(a.ms)} ms`;
  return JSON.stringify(a.stdout + a.stderr) + (a.status ? ` status ${a.status}` : '');
}

function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  const interesting = lines.find((l) => /From |connect:|ping:|unreachable|exceeded|filtered/i.test(l));
  return interesting ?? lines[lines.length - 1] ?? '';
}
