/**
 * `knetlab`: the command-line face of the core. main reads the global options, finds the command
 * (commands/index.ts lists them, one module each) and runs it. Bad input gets a one-line error and
 * exit status 2; anything unexpected, exit status 3.
 */
import { type Lang, langFromLocale } from '../core';
import { type KnownOptions, parseArgs } from './args';
import { type Command, findCommand } from './command';
import { COMMANDS } from './commands';
import { type Io, t, UsageError } from './common';
import { GLOBAL_OPTIONS } from './usage';

/**
 * The options any command accepts: every command's own (a command ignores the others'), the global
 * ones, and the aliases that look like options (`--help`, `--version`) as flags.
 */
export function knownOptions(commands: readonly Command[]): KnownOptions {
  const values = new Set<string>();
  const flags = new Set<string>();
  for (const o of [...GLOBAL_OPTIONS, ...commands.flatMap((c) => c.options)]) {
    for (const name of [o.name, ...(o.aliases ?? [])]) (o.value ? values : flags).add(name);
  }
  for (const c of commands) for (const a of c.aliases ?? []) if (a.startsWith('-')) flags.add(a);
  return { values, flags };
}

/** The language: `--lang` if it names one, else the locale of the environment. */
function langOf(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  let lang: Lang = langFromLocale(env.KNETLAB_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
  const li = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (li >= 0) {
    const v = argv[li]!.includes('=') ? argv[li]!.split('=')[1] : argv[li + 1];
    if (v === 'ko' || v === 'en') lang = v;
  }
  return lang;
}

/** Global options written before the command (`knetlab --lang ko check ...`) move after it. */
function commandFirst(argv: readonly string[]): string[] {
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const g = GLOBAL_OPTIONS.find((o) => o.name === name);
    if (!g) break;
    const n = g.value && !a.includes('=') ? 2 : 1;
    lead.push(...argv.slice(i, i + n));
    i += n;
  }
  if (!lead.length) return [...argv];
  // Nothing but global options: the default command (the help), as with no arguments at all.
  return i < argv.length ? [argv[i]!, ...lead, ...argv.slice(i + 1)] : ['', ...lead];
}

export function main(argv0: string[], io: Io, env: Record<string, string | undefined>, commands: readonly Command[] = COMMANDS): number {
  const argv = commandFirst(argv0);
  const lang = langOf(argv, env);
  const [word, ...rest] = argv;
  const run = { lang, io, commands, invokedAs: word || undefined, vars: env };
  try {
    const command = findCommand(commands, word);
    if (command?.raw) return command.run({ positional: rest, options: new Map(), rest: [] }, run);
    const p = parseArgs(rest, knownOptions(commands), lang);
    const override = commands.find((c) => c.overrides && c.aliases?.some((a) => p.options.has(a)));
    if (override) return override.run(p, run);
    if (!command) throw new UsageError(t(lang, 'unknownCommand', word!));
    return command.run(p, run);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`knetlab: ${e.message}\n`);
      return 2;
    }
    io.err(`knetlab: ${t(lang, 'internal', String((e as Error)?.message ?? e))}\n`);
    return 3;
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), errTty: process.stderr.isTTY === true };
  const code = main(process.argv.slice(2), io, process.env);
  process.exitCode = code;
}
