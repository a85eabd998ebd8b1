/**
 * dig (BIND 9.18.49): its queries go through the simulated resolver (`tool: 'dig'`: no /etc/hosts, no
 * search list unless `+search`), and it prints what came back as dig does (bin/dig/dig.c
 * printmessage and received): the command line, the header, the OPT pseudo-section, the sections in
 * dig's columns, and the statistics. The simulator has no clock: `;; WHEN:` is the Unix epoch (as
 * iptables-save's date), `;; Query time:` the time the server waited (the simulated network has no
 * delay: 0 msec, or forward's read timeouts on silent upstreams; the client's own timeouts are counted in the lookup's time).
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import type { DnsMessage } from '../../dns/msg';
import { type CommandResult, notSimulated, result } from '../types';
import { DIG_VERSION, type DigArgs, type DigQuery, parseDig } from './digArgs';
import { rdataText } from '../../dns/zone/rdata';
import { digQuestion, digRecord, replySize } from './present';
import { failedTries, type Resolve, replied, serverAddresses, userArg } from './run';

/** What `;; WHEN:` prints: the epoch, in dig's strftime form `%a %b %d %H:%M:%S %Z %Y`. */
export const DIG_WHEN = 'Thu Jan 01 00:00:00 UTC 1970';

/** The request dig makes for one of its queries. */
export function digRequest(args: DigArgs, q: DigQuery, from: LookupRequest['from'], address = args.server): LookupRequest {
  const o = args.options;
  const options: Record<string, string | number | boolean> = {
    search: o.search,
    tries: o.tries,
    time: o.time,
    recurse: o.recurse,
    edns: o.edns,
    tcp: o.tcp,
    cookie: o.cookie,
  };
  if (args.port !== 53) options.port = args.port;
  if (o.ndots !== undefined) options.ndots = o.ndots;
  if (q.cls !== 'IN') options.class = q.cls;
  return { from, name: q.name, type: q.type, tool: 'dig', ...(address ? { server: address } : {}), options };
}

/** Runs dig's command line: `resolve` does each lookup; `sizeOf` is how the servers write their replies (CoreDNS's way by default). */
export function runDig(
  words: readonly string[],
  columns: readonly number[],
  from: LookupRequest['from'],
  resolve: Resolve,
  sizeOf: (msg: DnsMessage) => number = replySize,
): CommandResult {
  const parsed = parseDig(words, columns);
  if (!parsed.ok && parsed.notSimulated) return notSimulated(parsed.notSimulated, parsed.column ?? 0);
  if (!parsed.ok)
    return {
      stdout: parsed.stdout,
      stderr: parsed.stderr,
      status: parsed.status,
      ...(parsed.column !== undefined ? { failure: { column: parsed.column } } : {}),
    };
  const servers = parsed.args.server ? serverAddresses('dig', parsed.args.server, from, resolve) : undefined;
  if (servers && !Array.isArray(servers)) return servers;
  const args = servers ? { ...parsed.args, serversFound: servers.length } : parsed.args;
  let stdout = '';
  let status = 0;
  args.queries.forEach((q, i) => {
    const out = formatDig(args, resolve(digRequest(args, q, from, servers?.[0])), i === 0, sizeOf);
    stdout += out.stdout;
    if (out.status) status = out.status;
  });
  return result(stdout, parsed.args.warnings, status);
}

/** What dig prints for one lookup; `first` for the first of the command line (the only one with the banner). */
export function formatDig(
  args: DigArgs,
  lookup: Lookup,
  first = true,
  sizeOf: (msg: DnsMessage) => number = replySize,
): { stdout: string; status: number } {
  const o = args.options;
  const answered = replied(lookup);
  const failed = failedTries(lookup, args.server, o.tcp);
  // a socket that could not be set up said all there is: no banner (dighost.c)
  if (!answered && failed.final) return { stdout: failed.text, status: 9 };
  let out = failed.text;
  if (first && o.cmd && !o.short) {
    out += `\n; <<>> DiG ${DIG_VERSION} <<>>${args.cmdline ? ' ' + args.cmdline : ''}\n`;
    const found = args.serversFound ?? 1;
    if (args.server) out += `; (${found} server${found === 1 ? '' : 's'} found)\n`;
    out += ';; global options: +cmd\n';
  }
  if (!answered) return { stdout: out + ';; no servers could be reached\n', status: 9 };
  const msg = answered.reply;
  if (o.short) {
    if (o.answer) for (const rr of msg.answer) out += rdataText(rr.data) + '\n';
    return { stdout: out, status: 0 };
  }
  if (o.comments) out += ';; Got answer:\n' + header(msg) + '\n';
  if (o.comments && msg.edns) {
    out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:${msg.edns.do ? ' do' : ''}; udp: ${msg.edns.udpSize}\n`;
    // message.c: with a server cookie the reply's is 16 bytes or more ("good"); only ours back is "echoed"
    if (msg.edns.cookie) out += `; COOKIE: ${msg.edns.cookie} (${msg.edns.cookie.length >= 32 ? 'good' : 'echoed'})\n`;
  }
  const section = (title: string, lines: readonly string[]) => {
    if (!lines.length) return;
    out += (o.comments ? `;; ${title} SECTION:\n` : '') + lines.map((l) => l + '\n').join('') + (o.comments ? '\n' : '');
  };
  if (o.question) section('QUESTION', msg.question.map(digQuestion));
  if (o.answer) section('ANSWER', msg.answer.map(digRecord));
  if (o.authority) section('AUTHORITY', msg.authority.map(digRecord));
  if (o.additional) section('ADDITIONAL', msg.additional.map(digRecord));
  if (o.stats) {
    out += `;; Query time: ${answered.ms} msec\n`;
    out += `;; SERVER: ${answered.server}(${userArg(args.server, answered.server)}) (${o.tcp ? 'TCP' : 'UDP'})\n`;
    out += `;; WHEN: ${DIG_WHEN}\n;; MSG SIZE  rcvd: ${sizeOf(msg)}\n\n`;
  }
  return { stdout: out, status: 0 };
}

/** The `->>HEADER<<-` and flags lines, and the recursion warning. */
function header(msg: DnsMessage): string {
  const flags = (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).filter((f) => (f === 'qr' ? msg.response : msg[f]));
  const extra = msg.additional.length + (msg.edns ? 1 : 0);
  let text = `;; ->>HEADER<<- opcode: ${msg.opcode}, status: ${msg.rcode}, id: ${msg.id}\n`;
  text += `;; flags: ${flags.join(' ')}; QUERY: ${msg.question.length}, ANSWER: ${msg.answer.length}, AUTHORITY: ${msg.authority.length}, ADDITIONAL: ${extra}\n`;
  if (msg.rd && !msg.ra) text += ';; WARNING: recursion requested but not available\n';
  return text;
}
