/**
 * iptables's options by every name it takes (short letters and long names), and how a command
 * line's words become options (clusters like `-nvL`, long options by a unique prefix), for parse.ts.
 */
import type { MatchModule, TargetModule } from './module';

export type Op = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'P' | 'E' | 'h' | 'V';

export const COMMANDS: Readonly<Record<string, Op>> = {
  A: 'A',
  append: 'A',
  C: 'C',
  check: 'C',
  D: 'D',
  delete: 'D',
  I: 'I',
  insert: 'I',
  R: 'R',
  replace: 'R',
  L: 'L',
  list: 'L',
  S: 'S',
  'list-rules': 'S',
  F: 'F',
  flush: 'F',
  Z: 'Z',
  zero: 'Z',
  N: 'N',
  'new-chain': 'N',
  new: 'N',
  X: 'X',
  'delete-chain': 'X',
  P: 'P',
  policy: 'P',
  E: 'E',
  'rename-chain': 'E',
  h: 'h',
  help: 'h',
  V: 'V',
  version: 'V',
};

/** The generic options by their short letter (long names map to it); `true` when it takes an argument. */
export const GENERIC: Readonly<Record<string, readonly [string, boolean]>> = {
  t: ['t', true],
  table: ['t', true],
  s: ['s', true],
  source: ['s', true],
  src: ['s', true],
  d: ['d', true],
  destination: ['d', true],
  dst: ['d', true],
  p: ['p', true],
  protocol: ['p', true],
  i: ['i', true],
  'in-interface': ['i', true],
  o: ['o', true],
  'out-interface': ['o', true],
  j: ['j', true],
  jump: ['j', true],
  g: ['g', true],
  goto: ['g', true],
  m: ['m', true],
  match: ['m', true],
  n: ['n', false],
  numeric: ['n', false],
  v: ['v', false],
  verbose: ['v', false],
  x: ['x', false],
  exact: ['x', false],
  'line-numbers': ['0', false],
  w: ['w', false],
  wait: ['w', false],
  W: ['W', true],
  'wait-interval': ['W', true],
  '4': ['4', false],
  ipv4: ['4', false],
  f: ['f', false],
  fragment: ['f', false],
  c: ['c', true],
  'set-counters': ['c', true],
  '6': ['6', false],
  ipv6: ['6', false],
};

/** Splits `-nvL` into `-n -v -L` (a letter with an argument takes the rest of the word). */
export function words(args: readonly string[]): { text: string; arg: number; inline?: string }[] {
  const out: { text: string; arg: number; inline?: string }[] = [];
  args.forEach((a, i) => {
    if (a.length > 2 && a[0] === '-' && a[1] !== '-') {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const g = GENERIC[c];
        const takesArg = (g && g[1]) || 'ADIRNPE'.includes(c);
        if (takesArg && k + 1 < a.length) {
          out.push({ text: `-${c}`, arg: i, inline: a.slice(k + 1) });
          return;
        }
        out.push({ text: `-${c}`, arg: i });
      }
    } else out.push({ text: a, arg: i });
  });
  return out;
}

// The long names and what each stands for, made once (every long option of every line asks).
let FIXED: readonly (readonly [string, string])[] | undefined;
const fixedNames = (): readonly (readonly [string, string])[] =>
  (FIXED ??= [
    ...Object.keys(COMMANDS)
      .filter((k) => k.length > 1)
      .map((k) => [k, `-${COMMANDS[k]}`] as const),
    ...Object.keys(GENERIC)
      .filter((k) => k.length > 1)
      .map((k) => [k, `-${GENERIC[k]![0]}`] as const),
  ]);
const MODULE_NAMES = new WeakMap<MatchModule | TargetModule, readonly (readonly [string, string])[]>();
function moduleNames(m: MatchModule | TargetModule): readonly (readonly [string, string])[] {
  let out = MODULE_NAMES.get(m);
  if (!out)
    MODULE_NAMES.set(m, (out = m.options.flatMap((o) => [o.name, ...(o.aliases ?? [])].map((n) => [n, `${m.name} ${o.name}`] as const))));
  return out;
}

/**
 * getopt_long's reading of a long option: its exact name, else the one option whose name (or alias)
 * starts so (`--to` is DNAT's --to-destination, `--dp` tcp's --dport), among the commands, the
 * generic options and the loaded modules' (then the protocol's own match, which -p loads when
 * nothing else knows the option). Undefined when none or several options start so.
 */
export function longName(
  given: string,
  loaded: readonly (MatchModule | TargetModule)[],
  pending: MatchModule | undefined,
): string | undefined {
  const names = (mods: readonly (MatchModule | TargetModule)[]): (readonly [string, string])[] => [
    ...fixedNames(),
    ...mods.flatMap(moduleNames),
  ];
  for (const mods of pending ? [loaded, [...loaded, pending]] : [loaded]) {
    const all = names(mods);
    if (all.some(([n]) => n === given)) return given;
    const hits = all.filter(([n]) => n.startsWith(given));
    if (new Set(hits.map(([, id]) => id)).size === 1) return hits[0]![0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}
