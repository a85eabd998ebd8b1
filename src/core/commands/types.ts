/**
 * What a simulated command gets and gives back. A command is a function of its arguments (already
 * expanded by the shell, each with its column in the line) and a context: the world, the host and
 * the namespace it runs in, the shell's variables and its standard input.
 */
import type { Arg } from '../shell/expand';
import type { Host, Netns, World } from '../sim/model';

export interface NotSimulated {
  /** What is not simulated: a tool (`ifconfig`), a subcommand (`ip xfrm`), an option... */
  readonly command: string;
  /** 0-based offset in the line of the word concerned. */
  readonly column: number;
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly notSimulated?: NotSimulated;
}

export interface CommandContext {
  readonly world: World;
  readonly host: Host;
  readonly netns: Netns;
  readonly env: Map<string, string>;
  readonly stdin: string;
  /** Runs another command (argv[0] is its name) in a namespace, as `ip netns exec` does; no shell. */
  exec(netns: Netns, argv: readonly Arg[]): CommandResult;
}

/** A command: `args[0]` is the name it was called by. */
export type CommandHandler = (ctx: CommandContext, args: readonly Arg[]) => CommandResult;

export function result(stdout: string, stderr = '', status = 0, notSimulated?: NotSimulated): CommandResult {
  return notSimulated ? { stdout, stderr, status, notSimulated } : { stdout, stderr, status };
}

/** A real option, subcommand or tool the simulator does not model: a clear message, status 1. */
export function notSimulated(what: string, column: number, stdout = ''): CommandResult {
  return {
    stdout,
    stderr: `knetlab: ${what} is not simulated\n`,
    status: 1,
    notSimulated: { command: what, column },
  };
}
