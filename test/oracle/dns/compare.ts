/**
 * How two answers to a DNS question are compared (the kernel's against the fixture, the
 * simulator's against the kernel's), hiding only what the real software does not fix:
 *
 * - dig's full output: the message id, the query time, the date, the message size, the cookie; and
 *   what belongs to the server program rather than the client (dnsmasq sets `ra` and leaves NXDOMAIN
 *   and NODATA without an SOA and without `aa`; CoreDNS's `file` does the opposite): of a full dig
 *   output only the status, the QUESTION and ANSWER sections and the SERVER line are compared;
 * - the order of an A and an AAAA query getaddrinfo sends together (`getent ahosts`): either may
 *   reach the server first;
 * - under `options rotate`, which server a query went to (glibc picks the first at random);
 * - ping's round-trip times;
 * - the time: within half a second (every timeout is a whole number of seconds).
 */
import type { KernelDnsAnswer, LoggedQuery } from './kernel';

/** The tolerance on a command's elapsed time, milliseconds. */
export const ELAPSED_SLACK_MS = 500;

export interface DnsMismatch {
  readonly what: 'status' | 'stdout' | 'stderr' | 'queries' | 'elapsed';
  readonly kernel: string;
  readonly other: string;
}

const isDig = (cmd: string): boolean => /^dig\s/.test(cmd);
const isShort = (cmd: string): boolean => /(^|\s)\+short(\s|$)/.test(cmd);

/** dig's full output reduced to what the client decides: status, question, answer, server. */
export function digEssentials(out: string): string {
  const keep: string[] = [];
  let section = '';
  for (const line of out.split('\n')) {
    const status = /status: ([A-Z]+)/.exec(line);
    if (status) keep.push(`status: ${status[1]}`);
    const sec = /^;; ([A-Z]+) SECTION:$/.exec(line);
    if (sec) {
      section = sec[1]!;
      if (section === 'QUESTION' || section === 'ANSWER') keep.push(line);
      continue;
    }
    if (line.trim() === '') section = '';
    else if (section === 'QUESTION' || section === 'ANSWER') keep.push(line.replace(/\s+/g, ' '));
    if (/^;; SERVER: /.test(line)) keep.push(line);
    if (/^;; (connection timed out|no servers could be reached|communications error)/.test(line)) keep.push(line);
  }
  return keep.join('\n');
}

/** A command's stdout as compared. */
export function comparableStdout(cmd: string, stdout: string): string {
  if (isDig(cmd) && !isShort(cmd)) return digEssentials(stdout);
  if (/^ping\s/.test(cmd)) return pingTimesHidden(stdout);
  return stdout;
}

/** ping's output without its round-trip times (`time=0.032 ms`, `time 0ms`, the rtt line). */
export function pingTimesHidden(out: string): string {
  return out
    .replace(/time=[0-9.]+ ms/g, 'time=<t> ms')
    .replace(/, time [0-9]+ms$/gm, ', time <t>ms')
    .replace(/^rtt min\/avg\/max\/mdev = .*$/gm, 'rtt min/avg/max/mdev = <t>');
}

/** dig and host print their errors to stdout and stderr in an order of their own: compare stderr's lines. */
export function comparableStderr(stderr: string): string {
  return stderr.trim();
}

/** The queries as a list of `TYPE NAME @SERVER`, with A/AAAA pairs of getaddrinfo in one order and, under rotate, no server. */
export function comparableQueries(cmd: string, queries: readonly LoggedQuery[], rotate: boolean): string[] {
  const q = queries.map((x) => ({ ...x, name: x.name.replace(/\.$/, '').toLowerCase(), server: rotate ? '*' : x.server }));
  if (/^getent\s+ahosts\s/.test(cmd)) {
    for (let i = 0; i + 1 < q.length; i++) {
      const a = q[i]!;
      const b = q[i + 1]!;
      if (a.type === 'AAAA' && b.type === 'A' && a.name === b.name && a.server === b.server) {
        q[i] = b;
        q[i + 1] = a;
        i++;
      }
    }
  }
  return q.map((x) => `${x.type} ${x.name} @${x.server}`);
}

/** The differences between the kernel's answer and another (the kernel again, or the simulator). */
export function compareDnsAnswers(kernel: KernelDnsAnswer, other: KernelDnsAnswer, opts: { rotate?: boolean } = {}): DnsMismatch[] {
  const out: DnsMismatch[] = [];
  const cmd = kernel.run;
  if (kernel.status !== other.status) out.push({ what: 'status', kernel: String(kernel.status), other: String(other.status) });
  const ks = comparableStdout(cmd, kernel.stdout);
  const os = comparableStdout(cmd, other.stdout);
  if (ks !== os) out.push({ what: 'stdout', kernel: ks, other: os });
  const ke = comparableStderr(kernel.stderr);
  const oe = comparableStderr(other.stderr);
  if (ke !== oe) out.push({ what: 'stderr', kernel: ke, other: oe });
  const kq = comparableQueries(cmd, kernel.queries, opts.rotate ?? false);
  const oq = comparableQueries(cmd, other.queries, opts.rotate ?? false);
  if (kq.join('\n') !== oq.join('\n')) out.push({ what: 'queries', kernel: kq.join(', '), other: oq.join(', ') });
  if (Math.abs(kernel.elapsedMs - other.elapsedMs) > ELAPSED_SLACK_MS) {
    out.push({ what: 'elapsed', kernel: `${kernel.elapsedMs} ms`, other: `${other.elapsedMs} ms` });
  }
  return out;
}

/** Whether the scenario's client asks with `options rotate` (its servers may be taken in any order). */
export function rotates(resolvConf: string | undefined): boolean {
  return /^\s*options\b.*\brotate\b/m.test(resolvConf ?? '');
}

export function formatDnsMismatches(where: string, ms: readonly DnsMismatch[]): string {
  const show = (s: string): string => (s.includes('\n') ? `\n${s.replace(/^/gm, '        | ')}` : ` ${JSON.stringify(s)}`);
  return `${where}:\n${ms.map((m) => `    ${m.what}:\n      kernel:${show(m.kernel)}\n      other: ${show(m.other)}`).join('\n')}`;
}
