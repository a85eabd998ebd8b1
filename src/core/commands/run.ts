/**
 * The simulated shell: runs every command of a line with sh's `;` `&&` `||` semantics and its
 * redirections (opened in redirect.ts). Commands are found in the registry; real tools that are not
 * simulated say so.
 */
import { writeFile } from '../sim/kernel';
import type { Host, Netns, World } from '../sim/model';
import { type Arg, expandWord, expandWords, parseLine, type SimpleCommand } from '../shell/index';
import { findSysctl } from './procfs';
import { applyRedirect, type Sink } from './redirect';
import { COMMANDS, REAL_TOOLS } from './registry';
import type { CommandContext, CommandResult, NotSimulated } from './types';

/**
 * dash's builtins that change nothing the simulator models (the shell's own state, signals, limits):
 * a line with one is said to be not simulated, never `not found`, since sh has them.
 */
const UNMODELLED_BUILTINS = new Set([
  'cd',
  'set',
  'shift',
  'wait',
  'umask',
  'trap',
  'ulimit',
  'alias',
  'unalias',
  'hash',
  'times',
  'getopts',
  'local',
  'return',
  'jobs',
  'read',
  'type',
]);

export interface RunContext {
  readonly world: World;
  readonly host: Host;
  readonly netns: Netns;
}

export interface RunLineResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  /** The first thing on the line that the simulator does not model (a tool, an option, a pipe...). */
  readonly notSimulated?: NotSimulated;
  /** 0-based offset in the line of what failed: the syntax error, or the command whose status is the line's. */
  readonly column?: number;
  /** What the kernel logged about the failure of the command whose status is the line's (dmesg), where known. */
  readonly kernelLog?: string;
  /** The line of the failed command's input it is about, and the file it came from (Failure.input). */
  readonly input?: { readonly line: number; readonly file?: string };
}

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  '{',
  '}',
  'select',
]);

/** Shell variables per host, as a login shell of root would have them; they last across lines. */

function envOf(host: Host): Map<string, string> {
  let env = host.shellEnv;
  if (!env) {
    env = new Map([
      ['HOME', '/root'],
      ['USER', 'root'],
      ['LOGNAME', 'root'],
      ['SHELL', '/bin/sh'],
      ['PWD', '/root'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['HOSTNAME', host.name],
      ['?', '0'],
      ['$', '1'],
      ['#', '0'],
      ['0', 'sh'],
    ]);
    host.shellEnv = env;
  }
  return env;
}

/** Runs a command by name with its arguments already expanded (no shell): `ip netns exec`, `sudo`. */
function execArgv(
  base: RunContext,
  netns: Netns,
  argv: readonly Arg[],
  stdin: string,
  notFound: (name: string) => string,
  notFoundStatus: number,
): CommandResult {
  const name = argv[0]?.text ?? '';
  const ctx = makeContext(base, netns, stdin);
  const handler = COMMANDS.get(name) ?? (name === 'sudo' ? sudo : name === 'sh' || name === 'bash' ? shell : undefined);
  if (!handler) {
    const col = argv[0]?.column ?? 0;
    const r = { stdout: '', stderr: notFound(name), status: notFoundStatus };
    return REAL_TOOLS.has(name) || name.includes('/') ? { ...r, notSimulated: { command: name, column: col } } : r;
  }
  try {
    return handler(ctx, argv);
  } catch (e) {
    // A bug in a command must not take the caller down: report it as a failure of that command.
    return {
      stdout: '',
      stderr: `knetlab: internal error in "${name}": ${e instanceof Error ? e.message : String(e)}\n`,
      status: 1,
      notSimulated: { command: name, column: argv[0]?.column ?? 0 },
    };
  }
}

function makeContext(base: RunContext, netns: Netns, stdin: string): CommandContext {
  return {
    world: base.world,
    host: base.host,
    netns,
    env: envOf(base.host),
    stdin,
    exec(ns, argv) {
      return execArgv(base, ns, argv, '', (n) => `exec of "${n}" failed: No such file or directory\n`, 1);
    },
  };
}

/** `sudo CMD...`: we are root already. */
function sudo(ctx: CommandContext, args: readonly Arg[]): CommandResult {
  let i = 1;
  while (i < args.length && args[i]!.text.startsWith('-')) i++;
  if (i >= args.length) return { stdout: '', stderr: 'usage: sudo -h | -K | -k | -V\n', status: 1 };
  const base = { world: ctx.world, host: ctx.host, netns: ctx.netns };
  return execArgv(base, ctx.netns, args.slice(i), ctx.stdin, (n) => `sudo: ${n}: command not found\n`, 1);
}

/** `sh -c 'LINE'` / `bash -c 'LINE'`. */
function shell(ctx: CommandContext, args: readonly Arg[]): CommandResult {
  if (args[1]?.text !== '-c' || args.length < 3) {
    return {
      stdout: '',
      stderr: `knetlab: ${args[0]!.text} without -c is not simulated\n`,
      status: 1,
      notSimulated: { command: args[0]!.text, column: args[0]!.column },
    };
  }
  const r = runLine({ world: ctx.world, host: ctx.host, netns: ctx.netns }, args[2]!.text);
  const col = args[2]!.column;
  const ns = r.notSimulated ? { command: r.notSimulated.command, column: col } : undefined;
  return ns
    ? { stdout: r.stdout, stderr: r.stderr, status: r.status, notSimulated: ns }
    : { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs one line of sh on a host's namespace. Never throws. */
export function runLine(ctx: RunContext, line: string): RunLineResult {
  try {
    return runLineUnsafe(ctx, line);
  } catch (e) {
    return { stdout: '', stderr: `knetlab: internal error: ${e instanceof Error ? e.message : String(e)}\n`, status: 1, column: 0 };
  }
}

function runLineUnsafe(ctx: RunContext, line: string): RunLineResult {
  const parsed = parseLine(line);
  if (parsed.error) {
    return { stdout: '', stderr: `sh: 1: ${parsed.error.message}\n`, status: 2, column: parsed.error.column };
  }
  if (parsed.unsupported) {
    const u = parsed.unsupported;
    return {
      stdout: '',
      stderr: `knetlab: ${u.feature} is not simulated\n`,
      status: 1,
      notSimulated: { command: u.feature, column: u.column },
      column: u.column,
    };
  }
  for (const item of parsed.items) {
    for (const c of item.pipeline.commands) {
      const w = c.words[0];
      if (w && RESERVED.has(w.raw)) {
        return {
          stdout: '',
          stderr: `knetlab: shell compound commands (${w.raw} ...) are not simulated\n`,
          status: 1,
          notSimulated: { command: `shell ${w.raw}`, column: w.column },
          column: w.column,
        };
      }
    }
  }
  const env = envOf(ctx.host);
  const lookup = (name: string) => env.get(name);
  let stdout = '';
  let stderr = '';
  let status = 0;
  let column: number | undefined;
  let kernelLog: string | undefined;
  let input: RunLineResult['input'];
  let notSim: NotSimulated | undefined;
  for (const item of parsed.items) {
    if (item.connector === '&&' && status !== 0) continue;
    if (item.connector === '||' && status === 0) continue;
    const p = item.pipeline;
    let r: CommandResult & { column: number };
    if (p.commands.length > 1) {
      const col = p.pipeColumns[0]!;
      r = {
        stdout: '',
        stderr: 'knetlab: pipes (|) are not simulated\n',
        status: 1,
        notSimulated: { command: 'pipes (|)', column: col },
        column: col,
      };
    } else {
      r = runSimple(ctx, p.commands[0]!, lookup, env);
    }
    if (p.bang) r = { ...r, status: r.status === 0 ? 1 : 0 };
    stdout += r.stdout;
    stderr += r.stderr;
    status = r.status;
    env.set('?', String(status));
    column = status !== 0 ? r.column : undefined;
    kernelLog = status !== 0 ? r.failure?.kernelLog : undefined;
    input = status !== 0 ? r.failure?.input : undefined;
    if (r.notSimulated && !notSim) notSim = r.notSimulated;
    if ((r as { exit?: boolean }).exit) break;
  }
  const out: RunLineResult = { stdout, stderr, status };
  return {
    ...out,
    ...(notSim ? { notSimulated: notSim } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(kernelLog !== undefined ? { kernelLog } : {}),
    ...(input !== undefined ? { input } : {}),
  };
}

function runSimple(
  ctx: RunContext,
  cmd: SimpleCommand,
  lookup: (n: string) => string | undefined,
  env: Map<string, string>,
): CommandResult & { column: number; exit?: boolean } {
  const { args, substitution } = expandWords(cmd.words, lookup);
  if (substitution !== undefined) {
    return {
      stdout: '',
      stderr: 'knetlab: command substitution $(...) is not simulated\n',
      status: 1,
      notSimulated: { command: 'command substitution', column: substitution },
      column: substitution,
    };
  }
  // Redirections: where fd 1 and fd 2 go, and the standard input.
  const fds: Record<number, Sink> = { 1: { kind: 'out' }, 2: { kind: 'err' } };
  let stdin = '';
  let stdinFile: string | undefined;
  for (const rd of cmd.redirects) {
    const r = applyRedirect(ctx, rd, fds, lookup, () => makeReadCtx(ctx));
    if (typeof r === 'string') {
      stdin = r;
      stdinFile = expandWord(rd.target, lookup);
    } else if (r) return { ...r, column: rd.column };
  }
  for (const as of cmd.assignments) {
    const text = expandWord(as, lookup);
    const eq = text.indexOf('=');
    if (args.length === 0) env.set(text.slice(0, eq), text.slice(eq + 1));
  }
  let res: CommandResult = { stdout: '', stderr: '', status: 0 };
  let exit = false;
  const column = args[0]?.column ?? cmd.column;
  if (args.length > 0) {
    const name = args[0]!.text;
    if (name === 'exit') {
      const n = args[1] ? Number(args[1].text) : Number(env.get('?') ?? 0);
      if (args[1] && !/^[0-9]+$/.test(args[1].text))
        res = { stdout: '', stderr: `sh: 1: exit: Illegal number: ${args[1].text}\n`, status: 2 };
      else res = { stdout: '', stderr: '', status: n & 255 };
      exit = true;
    } else if (name === 'export' || name === 'readonly') {
      for (const a of args.slice(1)) {
        const eq = a.text.indexOf('=');
        if (eq > 0) env.set(a.text.slice(0, eq), a.text.slice(eq + 1));
      }
    } else if (name === 'unset') {
      for (const a of args.slice(1)) if (!a.text.startsWith('-')) env.delete(a.text);
    } else if (UNMODELLED_BUILTINS.has(name)) {
      res = {
        stdout: '',
        stderr: `knetlab: the shell builtin "${name}" is not simulated\n`,
        status: 0,
        notSimulated: { command: name, column },
      };
    } else {
      res = execArgv(ctx, ctx.netns, args, stdin, (n) => `sh: 1: ${n}: not found\n`, 127);
    }
  }
  // Deliver the output.
  let stdout = '';
  let stderr = '';
  let status = res.status;
  const deliver = (text: string, sink: Sink): string | undefined => {
    switch (sink.kind) {
      case 'out':
        stdout += text;
        return;
      case 'err':
        stderr += text;
        return;
      case 'null':
        return;
      case 'file':
        writeFile(ctx.host, sink.path, text, true);
        return;
      case 'proc': {
        if (!text) return;
        const k = findSysctl(ctx.netns, sink.key);
        if (!k || !k.set(ctx.netns, text)) return 'I/O error';
        return;
      }
    }
  };
  const e1 = deliver(res.stdout, fds[1]!);
  const e2 = deliver(res.stderr, fds[2]!);
  if (e1 || e2) {
    const name = args[0]?.text ?? '';
    stderr += `sh: 1: ${name}: ${name}: ${e1 ?? e2}\n`;
    status = status || 1;
  }
  const at = status !== 0 ? (res.failure?.column ?? blame(args, res.stderr) ?? column) : column;
  // a failure about a line of the command's input read through `< FILE`: that file
  if (res.failure?.input && res.failure.input.file === undefined && stdinFile !== undefined)
    res = { ...res, failure: { ...res.failure, input: { ...res.failure.input, file: stdinFile } } };
  const out: CommandResult & { column: number; exit?: boolean } = {
    stdout,
    stderr,
    status,
    column: at,
    ...(exit ? { exit } : {}),
    ...(status !== 0 && res.failure ? { failure: res.failure } : {}),
  };
  return res.notSimulated ? { ...out, notSimulated: res.notSimulated } : out;
}

/** Errors that name no word, and the keyword whose value they are about. */
const BLAME_KEYWORD: [RegExp, string][] = [
  [/Nexthop has invalid gateway|No egress device for nexthop gateway/, 'via'],
  [/Invalid prefsrc address/, 'src'],
  [/Device for nexthop is not up|Nexthop device is not up/, 'dev'],
  [/mtu (less|greater) than device/, 'mtu'],
  [/Can not enslave|RTNETLINK answers: Operation not supported/, 'master'],
];

/**
 * The argument a failed command's message is about, so that a diagnostic can point at it: the
 * last quoted word of the message that is one of the arguments (`Cannot find device "eth9"`), or
 * the value of the keyword a kernel message is about (`via` for `Nexthop has invalid gateway`).
 */
function blame(args: readonly Arg[], stderr: string): number | undefined {
  const arg = /Error: argument "([^"\n]+)" is wrong/.exec(stderr);
  const quoted = [...stderr.matchAll(/"([^"\n]+)"/g)].map((m) => m[1]!);
  if (arg) quoted.push(arg[1]!);
  for (let i = quoted.length - 1; i >= 0; i--) {
    for (let j = args.length - 1; j >= 1; j--) if (args[j]!.text === quoted[i]) return args[j]!.column;
  }
  for (const [re, kw] of BLAME_KEYWORD) {
    if (!re.test(stderr)) continue;
    for (let j = 1; j + 1 < args.length; j++) if (args[j]!.text === kw) return args[j + 1]!.column;
  }
  return undefined;
}

function makeReadCtx(ctx: RunContext): CommandContext {
  return makeContext(ctx, ctx.netns, '');
}
