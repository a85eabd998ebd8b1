/**
 * When an answer may be wrong: the lab lines the simulator does not model (an unknown command, a
 * sysctl key or an option it ignores: `command-not-simulated`) that the answer could depend on.
 * The simulator treats such a line as doing nothing; on Linux it may change what happened.
 *
 * Which lines count (docs/tracing.md, "When a trace may be wrong"):
 * - a trace: the lines of every host the packet crossed (a host with a step in any leg) and of every
 *   host cabled to a switch the packet crossed (a neighbour that could have answered ARP, or owned
 *   the address, had its line done what Linux does);
 * - an answer read on one host (`ip route get`, a command's output): that host's lines;
 * - when it is not known what an answer read: every such line of the lab.
 */
import type { Diagnostic } from '../text/diag';
import { ROOT_NS, type World } from '../sim/model';
import type { Leg } from './trace';

/** The unmodelled lines of these hosts (every host when `hosts` is undefined), in file and line order. */
export function unmodelledLines(world: World, hosts?: Iterable<string>): Diagnostic[] {
  const names = hosts ? new Set(hosts) : new Set(world.hosts.keys());
  const out: Diagnostic[] = [];
  for (const name of names) out.push(...(world.hosts.get(name)?.unmodelled ?? []));
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The hosts a trace read: those with a step, and those cabled to a switch a step's interface is on. */
export function tracedHosts(world: World, legs: readonly Leg[]): Set<string> {
  const hosts = new Set<string>();
  const switches = new Set<string>();
  for (const leg of legs) {
    for (const s of leg.steps) {
      hosts.add(s.host);
      const link = s.iface
        ? world.hosts
            .get(s.host)
            ?.netns.get(s.netns || ROOT_NS)
            ?.links.get(s.iface)
        : undefined;
      if (link?.switchName) switches.add(link.switchName);
    }
  }
  if (switches.size) {
    for (const host of world.hosts.values()) {
      for (const ns of host.netns.values())
        for (const link of ns.links.values()) if (link.switchName && switches.has(link.switchName)) hosts.add(host.name);
    }
  }
  return hosts;
}

/** The unmodelled lines a trace's answer could depend on. */
export function traceWarnings(world: World, legs: readonly Leg[]): Diagnostic[] {
  return unmodelledLines(world, tracedHosts(world, legs));
}
