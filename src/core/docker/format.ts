/**
 * What docker prints: `docker ps` and `docker network ls` as Go's tabwriter lays them out
 * (minimum width 10, padding 3, the last column unpadded), `docker port`, and the PORTS column.
 */
import type { Container, Daemon, Network, Publish } from './model';

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => Math.max(10, r[i]!.length + 3))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('') + '\n').join('');
}

/** Go's `"..."` with the CLI's 20-character ellipsis (19 and `…`). */
function commandColumn(c: Container): string {
  const cmd = c.command.join(' ');
  return `"${cmd.length > 20 ? cmd.slice(0, 19) + '…' : cmd}"`;
}

/** `0.0.0.0:8080->80/tcp, :::8080->80/tcp` for a published port; `80/tcp` for one only exposed. */
export function portsColumn(c: Container): string {
  if (c.state !== 'running') return '';
  const published = c.ports.flatMap((p) =>
    p.hostIp === '0.0.0.0'
      ? [`0.0.0.0:${p.hostPort}->${p.port}/${p.proto}`, `:::${p.hostPort}->${p.port}/${p.proto}`]
      : [`${p.hostIp}:${p.hostPort}->${p.port}/${p.proto}`],
  );
  if (c.network === 'host' || c.network === 'none') return published.join(', ');
  const bare = c.image.ports
    .filter((e) => !c.ports.some((p) => p.port === e.port && p.proto === e.proto))
    .map((e) => `${e.port}/${e.proto}`);
  return [...published, ...bare].join(', ');
}

function status(c: Container): string {
  if (c.state === 'running') return 'Up Less than a second';
  if (c.state === 'created') return 'Created';
  return `Exited (${c.exitCode}) Less than a second ago`;
}

export function ps(d: Daemon, all: boolean, quiet: boolean, noTrunc: boolean): string {
  const shown = [...d.containers].reverse().filter((c) => all || c.state === 'running');
  if (quiet) return shown.map((c) => `${noTrunc ? c.id : c.id.slice(0, 12)}\n`).join('');
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const c of shown) {
    rows.push([
      noTrunc ? c.id : c.id.slice(0, 12),
      c.imageRef,
      noTrunc ? `"${c.command.join(' ')}"` : commandColumn(c),
      'Less than a second ago',
      status(c),
      portsColumn(c),
      c.name,
    ]);
  }
  return table(rows);
}

export function networkLs(d: Daemon, quiet: boolean): string {
  const shown = [...d.networks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (quiet) return shown.map((n) => `${n.id.slice(0, 12)}\n`).join('');
  return table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...shown.map((n) => [n.id.slice(0, 12), n.name, n.driver, 'local'])]);
}

/** `docker port NAME [PORT[/PROTO]]`: each binding, IPv4 then IPv6 for a wildcard one. */
export function port(c: Container, filter?: { port: number; proto: string }): string {
  const lines: string[] = [];
  const sel = (p: Publish) => !filter || (p.port === filter.port && p.proto === filter.proto);
  for (const p of c.state === 'running' ? c.ports.filter(sel) : []) {
    const pre = filter ? '' : `${p.port}/${p.proto} -> `;
    if (p.hostIp === '0.0.0.0') lines.push(`${pre}0.0.0.0:${p.hostPort}`, `${pre}[::]:${p.hostPort}`);
    else lines.push(`${pre}${p.hostIp}:${p.hostPort}`);
  }
  return lines.map((l) => l + '\n').join('');
}

export function networkOf(d: Daemon, c: Container): Network {
  return d.networks.find((n) => n.name === c.network)!;
}
