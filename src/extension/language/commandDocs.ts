/**
 * What the commands of a run line do, in both languages, for hovers: read from the commands' specs
 * in the core's registry (each command's summary under its names, then what its forms do). A
 * pattern is a list of words; `*` stands for any one word and `...` for any words (none included).
 * The longest matching pattern wins, the first of equal length.
 */
import type { Localized } from '../../core';
import { commandSpecs } from '../../core/commands/registry';
import type { WordDoc } from '../../core/commands/types';

export interface CommandDoc {
  readonly pattern: string;
  readonly doc: Localized;
  /** The command's manual page, if it has one. */
  readonly link?: string;
}

/** Every pattern the hovers know, in the registry's order: a command's names, then its forms. */
export function commandDocs(): CommandDoc[] {
  return commandSpecs().flatMap((spec) => {
    const link = spec.link !== undefined ? { link: spec.link } : {};
    return [
      ...spec.names.map((pattern) => ({ pattern, doc: spec.summary, ...link })),
      ...(spec.forms ?? []).map((f) => ({ ...f, ...link })),
    ];
  });
}

function matches(pattern: readonly string[], words: readonly string[]): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === pattern.length) return true; // a prefix: the rest of the line is free
    const p = pattern[i]!;
    if (p === '...') {
      for (let k = j; k <= words.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    if (j >= words.length) return false;
    return (p === '*' || p === words[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** iproute2 accepts any prefix of an object name: `ip a`, `ip ad`, `ip r`, `ip l`. */
const IP_OBJECTS: Record<string, string> = {
  a: 'addr',
  ad: 'addr',
  add: 'addr',
  addr: 'addr',
  address: 'address',
  r: 'route',
  ro: 'route',
  rou: 'route',
  route: 'route',
  l: 'link',
  li: 'link',
  link: 'link',
  n: 'neigh',
  ne: 'neigh',
  neigh: 'neigh',
  neighbor: 'neigh',
  neighbour: 'neigh',
  netns: 'netns',
  ru: 'rule',
  rule: 'rule',
};
const IP_VERBS: Record<string, string> = {
  a: 'add',
  add: 'add',
  d: 'del',
  del: 'del',
  delete: 'del',
  s: 'show',
  sh: 'show',
  show: 'show',
  ls: 'show',
  list: 'show',
  set: 'set',
  replace: 'replace',
  get: 'get',
  exec: 'exec',
};

/** The words of a command with iproute2's short forms spelled out (`ip a a` -> `ip addr add`). */
export function normaliseCommand(words: readonly string[]): string[] {
  if (words[0] !== 'ip') return [...words];
  const out = ['ip'];
  let i = 1;
  // keep -br / -4 / -n NS style options in place
  while (i < words.length && words[i]!.startsWith('-')) {
    out.push(words[i]!);
    if ((words[i] === '-n' || words[i] === '-netns') && i + 1 < words.length) out.push(words[++i]!);
    i++;
  }
  if (i < words.length) out.push(IP_OBJECTS[words[i++]!] ?? words[i - 1]!);
  if (i < words.length) out.push(IP_VERBS[words[i++]!] ?? words[i - 1]!);
  out.push(...words.slice(i));
  return out;
}

/** The table's best entry for a command (its words), if any. */
export function describeCommand(words: readonly string[]): CommandDoc | undefined {
  const norm = normaliseCommand(words);
  // `ip -n NS link set ...` reads as `ip link set ...` for the table; `ip -n` alone is the fallback.
  const withoutNs = norm[0] === 'ip' && norm[1] === '-n' ? ['ip', ...norm.slice(3)] : norm;
  let best: CommandDoc | undefined;
  let bestLen = -1;
  for (const c of commandDocs()) {
    const pat = c.pattern.split(' ');
    const score = pat.filter((w) => w !== '...').length;
    if (score > bestLen && (matches(pat, norm) || matches(pat, withoutNs))) {
      best = c;
      bestLen = score;
    }
  }
  return best;
}

/** What the word at `index` of a command's words says, where its command explains its words (iptables). */
export function describeWord(words: readonly string[], index: number): WordDoc | undefined {
  const spec = commandSpecs().find((s) => s.names.includes(words[0] ?? ''));
  return spec?.explain?.(words, index);
}
