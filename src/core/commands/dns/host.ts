/**
 * host (BIND 9.18.49, bin/dig/host.c): `host NAME [SERVER]` asks A, then AAAA and MX for the name at
 * the end of the A answer's CNAME chain; `-t TYPE` asks one type; an address asks its PTR. Each
 * record is a sentence (`web.example.com has address 10.0.0.5`, `... is an alias for ...`, `... mail
 * is handled by ...`); a failure is `Host NAME not found: 3(NXDOMAIN)` (exit 1), and no answer at all
 * `;; no servers could be reached` (exit 1).
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import type { DnsMessage, RR } from '../../dns/msg';
import { type CommandResult, result } from '../types';
import { digClass, digType } from './digArgs';
import { isAddress, reverseName } from './names';
import { rdataText } from '../../dns/zone/rdata';
import { bare } from './present';
import { failedTries, type Resolve, replied, serverAddresses } from './run';

export const HOST_USAGE = `Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]
            [-R number] [-m flag] [-p port] hostname [server]
       -a is equivalent to -v -t ANY
       -A is like -a but omits RRSIG, NSEC, NSEC3
       -c specifies query class for non-IN data
       -C compares SOA records on authoritative nameservers
       -d is equivalent to -v
       -l lists all hosts in a domain, using AXFR
       -m set memory debugging flag (trace|record|usage)
       -N changes the number of dots allowed before root lookup is done
       -p specifies the port on the server to query
       -r disables recursive processing
       -R specifies number of retries for UDP packets
       -s a SERVFAIL response should stop query
       -t specifies the query type
       -T enables TCP/IP mode
       -U enables UDP mode
       -v enables verbose output
       -V print version number and exit
       -w specifies to wait forever for a reply
       -W specifies how long to wait for a reply
       -4 use IPv4 query transport only
       -6 use IPv6 query transport only
`;

/** What host says of each type (host.c rtypes), `has TYPE record` for the others. */
const SAYS: Record<string, string> = {
  A: 'has address',
  NS: 'name server',
  CNAME: 'is an alias for',
  PTR: 'domain name pointer',
  HINFO: 'host information',
  MX: 'mail is handled by',
  TXT: 'descriptive text',
  AAAA: 'has IPv6 address',
};

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

export interface HostArgs {
  readonly name: string;
  /** Absent: the default lookups (A, then AAAA and MX). */
  readonly type?: string;
  readonly server?: string;
  readonly options: Record<string, string | number | boolean>;
}

export function parseHost(words: readonly string[]): { ok: true; args: HostArgs } | { ok: false; res: CommandResult } {
  // host.c main: two tries; the wait is dighost's own unless -W says
  const options: Record<string, string | number | boolean> = { tries: 2 };
  let type: string | undefined;
  let i = 1;
  for (; i < words.length && words[i].startsWith('-') && words[i].length > 1; i++) {
    const w = words[i];
    for (let j = 1; j < w.length; j++) {
      const f = w[j];
      if ('46rsTUwiCnaAdvlDV'.includes(f)) {
        if ('aAdvlCDV'.includes(f))
          return {
            ok: false,
            res: {
              stdout: '',
              stderr: `knetlab: host -${f} is not simulated\n`,
              status: 1,
              notSimulated: { command: `host -${f}`, column: 0 },
            },
          };
        if (f === 'r') options.recurse = false;
        if (f === 'T') options.tcp = true;
        continue;
      }
      if (!'ctWRNpm'.includes(f)) return { ok: false, res: result('', `host: illegal option -- ${f}\n${HOST_USAGE}`, 1) };
      const value = j + 1 < w.length ? w.slice(j + 1) : words[++i];
      if (value === undefined) return { ok: false, res: result('', `host: option requires an argument -- ${f}\n${HOST_USAGE}`, 1) };
      if (f === 't') {
        type = digType(value);
        if (!type) return { ok: false, res: result('', `host: invalid type: ${value}\n\n`, 2) };
      } else if (f === 'c') {
        const cls = digClass(value);
        if (!cls) return { ok: false, res: result('', `host: invalid class: ${value}\n\n`, 2) };
        if (cls !== 'IN') options.class = cls;
      } else if (f === 'W') options.time = Math.max(1, parseInt(value, 10) || 0);
      else if (f === 'R') options.tries = Math.max(2, (parseInt(value, 10) || 0) + 1);
      else if (f === 'N') options.ndots = parseInt(value, 10) || 0;
      else if (f === 'p') options.port = parseInt(value, 10) || 0;
      break;
    }
  }
  if (i >= words.length) return { ok: false, res: result('', HOST_USAGE, 1) };
  const name = words[i];
  const server = words[i + 1];
  if (isAddress(name)) return { ok: true, args: { name: reverseName(name), type: 'PTR', server, options } };
  return { ok: true, args: { name, type, server, options: { ...options, search: true } } };
}

export function runHost(words: readonly string[], from: LookupRequest['from'], resolve: Resolve): CommandResult {
  const parsed = parseHost(words);
  if (!parsed.ok) return parsed.res;
  const a = parsed.args;
  const servers = a.server ? serverAddresses('host', a.server, from, resolve) : undefined;
  if (servers && !Array.isArray(servers)) return servers;
  const ask = (name: string, type: string): Lookup =>
    resolve({ from, name, type, tool: 'host', ...(servers ? { server: servers[0] } : {}), options: a.options });
  let out = '';
  const types = a.type ? [a.type] : ['A'];
  let name = a.name;
  let printedServer = false;
  let status = 0;
  for (let k = 0; k < types.length; k++) {
    const lookup = ask(name, types[k]);
    const failed = failedTries(lookup, a.server, a.options.tcp === true);
    out += failed.text;
    const got = replied(lookup);
    if (!got) return result(out + (failed.final ? '' : ';; no servers could be reached\n'), '', 1);
    if (a.server && !printedServer) {
      out += `Using domain server:\nName: ${a.server}\nAddress: ${got.server}\nAliases: \n\n`;
      printedServer = true;
    }
    const msg = got.reply;
    if (msg.rcode !== 'NOERROR') {
      // host.c printmessage: said (NXDOMAIN with the name as asked: `77.0.0.10.in-addr.arpa.`), and the lookups queued go on
      const shown = msg.rcode === 'NXDOMAIN' ? a.name : bare(msg.question[0]?.name ?? name);
      out += `Host ${shown} not found: ${RCODES.indexOf(msg.rcode)}(${msg.rcode})\n`;
      status = 1;
      continue;
    }
    for (const rr of msg.answer) out += say(rr);
    if (a.type && msg.answer.length === 0) out += `${bare(msg.question[0]?.name ?? name)} has no ${types[k]} record\n`;
    if (!a.type && k === 0) {
      name = canonical(msg) + '';
      types.push('AAAA', 'MX');
    }
  }
  return result(out, '', status);
}

function say(rr: RR): string {
  return `${bare(rr.name)} ${SAYS[rr.type] ?? `has ${rr.type} record`} ${rdataText(rr.data)}\n`;
}

/** The name at the end of the answer's CNAME chain from the question (host.c chase_cnamechain), absolute. */
export function canonical(msg: DnsMessage): string {
  let name = msg.question[0]?.name ?? '.';
  for (let i = 0; i < msg.answer.length; i++) {
    const c = msg.answer.find((rr) => rr.type === 'CNAME' && rr.name.toLowerCase() === name.toLowerCase());
    if (!c || c.data.type !== 'CNAME') break;
    name = c.data.target;
  }
  return name;
}
