/** Small commands: echo, true, false, `:`, sleep, hostname, cat, sysctl. */
import { formatAddr } from '../net/addr';
import { utsName } from '../sim/model';
import type { Arg } from '../shell/expand';
import { allSysctls, findSysctl, procSysKey } from './procfs';
import { type CommandContext, type CommandHandler, notSimulated, result } from './types';
import { USAGE_SYSCTL } from './usage';

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

/** Names set with `hostname NAME` (the UTS name; the host keeps its lab name). */

export const hostnameCommand: CommandHandler = (ctx, args) => {
  const name = utsName(ctx.host);
  if (args.length === 1) return result(`${name}\n`);
  const opt = args[1]!.text;
  if (!opt.startsWith('-')) {
    if (args.length > 2) return result('', `hostname: too many arguments\n`, 1);
    ctx.host.hostname = opt;
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
  if (path === '/proc/sys/kernel/hostname') return `${utsName(ctx.host)}\n`;
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
    const file = load.text.includes('=') ? load.text.split('=')[1]! : '/etc/sysctl.conf';
    const text = ctx.host.files.get(file);
    if (text === undefined) {
      if (load.text.startsWith('--system')) return notSimulated('sysctl --system', load.column);
      return result('', `sysctl: cannot open "${file}": No such file or directory\n`, 1);
    }
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
      vars.push({ text: line.replace(/\s*=\s*/, '='), column: load.column });
    }
    write = true;
  }
  if (all) {
    for (const k of allSysctls(ns)) show(k.name, k.get(ns));
    return result(out);
  }
  if (vars.length === 0) {
    if (anyOption) {
      if (load) return result(out);
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
