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

export type KernelAnswer =
  | { readonly kind: 'ping'; readonly replied: boolean; readonly cls: PingClass; readonly raw: string }
  | { readonly kind: 'tcp'; readonly cls: TcpClass; readonly raw: string }
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

/** Does a kernel answer satisfy a question's `expect`? */
export function expectHolds(q: Question, a: KernelAnswer): boolean {
  if (q.expect === undefined) return true;
  if (a.kind === 'ping') {
    if (q.expect === 'replied') return a.replied;
    if (q.expect === 'not-replied') return !a.replied;
    return a.cls === q.expect;
  }
  if (a.kind === 'tcp') {
    if (q.expect === 'no-answer') return a.cls !== 'connected' && a.cls !== 'refused';
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
  if (a.kind === 'ping') return `${a.cls}${a.replied ? '' : ` (${lastLine(a.raw)})`}`;
  if (a.kind === 'tcp') return `${a.cls}${a.raw ? ` (${lastLine(a.raw).replace(/^.*? E /, '')})` : ''}`;
  return JSON.stringify(a.stdout + a.stderr) + (a.status ? ` status ${a.status}` : '');
}

function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  const interesting = lines.find((l) => /From |connect:|ping:|unreachable|exceeded|filtered/i.test(l));
  return interesting ?? lines[lines.length - 1] ?? '';
}
