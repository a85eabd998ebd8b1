/** Worlds with Docker hosts for test/core/docker/: a lab whose host `h` runs docker lines, and running lines on it. */
import { execCommand } from '../../src/core/commands/index';
import type { World } from '../../src/core/sim/model';
import { labWorld } from './world';

/** h (192.168.90.10) and ext (192.168.90.20, listening on tcp/9000) on one LAN; h runs `lines`. */
export function dockerLab(lines: readonly string[]): World {
  return labWorld(`name: d
switches: [lan]
hosts:
  h:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.90.10/24 dev eth0
${lines.map((l) => `      ${l}`).join('\n')}
  ext:
    interfaces: { eth0: lan }
    run: |
      ip addr add 192.168.90.20/24 dev eth0
    serve: [tcp/9000]
`);
}

/** Runs a line on `host[/netns]` of the world; its output, error and status. */
export function on(world: World, where: string, line: string): { out: string; err: string; status: number } {
  const [host, netns = ''] = where.split('/');
  const r = execCommand(world, { host: host!, netns }, line);
  return { out: r.stdout, err: r.stderr, status: r.status };
}
