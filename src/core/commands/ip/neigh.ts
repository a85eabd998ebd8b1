/** `ip neigh`: permanent entries (add, replace, change, del), show and flush, as ipneigh.c. */
import { type Addr, addrEq, formatAddr } from '../../net/addr';
import { findLink } from '../../sim/kernel';
import type { Link, NeighEntry } from '../../sim/model';
import { USAGE_NEIGH } from '../usage';
import {
  Args,
  duparg,
  duparg2,
  familyName,
  invalidLladdr,
  IpExit,
  type IpState,
  ipNotSimulated,
  matches,
  nodev,
  parseLladdr,
  rtnlError,
  unknownCommand,
  usage,
} from './common';
import { getAddr } from './addr';

const STATES: Record<string, NeighEntry['state'] | null> = {
  permanent: 'PERMANENT',
  reachable: 'REACHABLE',
  stale: 'STALE',
  failed: 'FAILED',
  incomplete: 'INCOMPLETE',
  noarp: null,
  delay: null,
  probe: null,
  none: null,
};

function neighModify(st: IpState, a: Args, mode: 'add' | 'replace' | 'change' | 'del', col: number): void {
  let lladdr: string | undefined;
  let state: NeighEntry['state'] = 'PERMANENT';
  let devName: string | undefined;
  let dst: Addr | undefined;
  while (!a.done) {
    const w = a.cur;
    if (matches(w, 'lladdr')) {
      const v = a.next();
      if (lladdr !== undefined) throw duparg('lladdr', v);
      lladdr = v;
    } else if (w === 'nud') {
      const v = a.next();
      const s = STATES[v];
      if (s === undefined) throw new IpExit(255, `Error: argument "${v}" is wrong: nud state is bad\n`);
      if (s === null) throw ipNotSimulated(`ip neigh ... nud ${v}`, a.col);
      state = s;
    } else if (matches(w, 'proxy') || matches(w, 'router') || w === 'extern_learn' || w === 'use' || w === 'managed' || w === 'protocol') {
      throw ipNotSimulated(`ip neigh ... ${w}`, a.col);
    } else if (w === 'dev') {
      devName = a.next();
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      if (matches(v, 'help')) throw usage(USAGE_NEIGH);
      if (dst) throw duparg2('to', v);
      dst = getAddr(v, st.opts.family);
    }
    a.advance();
  }
  if (devName === undefined || !dst) throw new IpExit(255, 'Device and destination are required arguments.\n');
  let mac: string | undefined;
  if (lladdr !== undefined && lladdr !== 'null') {
    mac = parseLladdr(lladdr);
    if (!mac) throw invalidLladdr(lladdr);
  }
  const dev = findLink(st.netns, devName);
  if (!dev) throw nodev(devName);
  const ns = st.netns;
  const idx = ns.neigh.findIndex((n) => n.dev === dev && addrEq(n.addr, dst));
  if (mode === 'del') {
    if (idx < 0) throw rtnlError({ errno: 'ENOENT' });
    ns.neigh.splice(idx, 1);
    return;
  }
  if (idx >= 0 && mode === 'add') throw rtnlError({ errno: 'EEXIST' });
  if (idx < 0 && mode === 'change') throw rtnlError({ errno: 'ENOENT' });
  if (!mac && (state === 'PERMANENT' || state === 'REACHABLE' || state === 'STALE')) {
    if (idx < 0 || !ns.neigh[idx]!.mac) throw rtnlError({ errno: 'EINVAL', extack: 'No link layer address given' });
    mac = ns.neigh[idx]!.mac;
  }
  const entry: NeighEntry = mac ? { addr: dst, dev, mac, state } : { addr: dst, dev, state };
  if (idx >= 0) ns.neigh[idx] = entry;
  else ns.neigh.unshift(entry);
  void col;
}

interface NeighFilter {
  dev?: Link;
  to?: Addr;
  state?: NeighEntry['state'];
}

function parseNeighFilter(st: IpState, a: Args): NeighFilter {
  const f: NeighFilter = {};
  while (!a.done) {
    const w = a.cur;
    if (w === 'dev') {
      const v = a.next();
      const l = findLink(st.netns, v);
      if (!l) throw nodev(v);
      f.dev = l;
    } else if (w === 'nud') {
      const v = a.next();
      const s = STATES[v];
      if (s === undefined && v !== 'all') throw new IpExit(255, `Error: argument "${v}" is wrong: nud state is bad\n`);
      if (s) f.state = s;
    } else if (['vrf', 'proxy', 'unused', 'master', 'nomaster', 'protocol'].includes(w)) {
      throw ipNotSimulated(`ip neigh show ${w}`, a.col);
    } else {
      let v = w;
      if (w === 'to') v = a.next();
      if (matches(v, 'help')) throw usage(USAGE_NEIGH);
      try {
        f.to = getAddr(v, st.opts.family);
      } catch {
        throw new IpExit(1, `Error: ${familyName(st.opts.family)} prefix is expected rather than "${v}".\n`);
      }
    }
    a.advance();
  }
  return f;
}

function neighShow(st: IpState, a: Args): void {
  const f = parseNeighFilter(st, a);
  for (const n of st.netns.neigh) {
    if (f.dev && n.dev !== f.dev) continue;
    if (f.to && !addrEq(f.to, n.addr)) continue;
    if (f.state && n.state !== f.state) continue;
    if (st.opts.family && n.addr.family !== st.opts.family) continue;
    if (st.opts.brief) {
      st.out += `${formatAddr(n.addr).padEnd(39)} ${n.dev.name.padEnd(16)} ${n.mac ?? ''}\n`;
      continue;
    }
    const dev = f.dev ? '' : ` dev ${n.dev.name}`;
    const ll = n.mac ? ` lladdr ${n.mac}` : '';
    st.out += `${formatAddr(n.addr)}${dev}${ll} ${n.state} \n`;
  }
}

function neighFlush(st: IpState, a: Args): void {
  if (a.done) throw new IpExit(1, 'Flush requires arguments.\n');
  const f = parseNeighFilter(st, a);
  st.netns.neigh = st.netns.neigh.filter(
    (n) => n.state === 'PERMANENT' || (f.dev && n.dev !== f.dev) || (f.to && !addrEq(f.to, n.addr)) || (f.state && n.state !== f.state),
  );
}

export function doNeigh(st: IpState, a: Args): void {
  if (a.done) return neighShow(st, a);
  const w = a.cur;
  const col = a.col;
  a.advance();
  if (matches(w, 'add')) return neighModify(st, a, 'add', col);
  if (matches(w, 'change') || w === 'chg') return neighModify(st, a, 'change', col);
  if (matches(w, 'replace')) return neighModify(st, a, 'replace', col);
  if (matches(w, 'delete')) return neighModify(st, a, 'del', col);
  if (matches(w, 'get')) throw ipNotSimulated('ip neigh get', col);
  if (matches(w, 'show') || matches(w, 'lst') || matches(w, 'list')) return neighShow(st, a);
  if (matches(w, 'flush')) return neighFlush(st, a);
  if (matches(w, 'help')) throw usage(USAGE_NEIGH);
  throw unknownCommand(w, 'neigh');
}
