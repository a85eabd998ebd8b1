/** Ports as tcp, udp and multiport read them: a number (decimal or 0x hex) or a service name, and `a:b` ranges. */
import type { ParseError } from '../module';

/** /etc/services, as far as a lab needs it. */
const SERVICES: Readonly<Record<string, number>> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  pop3: 110,
  ntp: 123,
  imap: 143,
  snmp: 161,
  https: 443,
  mysql: 3306,
  'http-alt': 8080,
};

/** The service name of a port, as `iptables -L` without -n prints it. */
export function serviceName(port: number): string | undefined {
  return Object.entries(SERVICES).find(([, p]) => p === port)?.[0];
}

export function parsePort(text: string): number | ParseError {
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^[0-9]+$/.test(text) ? Number(text) : SERVICES[text];
  if (n === undefined || n > 65535) return `invalid port/service \`${text}' specified`;
  return n;
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** `80`, `80:90`, `:90` (from 0), `80:` (to 65535). */
export function parsePortRange(text: string): PortRange | ParseError {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text);
    return typeof p === 'string' ? p : { min: p, max: p };
  }
  const a = text.slice(0, colon);
  const b = text.slice(colon + 1);
  const min = a === '' ? 0 : parsePort(a);
  if (typeof min === 'string') return min;
  const max = b === '' ? 65535 : parsePort(b);
  if (typeof max === 'string') return max;
  if (min > max) return 'invalid portrange (min > max)';
  return { min, max };
}

export function formatRange(r: PortRange): string {
  return r.min === r.max ? String(r.min) : `${r.min}:${r.max}`;
}

export function inRange(r: PortRange, port: number | undefined): boolean {
  return port !== undefined && port >= r.min && port <= r.max;
}
