/**
 * Go's standard library as CoreDNS's setup functions use it, with its error texts: time.ParseDuration,
 * time.Duration's String, strconv.Atoi / ParseUint, net.SplitHostPort.
 */

const UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration: nanoseconds, or Go's error. */
export function parseDuration(orig: string): { ns: number } | { error: string } {
  const q = JSON.stringify(orig);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0 };
  if (s === '') return { error: `time: invalid duration ${q}` };
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') return { error: `time: invalid duration ${q}` };
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') return { error: `time: missing unit in duration ${q}` };
    const unit = UNITS[u];
    if (unit === undefined) return { error: `time: unknown unit ${JSON.stringify(u)} in duration ${q}` };
    s = s.slice(u.length);
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * unit;
  }
  if (total > 2 ** 63) return { error: `time: invalid duration ${q}` };
  return { ns: neg ? -total : total };
}

/** time.Duration.String: `1m30s`, `2s`, `500ms`, `0s`. */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let n = Math.abs(Math.round(ns));
  if (n < 1e9) {
    const [unit, div] = n < 1e3 ? ['ns', 1] : n < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return `${sign}${trim(n / (div as number))}${unit as string}`;
  }
  const h = Math.floor(n / 3600e9);
  n -= h * 3600e9;
  const m = Math.floor(n / 60e9);
  n -= m * 60e9;
  const s = trim(n / 1e9);
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

function trim(x: number): string {
  return String(Number(x.toFixed(9)));
}

/** strconv.Atoi: the number, or Go's error. */
export function atoi(s: string): { n: number } | { error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (Math.abs(n) > 2 ** 63) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { n };
}

/** strconv.ParseUint(s, 10, 32). */
export function parseUint32(s: string): { n: number } | { error: string } {
  if (!/^\d+$/.test(s)) return { error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax` };
  const n = Number(s);
  if (n > 4294967295) return { error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range` };
  return { n };
}

/** net.SplitHostPort's error for `addr`, or undefined when it splits. */
export function splitHostPortError(addr: string): string | undefined {
  const e = (why: string) => `address ${addr}: ${why}`;
  const i = addr.lastIndexOf(':');
  if (i < 0) return e('missing port in address');
  if (addr[0] === '[') {
    const end = addr.indexOf(']');
    if (end < 0) return e("missing ']' in address");
    if (end + 1 === addr.length) return e('missing port in address');
    if (end + 1 !== i) return addr[end + 1] === ':' ? e('too many colons in address') : e('missing port in address');
    if (addr.slice(1, end).includes('[') || addr.slice(end + 1).includes('[')) return e("unexpected '[' in address");
    if (addr.slice(end + 1).includes(']')) return e("unexpected ']' in address");
    return undefined;
  }
  const host = addr.slice(0, i);
  if (host.includes(':')) return e('too many colons in address');
  if (addr.includes('[')) return e("unexpected '[' in address");
  if (addr.includes(']')) return e("unexpected ']' in address");
  return undefined;
}
