/**
 * The Corefile as CoreDNS reads it at start-up: caddy's parser (coredns/caddy caddyfile/parse.go) over
 * the lexer's words, with `{$ENV}` / `{%ENV%}` substitution, snippets `(name) { ... }` and `import`;
 * then the server block keys (keys.ts, register.go's checks, a zone and port served twice) and each
 * plugin's own checks (plugins/). A structural error stops the reading where CoreDNS stops; an unknown
 * directive or a plugin's error does not, so the editor sees every one. Never throws.
 */
import type { Diagnostic, DiagnosticCode, SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { eulreul } from '../../text/particle';
import { lex, type Token, tokenRange } from './lex';
import { Reader } from './reader';
import { directiveTree, type Prop } from './tree';
import type { CorefileOptions, CorefilePlugin, CorefileResult, ServerBlock } from './types';
import { checkBlock, type RawDirective } from './check';
import { ServedZones } from './served';

export type { CorefileOptions, CorefilePlugin, CorefileResult, ServerBlock } from './types';

const MAX_SNIPPET_EXPANSIONS = 10000;

/**
 * A plugin of a server block: its tree, with `args` and `range` read from it when asked (the check
 * reads the tree; most plugins are never asked, and a Corefile of thousands of plugins keeps less).
 */
class Plugin implements CorefilePlugin {
  readonly name: string;

  constructor(
    readonly tree: Prop,
    private readonly file: string,
  ) {
    this.name = tree.name.text;
  }

  get args(): string[] {
    return this.tree.args.map((t) => t.text);
  }

  get range(): SourceRange {
    return tokenRange(this.tree.name, this.file);
  }
}
const ENV = /\{\$[^}]+\}|\{%[^}]+%\}/;

class Stop extends Error {}

export function parseCorefile(text: string, file: string, opts: CorefileOptions = {}): CorefileResult {
  const diagnostics: Diagnostic[] = [];
  const blocks: ServerBlock[] = [];
  const range = (t: Token): SourceRange => tokenRange(t, file);
  const report = (t: Token, code: DiagnosticCode, en: string, ko: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ ...range(t), severity, code, message: loc(en, ko) });
  const env = (s: string): string => {
    if (!opts.env) return s;
    const e = opts.env;
    const sub = (x: string, open: string, close: string) => {
      let i = x.indexOf(open);
      while (i !== -1) {
        const end = x.indexOf(close, i + open.length);
        if (end <= i + open.length - 1 || end === i + open.length) return x;
        const ref = x.slice(i, end + close.length);
        x = x.split(ref).join(e[ref.slice(open.length, ref.length - close.length)] ?? '');
        i = x.indexOf(open);
      }
      return x;
    };
    return sub(sub(s, '{%', '%}'), '{$', '}');
  };
  const unresolved = (s: string) => !opts.env && s.includes('{') && ENV.test(s);

  let r = new Reader(lex(text));
  const val = () => r.val();
  const cur = () => r.cur()!;
  const next = () => r.next();
  const isNewLine = () => r.isNewLine();
  const nextArg = () => r.nextArg();
  const fail = (t: Token, en: string, ko: string): never => {
    report(t, 'corefile-syntax', en, ko);
    throw new Stop();
  };
  const snippets = new Map<string, Token[]>();
  let expansions = 0;

  const doImport = () => {
    const at = cur();
    if (!nextArg())
      fail(
        at,
        `Error during parsing: Wrong argument count or unexpected line ending after 'import'`,
        'import 뒤에 스니펫 이름이나 파일이 필요합니다',
      );
    const pattern = env(val());
    if (pattern === '')
      fail(cur(), 'Error during parsing: Import requires a non-empty filepath', 'import에는 비어 있지 않은 경로가 필요합니다');
    if (nextArg())
      fail(
        cur(),
        'Error during parsing: Import takes only one argument (glob pattern or file)',
        'import는 인수를 하나만 받습니다 (glob 패턴이나 파일)',
      );
    const snippet = snippets.get(pattern);
    let imported: Token[] = [];
    if (snippet) {
      if (expansions >= MAX_SNIPPET_EXPANSIONS)
        fail(
          at,
          `Error during parsing: maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`,
          `스니펫 import 깊이가 최대(${MAX_SNIPPET_EXPANSIONS})를 넘었습니다`,
        );
      expansions++;
      imported = snippet;
    } // a file import is read by CoreDNS from its disk: not here.
    r.drop(2); // `import NAME` spliced out: the word before it is the previous word again
    r.insert(imported);
  };

  // One directive is read at a time: its words gather in `scratch`, reused, and its tree copies out
  // what it keeps (an array per directive was much of the parse's garbage).
  const scratch: Token[] = [];
  const opens: Token[] = [];
  const directive = (list: RawDirective[]) => {
    const start = cur();
    let nesting = 0;
    opens.length = 0;
    const out = scratch;
    out.length = 0;
    out.push(start);
    while (next()) {
      const v = val();
      if (v === '{') {
        nesting++;
        opens.push(cur());
      } else if (isNewLine() && nesting === 0) {
        r.back();
        break;
      } else if (v === '}' && nesting > 0) {
        nesting--;
        opens.pop();
      } else if (v === '}' && nesting === 0) {
        fail(cur(), "Error during parsing: Unexpected '}' because no matching opening brace", '여는 중괄호가 없는 "}"입니다');
      } else if (v === 'import' && isNewLine()) {
        doImport();
        continue;
      }
      const t = cur();
      const e = env(v);
      out.push(e === v ? t : { ...t, text: e });
    }
    if (nesting > 0)
      fail(
        opens[opens.length - 1]!,
        'Error during parsing: Unexpected EOF (this block is never closed: a "}" is missing)',
        '이 블록이 닫히지 않았습니다: "}"가 없습니다',
      );
    const words = opts.env ? out.map((t, i) => (i === 0 ? { ...t, text: env(t.text) } : t)) : out;
    let anyUnresolved = false;
    for (const t of words) if (unresolved(t.text)) anyUnresolved = true;
    list.push({ name: words[0]!, tree: directiveTree(words), unresolved: anyUnresolved });
  };

  /** Reads directives up to a `}` (true) or the end of the text (false). */
  const directives = (list: RawDirective[]): boolean => {
    while (next()) {
      if (val() === '}') return true;
      if (val() === 'import') {
        doImport();
        continue;
      }
      directive(list);
    }
    return false;
  };

  const finishBlock = (keys: Token[], list: RawDirective[], snippet: boolean) => {
    const first = keys[0]!;
    const lastKey = keys[keys.length - 1]!;
    const r: SourceRange = { file, line: first.line, column: first.col, endLine: lastKey.endLine, endColumn: lastKey.endCol };
    blocks.push({
      keys: keys.map((k) => k.text),
      snippet,
      range: r,
      plugins: list.map((d) => new Plugin(d.tree, file)),
      zones: [],
    });
  };

  const parseOne = () => {
    // addresses()
    const keys: Token[] = [];
    let expectingAnother = false;
    let eof = false;
    for (;;) {
      let tkn = env(val());
      if (tkn === 'import' && isNewLine()) {
        doImport();
        if (!next()) return;
        continue;
      }
      if (tkn === '{') {
        if (expectingAnother)
          fail(
            cur(),
            "Error during parsing: Expected another address but had '{' - check for extra comma",
            '주소가 하나 더 와야 하는데 "{"가 왔습니다. 쉼표가 남았는지 보세요',
          );
        break;
      }
      if (tkn !== '') {
        expectingAnother = tkn.endsWith(',');
        if (expectingAnother) tkn = tkn.slice(0, -1);
        const t = cur();
        keys.push(tkn === t.text ? t : { ...t, text: tkn });
      }
      const has = next();
      if (expectingAnother && !has) fail(cur(), 'Error during parsing: Unexpected EOF', '주소가 하나 더 와야 하는데 파일이 끝났습니다');
      if (!has) {
        eof = true;
        break;
      }
      if (!expectingAnother && isNewLine()) break;
    }
    if (keys.length === 0) return;
    if (keys.length === 1 && keys[0]!.text === '}')
      fail(keys[0]!, "Unexpected '}': no block is open here", '예상하지 못한 "}": 여기서 열린 블록이 없습니다');
    if (eof) {
      finishBlock(keys, [], false);
      check(blocks[blocks.length - 1]!, keys, []);
      return;
    }
    const k0 = keys[0]!.text;
    if (keys.length === 1 && k0.startsWith('(') && k0.endsWith(')')) {
      const name = k0.slice(1, -1);
      if (snippets.has(name))
        fail(
          keys[0]!,
          `Error during parsing: redeclaration of previously declared snippet ${name}`,
          `스니펫 ${eulreul(name)} 이미 선언했습니다`,
        );
      if (val() !== '{') fail(cur(), `Syntax error: Unexpected token '${val()}', expecting '{'`, '스니펫 이름 다음에는 "{"가 와야 합니다');
      const open = cur();
      let count = 1;
      const body: Token[] = [];
      while (next()) {
        if (val() === '}' && --count === 0) break;
        if (val() === '{') count++;
        body.push(cur());
      }
      if (count !== 0)
        fail(
          open,
          `Syntax error: Unexpected token '${val()}', expecting '}' (this block is never closed)`,
          '이 블록이 닫히지 않았습니다: "}"가 없습니다',
        );
      for (let i = 0; i + 1 < body.length; i++)
        if (body[i]!.text === 'import' && (i === 0 || body[i - 1]!.endLine < body[i]!.line) && env(body[i + 1]!.text) === name)
          fail(
            body[i]!,
            `Error during parsing: maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`,
            `스니펫 ${eulreul(name)} 자기 자신 안에서 import합니다`,
          );
      snippets.set(name, body);
      // The outline shows the snippet's directives; they are checked where imported.
      const saved = r;
      r = new Reader(body);
      const list: RawDirective[] = [];
      try {
        directives(list);
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        diagnostics.pop();
      }
      r = saved;
      finishBlock(keys, list, true);
      return;
    }
    const braced = val() === '{';
    const open = cur();
    if (!braced) r.back();
    const list: RawDirective[] = [];
    const closed = directives(list);
    // caddy checks the last word read: a `}` that closed a plugin's block passes for the server block's.
    if (braced && !closed && val() === '}')
      report(
        open,
        'corefile-syntax',
        'This block is never closed: CoreDNS takes the last "}" of the file (which closes a plugin\'s block) as its end too.',
        '이 블록은 닫히지 않았습니다. CoreDNS는 파일의 마지막 "}"(플러그인 블록을 닫는 것)를 이 블록의 끝으로도 읽습니다.',
        'warning',
      );
    if (braced && val() !== '}')
      fail(
        open,
        `Syntax error: Unexpected token '${val()}', expecting '}' (this block is never closed)`,
        '이 블록이 닫히지 않았습니다: "}"가 없습니다',
      );
    finishBlock(keys, list, false);
    check(blocks[blocks.length - 1]!, keys, list);
  };

  const served = new ServedZones();
  const check = (block: ServerBlock, keys: Token[], list: RawDirective[]) => checkBlock(block, keys, list, { report, unresolved, served });

  try {
    while (next()) parseOne();
  } catch (e) {
    if (!(e instanceof Stop)) {
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
  }
  return { blocks, diagnostics };
}
