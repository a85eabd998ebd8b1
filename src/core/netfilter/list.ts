/**
 * `iptables -L [CHAIN] [-n] [-v] [-x] [--line-numbers]` as iptables 1.8.9 prints it (print_header,
 * print_rule_details, print_ifaces, the modules' print): a block per chain, its rows in fixed-width
 * columns, names (`anywhere`, `tcp`, `dpt:http`) unless -n. Counters are the tables' own (0 in a
 * built lab) plus, when given, what a trace hit (counters.ts).
 */
import { type AddrMask, maskLen, protoName } from './ipspec';
import { type Chain, type Counters, type Rule, type Table, userChains } from './model';

export interface ListOptions {
  readonly numeric: boolean;
  readonly verbose: boolean;
  readonly exact: boolean;
  readonly lineNumbers: boolean;
  /** Extra counts per rule (a trace's hits), added to the tables' own. */
  readonly extra?: ReadonlyMap<Rule | Chain, Counters>;
}

const pad = (s: string, n: number) => s.padEnd(n);
const padL = (s: string, n: number) => s.padStart(n);

/** xtables_print_num: exact (`%8llu `) or in K, M, G, T (`%5llu `, `%4lluK `). */
function num(n: number, o: ListOptions): string {
  if (o.exact) return padL(String(n), 8) + ' ';
  if (n <= 99999) return padL(String(n), 5) + ' ';
  for (const unit of ['K', 'M', 'G']) {
    n = Math.floor((n + 500) / 1000);
    if (n <= 9999) return padL(String(n), 4) + unit + ' ';
  }
  return padL(String(Math.floor((n + 500) / 1000)), 4) + 'T ';
}

function header(o: ListOptions): string {
  let s = o.lineNumbers ? pad('num', 4) + ' ' : '';
  if (o.verbose) s += o.exact ? `${padL('pkts', 8)} ${padL('bytes', 10)} ` : `${padL('pkts', 5)} ${padL('bytes', 5)} `;
  s += pad('target', 9) + ' ' + ' prot ' + 'opt';
  if (o.verbose) s += ` ${pad('in', 6)} ${pad('out', 6)} `;
  return s + ` ${pad('source', 19)} ` + ` ${pad('destination', 19)} `;
}

function quad(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function addr(a: AddrMask | undefined, o: ListOptions): string {
  if (!a || a.mask === 0) return o.numeric ? '0.0.0.0/0' : 'anywhere';
  const len = maskLen(a.mask);
  if (len === 32) return quad(a.addr);
  return `${quad(a.addr)}/${len >= 0 ? len : quad(a.mask)}`;
}

function counts(x: Rule | Chain, o: ListOptions): Counters {
  const e = o.extra?.get(x);
  return e ? { packets: x.counters.packets + e.packets, bytes: x.counters.bytes + e.bytes } : x.counters;
}

function row(rule: Rule, n: number, o: ListOptions): string {
  const ip = rule.ip;
  let s = o.lineNumbers ? pad(String(n), 4) + ' ' : '';
  if (o.verbose) {
    const c = counts(rule, o);
    s += num(c.packets, o) + num(c.bytes, o);
  }
  const t = rule.target;
  const target = !t ? '' : t.kind === 'module' ? t.module.name : t.chain.name;
  s += pad(target, 9) + ' ';
  s += ip.protoInvert ? '!' : ' ';
  const proto = ip.proto ?? 0;
  s += pad(o.numeric ? String(proto) : proto === 0 ? 'all' : protoName(proto), 4) + ' ';
  s += '-- ';
  if (o.verbose) {
    const iface = (name: string | undefined, inv: boolean | undefined) => (inv ? '!' : '') + (name ?? (o.numeric ? '*' : 'any'));
    s += ` ${pad(iface(ip.in, ip.inInvert), 6)} ` + `${pad(iface(ip.out, ip.outInvert), 6)} `;
  }
  s += (ip.srcInvert ? '!' : ' ') + pad(addr(ip.src, o), 19) + ' ';
  s += (ip.dstInvert ? '!' : ' ') + pad(addr(ip.dst, o), 19) + ' ';
  for (const m of rule.matches) s += m.module.print ? m.module.print(m.data, o.numeric) : ` ${m.module.name}`;
  if (t?.kind === 'module' && t.module.print) s += t.module.print(t.data, o.numeric);
  if (t?.kind === 'goto') s += '[goto] ';
  return s;
}

function references(table: Table, chain: Chain): number {
  let n = 0;
  for (const c of table.chains.values())
    for (const r of c.rules) if (r.target && r.target.kind !== 'module' && r.target.chain === chain) n++;
  return n;
}

/** One chain's block: its head line, the column header, a row per rule; with `num`, that rule's row alone. */
export function listChain(table: Table, chain: Chain, o: ListOptions, num?: number): string {
  if (num !== undefined) {
    const r = chain.rules[num - 1];
    return r ? row(r, num, o) + '\n' : '';
  }
  let head: string;
  if (chain.hook) {
    const c = counts(chain, o);
    head = `Chain ${chain.name} (policy ${chain.policy ?? 'ACCEPT'}${o.verbose ? ` ${c.packets} packets, ${c.bytes} bytes` : ''})`;
  } else head = `Chain ${chain.name} (${references(table, chain)} references)`;
  return [head, header(o), ...chain.rules.map((r, i) => row(r, i + 1, o))].map((l) => l + '\n').join('');
}

/** `iptables -L` of a whole table: built-in chains, then user chains by name, a blank line between. */
export function listTable(table: Table, o: ListOptions): string {
  const chains = [...[...table.chains.values()].filter((c) => c.hook), ...userChains(table)];
  return chains.map((c) => listChain(table, c, o)).join('\n');
}
