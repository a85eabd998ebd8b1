/**
 * Literal addresses and names that follow the variables.
 *
 * Addresses: a subnet variable with a `default:` stands for that subnet everywhere: the lab as
 * written may use its addresses literally (the course notes' `192.168.1.10`), and a student's copy
 * moves every IPv4 address inside the default subnet to the same host of the student's subnet
 * (`10.23.4.10`), in every text file — lab.yaml, the READMEs, the solution. The host number stays,
 * so a Korean particle after an address stays right.
 *
 * Names: a choice variable whose `default:` is a name (a letter, then letters, digits, `_`, `.`,
 * `-`; not a number, which would also match inside addresses and ports) stands for that name
 * everywhere: every whole-word occurrence of the default — not preceded nor followed by a letter,
 * a digit or `_`, so `veth-green-br` and `host1/green` move and `greenhouse` does not — becomes the
 * student's choice, in every text file, YAML keys and ids included (a host or namespace named by the
 * default is the name; an exercise id must therefore not contain it, `knetlab check` warns). All
 * names move in one pass, so a name moved to another's default never moves twice. A Korean particle
 * right after a moved name (after closing `` ` ``, `*`, `'`, `"` too) is refitted when the new name
 * reads otherwise (`green을` → `purple를`, particle.ts). Never rewritten: the lines of a top-level
 * `variables:` block (the declarations and their `choice:` lists) and of the `variant:` record.
 *
 * Lines keep their numbers (neither an address nor a name holds a new line); columns after a
 * moved address or name may shift. Nothing after this step edits by earlier offsets: quizzes.ts
 * parses the moved text again, and the digests and the seal are computed from the moved files.
 */
import { BITS, formatAddr, maskOf } from '../../net/addr';
import { refitParticle } from '../../text/particle';
import { MOVABLE_NAME_RE, parseCidr, type VariableValue } from './defs';
import { topLevelBlocks } from './rawText';

const IPV4_RE = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;

interface Move {
  readonly from: bigint;
  readonly to: bigint;
  readonly mask: bigint;
}

/** A literal name that follows a choice variable: its default, and the student's choice. */
export interface NameMove {
  readonly from: string;
  readonly to: string;
}

/** The moves of every IPv4 subnet variable whose default differs from its value. */
export function defaultMoves(defaults: ReadonlyMap<string, string>, values: ReadonlyMap<string, VariableValue>): Move[] {
  const moves: Move[] = [];
  for (const [name, text] of defaults) {
    const d = parseCidr(text);
    const v = values.get(name);
    if (!d || !v || v.kind !== 'subnet' || d.addr.family !== 4 || v.prefix.addr.family !== 4 || d.len !== v.prefix.len) continue;
    if (d.addr.value === v.prefix.addr.value) continue;
    moves.push({ from: d.addr.value, to: v.prefix.addr.value, mask: maskOf(4, d.len) });
  }
  return moves;
}

/** `text` with every IPv4 address inside a moved subnet moved to the same host of its new one. */
export function moveAddresses(text: string, moves: readonly Move[]): string {
  if (!moves.length) return text;
  const hostBits = (1n << BigInt(BITS[4])) - 1n;
  return text.replace(IPV4_RE, (all, a: string, b: string, c: string, d: string) => {
    const parts = [a, b, c, d].map(Number);
    if (parts.some((x) => x > 255)) return all;
    const value = BigInt(((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!);
    const m = moves.find((mv) => (value & mv.mask) === mv.from);
    if (!m) return all;
    return formatAddr({ family: 4, value: (m.to | (value & ~m.mask & hostBits)) & hostBits });
  });
}

/**
 * The moves of every choice variable whose default is a name (MOVABLE_NAME_RE) and differs from
 * its value. A default two variables share moves by the first of them.
 */
export function nameMoves(defaults: ReadonlyMap<string, string>, values: ReadonlyMap<string, VariableValue>): NameMove[] {
  const moves: NameMove[] = [];
  for (const [name, from] of defaults) {
    const v = values.get(name);
    if (!v || v.kind !== 'choice' || !MOVABLE_NAME_RE.test(from) || v.text === from || moves.some((m) => m.from === from)) continue;
    moves.push({ from, to: v.text });
  }
  return moves;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A regex matching any of the names as a whole word, then closing marks and Hangul (a particle, perhaps). */
export function namesPattern(names: readonly string[]): RegExp {
  const alt = [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  return new RegExp(`(?<![A-Za-z0-9_])(${alt})(?![A-Za-z0-9_])([\`*'"]*)([\\uac00-\\ud7a3]*)`, 'g');
}

/**
 * `text` with every whole-word occurrence of a moved name replaced by its new one, the Korean
 * particle right after it refitted; the lines of top-level `variables:` and `variant:` blocks kept.
 */
export function moveNames(text: string, moves: readonly NameMove[]): string {
  if (!moves.length) return text;
  const to = new Map(moves.map((m) => [m.from, m.to]));
  const re = namesPattern(moves.map((m) => m.from));
  if (!text.match(re)) return text;
  const kept = topLevelBlocks(text).filter((b) => b.key === 'variables' || b.key === 'variant');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (kept.some((b) => i >= b.start && i < b.end)) continue;
    lines[i] = lines[i]!.replace(re, (_all, name: string, marks: string, hangul: string) => {
      const next = to.get(name)!;
      const fit = refitParticle(hangul, name, next);
      return next + marks + (fit ? fit.text + hangul.slice(fit.length) : hangul);
    });
  }
  return lines.join('\n');
}

/**
 * Exercise ids of a lab.yaml (`- id: ...` lines of its top-level `exercises:` block) that contain
 * one of the names as a whole word: a student's copy would rename them, and the key, the answers
 * and a class's report match exercises by id. Each with its 1-based line and column.
 */
export function idsNaming(text: string, names: readonly string[]): { id: string; name: string; line: number; column: number }[] {
  const block = names.length ? topLevelBlocks(text).find((b) => b.key === 'exercises') : undefined;
  if (!block) return [];
  const re = namesPattern(names);
  const lines = text.split('\n');
  const out: { id: string; name: string; line: number; column: number }[] = [];
  for (let i = block.start; i < block.end; i++) {
    const m = /^(\s*(?:-\s+)?id\s*:\s*["']?)([^\s"'#,}]+)/.exec(lines[i]!);
    if (!m) continue;
    const hit = new RegExp(re.source).exec(m[2]!);
    if (hit) out.push({ id: m[2]!, name: hit[1]!, line: i + 1, column: m[1]!.length + 1 });
  }
  return out;
}
