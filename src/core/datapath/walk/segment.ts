/**
 * A link's layer-2 segment as the lab wired it: the links a frame could reach from it over veth
 * pairs, bridge ports and lab switches, whatever their state. Read only on a walk's failure paths
 * (explanations of absence), so it is built from the world each time.
 */
import type { Link, World } from '../../sim/model';

/**
 * The links reached from `from` (itself first), breadth first. A link for which `stop` holds
 * (`from` too) is listed but not crossed.
 */
export function segmentLinks(world: World, from: Link, stop: (l: Link) => boolean = () => false): Link[] {
  const bySwitch = new Map<string, Link[]>();
  const ports = new Map<Link, Link[]>();
  for (const h of world.hosts.values())
    for (const ns of h.netns.values())
      for (const l of ns.links.values()) {
        if (l.switchName) bySwitch.set(l.switchName, [...(bySwitch.get(l.switchName) ?? []), l]);
        if (l.master) ports.set(l.master, [...(ports.get(l.master) ?? []), l]);
      }
  const out: Link[] = [];
  const seen = new Set<Link>([from]);
  const queue = [from];
  while (queue.length) {
    const l = queue.shift()!;
    out.push(l);
    if (stop(l)) continue;
    const next = [
      ...(l.peer ? [l.peer] : []),
      ...(l.master ? [l.master] : []),
      ...(ports.get(l) ?? []),
      ...(l.switchName ? (bySwitch.get(l.switchName) ?? []) : []),
    ];
    for (const n of next) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return out;
}
