/**
 * iproute2's argument reading and error reporting, to the letter: `matches()` prefix matching,
 * NEXT_ARG, invarg, duparg, and the exit statuses (255 for exit(-1), 2 for rtnetlink errors,
 * 1 for `Cannot find device`).
 */
import type { Arg } from '../../shell/expand';
import { formatRtnlError, type KernelError } from '../../sim/errors';
import { findLink } from '../../sim/kernel';
import type { Link, Netns } from '../../sim/model';
import type { CommandContext, CommandResult, Failure, NotSimulated } from '../types';

/** Thrown to end the `ip` command at once, as iproute2's exit() does. Caught in ip/index.ts. */
export class IpExit {
  constructor(
    readonly status: number,
    readonly stderr: string,
    readonly notSimulated?: NotSimulated,
  ) {}
}

export interface IpOptions {
  /** 0 (any), 4 or 6, from -4, -6, -f/-family. */
  family: 0 | 4 | 6;
  brief: boolean;
  oneline: boolean;
  details: boolean;
  stats: boolean;
}

/** What an `ip` object handler gets: where it runs, its options, and an output buffer. */
export interface IpState {
  readonly ctx: CommandContext;
  netns: Netns;
  readonly opts: IpOptions;
  out: string;
  err: string;
  /** What a command `ip netns exec` ran knew of its failure, passed on. */
  failure?: Failure;
}

/** iproute2's matches(): `prefix` is a non-empty... (in fact even empty) prefix of `word`. */
export function matches(prefix: string, word: string): boolean {
  return prefix.length <= word.length && word.startsWith(prefix);
}

export class Args {
  i = 0;
  constructor(readonly list: readonly Arg[]) {}
  get done(): boolean {
    return this.i >= this.list.length;
  }
  /** The current argument's text ('' at the end). */
  get cur(): string {
    return this.list[this.i]?.text ?? '';
  }
  get col(): number {
    return this.list[this.i]?.column ?? this.list[this.list.length - 1]?.column ?? 0;
  }
  get rest(): number {
    return this.list.length - this.i;
  }
  advance(): void {
    this.i++;
  }
  /** NEXT_ARG(): moves to the next argument, or ends with `Command line is not complete`. */
  next(): string {
    this.i++;
    if (this.i >= this.list.length) throw incomplete();
    return this.cur;
  }
}

export function incomplete(): IpExit {
  return new IpExit(255, 'Command line is not complete. Try option "help"\n');
}

/** invarg(): the message as iproute2 has it, some with their own trailing newline. */
export function invarg(msg: string, arg: string): IpExit {
  return new IpExit(255, `Error: argument "${arg}" is wrong: ${msg}\n`);
}

export function duparg(key: string, arg: string): IpExit {
  return new IpExit(255, `Error: duplicate "${key}": "${arg}" is the second value.\n`);
}

export function duparg2(key: string, arg: string): IpExit {
  return new IpExit(255, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
}

export function nodev(name: string): IpExit {
  return new IpExit(1, `Cannot find device "${name}"\n`);
}

export function rtnlError(err: KernelError): IpExit {
  return new IpExit(2, formatRtnlError(err) + '\n');
}

export function unknownCommand(cmd: string, object: string): IpExit {
  return new IpExit(255, `Command "${cmd}" is unknown, try "ip ${object} help".\n`);
}

export function ipNotSimulated(what: string, column: number): IpExit {
  return new IpExit(1, `knetlab: ${what} is not simulated\n`, { command: what, column });
}

export function usage(text: string): IpExit {
  return new IpExit(255, text);
}

export function requireLink(ns: Netns, name: string): Link {
  const l = findLink(ns, name);
  if (!l) throw nodev(name);
  return l;
}

export function familyName(family: 0 | 4 | 6): string {
  return family === 4 ? 'inet' : family === 6 ? 'inet6' : 'any valid';
}

export function toResult(st: IpState, status = 0): CommandResult {
  return { stdout: st.out, stderr: st.err, status };
}

/** get_u32 / strtoul(…, 0): decimal, 0x hex or 0 octal. */
export function parseU32(text: string): number | undefined {
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) v = parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) v = parseInt(text, 8);
  else if (/^[1-9][0-9]*$/.test(text)) v = Number(text);
  else return undefined;
  return v <= 0xffffffff ? v : undefined;
}

/** ll_addr_a2n for an Ethernet address: 1 or 2 hex digits per byte, `:`-separated, six bytes. */
export function parseLladdr(text: string): string | undefined {
  const parts = text.split(':');
  if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

export function invalidLladdr(text: string): IpExit {
  return new IpExit(1, `"${text}" is invalid lladdr.\n`);
}
