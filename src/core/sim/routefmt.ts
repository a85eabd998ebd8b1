/** A route as `ip route show` prints it (print_route), shared by the `ip` command and the traces. */
import { formatAddr, formatRouteDst } from '../net/addr';
import { hasCarrier } from './kernel';
import { type Route, TABLE_LOCAL, TABLE_MAIN } from './model';

export interface RouteLineOptions {
  /** Leave out what a filter already fixed (`ip route show dev eth0` omits `dev eth0`). */
  readonly hideDev?: boolean;
  readonly hideProto?: boolean;
  readonly hideScope?: boolean;
  /** Print `table local` etc. for routes outside the main table (`ip route show table all`). */
  readonly showTable?: boolean;
}

export function tableName(t: number): string {
  return t === TABLE_LOCAL ? 'local' : t === TABLE_MAIN ? 'main' : t === 253 ? 'default' : String(t);
}

/** The line without its trailing space and new line. */
export function routeLine(r: Route, o: RouteLineOptions = {}): string {
  if (r.dst.addr.family === 6) return routeLine6(r, o);
  const p: string[] = [];
  if (r.type !== 'unicast') p.push(r.type);
  p.push(formatRouteDst(r.dst));
  if (r.gateway) p.push('via', formatAddr(r.gateway));
  if (r.dev && !o.hideDev) p.push('dev', r.dev.name);
  if (o.showTable && r.table !== TABLE_MAIN) p.push('table', tableName(r.table));
  if (r.proto !== 'boot' && !o.hideProto) p.push('proto', r.proto);
  if (r.scope !== 'global' && !o.hideScope) p.push('scope', r.scope);
  if (r.prefsrc) p.push('src', formatAddr(r.prefsrc));
  if (r.metric) p.push('metric', String(r.metric));
  if (r.onlink) p.push('onlink');
  if (r.dev && r.dev.up && !hasCarrier(r.dev) && r.dev.kind !== 'loopback') p.push('linkdown');
  return p.join(' ');
}

/** An IPv6 route: no scope, the metric always, the route preference last. */
function routeLine6(r: Route, o: RouteLineOptions): string {
  const p: string[] = [];
  if (r.type !== 'unicast') p.push(r.type);
  p.push(formatRouteDst(r.dst));
  if (r.gateway) p.push('via', formatAddr(r.gateway));
  if (r.dev && !o.hideDev) p.push('dev', r.dev.name);
  if (o.showTable && r.table !== TABLE_MAIN) p.push('table', tableName(r.table));
  if (r.proto !== 'boot' && !o.hideProto) p.push('proto', r.proto);
  if (r.prefsrc) p.push('src', formatAddr(r.prefsrc));
  p.push('metric', String(r.metric));
  if (r.onlink) p.push('onlink');
  if (r.dev && r.dev.up && !hasCarrier(r.dev) && r.dev.kind !== 'loopback') p.push('linkdown');
  p.push('pref', 'medium');
  return p.join(' ');
}
