/** `ip netns`: list, add, del and exec, on the host's named namespaces (its /run/netns). */
import { createNetns, deleteNetns } from '../../sim/kernel';
import { ROOT_NS } from '../../sim/model';
import { USAGE_NETNS } from '../usage';
import { Args, IpExit, type IpState, ipNotSimulated, matches, unknownCommand, usage } from './common';
import { nsidOf } from './format';

/** invalid_name(): a name with a `/`, or `.` or `..`. */
function invalidName(name: string): boolean {
  return name.includes('/') || name === '.' || name === '..';
}

export function cannotOpen(name: string): IpExit {
  return new IpExit(255, `Cannot open network namespace "${name}": No such file or directory\n`);
}

function netnsList(st: IpState): void {
  // /run/netns is read in directory order: the newest namespace first.
  const names = [...st.ctx.host.netns.keys()].filter((n) => n !== ROOT_NS).reverse();
  for (const name of names) {
    const id = nsidOf(st.netns, st.ctx.host.netns.get(name)!, false);
    st.out += id === undefined ? `${name}\n` : `${name} (id: ${id})\n`;
  }
}

export function doNetns(st: IpState, a: Args): number {
  if (a.done) {
    netnsList(st);
    return 0;
  }
  if (a.rest > 1 && invalidName(a.list[a.i + 1]!.text)) throw new IpExit(255, `Invalid netns name "${a.list[a.i + 1]!.text}"\n`);
  const w = a.cur;
  const col = a.col;
  a.advance();
  const host = st.ctx.host;
  if (matches(w, 'list') || matches(w, 'show') || matches(w, 'lst')) {
    netnsList(st);
    return 0;
  }
  if (matches(w, 'list-id')) throw ipNotSimulated('ip netns list-id', col);
  if (matches(w, 'help')) throw usage(USAGE_NETNS);
  if (matches(w, 'add')) {
    if (a.done) throw new IpExit(1, 'No netns name specified\n');
    const name = a.cur;
    if (host.netns.has(name) && name !== ROOT_NS) throw new IpExit(1, `Cannot create namespace file "/run/netns/${name}": File exists\n`);
    if (name === ROOT_NS) throw new IpExit(1, 'Cannot create namespace file "/run/netns/": Is a directory\n');
    createNetns(host, name);
    return 0;
  }
  if (matches(w, 'set')) throw ipNotSimulated('ip netns set', col);
  if (matches(w, 'delete')) {
    if (a.done) throw new IpExit(1, 'No netns name specified\n');
    const name = a.cur;
    if (name === '-all' || name === '-a') throw ipNotSimulated('ip netns delete -all', a.col);
    if (!host.netns.has(name) || name === ROOT_NS) {
      throw new IpExit(1, `Cannot remove namespace file "/run/netns/${name}": No such file or directory\n`);
    }
    deleteNetns(host, name);
    return 0;
  }
  if (matches(w, 'identify') || matches(w, 'pids') || matches(w, 'monitor') || matches(w, 'attach'))
    throw ipNotSimulated(`ip netns ${w}`, col);
  if (matches(w, 'exec')) {
    if (a.done) throw new IpExit(1, 'No netns name specified\n');
    const name = a.cur;
    if (name === '-all' || name === '-a') throw ipNotSimulated('ip -all netns exec', a.col);
    const target = name === ROOT_NS ? undefined : host.netns.get(name);
    if (!target) throw cannotOpen(name);
    a.advance();
    if (a.done) throw new IpExit(1, 'No command specified\n');
    const r = st.ctx.exec(target, a.list.slice(a.i));
    st.out += r.stdout;
    st.err += r.stderr;
    if (r.failure) st.failure = r.failure;
    if (r.notSimulated) throw new IpExit(r.status, '', r.notSimulated);
    return r.status;
  }
  throw unknownCommand(w, 'netns');
}
