/**
 * nslookup (BIND 9.18.49, bin/dig/nslookup.c), non-interactive: `nslookup [-type=T] NAME [SERVER]`.
 * The default lookups ask A, then AAAA for the end of the A answer's CNAME chain; `Server:` and
 * `Address:` head the A lookup's answer, `Non-authoritative answer:` when the server is not the
 * zone's authority, `** server can't find NAME: NXDOMAIN` (exit 1), `*** Can't find NAME: No answer`.
 */
import type { Lookup, LookupRequest } from '../../dns/lookup';
import type { RR } from '../../dns/msg';
import { type CommandResult, notSimulated, result } from '../types';
import { digType } from './digArgs';
import { canonical } from './host';
import { isAddress, reverseName } from './names';
import { rdataText } from '../../dns/zone/rdata';
import { bare } from './present';
import { failedTries, type Resolve, replied, serverAddresses, userArg } from './run';

/** nslookup.c's rtypetext: the words before a record's data. */
const SAYS: Record<string, string> = {
  NS: 'nameserver = ',
  CNAME: 'canonical name = ',
  PTR: 'name = ',
  HINFO: 'hinfo = ',
  MX: 'mail exchanger = ',
  TXT: 'text = ',
  SRV: 'service = ',
  AAAA: 'has AAAA address ',
  A: 'internet address = ',
};

export interface NslookupArgs {
  readonly name: string;
  /** Absent: the default lookups (A, then AAAA). */
  readonly type?: string;
  /** The name is an address's reverse name (`nslookup 10.0.0.5`). */
  readonly reverse?: boolean;
  readonly server?: string;
  readonly options: Record<string, string | number | boolean>;
  /** What nslookup said while reading its options (`unknown query type: X`). */
  readonly said?: string;
}

export function parseNslookup(
  words: readonly string[],
  columns: readonly number[] = [],
): { ok: true; args: NslookupArgs } | { ok: false; res: CommandResult } {
  const options: Record<string, string | number | boolean> = { search: true };
  let type: string | undefined;
  let said = '';
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') {
      rest.push(w);
      continue;
    }
    const [key, value] = w.slice(1).split('=', 2) as [string, string | undefined];
    const k = key.toLowerCase();
    if (['type', 'querytype', 'query', 'q', 'ty'].includes(k) && value !== undefined) {
      const t = digType(value);
      // nslookup.c setoption: an unknown type is said, and the default lookups go on
      if (t) type = t;
      else said += `unknown query type: ${value}\n`;
    } else if (k === 'timeout' && value !== undefined) options.time = Math.max(1, parseInt(value, 10) || 0);
    else if (k === 'retry' && value !== undefined) options.tries = Math.max(1, parseInt(value, 10) || 0);
    else if (k === 'port' && value !== undefined) options.port = parseInt(value, 10) || 0;
    else if (k === 'nosearch' || k === 'nodefname') options.search = false;
    else if (k === 'search' || k === 'defname' || k === 'recurse' || k === 'vc' || k === 'novc') {
      if (k === 'vc') options.tcp = true;
    } else if (k === 'norecurse') options.recurse = false;
    else return { ok: false, res: notSimulated(`nslookup ${w}`, columns[i] ?? 0) };
  }
  if (rest.length === 0 || rest[0] === '-') return { ok: false, res: notSimulated('interactive nslookup', columns[0] ?? 0) };
  const [name, server] = rest;
  // an address asks its PTR, still with the default lookups' ways (no Server: heading)
  if (isAddress(name)) return { ok: true, args: { name: reverseName(name), type, reverse: true, server, options, said } };
  return { ok: true, args: { name, type, server, options, said } };
}

export function runNslookup(
  words: readonly string[],
  columns: readonly number[],
  from: LookupRequest['from'],
  resolve: Resolve,
): CommandResult {
  const parsed = parseNslookup(words, columns);
  if (!parsed.ok) return parsed.res;
  const a = parsed.args;
  const servers = a.server ? serverAddresses('nslookup', a.server, from, resolve) : undefined;
  if (servers && !Array.isArray(servers)) return servers;
  const defaults = a.type === undefined;
  const ask = (name: string, type: string): Lookup =>
    resolve({ from, name, type, tool: 'nslookup', ...(servers ? { server: servers[0] } : {}), options: a.options });
  const types = [a.type ?? (a.reverse ? 'PTR' : 'A')];
  let name = a.name;
  let out = a.said ?? '';
  let aNoAnswer = false;
  for (let k = 0; k < types.length; k++) {
    const type = types[k];
    const lookup = ask(name, type);
    const failed = failedTries(lookup, a.server, a.options.tcp === true);
    out += failed.text;
    const got = replied(lookup);
    if (!got) return result(out + (failed.final ? '' : ';; no servers could be reached\n') + '\n', '', 1);
    const msg = got.reply;
    const heads = !defaults || type === 'A';
    if (heads) out += `Server:\t\t${userArg(a.server, got.server)}\nAddress:\t${got.server}\n\n`;
    if (msg.rcode !== 'NOERROR')
      return result(out + `** server can't find ${bare(msg.question[0]?.name ?? name)}: ${msg.rcode}\n\n`, '', 1);
    if (defaults && type === 'A') {
      name = canonical(msg);
      types.push('AAAA');
    }
    if (!msg.aa && heads) out += 'Non-authoritative answer:\n';
    if (msg.answer.length) out += section(msg.answer, true);
    else if (defaults && type === 'A') aNoAnswer = true;
    else if (!defaults || (type === 'AAAA' && aNoAnswer)) out += `*** Can't find ${bare(name)}: No answer\n`;
    if (!msg.aa && type !== 'A' && type !== 'AAAA')
      out += '\nAuthoritative answers can be found from:\n' + section(msg.authority, false) + section(msg.additional, false);
  }
  return result(out + '\n');
}

/** printsection: A and AAAA answers as `Name:`/`Address:` pairs, SOA on its lines, others `NAME\tWORDS DATA`. */
function section(rrs: readonly RR[], answer: boolean): string {
  return rrs
    .map((rr) => {
      const d = rr.data;
      if (answer && (d.type === 'A' || d.type === 'AAAA')) return `Name:\t${bare(rr.name)}\nAddress: ${d.address}\n`;
      if (d.type === 'SOA') {
        return `${bare(rr.name)}\n\torigin = ${d.mname}\n\tmail addr = ${d.rname}\n\tserial = ${d.serial}\n\trefresh = ${d.refresh}\n\tretry = ${d.retry}\n\texpire = ${d.expire}\n\tminimum = ${d.minimum}\n`;
      }
      return `${bare(rr.name)}\t${SAYS[rr.type] ?? `rdata_${rr.type} = `}${rdataText(d)}\n`;
    })
    .join('');
}
