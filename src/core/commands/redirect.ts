/**
 * The simulated shell's redirections: where fd 0, 1 and 2 go for one command. Writing to /proc/sys
 * sets a sysctl, /dev/null swallows, other paths become files of the host; reading uses the
 * commands' own file reader (a context the line runner makes, run.ts).
 */
import { writeFile } from '../sim/kernel';
import type { Host, Netns } from '../sim/model';
import { expandWord, type Redirect } from '../shell/index';
import { readFile } from './builtins';
import { findSysctl, procSysKey } from './procfs';
import type { CommandContext, CommandResult } from './types';

/** Where a descriptor writes. */
export type Sink =
  | { kind: 'out' }
  | { kind: 'err' }
  | { kind: 'null' }
  | { kind: 'file'; path: string; append: boolean }
  | { kind: 'proc'; key: string; path: string };

/** Opens one redirection: a string is the new standard input; a result is the shell's error. */
export function applyRedirect(
  ctx: { readonly host: Host; readonly netns: Netns },
  rd: Redirect,
  fds: Record<number, Sink>,
  lookup: (n: string) => string | undefined,
  readCtx: () => CommandContext,
): string | CommandResult | undefined {
  const target = expandWord(rd.target, lookup);
  if (rd.fd !== 0 && rd.fd !== 1 && rd.fd !== 2) {
    return {
      stdout: '',
      stderr: `knetlab: redirection of descriptor ${rd.fd} is not simulated\n`,
      status: 1,
      notSimulated: { command: `redirection ${rd.fd}${rd.op}`, column: rd.column },
    };
  }
  if (rd.op === '>&' || rd.op === '<&') {
    if (target === '-') {
      fds[rd.fd] = { kind: 'null' };
      return;
    }
    if (target === '1' || target === '2') {
      if (rd.fd !== 0) fds[rd.fd] = fds[Number(target)]!;
      return;
    }
    if (target === '0') return;
    if (/^[0-9]+$/.test(target)) return { stdout: '', stderr: `sh: 1: ${target}: Bad file descriptor\n`, status: 2 };
    // `>&file`: both descriptors to the file, as dash reads it.
  }
  if (rd.op === '<' || rd.op === '<>' || rd.op === '<&') {
    if (rd.fd !== 0 && rd.op !== '<>') return;
    const text = target === '/dev/null' ? '' : readFile(readCtx(), target);
    if (text === undefined) return { stdout: '', stderr: `sh: 1: cannot open ${target}: No such file\n`, status: 2 };
    return text;
  }
  const append = rd.op === '>>';
  let sink: Sink;
  if (target === '/dev/null') sink = { kind: 'null' };
  else if (target === '/dev/stdout') sink = { kind: 'out' };
  else if (target === '/dev/stderr') sink = { kind: 'err' };
  else if (procSysKey(target) !== undefined) {
    const key = procSysKey(target)!;
    if (!findSysctl(ctx.netns, key)) return { stdout: '', stderr: `sh: 1: cannot create ${target}: Directory nonexistent\n`, status: 2 };
    sink = { kind: 'proc', key, path: target };
  } else if (target.startsWith('/proc/') || target.startsWith('/sys/') || target === '' || target.endsWith('/')) {
    if (target.startsWith('/sys/')) {
      return {
        stdout: '',
        stderr: `knetlab: writing to ${target} is not simulated\n`,
        status: 1,
        notSimulated: { command: `> ${target}`, column: rd.column },
      };
    }
    return {
      stdout: '',
      stderr: `sh: 1: cannot create ${target}: ${target === '' ? 'Directory nonexistent' : 'Is a directory'}\n`,
      status: 2,
    };
  } else {
    const path = target.startsWith('/') ? target : `/root/${target}`;
    if (!append || !ctx.host.files.has(path)) writeFile(ctx.host, path, '', append);
    sink = { kind: 'file', path, append };
  }
  if (rd.op === '>&') {
    fds[1] = sink;
    fds[2] = sink;
  } else fds[rd.fd] = sink;
  return;
}
