/**
 * ping's command line as iputils-ping 20221126 reads it (ping/ping.c main): GNU getopt over
 * `h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:` (options may follow the destination),
 * the numbers checked as strtol_or_err and ping_strtod check them, with their words and exit
 * statuses: 1 for an integer out of range or not a number and for a missing destination, 2 for the
 * rest (getopt's errors print usage()). The options that change nothing the simulator shows
 * (-B, -C, -d, -L, -U) are taken; -I NAME is checked against the namespace's links; the others it does
 * not model (-s, -f, -v, -R, -I ADDRESS ...) say so.
 */
import { type CommandResult, notSimulated, result } from '../types';

/** usage() of ping_common.c, on stderr, exit 2. */
export const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`;

/** `ping -V` on Debian 12. */
export const VERSION = 'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n';

/** The options that take an argument (the letters followed by `:` in ping's getopt string). */
const WITH_ARG = new Set('TFNceiIlmMpQsStwW'.split(''));
/** All of ping's option letters. */
const LETTERS = new Set('h?4bRT6FNaABcCdDefiIlLmMnOpqQrsStUvVwW'.split(''));
/** Options that change nothing the simulator prints: sticky source, connect(), SO_DEBUG, no multicast loop, -U. */
const HARMLESS = new Set('BCdLU'.split(''));

const LONG_MAX = 9223372036854775807n;
const INT_MAX = 2147483647;

export interface PingArgs {
  readonly target: string;
  /** The column of the destination in the line. */
  readonly targetColumn: number;
  readonly count?: number;
  /** -w, in seconds (0 is none, as ping reads it). */
  readonly deadline: number;
  /** -i, in milliseconds (1000 by default). */
  readonly intervalMs: number;
  /** -W, in milliseconds (10 s by default: MAXWAIT). */
  readonly lingerMs: number;
  readonly ttl?: number;
  readonly numeric: boolean;
  readonly quiet: boolean;
  readonly family?: 4 | 6;
  /** What ping wrote on stderr while reading its options (ping_strtod's warnings). */
  readonly warnings: string;
  /** -I with an interface name (SO_BINDTODEVICE), and the column of its word. */
  readonly device?: { readonly name: string; readonly column: number };
}

const fail = (stderr: string, status: number): CommandResult => result('', stderr, status);

/** strtol_or_err: a decimal integer in [min, max], or `ping: invalid argument: 'X'...`, exit 1. */
function integer(text: string, min: bigint, max: bigint): bigint | CommandResult {
  const m = /^\s*[+-]?\d+$/.exec(text);
  if (!m) return fail(`ping: invalid argument: '${text}'\n`, 1);
  const n = BigInt(text.trim());
  if (n > LONG_MAX || n < -LONG_MAX - 1n) return fail(`ping: invalid argument: '${text}': Numerical result out of range\n`, 1);
  if (n < min || n > max) return fail(`ping: invalid argument: '${text}': out of range: ${min} <= value <= ${max}\n`, 1);
  return n;
}

/**
 * ping_strtod: strtod's longest prefix; anything after it is `option argument contains garbage`
 * (a warning, ping goes on with the prefix's value, 0 when there is none); an empty argument or an
 * infinite value is `ping: WHAT: TEXT`, exit 2.
 */
function decimal(text: string, what: string): { value: number; warnings: string } | CommandResult {
  if (text === '') return fail(`ping: ${what}: \n`, 2);
  const m = /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)/i.exec(text);
  const value = m ? Number(m[0]) : 0;
  if (!Number.isFinite(value)) return fail(`ping: ${what}: ${text}: Numerical result out of range\n`, 2);
  const rest = m ? text.slice(m[0].length) : text;
  const warnings = rest ? `ping: option argument contains garbage: ${rest}\nping: this will become fatal error in the future\n` : '';
  return { value, warnings };
}

const isResult = (v: unknown): v is CommandResult => typeof v === 'object' && v !== null && 'status' in v && 'stderr' in v;

/** Reads ping's words (`words[0]` is `ping`): the options, or what ping prints and its status. */
export function parsePingArgs(words: readonly string[], columns: readonly number[]): PingArgs | CommandResult {
  let count: number | undefined;
  let deadline = 0;
  let intervalMs = 1000;
  let lingerMs = 10000;
  let ttl: number | undefined;
  let numeric = false;
  let quiet = false;
  let family: 4 | 6 | undefined;
  let warnings = '';
  let device: PingArgs['device'];
  const operands: { text: string; column: number }[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      for (let j = i + 1; j < words.length; j++) operands.push({ text: words[j]!, column: columns[j] ?? 0 });
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      operands.push({ text: w, column: columns[i] ?? 0 });
      continue;
    }
    for (let k = 1; k < w.length; k++) {
      const c = w[k]!;
      if (!LETTERS.has(c)) return fail(`ping: invalid option -- '${c}'\n${USAGE}`, 2);
      let arg: string | undefined;
      if (WITH_ARG.has(c)) {
        if (k + 1 < w.length) arg = w.slice(k + 1);
        else if (i + 1 < words.length) arg = words[++i]!;
        else return fail(`ping: option requires an argument -- '${c}'\n${USAGE}`, 2);
        k = w.length;
      }
      const col = columns[i] ?? 0;
      switch (c) {
        case 'h':
        case '?':
          return fail(USAGE, 2);
        case 'V':
          return result(VERSION);
        case '4':
        case '6':
          if (family !== undefined && family !== Number(c)) return fail('ping: only one -4 or -6 option may be specified\n', 2);
          family = c === '4' ? 4 : 6;
          break;
        case 'n':
          numeric = true;
          break;
        case 'q':
          quiet = true;
          break;
        case 'c': {
          const n = integer(arg!, 1n, LONG_MAX);
          if (isResult(n)) return n;
          count = n > 1000000n ? 1000001 : Number(n);
          break;
        }
        case 'w': {
          const n = integer(arg!, 0n, BigInt(INT_MAX));
          if (isResult(n)) return n;
          deadline = Number(n);
          break;
        }
        case 't': {
          const n = integer(arg!, 0n, 255n);
          if (isResult(n)) return n;
          ttl = Number(n);
          break;
        }
        case 'i': {
          const d = decimal(arg!, 'bad timing interval');
          if (isResult(d)) return d;
          if (d.value > INT_MAX / 1000) return fail(`${d.warnings}ping: bad timing interval: ${arg}\n`, 2);
          warnings += d.warnings;
          intervalMs = Math.trunc(d.value * 1000);
          break;
        }
        case 'W': {
          const d = decimal(arg!, 'bad linger time');
          if (isResult(d)) return d;
          if (d.value < 0 || d.value > INT_MAX / 1000) return fail(`${d.warnings}ping: bad linger time: ${arg}\n`, 2);
          warnings += d.warnings;
          lingerMs = Math.trunc(d.value * 1000);
          break;
        }
        case 'I':
          // an address (a source to bind to) is not modelled; a name is checked against the namespace's links
          if (arg!.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(arg!)) return notSimulated('ping -I ADDRESS', col);
          device = { name: arg!, column: col };
          break;
        default:
          if (!HARMLESS.has(c)) return notSimulated(`ping -${c}`, col);
      }
    }
  }
  if (!operands.length) return fail(`${warnings}ping: usage error: Destination address required\n`, 1);
  // Several destinations are a source route (IPv4 options LSRR): not modelled.
  if (operands.length > 1) return notSimulated('ping with several destinations (a source route)', operands[1]!.column);
  const target = operands[0]!;
  return {
    target: target.text,
    targetColumn: target.column,
    ...(count !== undefined ? { count } : {}),
    deadline,
    intervalMs,
    lingerMs,
    ...(ttl !== undefined ? { ttl } : {}),
    numeric,
    quiet,
    ...(family ? { family } : {}),
    warnings,
    ...(device ? { device } : {}),
  };
}
