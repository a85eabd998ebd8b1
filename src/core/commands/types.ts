/**
 * What a simulated command gets and gives back. A command is a function of its arguments (already
 * expanded by the shell, each with its column in the line) and a context: the world, the host and
 * the namespace it runs in, the shell's variables and its standard input.
 */
import type { Localized } from '../text/i18n';
import type { Arg } from '../shell/expand';
import type { Host, Netns, World } from '../sim/model';

export interface NotSimulated {
  /** What is not simulated: a tool (`ifconfig`), a subcommand (`ip xfrm`), an option... */
  readonly command: string;
  /** 0-based offset in the line of the word concerned. */
  readonly column: number;
}

/** What a command knows of its own failure, beyond its message: for a diagnostic to point at and add. */
export interface Failure {
  /** 0-based offset in the line of the word the failure is about. */
  readonly column?: number;
  /** What the kernel logged about it (dmesg), as the kernel words it: `x_tables: ip_tables: DNAT target: ...`. */
  readonly kernelLog?: string;
  /**
   * The line of the command's input the failure is about (iptables-restore's), and the file it read
   * when not its standard input (the shell fills in a `< FILE` redirection's file).
   */
  readonly input?: { readonly line: number; readonly file?: string };
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly notSimulated?: NotSimulated;
  readonly failure?: Failure;
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

/**
 * What one form of a command does, for hovers: a pattern of words (`ip route add`; `*` stands for
 * any one word, `...` for any words) and its text. The longest pattern that matches a line wins.
 */
export interface CommandForm {
  readonly pattern: string;
  readonly doc: Localized;
}

/** What one word of a command line says (an option, a table, a target, a chain), for a hover. */
export interface WordDoc {
  /** The word, with the one it goes with: `-j MASQUERADE`, `-t nat`, `POSTROUTING (nat)`. */
  readonly title: string;
  readonly doc: Localized;
}

/**
 * A command as its module describes it; the registry collects the specs, the shell runs their
 * handlers and the editor's hovers read their docs. A new command is its module and one entry in
 * the registry.
 */
export interface CommandSpec {
  /** The names it is called by, its own first (`true`, then `:`). */
  readonly names: readonly string[];
  /** Runs it; absent for a real tool the simulator knows but does not run (running it says so). */
  readonly handler?: CommandHandler;
  /** What it does, in a sentence: the hover over its name. */
  readonly summary: Localized;
  /** How it is called, as a manual's synopsis: `sysctl [-w] NAME[=VALUE]...`. */
  readonly usage: Localized;
  /** Its manual page, if any. */
  readonly link?: string;
  /** What its forms do, more precisely than the summary (`ip route add`, `sysctl -w net.ipv4.ip_forward=1`). */
  readonly forms?: readonly CommandForm[];
  /** What the word at `index` of a line's words (`words[0]` the command's name) says, where the command knows. */
  readonly explain?: (words: readonly string[], index: number) => WordDoc | undefined;
}

/** The man7.org address of a manual page: `manPage('ip.8')`. */
export function manPage(page: string): string {
  return `https://man7.org/linux/man-pages/man${page.slice(page.lastIndexOf('.') + 1)}/${page}.html`;
}

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
