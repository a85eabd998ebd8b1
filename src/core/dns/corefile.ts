/**
 * A first reading of CoreDNS Corefiles: server blocks (their zones), the plugins in each, nested
 * option blocks, snippets and imports; with diagnostics for what CoreDNS itself would refuse to
 * start with (unbalanced braces, an unknown plugin, a single-use plugin used twice in a block).
 * Never throws. The DNS engine builds its resolver on this later.
 */
import type { Diagnostic, SourceRange } from '../text/diag';
import { loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { eulreul } from '../text/particle';

/** The plugins of a standard CoreDNS build (plugin.cfg), plus the `import` directive. */
export const COREDNS_PLUGINS: readonly string[] = [
  'root',
  'metadata',
  'geoip',
  'cancel',
  'tls',
  'timeouts',
  'multisocket',
  'reload',
  'nsid',
  'bufsize',
  'bind',
  'debug',
  'trace',
  'ready',
  'health',
  'pprof',
  'prometheus',
  'errors',
  'log',
  'dnstap',
  'local',
  'dns64',
  'acl',
  'any',
  'chaos',
  'loadbalance',
  'tsig',
  'cache',
  'rewrite',
  'header',
  'dnssec',
  'autopath',
  'minimal',
  'template',
  'transfer',
  'hosts',
  'route53',
  'azure',
  'clouddns',
  'k8s_external',
  'kubernetes',
  'file',
  'auto',
  'secondary',
  'etcd',
  'loop',
  'forward',
  'grpc',
  'erratic',
  'whoami',
  'on',
  'sign',
  'view',
  'nomad',
  'import',
];

/** Plugins CoreDNS accepts only once per server block. */
const SINGLE_USE = new Set([
  'forward',
  'cache',
  'kubernetes',
  'health',
  'ready',
  'reload',
  'loop',
  'loadbalance',
  'prometheus',
  'errors',
  'hosts',
  'whoami',
  'bind',
]);

export interface CorefilePlugin {
  readonly name: string;
  readonly args: string[];
  readonly range: SourceRange;
}

export interface ServerBlock {
  /** The zones and ports it serves (`.:53`, `example.org`), or a snippet's `(name)`. */
  readonly keys: string[];
  readonly snippet: boolean;
  readonly range: SourceRange;
  readonly plugins: CorefilePlugin[];
}

export interface CorefileResult {
  readonly blocks: ServerBlock[];
  readonly diagnostics: Diagnostic[];
}

interface Token {
  readonly text: string;
  readonly col: number; // 1-based
}

/** The words of a line, with quotes kept together and a `#` comment cut off. */
function words(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break;
    const start = i;
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      i++;
    } else {
      while (i < line.length && !/[\s]/.test(line[i]!)) i++;
    }
    out.push({ text: line.slice(start, Math.min(i, line.length)), col: start + 1 });
  }
  return out;
}

export function parseCorefile(text: string, file: string): CorefileResult {
  const diagnostics: Diagnostic[] = [];
  const blocks: ServerBlock[] = [];
  try {
    const lines = text.split('\n');
    const at = (line: number, col: number, len: number): SourceRange => ({
      file,
      line,
      column: col,
      endLine: line,
      endColumn: col + Math.max(1, len),
    });
    /** Open braces: where, and what they open. */
    const open: { range: SourceRange; kind: 'server' | 'plugin' }[] = [];
    let current:
      { keys: string[]; snippet: boolean; range: SourceRange; plugins: CorefilePlugin[]; seen: Map<string, SourceRange> } | undefined;
    let pendingKeys: { keys: Token[]; line: number } | undefined;
    const startBlock = (keys: Token[], line: number, brace: SourceRange) => {
      const first = keys[0];
      const range = first ? at(line, first.col, keys.map((k) => k.text).join(' ').length) : brace;
      current = { keys: keys.map((k) => k.text), snippet: !!first && /^\(.*\)$/.test(first.text), range, plugins: [], seen: new Map() };
      blocks.push(current);
      open.push({ range: brace, kind: 'server' });
    };
    for (let n = 0; n < lines.length; n++) {
      const lineNo = n + 1;
      let toks = words(lines[n]!);
      if (!toks.length) continue;
      // A line may end with `{` or be `}` (as Caddyfiles are written).
      const closes = toks.length === 1 && toks[0]!.text === '}';
      if (closes) {
        const top = open.pop();
        if (!top) {
          diagnostics.push({
            ...at(lineNo, toks[0]!.col, 1),
            severity: 'error',
            code: 'corefile-syntax',
            message: loc('Unexpected "}": no block is open here.', '예상하지 못한 "}": 여기서 열린 블록이 없습니다.'),
          });
        } else if (top.kind === 'server') {
          current = undefined;
        }
        continue;
      }
      const opens =
        toks[toks.length - 1]!.text === '{' || (toks[toks.length - 1]!.text.endsWith('{') && !toks[toks.length - 1]!.text.startsWith('{$'));
      let braceRange: SourceRange | undefined;
      if (opens) {
        const last = toks[toks.length - 1]!;
        braceRange = at(lineNo, last.col + last.text.length - 1, 1);
        toks = last.text === '{' ? toks.slice(0, -1) : [...toks.slice(0, -1), { text: last.text.slice(0, -1), col: last.col }];
      }
      if (open.length === 0) {
        // Server block keys, possibly with the `{` on the next line.
        if (opens) {
          const keys = toks.length ? toks : (pendingKeys?.keys ?? []);
          startBlock(keys, toks.length ? lineNo : (pendingKeys?.line ?? lineNo), braceRange!);
          pendingKeys = undefined;
        } else {
          pendingKeys = { keys: toks, line: lineNo };
        }
        continue;
      }
      if (open.length === 1 && current) {
        const name = toks[0];
        if (name) {
          const r = at(lineNo, name.col, name.text.length);
          const plain = !/^\{\$/.test(name.text);
          if (plain && !COREDNS_PLUGINS.includes(name.text)) {
            const hint = didYouMean(name.text, COREDNS_PLUGINS);
            diagnostics.push({
              ...r,
              severity: 'error',
              code: 'corefile-unknown-plugin',
              message: loc(
                `Unknown plugin "${name.text}"${hint ? `; did you mean "${hint}"?` : ''} (CoreDNS: Unknown directive '${name.text}').`,
                `알 수 없는 플러그인 "${name.text}"${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} (CoreDNS: Unknown directive '${name.text}').`,
              ),
            });
          } else if (SINGLE_USE.has(name.text) && current.seen.has(name.text) && !current.snippet) {
            const first = current.seen.get(name.text)!;
            diagnostics.push({
              ...r,
              severity: 'error',
              code: 'corefile-duplicate-plugin',
              message: loc(
                `plugin/${name.text}: this plugin can only be used once per Server Block (first at line ${first.line}).`,
                `plugin/${name.text}: 이 플러그인은 서버 블록마다 한 번만 쓸 수 있습니다 (처음은 ${first.line}번째 줄).`,
              ),
            });
          }
          if (!current.seen.has(name.text)) current.seen.set(name.text, r);
          current.plugins.push({ name: name.text, args: toks.slice(1).map((t) => t.text), range: r });
        }
      }
      if (opens) open.push({ range: braceRange!, kind: open.length === 0 ? 'server' : 'plugin' });
    }
    for (const o of open) {
      diagnostics.push({
        ...o.range,
        severity: 'error',
        code: 'corefile-syntax',
        message: loc('This block is never closed: a "}" is missing.', '이 블록이 닫히지 않았습니다: "}"가 없습니다.'),
      });
    }
    if (pendingKeys) {
      const k = pendingKeys.keys[0]!;
      diagnostics.push({
        ...at(pendingKeys.line, k.col, k.text.length),
        severity: 'error',
        code: 'corefile-syntax',
        message: loc('A server block needs "{" after its zones.', '서버 블록은 존 다음에 "{"가 필요합니다.'),
      });
    }
  } catch (e) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      code: 'corefile-syntax',
      message: loc(`Internal error while reading the Corefile: ${String(e)}`, `Corefile을 읽는 중 내부 오류: ${String(e)}`),
    });
  }
  return { blocks: blocks.map((b) => ({ keys: b.keys, snippet: b.snippet, range: b.range, plugins: b.plugins })), diagnostics };
}
