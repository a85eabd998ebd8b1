/**
 * Ports as tcp, udp and multiport read them: a number (decimal or 0x hex) or a service name of
 * /etc/services for the rule's protocol (generated/services.ts), and `a:b` ranges.
 */
import { SERVICES } from '../generated/services';
import type { ParseError } from '../module';

export type PortProto = 'tcp' | 'udp';

/** getservbyport: the port's first name in /etc/services for the protocol. */
export function serviceName(port: number, proto: PortProto = 'tcp'): string | undefined {
  return SERVICES[proto]?.find(([p]) => p === port)?.[1][0];
}

/** getservbyname: a name's (or alias's) port for the protocol. */
export function servicePort(name: string, proto: PortProto): number | undefined {
  return SERVICES[proto]?.find(([, names]) => names.includes(name))?.[0];
}

export function parsePort(text: string, proto: PortProto = 'tcp'): number | ParseError {
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^[0-9]+$/.test(text) ? Number(text) : servicePort(text, proto);
  if (n === undefined || n > 65535) return `invalid port/service \`${text}' specified`;
  return n;
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** `80`, `80:90`, `:90` (from 0), `80:` (to 65535). */
export function parsePortRange(text: string, proto: PortProto = 'tcp'): PortRange | ParseError {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text, proto);
    return typeof p === 'string' ? p : { min: p, max: p };
  }
  const a = text.slice(0, colon);
  const b = text.slice(colon + 1);
  const min = a === '' ? 0 : parsePort(a, proto);
  if (typeof min === 'string') return min;
  const max = b === '' ? 65535 : parsePort(b, proto);
  if (typeof max === 'string') return max;
  if (min > max) return 'invalid portrange (min > max)';
  return { min, max };
}

export function formatRange(r: PortRange): string {
  return r.min === r.max ? String(r.min) : `${r.min}:${r.max}`;
}

/** `http`, `22:25`, `!80` as `iptables -L` prints ports (names unless -n). */
export function printRange(r: PortRange, numeric: boolean, proto: PortProto = 'tcp'): string {
  const one = (p: number) => (numeric ? String(p) : (serviceName(p, proto) ?? String(p)));
  return r.min === r.max ? one(r.min) : `${one(r.min)}:${one(r.max)}`;
}

export function inRange(r: PortRange, port: number | undefined): boolean {
  return port !== undefined && port >= r.min && port <= r.max;
}
