/**
 * The `ip` command of iproute2 6.1: its global options (`-4`, `-br`, `-o`, `-n NS`...) read as
 * ip.c does (each a prefix of the long name, in ip.c's order), then the object (`ip a`, `ip r`,
 * `ip l`, `ip n`, `ip netns`...) found by the same prefix rule. Its spec (`ipSpec`, for the
 * registry) says what its forms do, for hovers.
 */
import { loc } from '../../text/i18n';
import type { Arg } from '../../shell/expand';
import { type CommandContext, type CommandHandler, type CommandResult, type CommandSpec, manPage } from '../types';
import { USAGE_IP } from '../usage';
import { doAddr } from './addr';
import { Args, IpExit, type IpState, matches } from './common';
import { doLink } from './link';
import { doNeigh } from './neigh';
import { IP_FORMS } from './forms';
import { cannotOpen, doNetns } from './netns';
import { doRoute } from './route';

type ObjectHandler = (st: IpState, a: Args) => void | number;

/** ip.c's table, in its order: the first object the word is a prefix of wins. */
const OBJECTS: readonly [string, ObjectHandler | null][] = [
  ['address', doAddr],
  ['addrlabel', null],
  ['maddress', null],
  ['route', doRoute],
  ['rule', null],
  ['neighbor', doNeigh],
  ['neighbour', doNeigh],
  ['ntable', null],
  ['ntbl', null],
  ['link', doLink],
  ['l2tp', null],
  ['fou', null],
  ['ila', null],
  ['macsec', null],
  ['tunnel', null],
  ['tunl', null],
  ['tuntap', null],
  ['tap', null],
  ['token', null],
  ['tcpmetrics', null],
  ['tcp_metrics', null],
  ['monitor', null],
  ['xfrm', null],
  ['mroute', null],
  ['mrule', null],
  ['netns', doNetns],
  ['netconf', null],
  ['vrf', null],
  ['sr', null],
  ['nexthop', null],
  ['mptcp', null],
  ['ioam', null],
  ['help', null],
  ['stats', null],
];

export const ipCommand: CommandHandler = (ctx: CommandContext, args: readonly Arg[]): CommandResult => {
  const st: IpState = {
    ctx,
    netns: ctx.netns,
    opts: { family: 0, brief: false, oneline: false, details: false, stats: false },
    out: '',
    err: '',
  };
  const a = new Args(args);
  a.advance(); // the command name
  try {
    const status = runIp(st, a);
    return { stdout: st.out, stderr: st.err, status, ...(status !== 0 && st.failure ? { failure: st.failure } : {}) };
  } catch (e) {
    if (e instanceof IpExit) {
      const r: CommandResult = {
        stdout: st.out,
        stderr: st.err + e.stderr,
        status: e.status,
        ...(e.status !== 0 && st.failure ? { failure: st.failure } : {}),
      };
      return e.notSimulated ? { ...r, notSimulated: e.notSimulated } : r;
    }
    throw e;
  }
};

/** `ip` for the registry: its handler, and what it and its forms do. */
export const ipSpec: CommandSpec = {
  names: ['ip'],
  handler: ipCommand,
  summary: loc(
    'iproute2: shows and changes interfaces, addresses, routes and namespaces.',
    'iproute2: 인터페이스, 주소, 라우트, 네임스페이스를 보고 바꿉니다.',
  ),
  usage: loc('ip [ OPTIONS ] OBJECT { COMMAND | help }', 'ip [ 옵션 ] 객체 { 명령 | help }'),
  link: manPage('ip.8'),
  forms: IP_FORMS,
};

function notSim(what: string, column: number): IpExit {
  return new IpExit(1, `knetlab: ${what} is not simulated\n`, { command: what, column });
}

function runIp(st: IpState, a: Args): number {
  // Global options.
  while (!a.done) {
    let opt = a.cur;
    if (opt === '--') {
      a.advance();
      break;
    }
    if (!opt.startsWith('-')) break;
    if (opt[1] === '-') opt = opt.slice(1);
    const col = a.col;
    if (matches(opt, '-loops')) a.next();
    else if (matches(opt, '-family')) {
      const f = a.next();
      if (f === 'inet' || f === 'ipv4') st.opts.family = 4;
      else if (f === 'inet6' || f === 'ipv6') st.opts.family = 6;
      else if (['link', 'bridge', 'mpls', 'help'].includes(f)) throw notSim(`ip -family ${f}`, col);
      else throw new IpExit(255, `Error: argument "${f}" is wrong: invalid protocol family\n`);
    } else if (opt === '-4') st.opts.family = 4;
    else if (opt === '-6') st.opts.family = 6;
    else if (opt === '-0' || opt === '-M' || opt === '-B') throw notSim(`ip ${opt}`, col);
    else if (matches(opt, '-human') || matches(opt, '-human-readable') || matches(opt, '-iec')) {
      /* no numbers that it would change */
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) st.opts.stats = true;
    else if (matches(opt, '-details')) st.opts.details = true;
    else if (matches(opt, '-resolve')) {
      /* nothing to resolve in a lab: names print as addresses anyway */
    } else if (matches(opt, '-oneline')) st.opts.oneline = true;
    else if (matches(opt, '-timestamp')) throw notSim('ip -timestamp', col);
    else if (matches(opt, '-tshort')) throw notSim('ip -tshort', col);
    else if (matches(opt, '-Version')) {
      st.out += 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n';
      return 0;
    } else if (matches(opt, '-force')) {
      /* only for -batch */
    } else if (matches(opt, '-batch')) throw notSim('ip -batch', col);
    else if (matches(opt, '-brief')) st.opts.brief = true;
    else if (matches(opt, '-json')) throw notSim('ip -json', col);
    else if (matches(opt, '-pretty')) throw notSim('ip -pretty', col);
    else if (matches(opt, '-rcvbuf')) a.next();
    else if (/^-c(olor|olour|olo|ol|o)?(=.*)?$/.test(opt)) {
      /* colour: no terminal here, so plain text */
    } else if (matches(opt, '-help')) throw new IpExit(255, USAGE_IP);
    else if (matches(opt, '-netns')) {
      const name = a.next();
      const ns = name === '' ? undefined : st.ctx.host.netns.get(name);
      if (!ns) throw cannotOpen(name);
      st.netns = ns;
    } else if (matches(opt, '-Numeric')) {
      /* numbers are what we print */
    } else if (matches(opt, '-all')) throw notSim('ip -all', col);
    else if (opt === '-echo') throw notSim('ip -echo', col);
    else throw new IpExit(255, `Option "${a.cur}" is unknown, try "ip -help".\n`);
    a.advance();
  }
  if (a.done) throw new IpExit(255, USAGE_IP);
  const obj = a.cur;
  const col = a.col;
  for (const [name, handler] of OBJECTS) {
    if (!matches(obj, name)) continue;
    if (name === 'help') throw new IpExit(255, USAGE_IP);
    if (!handler) throw notSim(`ip ${name}`, col);
    a.advance();
    const r = handler(st, a);
    return typeof r === 'number' ? r : 0;
  }
  throw new IpExit(1, `Object "${obj}" is unknown, try "ip help".\n`);
}
