/**
 * What a CLI command says about itself. Each command is one module of commands/ exporting one
 * `Command`; the registry (commands/index.ts) lists them, main.ts finds the one asked for and runs
 * it, and the general help (usage.ts) is written from these descriptions.
 */
import type { Lang, Localized } from '../core';
import type { Parsed } from './args';
import type { Io } from './common';

/** An option a command takes. `value` names its value in the help (`N`, `text|json`); a flag has none. */
export interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  /** Other spellings (`-h` for `--help`). */
  readonly aliases?: readonly string[];
}

/** Where a command appears in the general help. */
export type Listing =
  /** Under "Usage:": `knetlab USAGE` and the help text below it. */
  | 'command'
  /** Under "Options:", as a global option (`--version`): `USAGE   HELP`. */
  | 'option'
  /** Not listed (help itself). */
  | 'hidden';

export interface RunEnv {
  readonly lang: Lang;
  readonly io: Io;
  /** Every command, in the registry's order (the help lists them). */
  readonly commands: readonly Command[];
  /** The word the command was run by; undefined when no command was given (the default command). */
  readonly invokedAs: string | undefined;
  /** The process environment (variables such as CI, KNETLAB_NO_RECORD); absent in callers that give none. */
  readonly vars?: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  /** The word that runs it: `knetlab NAME ...`. */
  readonly name: string;
  /** Other words that run it (`--version` for `version`). */
  readonly aliases?: readonly string[];
  /** What it does, in one line. */
  readonly summary: Localized;
  /** How it is called, after `knetlab ` (`check PATH... [--format text|json]`). */
  readonly usage: Localized;
  /** What the general help says under the usage line (lines without indentation). */
  readonly help: Localized;
  readonly listing: Listing;
  /** The options it reads. */
  readonly options: readonly OptionSpec[];
  /** Runs with its arguments unparsed and unchecked (help and version accept anything after them). */
  readonly raw?: boolean;
  /** Run when no command is given. */
  readonly isDefault?: boolean;
  /** One of its aliases among another command's options runs it instead (`knetlab trace --help`). */
  readonly overrides?: boolean;
  /** Runs the command; the exit status. Bad input throws a UsageError (exit status 2). */
  run(args: Parsed, env: RunEnv): number;
}

/** The command a word names (its name or an alias); no word at all is the default command. */
export function findCommand(commands: readonly Command[], word: string | undefined): Command | undefined {
  if (!word) return commands.find((c) => c.isDefault);
  return commands.find((c) => c.name === word || c.aliases?.includes(word));
}
