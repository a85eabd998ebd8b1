/** The command line split into positional arguments, options and what follows `--`. */
import type { Lang } from '../core';
import { t, UsageError } from './common';

export interface Parsed {
  positional: string[];
  options: Map<string, string>;
  rest: string[];
}

/** The options the parser knows: those taking a value (`--port 80`, `--port=80`) and flags. */
export interface KnownOptions {
  readonly values: ReadonlySet<string>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Splits `argv`: options it does not know, a value option without its value, and a value option
 * given twice (which value was meant?) are usage errors;
 * a flag is recorded as `'true'`; `--` ends the options and the rest is kept as given.
 */
export function parseArgs(argv: readonly string[], known: KnownOptions, lang: Lang): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (known.flags.has(name)) {
        options.set(name, 'true');
        continue;
      }
      if (!known.values.has(name)) throw new UsageError(t(lang, 'unknownOption', a));
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(t(lang, 'missingValue', name));
      const before = options.get(name);
      if (before !== undefined) throw new UsageError(t(lang, 'repeatedOption', name, before, value));
      options.set(name, value);
      continue;
    }
    positional.push(a);
  }
  return { positional, options, rest };
}
