/**
 * A server block checked as CoreDNS checks it once parsed: its keys (register.go: a key that does not
 * normalise, a zone and port served twice across the file), each directive's name (Unknown directive,
 * with did-you-mean), a second use of a plugin that allows one, and each plugin's own setup checks.
 */
import type { DiagnosticCode } from '../../text/diag';
import { didYouMean } from '../../text/didyoumean';
import { eulreul } from '../../text/particle';
import type { Token } from './lex';
import type { Prop } from './tree';
import { normalizeKey } from './keys';
import { COREDNS_PLUGINS } from './order';
import { ONCE_PER_BLOCK, PLUGIN_CHECKS } from './plugins/index';
import type { ServerBlock } from './types';
import type { ServedZones } from './served';

const KNOWN: ReadonlySet<string> = new Set(COREDNS_PLUGINS);

/** A directive as the parser collected it: its name (environment substituted), its words as a tree, and whether one holds an unresolved `{$ENV}`. */
export interface RawDirective {
  readonly name: Token;
  readonly tree: Prop;
  readonly unresolved: boolean;
}

export interface CheckState {
  readonly report: (t: Token, code: DiagnosticCode, en: string, ko: string, severity?: 'error' | 'warning') => void;
  /** A word holding an `{$ENV}` placeholder with no environment given: not checked. */
  readonly unresolved: (s: string) => boolean;
  /** Every zone key and listen address served so far in the file. */
  readonly served: ServedZones;
}

/** A block without `bind` listens on every address. */
const EVERY_ADDRESS: readonly string[] = [''];

/** The first directive before `i` with the same name (the first use of that plugin in the block). */
function firstUse(list: readonly RawDirective[], i: number): Token | undefined {
  const name = list[i]!.name.text;
  for (let j = 0; j < i; j++) if (list[j]!.name.text === name) return list[j]!.name;
  return undefined;
}

export function checkBlock(block: ServerBlock, keys: readonly Token[], list: readonly RawDirective[], st: CheckState): void {
  const { report, unresolved, served } = st;
  const plugins = block.plugins; // one per directive of `list`, in its order
  // The listen addresses (bind's arguments, each once, in order), and whether a view filters the block.
  let listen: readonly string[] = EVERY_ADDRESS;
  let filtered = false;
  for (const p of plugins) {
    if (p.name === 'view') filtered = true;
    if (p.name !== 'bind' || !p.args.length) continue;
    const bound = listen === EVERY_ADDRESS ? [] : (listen as string[]);
    for (const a of p.args) if (!bound.includes(a)) bound.push(a);
    listen = bound;
  }
  for (const k of keys) {
    if (unresolved(k.text)) continue;
    const z = normalizeKey(k.text);
    if ('error' in z) {
      report(k, 'corefile-bad-key', z.error, `서버 블록 키가 잘못되었습니다 (CoreDNS: ${z.error})`);
      continue;
    }
    for (const zone of z.zones) {
      block.zones.push(zone);
      for (const addr of listen) {
        const refused = served.add(zone.key, addr, k, filtered);
        if (refused)
          report(
            k,
            'corefile-duplicate-key',
            `${refused.message} (first at line ${refused.first.at.line})`,
            `${refused.first.at.line}번째 줄에서 이미 서비스하는 존, 포트, 주소입니다 (CoreDNS: ${refused.message})`,
          );
      }
    }
  }
  if (list.length === 0 && keys[0])
    report(
      keys[0],
      'corefile-empty-block',
      'This server block has no plugins: CoreDNS starts, but answers every query for its zones with REFUSED.',
      '이 서버 블록에는 플러그인이 없습니다. CoreDNS는 시작하지만 이 존의 모든 질의에 REFUSED로 답합니다.',
      'warning',
    );
  let ctx: { zones: string[] } | undefined;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    const name = d.name.text;
    if (unresolved(name)) continue;
    if (!KNOWN.has(name)) {
      const hint = didYouMean(name, COREDNS_PLUGINS);
      report(
        d.name,
        'corefile-unknown-plugin',
        `Unknown plugin "${name}"${hint ? `; did you mean "${hint}"?` : ''} (CoreDNS: Unknown directive '${name}').`,
        `알 수 없는 플러그인 "${name}"${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} (CoreDNS: Unknown directive '${name}').`,
      );
      continue;
    }
    const first = firstUse(list, i);
    if (first && ONCE_PER_BLOCK.has(name)) {
      report(
        d.name,
        'corefile-duplicate-plugin',
        `plugin/${name}: this plugin can only be used once per Server Block (first at line ${first.line}).`,
        `plugin/${name}: 이 플러그인은 서버 블록마다 한 번만 쓸 수 있습니다 (처음은 ${first.line}번째 줄).`,
      );
      continue;
    }
    const validate = PLUGIN_CHECKS[name];
    if (!validate || d.unresolved) continue;
    ctx ??= { zones: block.zones.map((z) => z.zone) };
    const p = validate(plugins[i]!.tree, ctx);
    if (p) {
      const en = `${p.parsing ? 'Error during parsing: ' : ''}${p.en}`;
      report(p.at, 'corefile-plugin-args', `plugin/${name}: ${en}`, `plugin/${name}: ${p.ko} (CoreDNS: ${en})`);
    }
  }
}
