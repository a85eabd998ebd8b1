/**
 * What the lab's lines removed, kept in the namespace (Netns.removed) so that a trace that finds
 * something missing can name the line behind it: the route that `ip link set eth1 down` flushed,
 * the address `ip addr del` took (and the routes that went with it), the port `nomaster` detached.
 * Written by the kernel API while the world is built; read only on a trace's failure paths.
 */
import { type Addr, prefixContains } from '../net/addr';
import type { IfAddr, Link, Netns, Removal, RemovalCause, Route, SourceRef } from './model';

/** Bound on the history of one namespace: a lab that churns keeps its latest removals. */
const MAX_REMOVALS = 2000;

function push(ns: Netns, r: Removal): void {
  let list = ns.removed;
  if (!list) ns.removed = list = [];
  if (list.length >= MAX_REMOVALS) list.shift();
  list.push(r);
}

/** Routes a line removed (kernel routes of the local table are left out: they come back with their address). */
export function recordRoutes(ns: Netns, routes: readonly Route[], cause: RemovalCause, because?: string): void {
  const origin = ns.host.runOrigin;
  for (const route of routes) {
    if (route.table === 255 && route.proto === 'kernel') continue;
    push(ns, { cause, origin, route, dev: route.dev?.name ?? '', ...(because ? { because } : {}) });
  }
}

export function recordAddr(link: Link, addr: IfAddr, cause: RemovalCause, because?: string): void {
  push(link.netns, { cause, origin: link.netns.host.runOrigin, addr, dev: link.name, ...(because ? { because } : {}) });
}

export function recordDetach(link: Link, master: Link, cause: RemovalCause): void {
  push(link.netns, { cause, origin: link.netns.host.runOrigin, dev: link.name, master: master.name });
}

/** The line that set the link up or down (called by setLinkUp). */
export function recordLinkState(link: Link, origin: SourceRef | undefined): void {
  link.stateOrigin = origin;
}

/**
 * The removed routes of `ns` that would cover `dst`, the most specific first (then the latest):
 * those a lookup would have matched had no line removed them, and that no route of the same prefix replaced.
 */
export function removedRoutesFor(ns: Netns, dst: Addr, stillThere: (r: Route) => boolean): Removal[] {
  const out: Removal[] = [];
  for (const rm of ns.removed ?? []) {
    const r = rm.route;
    if (!r || r.dst.addr.family !== dst.family || !prefixContains(r.dst, dst)) continue;
    if (r.type === 'local' || r.type === 'broadcast' || stillThere(r)) continue;
    out.push(rm);
  }
  return out.reverse().sort((a, b) => b.route!.dst.len - a.route!.dst.len);
}

/** The removals of an address equal to `a` (the latest first). */
export function removedAddrs(ns: Netns, a: Addr): Removal[] {
  return (ns.removed ?? []).filter((rm) => rm.addr && rm.addr.addr.family === a.family && rm.addr.addr.value === a.value).reverse();
}

/** The latest `nomaster` (or a bridge's deletion) that detached `dev`. */
export function lastDetach(ns: Netns, dev: string): Removal | undefined {
  const list = ns.removed ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.master && list[i]!.dev === dev) return list[i];
  return undefined;
}
