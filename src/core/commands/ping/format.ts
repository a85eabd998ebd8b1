/**
 * The lines iputils-ping 20221126 prints (ping/ping.c, ping6_common.c, ping_common.c gather_statistics
 * and finish), from what the simulated run gave. Round-trip times are not simulated: every reply takes
 * 0 ms of the simulator's (`time=0.000 ms`), as dig's query time is 0 msec; the `time Tms` of the
 * statistics is the simulated schedule's, from the first request to the last one sent.
 */
import type { IcmpKind } from '../../datapath/packet';

/** The round-trip time the simulator gives every reply, in microseconds (none of its own). */
export const SIMULATED_RTT_US = 0;

/** `PING 10.0.0.5 (10.0.0.5) 56(84) bytes of data.`; for IPv6 `PING v6.test(v6.test (2001:db8::5)) 56 data bytes`. */
export function headerLine(family: 4 | 6, hostname: string, address: string, shown: string): string {
  return family === 4 ? `PING ${hostname} (${address}) 56(84) bytes of data.\n` : `PING ${hostname}(${shown}) 56 data bytes\n`;
}

/** gather_statistics's time, formatted as ping does by size (`0.042 ms`, `12.3 ms`, `123 ms`). */
export function rttText(us: number): string {
  if (us >= 100000 - 50) return `${Math.trunc((us + 500) / 1000)} ms`;
  if (us >= 10000 - 5) return `${Math.trunc((us + 50) / 1000)}.${Math.trunc(((us + 50) % 1000) / 100)} ms`;
  if (us >= 1000) return `${Math.trunc((us + 5) / 1000)}.${String(Math.trunc(((us + 5) % 1000) / 10)).padStart(2, '0')} ms`;
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')} ms`;
}

/** `64 bytes from web (10.0.0.5): icmp_seq=1 ttl=63 time=0.000 ms`, with ` (DIFFERENT ADDRESS!)` for a reply from another address. */
export function replyLine(from: string, seq: number, ttl: number, differentAddress: boolean): string {
  return `64 bytes from ${from}: icmp_seq=${seq} ttl=${ttl} time=${rttText(SIMULATED_RTT_US)}${differentAddress ? ' (DIFFERENT ADDRESS!)' : ''}\n`;
}

/** pr_icmph's words for the ICMP errors the walk sends (ping.c), by kind. */
const ICMP4: Readonly<Record<IcmpKind, string>> = {
  'echo-request': 'Echo Request',
  'echo-reply': 'Echo Reply',
  'time-exceeded': 'Time to live exceeded',
  'net-unreachable': 'Destination Net Unreachable',
  'host-unreachable': 'Destination Host Unreachable',
  'port-unreachable': 'Destination Port Unreachable',
  'proto-unreachable': 'Destination Protocol Unreachable',
  'net-prohibited': 'Destination Net Prohibited',
  'host-prohibited': 'Destination Host Prohibited',
  // code 13, ICMP_PKT_FILTERED (REJECT --reject-with icmp-admin-prohibited)
  'admin-prohibited': 'Packet filtered',
  'pkt-filtered': 'Packet filtered',
};

/** print_icmp's words (ping6_common.c) for the ICMPv6 errors the walk sends. */
const ICMP6: Readonly<Record<IcmpKind, string>> = {
  'echo-request': 'Echo request',
  'echo-reply': 'Echo reply',
  'time-exceeded': 'Time exceeded: Hop limit',
  'net-unreachable': 'Destination unreachable: No route',
  'host-unreachable': 'Destination unreachable: Address unreachable',
  'port-unreachable': 'Destination unreachable: Port unreachable',
  'proto-unreachable': 'Parameter problem: Unknown header at 6',
  'net-prohibited': 'Destination unreachable: Administratively prohibited',
  'host-prohibited': 'Destination unreachable: Administratively prohibited',
  'admin-prohibited': 'Destination unreachable: Administratively prohibited',
  'pkt-filtered': 'Destination unreachable: Administratively prohibited',
};

/** `From 10.0.0.1 icmp_seq=1 Destination Host Unreachable`. */
export function errorLine(family: 4 | 6, from: string, seq: number, kind: IcmpKind): string {
  return `From ${from} icmp_seq=${seq} ${(family === 4 ? ICMP4 : ICMP6)[kind]}\n`;
}

/** printf's `%g` of a float, as finish prints the loss: `0`, `100`, `33.3333`, `66.6667`. */
export function percent(sent: number, received: number): string {
  const f = Math.fround(((sent - received) * 100) / sent);
  return String(Number(f.toPrecision(6)));
}

export interface Totals {
  readonly hostname: string;
  readonly sent: number;
  readonly received: number;
  readonly errors: number;
  /** The simulated time from the first request sent to the last one, in ms. */
  readonly elapsedMs: number;
  /** The most requests in flight when one was answered (`pipe N`, shown above 1). */
  readonly pipe: number;
  /** -i 0: ping adds its inter-packet gap and moving average. */
  readonly noInterval: boolean;
}

/** finish: a blank line, the statistics, the rtt line when something came back, `pipe N`, a newline. */
export function statistics(t: Totals): string {
  let out = `\n--- ${t.hostname} ping statistics ---\n`;
  out += `${t.sent} packets transmitted, ${t.received} received`;
  if (t.errors) out += `, +${t.errors} errors`;
  if (t.sent) out += `, ${percent(t.sent, t.received)}% packet loss, time ${t.elapsedMs}ms`;
  out += '\n';
  let comma = '';
  if (t.received) {
    const r = rttText(SIMULATED_RTT_US).replace(' ms', '');
    out += `rtt min/avg/max/mdev = ${r}/${r}/${r}/${r} ms`;
    comma = ', ';
  }
  if (t.pipe > 1) {
    out += `${comma}pipe ${t.pipe}`;
    comma = ', ';
  }
  if (t.received && t.noInterval && t.sent > 1) {
    const ipg = Math.trunc((t.elapsedMs * 1000) / (t.sent - 1));
    out += `${comma}ipg/ewma ${Math.trunc(ipg / 1000)}.${String(ipg % 1000).padStart(3, '0')}/0.000 ms`;
  }
  return out + '\n';
}
