/** Small commands: echo, true, false, `:`, sleep, hostname, cat, sysctl; each with its spec for the registry. */
import { formatAddr } from '../net/addr';
import { setHostname } from '../sim/kernel';
import { utsName } from '../sim/model';
import type { Arg } from '../shell/expand';
import { allSysctls, findSysctl, procSysKey } from './procfs';
import { loc } from '../text/i18n';
import { type CommandContext, type CommandHandler, type CommandSpec, manPage, notSimulated, result } from './types';
import { USAGE_SYSCTL } from './usage';
import { HOSTNAME_USAGE } from './hostnameUsage';

/** dash's echo: no options but `-n`; backslash escapes are interpreted. */
export const echoCommand: CommandHandler = (_ctx, args) => {
  let words = args.slice(1).map((a) => a.text);
  let newline = true;
  if (words[0] === '-n') {
    newline = false;
    words = words.slice(1);
  }
  let out = '';
  const text = words.join(' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const d = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v' };
    if (d === 'c') return result(out);
    if (d in simple) out += simple[d];
    else if (d === '0') {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else out += '\\' + d;
  }
  return result(out + (newline ? '\n' : ''));
};

export const trueCommand: CommandHandler = () => result('');
export const falseCommand: CommandHandler = () => result('', '', 1);
export const sleepCommand: CommandHandler = () => result('');

/** The UTS name's limit in bytes (HOST_NAME_MAX, __NEW_UTS_LEN). */
const HOST_NAME_MAX = 64;

/**
 * Debian hostname's check of a name to set: dot-separated labels, none empty, each of ASCII
 * letters, digits and hyphens, not beginning or ending with a hyphen (`a_b`, `a..b`, `a.`, `a-` are
 * refused; `123`, `a--b` are not).
 */
function validHostname(name: string): boolean {
  return name.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(label));
}

/** Names set with `hostname NAME` (the UTS name; the host keeps its lab name). */

export const hostnameCommand: CommandHandler = (ctx, args) => {
  const name = utsName(ctx.host);
  if (args.length === 1) return result(`${name}\n`);
  const opt = args[1]!.text;
  if (!opt.startsWith('-')) {
    // more than one name: Debian's hostname prints its usage and exits 255
    if (args.length > 2) return result('', HOSTNAME_USAGE, 255);
    // Debian's hostname checks the name's form first, then sethostname(2) refuses more than 64 bytes (EINVAL)
    if (!validHostname(opt)) return result('', 'hostname: the specified hostname is invalid\n', 1);
    if (new TextEncoder().encode(opt).length > HOST_NAME_MAX) return result('', 'hostname: name too long\n', 1);
    setHostname(ctx.host, opt);
    return result('');
  }
  if (opt === '-I' || opt === '--all-ip-addresses') {
    const addrs: string[] = [];
    for (const l of [...ctx.netns.links.values()].sort((x, y) => x.ifindex - y.ifindex)) {
      if (l.kind === 'loopback' || !l.up) continue;
      for (const a of l.addrs) if (a.scope === 'global') addrs.push(formatAddr(a.addr));
    }
    return result(addrs.map((a) => a + ' ').join('') + '\n');
  }
  if (opt === '-s' || opt === '--short') return result(`${name.split('.')[0]}\n`);
  return notSimulated(`hostname ${opt}`, args[1]!.column);
};

/** Reads a file of the simulated host: /proc/sys keys, /etc/hostname, or a file the lab wrote. */
export function readFile(ctx: CommandContext, file: string): string | undefined {
  const path = file.startsWith('/') ? file : `/root/${file}`;
  const key = procSysKey(path);
  if (key !== undefined) {
    const k = findSysctl(ctx.netns, key);
    return k ? k.get(ctx.netns) + '\n' : undefined;
  }
  if (path === '/etc/hostname') return ctx.host.files.get(path) ?? `${ctx.host.name}\n`;
  return ctx.host.files.get(path);
}

export const catCommand: CommandHandler = (ctx, args) => {
  let out = '';
  let err = '';
  let status = 0;
  const files = args.slice(1);
  for (const f of files) {
    if (f.text.startsWith('-') && f.text !== '-') return notSimulated(`cat ${f.text}`, f.column);
  }
  if (files.length === 0) return result(ctx.stdin);
  for (const f of files) {
    if (f.text === '-') {
      out += ctx.stdin;
      continue;
    }
    const text = readFile(ctx, f.text);
    if (text === undefined) {
      err += `cat: ${f.text}: No such file or directory\n`;
      status = 1;
    } else out += text;
  }
  return result(out, err, status);
};

// ---------------------------------------------------------------------------------------------
// sysctl (procps-ng)

export const sysctlCommand: CommandHandler = (ctx, args) => {
  let write = false;
  let quiet = false;
  let valuesOnly = false;
  let namesOnly = false;
  let ignore = false;
  let all = false;
  let load: Arg | undefined;
  const vars: Arg[] = [];
  let anyOption = false;
  for (const a of args.slice(1)) {
    const t = a.text;
    if (t.startsWith('-') && t.length > 1) anyOption = true;
    if (t.startsWith('--')) {
      const long: Record<string, () => void> = {
        '--write': () => (write = true),
        '--quiet': () => (quiet = true),
        '--values': () => (valuesOnly = true),
        '--names': () => (namesOnly = true),
        '--ignore': () => (ignore = true),
        '--all': () => (all = true),
        '--load': () => (load = a),
        '--system': () => (load = a),
      };
      const f = long[t.split('=')[0]!];
      if (!f) return result('', `sysctl: unrecognized option '${t}'\n${USAGE_SYSCTL}`, 1);
      f();
      continue;
    }
    if (t.startsWith('-') && t.length > 1) {
      for (const c of t.slice(1)) {
        if (c === 'w') write = true;
        else if (c === 'q') quiet = true;
        else if (c === 'n') valuesOnly = true;
        else if (c === 'N') namesOnly = true;
        else if (c === 'e') ignore = true;
        else if (c === 'a' || c === 'A' || c === 'X') all = true;
        else if (c === 'p' || c === 'f') load = a;
        else if (c === 'o' || c === 'x') {
          /* does nothing */
        } else if (c === 'h' || c === 'd') return result(USAGE_SYSCTL);
        else if (c === 'b' || c === 'r') return notSimulated(`sysctl -${c}`, a.column);
        else return result('', `sysctl: invalid option -- '${c}'\n${USAGE_SYSCTL}`, 1);
      }
      continue;
    }
    vars.push(a);
  }
  const ns = ctx.netns;
  let out = '';
  let err = '';
  let status = 0;
  let notSim: { command: string; column: number } | undefined;
  const show = (name: string, value: string) => {
    if (quiet) return;
    out += valuesOnly ? `${value}\n` : namesOnly ? `${name}\n` : `${name} = ${value}\n`;
  };
  if (load) {
    // procps: `-p FILE...` loads every file named after it (`--load=FILE` names one), else /etc/sysctl.conf.
    const system = load.text.startsWith('--system');
    const named = load.text.includes('=') ? [load.text.split('=')[1]!] : system ? [] : vars.splice(0).map((v) => v.text);
    for (const file of named.length ? named : ['/etc/sysctl.conf']) {
      const text = ctx.host.files.get(file);
      if (text === undefined) {
        if (system) return notSimulated('sysctl --system', load.column);
        err += `sysctl: cannot open "${file}": No such file or directory\n`;
        status = 1;
        continue;
      }
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';')) continue;
        vars.push({ text: line.replace(/\s*=\s*/, '='), column: load.column });
      }
    }
    write = true;
  }
  if (all) {
    for (const k of allSysctls(ns)) show(k.name, k.get(ns));
    return result(out);
  }
  if (vars.length === 0) {
    if (anyOption) {
      if (load) return result(out, err, status);
      return result('', "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1);
    }
    return result('', USAGE_SYSCTL, 1);
  }
  for (const v of vars) {
    const eq = v.text.indexOf('=');
    if (write && eq < 0) {
      err += `sysctl: command line(0): invalid syntax, continuing...\n`;
      status = 1;
      break;
    }
    const name = (eq < 0 ? v.text : v.text.slice(0, eq)).replace(/\//g, '.');
    const key = findSysctl(ns, name);
    if (!key) {
      if (!ignore) {
        err += `sysctl: cannot stat /proc/sys/${name.replace(/\./g, '/')}: No such file or directory\n`;
        status = 1;
      }
      continue;
    }
    if (eq < 0) {
      show(key.name, key.get(ns));
      continue;
    }
    const value = v.text.slice(eq + 1);
    if (!key.set(ns, value)) {
      err += `sysctl: setting key "${key.name}": Invalid argument\n`;
      status = 1;
      continue;
    }
    if (!key.simulated && !notSim) notSim = { command: `sysctl ${key.name}`, column: v.column };
    show(key.name, value);
  }
  return result(out, err, status, notSim);
};

// ---------------------------------------------------------------------------------------------
// the specs, for the registry

export const echoSpec: CommandSpec = {
  names: ['echo'],
  handler: echoCommand,
  summary: loc(
    "Prints its arguments and a newline (none with -n); dash's echo, so backslash escapes are interpreted.",
    '인자와 줄 바꿈을 출력합니다(-n이면 줄 바꿈 없이). dash의 echo라서 백슬래시 이스케이프를 해석합니다.',
  ),
  usage: loc('echo [-n] [ARG]...', 'echo [-n] [인자]...'),
  forms: [
    {
      pattern: 'echo 1 > /proc/sys/net/ipv4/ip_forward',
      doc: loc(
        'Turns on IP forwarding, as `sysctl -w net.ipv4.ip_forward=1` does.',
        '`sysctl -w net.ipv4.ip_forward=1`처럼 IP 포워딩을 켭니다.',
      ),
    },
  ],
};

export const trueSpec: CommandSpec = {
  names: ['true', ':'],
  handler: trueCommand,
  summary: loc('Does nothing, successfully (exit status 0).', '아무것도 하지 않고 성공합니다(종료 상태 0).'),
  usage: loc('true', 'true'),
  link: manPage('true.1'),
};

export const falseSpec: CommandSpec = {
  names: ['false'],
  handler: falseCommand,
  summary: loc('Does nothing, unsuccessfully (exit status 1).', '아무것도 하지 않고 실패합니다(종료 상태 1).'),
  usage: loc('false', 'false'),
  link: manPage('false.1'),
};

export const sleepSpec: CommandSpec = {
  names: ['sleep'],
  handler: sleepCommand,
  summary: loc(
    'Waits a number of seconds; no time passes in the simulator, so it returns at once.',
    '몇 초 동안 기다립니다. 시뮬레이터에서는 시간이 흐르지 않으므로 바로 끝납니다.',
  ),
  usage: loc('sleep SECONDS', 'sleep 초'),
  link: manPage('sleep.1'),
};

export const hostnameSpec: CommandSpec = {
  names: ['hostname'],
  handler: hostnameCommand,
  summary: loc(
    "Shows or sets the host's name (its UTS name); -I lists its addresses.",
    '호스트의 이름(UTS 이름)을 보거나 바꿉니다. -I는 주소 목록을 보여 줍니다.',
  ),
  usage: loc('hostname [NAME | -I | -s]', 'hostname [이름 | -I | -s]'),
  link: manPage('hostname.1'),
};

export const catSpec: CommandSpec = {
  names: ['cat'],
  handler: catCommand,
  summary: loc(
    "Prints files: the host's files, /etc/hostname and the kernel parameters under /proc/sys.",
    '파일을 출력합니다: 호스트의 파일, /etc/hostname, /proc/sys 아래의 커널 매개변수.',
  ),
  usage: loc('cat [FILE]...', 'cat [파일]...'),
  link: manPage('cat.1'),
};

export const sysctlSpec: CommandSpec = {
  names: ['sysctl'],
  handler: sysctlCommand,
  summary: loc('Reads or sets kernel parameters.', '커널 매개변수를 읽거나 설정합니다.'),
  usage: loc('sysctl [-n] [-w] NAME[=VALUE]... | -a | -p [FILE]', 'sysctl [-n] [-w] 이름[=값]... | -a | -p [파일]'),
  link: manPage('sysctl.8'),
  forms: [
    {
      pattern: 'sysctl -w net.ipv4.ip_forward=1',
      doc: loc(
        'Turns on IP forwarding: the host routes packets between its interfaces (a router). Off by default.',
        'IP 포워딩을 켭니다. 호스트가 인터페이스 사이에서 패킷을 포워딩합니다(라우터). 기본값은 꺼짐입니다.',
      ),
    },
    {
      pattern: 'sysctl -w net.ipv4.ip_forward=0',
      doc: loc(
        'Turns off IP forwarding: the host no longer routes packets for others.',
        'IP 포워딩을 끕니다. 호스트가 더는 남의 패킷을 포워딩하지 않습니다.',
      ),
    },
    {
      pattern: 'sysctl -w',
      doc: loc(
        'Sets a kernel parameter (net.ipv4.ip_forward, net.ipv4.conf.DEV.forwarding...).',
        '커널 매개변수(net.ipv4.ip_forward, net.ipv4.conf.장치.forwarding...)를 설정합니다.',
      ),
    },
  ],
};
