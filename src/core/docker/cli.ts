/**
 * The Docker CLI's flags as cobra and pflag read them: `--name web`, `--name=web`, `-p 8080:80`,
 * `-p8080:80`, shorthands in a cluster (`-dit`), `--` to end the flags, and for `docker run` the
 * first word that is not a flag ends them (the rest is the image and its command). The messages
 * and the exit status (125) are the CLI's own.
 */

export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  /** Takes a value (`--name N`); a boolean otherwise. */
  readonly value?: boolean;
  /** A real flag the simulator does not model: the line is not simulated. */
  readonly notSimulated?: boolean;
}

export interface ParsedFlags {
  /** Each flag given, by its long name, with its values in order (`'true'` for a boolean). */
  readonly flags: Map<string, string[]>;
  readonly args: string[];
  /** Where each arg was in the argv (for columns). */
  readonly argIndex: number[];
}

export type FlagResult =
  | { readonly ok: true; readonly parsed: ParsedFlags }
  | { readonly ok: false; readonly message: string; readonly index: number }
  | { readonly ok: false; readonly notSimulated: string; readonly index: number };

/** Reads argv (without the command words) against the specs; `interspersed: false` stops at the first positional. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], interspersed: boolean): FlagResult {
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const argIndex: number[] = [];
  const put = (s: FlagSpec, v: string) => flags.set(s.long, [...(flags.get(s.long) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') {
      for (let j = i + 1; j < argv.length; j++) {
        args.push(argv[j]!);
        argIndex.push(j);
      }
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      if (!interspersed) {
        for (let j = i; j < argv.length; j++) {
          args.push(argv[j]!);
          argIndex.push(j);
        }
        break;
      }
      args.push(w);
      argIndex.push(i);
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const s = specs.find((f) => f.long === name);
      if (!s) return { ok: false, message: `unknown flag: --${name}`, index: i };
      if (s.notSimulated) return { ok: false, notSimulated: `docker ... --${name}`, index: i };
      if (!s.value) {
        put(s, eq < 0 ? 'true' : w.slice(eq + 1));
        continue;
      }
      if (eq >= 0) put(s, w.slice(eq + 1));
      else if (i + 1 < argv.length) put(s, argv[++i]!);
      else return { ok: false, message: `flag needs an argument: --${name}`, index: i };
      continue;
    }
    for (let k = 1; k < w.length; k++) {
      const c = w[k]!;
      const s = specs.find((f) => f.short === c);
      if (!s) return { ok: false, message: `unknown shorthand flag: '${c}' in ${w}`, index: i };
      if (s.notSimulated) return { ok: false, notSimulated: `docker ... -${c}`, index: i };
      if (!s.value) {
        put(s, 'true');
        continue;
      }
      const rest = w.slice(k + 1).replace(/^=/, '');
      if (rest) put(s, rest);
      else if (i + 1 < argv.length) put(s, argv[++i]!);
      else return { ok: false, message: `flag needs an argument: '${c}' in ${w}`, index: i };
      break;
    }
  }
  return { ok: true, parsed: { flags, args, argIndex } };
}

export const has = (p: ParsedFlags, long: string): boolean => (p.flags.get(long) ?? []).some((v) => v !== 'false');
export const last = (p: ParsedFlags, long: string): string | undefined => p.flags.get(long)?.at(-1);
