/**
 * Reads `lab.yaml` with the `yaml` package, keeping every node's place, and turns it into a Lab.
 * Never throws: every problem becomes a diagnostic at its line and column. A `run:` block is cut
 * into lines, each with its own place inside the block.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Pair, Scalar, YAMLMap } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { MAC_RE, normaliseMac } from '../net/addr';
import { didYouMean } from '../text/didyoumean';
import { validateLabSchema } from './schema';
import type { CheckSpec, ExerciseSpec, FileSpec, HostSpec, InterfaceSpec, Lab, Named, RunLine, ServeSpec, VariableSpec } from './types';

export interface LoadOptions {
  /** The lab file's path as it should appear in diagnostics. */
  readonly file: string;
  /** Reads a file of the lab folder (path relative to the folder) for `files: { from: ... }`. */
  readonly readFile?: (relPath: string) => string | undefined;
}

export interface LoadResult {
  readonly lab?: Lab;
  readonly diagnostics: Diagnostic[];
}

export const HOST_NAME_RE = /^[A-Za-z][A-Za-z0-9-]{0,9}$/;
export const SWITCH_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
/** A Linux interface name: at most 15 bytes, no slash, colon or white space, not `.` or `..`. */
export const IFNAME_RE = /^(?!\.{1,2}$)[^/:\s]{1,15}$/;
export const NETNS_NAME_RE = /^(?!\.{1,2}$)[^/\s]{1,64}$/;

const LAB_KEYS = ['name', 'title', 'description', 'switches', 'hosts', 'exercises', 'variables'] as const;
const HOST_KEYS = ['interfaces', 'run', 'files', 'serve'] as const;
const IFACE_KEYS = ['switch', 'mac'] as const;
/** Keys that later parts of the schema own; accepted here without a warning. */
const LATER_LAB_KEYS = ['nodes', 'cluster', 'docker', 'variant'];

/** Codes whose every loader finding the schema reports too (see Reader.add). */
const SCHEMA_COVERED = new Set<DiagnosticCode>([
  'unknown-key',
  'wrong-type',
  'missing-key',
  'bad-name',
  'bad-mac',
  'bad-serve',
  'bad-file',
  'duplicate-name',
  'lab-not-mapping',
]);

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private lineTexts?: string[];

  /** The source text of a 1-based line. */
  sourceLine(n: number): string {
    this.lineTexts ??= this.text.split(/\r?\n/);
    return this.lineTexts[n - 1] ?? '';
  }

  constructor(
    readonly file: string,
    readonly text: string,
    readonly lines: LineCounter,
  ) {}

  range(start: number, end: number): SourceRange {
    const a = this.lines.linePos(Math.max(0, Math.min(start, this.text.length)));
    const b = this.lines.linePos(Math.max(0, Math.min(Math.max(end, start), this.text.length)));
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  nodeRange(node: Node | null | undefined, fallback?: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback ?? this.range(0, 0);
    return this.range(r[0], r[1]);
  }

  /**
   * The JSON Schema (schema.ts) reports the file's shape; the loader's own structural findings are
   * then dropped, except those the schema cannot see (`force`).
   */
  schemaChecked = false;

  add(severity: Severity, code: DiagnosticCode, range: SourceRange, message: Localized, force = false): void {
    if (this.schemaChecked && !force && SCHEMA_COVERED.has(code)) return;
    this.diagnostics.push({ ...range, severity, code, message });
  }

  error(code: DiagnosticCode, range: SourceRange, message: Localized, force = false): void {
    this.add('error', code, range, message, force);
  }
}

function typeName(node: unknown): Localized {
  if (isMap(node)) return loc('a mapping', '매핑');
  if (isSeq(node)) return loc('a list', '리스트');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return loc('empty', '빈 값');
    if (typeof v === 'number') return loc('a number', '숫자');
    if (typeof v === 'boolean') return loc('a boolean', '불리언');
    return loc('a string', '문자열');
  }
  return loc('empty', '빈 값');
}

function keyOf(pair: Pair): { key: string; node: Node | null } {
  const k = pair.key as Node | null;
  if (isScalar(k)) return { key: String(k.value), node: k };
  return { key: '', node: k };
}

function checkKeys(rd: Reader, map: YAMLMap, known: readonly string[], where: Localized, ignored: readonly string[] = []): void {
  for (const pair of map.items) {
    const { key, node } = keyOf(pair);
    if (known.includes(key) || ignored.includes(key)) continue;
    const hint = didYouMean(key, known);
    rd.add(
      'warning',
      'unknown-key',
      rd.nodeRange(node),
      loc(
        `Unknown key "${key}" in ${where.en}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.`,
        `${where.ko}에 알 수 없는 키 "${key}"가 있습니다${hint ? `. "${hint}"을(를) 뜻했나요?` : ''}. 알려진 키: ${known.join(', ')}.`,
      ),
    );
  }
}

function str(rd: Reader, node: unknown, what: Localized, fallback: SourceRange): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && node.value !== '') return String(node.value);
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(`${what.en} must be a string, not ${typeName(node).en}.`, `${what.ko}은(는) ${typeName(node).ko}이 아니라 문자열이어야 합니다.`),
  );
  return undefined;
}

function localized(rd: Reader, node: unknown, what: Localized, fallback: SourceRange): Localized | undefined {
  if (isScalar(node) && typeof node.value === 'string') return { en: node.value, ko: node.value };
  if (isMap(node)) {
    checkKeys(rd, node, ['en', 'ko'], what);
    const en = node.get('en', true);
    const ko = node.get('ko', true);
    const enS = isScalar(en) ? String(en.value ?? '') : undefined;
    const koS = isScalar(ko) ? String(ko.value ?? '') : undefined;
    if (enS === undefined || koS === undefined) {
      rd.add(
        'warning',
        'missing-key',
        rd.nodeRange(node, fallback),
        loc(`${what.en} should have both "en" and "ko".`, `${what.ko}에는 "en"과 "ko"가 모두 있어야 합니다.`),
      );
    }
    return { en: enS ?? koS ?? '', ko: koS ?? enS ?? '' };
  }
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(`${what.en} must be a string or { en, ko }.`, `${what.ko}은(는) 문자열이나 { en, ko }여야 합니다.`),
  );
  return undefined;
}

/** Cuts a `run:` value into lines, each with its place in the lab file. */
function runLines(rd: Reader, node: unknown, fallback: SourceRange): RunLine[] {
  const out: RunLine[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string') out.push(...scalarLines(rd, item));
      else
        rd.error(
          'wrong-type',
          rd.nodeRange(item as Node, fallback),
          loc('Each run item must be a command string.', 'run의 각 항목은 명령 문자열이어야 합니다.'),
        );
    }
    return out;
  }
  if (isScalar(node) && typeof node.value === 'string') return scalarLines(rd, node);
  if (isScalar(node) && node.value === null) return out;
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(
      `run must be a block of commands (run: |), not ${typeName(node).en}.`,
      `run은 ${typeName(node).ko}이 아니라 명령 블록(run: |)이어야 합니다.`,
    ),
  );
  return out;
}

function scalarLines(rd: Reader, node: Scalar): RunLine[] {
  const value = String(node.value);
  const [start, end] = node.range ?? [0, 0, 0];
  const out: RunLine[] = [];
  const push = (text: string, lineNo: number, col: number, endLineNo = lineNo, endCol = col + text.length) => {
    if (!text.trim() || /^\s*#/.test(text)) return;
    out.push({ text, range: { file: rd.file, line: lineNo, column: col, endLine: endLineNo, endColumn: endCol } });
  };
  const joinContinuations = (lines: { text: string; line: number; col: number }[]) => {
    for (let i = 0; i < lines.length; i++) {
      let { text } = lines[i]!;
      const first = lines[i]!;
      let last = first;
      while (/\\$/.test(text) && i + 1 < lines.length) {
        i++;
        last = lines[i]!;
        text = text.slice(0, -1) + ' ' + last.text.trimStart();
      }
      push(text, first.line, first.col, last.line, last.col + last.text.length);
    }
  };
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // Content lines are the source lines after the header, in order; indentation is stripped.
    const header = rd.lines.linePos(start).line;
    const valueLines = value.split('\n');
    const lines: { text: string; line: number; col: number }[] = [];
    for (let i = 0; i < valueLines.length; i++) {
      const v = valueLines[i]!;
      const lineNo = header + 1 + i;
      const src = rd.sourceLine(lineNo);
      const idx = v ? src.lastIndexOf(v) : -1;
      lines.push({ text: v, line: lineNo, col: idx >= 0 ? idx + 1 : 1 });
    }
    if (node.type === Scalar.BLOCK_FOLDED) {
      // Folding joined some source lines with spaces; each remaining line is one command. Find
      // where each starts in the source, in order.
      let from = header + 1;
      for (const v of value.split('\n')) {
        const text = v.trim();
        if (!text) continue;
        const head = text.slice(0, 20);
        let lineNo = from;
        const starts = (n: number) => {
          const t = rd.sourceLine(n).trim();
          return t !== '' && (t.startsWith(head) || head.startsWith(t.slice(0, 20)));
        };
        while (lineNo <= rd.lines.lineStarts.length && !starts(lineNo)) lineNo++;
        if (lineNo > rd.lines.lineStarts.length) lineNo = from;
        const src = rd.sourceLine(lineNo);
        const col = src.length - src.trimStart().length + 1;
        push(text, lineNo, col, lineNo, src.length + 1);
        from = lineNo + 1;
      }
      return out;
    }
    joinContinuations(lines);
    return out;
  }
  // A plain or quoted scalar: one command, or several separated by new lines that YAML folded.
  const r = rd.range(start, end);
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const parts = value.split('\n');
  if (parts.length === 1) push(value, r.line, r.column + quoted, r.endLine, r.endColumn - quoted);
  else for (const p of parts) push(p, r.line, r.column, r.endLine, r.endColumn);
  return out;
}

const SERVE_RE = /^(?:([^:\s/]+):)?(tcp|udp)\/([0-9]{1,5})$/;

export function loadLab(text: string, opts: LoadOptions): LoadResult {
  return guarded(opts, () => loadParsedUnsafe(parseLabText(text), opts));
}

/**
 * loadLab on a text parsed already, by parseLabText or by the incremental parser (given as a
 * function, so that a parser that throws is caught too). Never throws.
 */
export function loadParsed(parsed: ParsedLabText | (() => ParsedLabText), opts: LoadOptions): LoadResult {
  return guarded(opts, () => loadParsedUnsafe(typeof parsed === 'function' ? parsed() : parsed, opts));
}

function guarded(opts: LoadOptions, load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch (e) {
    // A bug of ours must still not throw out of the core.
    return {
      diagnostics: [
        {
          file: opts.file,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          code: 'yaml-syntax',
          message: loc(`Internal error while reading the lab: ${String(e)}`, `랩을 읽는 중 내부 오류: ${String(e)}`),
        },
      ],
    };
  }
}

/** Deeper flow collections than any lab needs; far deeper ones exhaust the YAML parser's regexps. */
const MAX_FLOW_DEPTH = 100;

/** The offset where `[`/`{` nesting (outside quotes and comments) first gets deeper than the limit. */
export function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ((c === '"' || c === "'") && depth > 0) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** The options every lab text is parsed with (the incremental parser parses its pieces with them too). */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** A lab file's text read as YAML, with the line index its positions are read through. */
export interface ParsedLabText {
  readonly text: string;
  readonly lineCounter: LineCounter;
  /** The document; absent when brackets nest too deep to parse (`deep`). */
  readonly doc?: Document.Parsed;
  /** The offset where brackets first nest deeper than the YAML parser can take. */
  readonly deep?: number;
}

/** Parses a lab file's text (the first half of loadLab; loadParsed is the second). */
export function parseLabText(text: string): ParsedLabText {
  const lineCounter = new LineCounter();
  const deep = tooDeep(text);
  if (deep !== undefined) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { text, lineCounter, deep };
  }
  const doc = parseDocument(text, { lineCounter, ...YAML_OPTIONS });
  return { text, lineCounter, doc };
}

function loadParsedUnsafe(parsed: ParsedLabText, opts: LoadOptions): LoadResult {
  const { text, lineCounter, doc, deep } = parsed;
  if (deep !== undefined || !doc) {
    const rd0 = new Reader(opts.file, text, lineCounter);
    const at = deep ?? 0;
    rd0.error(
      'yaml-syntax',
      rd0.range(at, at + 1),
      loc(`YAML: brackets nested more than ${MAX_FLOW_DEPTH} deep.`, `YAML 오류: 괄호가 ${MAX_FLOW_DEPTH}단계보다 깊게 중첩되었습니다.`),
    );
    return { diagnostics: rd0.diagnostics };
  }
  const rd = new Reader(opts.file, text, lineCounter);
  for (const e of doc.errors) {
    const [a, b] = e.pos;
    const code: DiagnosticCode = e.code === 'DUPLICATE_KEY' ? 'duplicate-name' : 'yaml-syntax';
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    rd.error(code, rd.range(a, b), loc(`YAML: ${msg}`, `YAML 오류: ${msg}`));
  }
  for (const w of doc.warnings) {
    const [a, b] = w.pos;
    rd.add('warning', 'yaml-syntax', rd.range(a, b), loc(`YAML: ${w.message.split('\n')[0]}`, `YAML 경고: ${w.message.split('\n')[0]}`));
  }
  if (doc.errors.length) return { diagnostics: rd.diagnostics };
  const root = doc.contents;
  if (isMap(root)) {
    rd.diagnostics.push(...validateLabSchema(doc, lineCounter, opts.file));
    rd.schemaChecked = true;
  }
  const whole = rd.range(0, text.length);
  if (!isMap(root)) {
    rd.error(
      'lab-not-mapping',
      rd.nodeRange(root as Node, { ...whole, endLine: 1, endColumn: 1 }),
      loc('A lab file must be a mapping with at least "hosts:".', '랩 파일은 최소한 "hosts:"를 가진 매핑이어야 합니다.'),
    );
    return { diagnostics: rd.diagnostics };
  }
  const top = { ...whole, endLine: 1, endColumn: 1 };
  checkKeys(rd, root, LAB_KEYS, loc('the lab', '랩'), LATER_LAB_KEYS);

  const nameNode = root.get('name', true);
  let name = '';
  if (nameNode === undefined) rd.add('warning', 'missing-key', top, loc('The lab has no "name".', '랩에 "name"이 없습니다.'));
  else name = str(rd, nameNode, loc('name', 'name'), top) ?? '';
  const titleNode = root.get('title', true);
  const title = titleNode === undefined ? undefined : localized(rd, titleNode, loc('title', 'title'), top);

  // Switches
  const switches: Named[] = [];
  const swNode = root.get('switches', true);
  if (swNode !== undefined && !(isScalar(swNode) && swNode.value === null)) {
    if (!isSeq(swNode)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(swNode as Node, top),
        loc('switches must be a list of names, e.g. [lan1, lan2].', 'switches는 [lan1, lan2]처럼 이름의 리스트여야 합니다.'),
      );
    } else {
      for (const item of swNode.items) {
        const r = rd.nodeRange(item as Node, top);
        const n = str(rd, item, loc('A switch name', '스위치 이름'), r);
        if (n === undefined) continue;
        if (!SWITCH_NAME_RE.test(n)) {
          rd.error(
            'bad-name',
            r,
            loc(
              `"${n}" is not a valid switch name (letters, digits, "-", "_" and ".", at most 32).`,
              `"${n}"은(는) 올바른 스위치 이름이 아닙니다 (문자, 숫자, "-", "_", ".", 최대 32자).`,
            ),
          );
          continue;
        }
        if (switches.some((s) => s.name === n)) {
          rd.error('duplicate-name', r, loc(`The switch "${n}" is declared twice.`, `스위치 "${n}"이(가) 두 번 선언되었습니다.`));
          continue;
        }
        switches.push({ name: n, range: r });
      }
    }
  }

  // Hosts
  const hosts: HostSpec[] = [];
  const hostsNode = root.get('hosts', true);
  if (hostsNode === undefined) {
    rd.error('missing-key', top, loc('The lab has no "hosts:".', '랩에 "hosts:"가 없습니다.'));
  } else if (!isMap(hostsNode)) {
    if (!(isScalar(hostsNode) && hostsNode.value === null)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(hostsNode as Node, top),
        loc('hosts must be a mapping of host names to hosts.', 'hosts는 호스트 이름에서 호스트로의 매핑이어야 합니다.'),
      );
    }
  } else {
    for (const pair of hostsNode.items) {
      const { key, node: keyNode } = keyOf(pair);
      const hr = rd.nodeRange(keyNode, top);
      if (!HOST_NAME_RE.test(key)) {
        rd.error(
          'bad-name',
          hr,
          loc(
            `"${key}" is not a valid host name: a letter, then up to 9 letters, digits or "-".`,
            `"${key}"은(는) 올바른 호스트 이름이 아닙니다: 문자 하나 뒤에 최대 9개의 문자, 숫자, "-".`,
          ),
        );
        continue;
      }
      if (hosts.some((h) => h.name.toLowerCase() === key.toLowerCase())) {
        rd.error('duplicate-name', hr, loc(`The host "${key}" is declared twice.`, `호스트 "${key}"이(가) 두 번 선언되었습니다.`), true);
        continue;
      }
      hosts.push(readHost(rd, key, hr, pair.value as Node | null, switches, opts));
    }
  }
  const exercises = readExercises(rd, root.get('exercises', true), top);
  const variables = readVariables(rd, root.get('variables', true), top);
  return {
    lab: { file: opts.file, name, ...(title ? { title } : {}), switches, hosts, exercises, variables },
    diagnostics: rd.diagnostics,
  };
}

function readHost(rd: Reader, name: string, range: SourceRange, node: Node | null, switches: Named[], opts: LoadOptions): HostSpec {
  const host = { name, range, interfaces: [] as InterfaceSpec[], run: [] as RunLine[], files: [] as FileSpec[], serve: [] as ServeSpec[] };
  if (node === null || (isScalar(node) && node.value === null)) return host;
  if (!isMap(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node, range),
      loc(
        `Host ${name} must be a mapping (interfaces, run, files, serve).`,
        `호스트 ${name}은(는) 매핑(interfaces, run, files, serve)이어야 합니다.`,
      ),
    );
    return host;
  }
  checkKeys(rd, node, HOST_KEYS, loc(`host ${name}`, `호스트 ${name}`));
  const ifs = node.get('interfaces', true);
  if (ifs !== undefined && !(isScalar(ifs) && ifs.value === null)) {
    if (!isMap(ifs)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(ifs as Node, range),
        loc(
          'interfaces must map interface names to switches, e.g. eth0: lan1.',
          'interfaces는 eth0: lan1처럼 인터페이스 이름을 스위치에 매핑해야 합니다.',
        ),
      );
    } else {
      for (const pair of ifs.items) {
        const { key, node: kn } = keyOf(pair);
        const kr = rd.nodeRange(kn, range);
        if (!IFNAME_RE.test(key) || key === 'lo') {
          rd.error(
            'bad-name',
            kr,
            loc(
              `"${key}" is not a valid interface name (at most 15 characters, no "/", ":" or spaces${key === 'lo' ? '; lo exists already' : ''}).`,
              `"${key}"은(는) 올바른 인터페이스 이름이 아닙니다 (최대 15자, "/", ":", 공백 불가${key === 'lo' ? '; lo는 이미 있습니다' : ''}).`,
            ),
          );
          continue;
        }
        if (host.interfaces.some((i) => i.name === key)) {
          rd.error(
            'duplicate-name',
            kr,
            loc(`Interface ${key} is declared twice on ${name}.`, `${name}에 인터페이스 ${key}이(가) 두 번 선언되었습니다.`),
          );
          continue;
        }
        const v = pair.value as Node | null;
        let sw: string | undefined;
        let swRange = rd.nodeRange(v, kr);
        let mac: string | undefined;
        if (isScalar(v) && typeof v.value === 'string') sw = v.value;
        else if (isMap(v)) {
          checkKeys(rd, v, IFACE_KEYS, loc(`interface ${key}`, `인터페이스 ${key}`));
          const s = v.get('switch', true);
          if (s === undefined)
            rd.error(
              'missing-key',
              rd.nodeRange(v, kr),
              loc(`Interface ${key} needs "switch:".`, `인터페이스 ${key}에 "switch:"가 필요합니다.`),
            );
          else {
            sw = str(rd, s, loc('switch', 'switch'), kr);
            swRange = rd.nodeRange(s as Node, kr);
          }
          const m = v.get('mac', true);
          if (m !== undefined) {
            const mr = rd.nodeRange(m as Node, kr);
            const ms = str(rd, m, loc('mac', 'mac'), kr);
            if (ms !== undefined && !MAC_RE.test(ms))
              rd.error(
                'bad-mac',
                mr,
                loc(
                  `"${ms}" is not a MAC address (six hex pairs, e.g. 02:00:00:00:01:01).`,
                  `"${ms}"은(는) MAC 주소가 아닙니다 (예: 02:00:00:00:01:01).`,
                ),
              );
            else if (ms !== undefined && (parseInt(ms.slice(0, 2), 16) & 1) === 1)
              rd.error(
                'bad-mac',
                mr,
                loc(
                  `"${ms}" is a multicast MAC address; an interface needs a unicast one (the first byte even).`,
                  `"${ms}"은(는) 멀티캐스트 MAC 주소입니다. 인터페이스에는 유니캐스트 주소가 필요합니다 (첫 바이트가 짝수).`,
                ),
              );
            else if (ms !== undefined) mac = normaliseMac(ms);
          }
        } else {
          rd.error(
            'wrong-type',
            rd.nodeRange(v, kr),
            loc(
              `Interface ${key} must name a switch (eth0: lan1) or be { switch, mac }.`,
              `인터페이스 ${key}은(는) 스위치 이름(eth0: lan1)이나 { switch, mac }이어야 합니다.`,
            ),
          );
        }
        if (sw === undefined) continue;
        if (!switches.some((s) => s.name === sw)) {
          const hint = didYouMean(
            sw,
            switches.map((s) => s.name),
          );
          rd.error(
            'unknown-switch',
            swRange,
            loc(
              `No switch "${sw}" in this lab${hint ? `; did you mean "${hint}"?` : ''}. Declare it under switches:.`,
              `이 랩에 "${sw}" 스위치가 없습니다${hint ? `. "${hint}"을(를) 뜻했나요?` : ''}. switches: 아래에 선언하세요.`,
            ),
          );
          continue;
        }
        host.interfaces.push({ name: key, range: kr, switch: sw, switchRange: swRange, ...(mac ? { mac } : {}) });
      }
    }
  }
  const run = node.get('run', true);
  if (run !== undefined) host.run = runLines(rd, run, range);
  const files = node.get('files', true);
  if (files !== undefined && !(isScalar(files) && files.value === null)) {
    if (!isMap(files))
      rd.error(
        'wrong-type',
        rd.nodeRange(files as Node, range),
        loc('files must map absolute paths to contents.', 'files는 절대 경로를 내용에 매핑해야 합니다.'),
      );
    else {
      for (const pair of files.items) {
        const { key, node: kn } = keyOf(pair);
        const kr = rd.nodeRange(kn, range);
        if (!key.startsWith('/')) {
          rd.error(
            'bad-file',
            kr,
            loc(`"${key}" must be an absolute path, like /etc/hosts.`, `"${key}"은(는) /etc/hosts처럼 절대 경로여야 합니다.`),
          );
          continue;
        }
        const v = pair.value as Node | null;
        if (isScalar(v) && (typeof v.value === 'string' || v.value === null)) {
          host.files.push({ path: key, content: String(v.value ?? ''), range: kr });
        } else if (isMap(v)) {
          checkKeys(rd, v, ['from'], loc(`file ${key}`, `파일 ${key}`));
          const from = v.get('from', true);
          const fr = rd.nodeRange(from as Node, kr);
          const rel = str(rd, from, loc('from', 'from'), kr);
          if (rel === undefined) continue;
          if (rel.startsWith('/') || rel.split(/[\\/]/).includes('..')) {
            rd.error('bad-file', fr, loc(`"${rel}" must be a path inside the lab folder.`, `"${rel}"은(는) 랩 폴더 안의 경로여야 합니다.`));
            continue;
          }
          const content = opts.readFile?.(rel);
          if (content === undefined) {
            rd.error('file-not-found', fr, loc(`The lab folder has no file "${rel}".`, `랩 폴더에 "${rel}" 파일이 없습니다.`));
            continue;
          }
          host.files.push({ path: key, content, range: kr });
        } else {
          rd.error(
            'wrong-type',
            rd.nodeRange(v, kr),
            loc(`File ${key} must be its text or { from: FILE }.`, `파일 ${key}은(는) 텍스트나 { from: FILE }이어야 합니다.`),
          );
        }
      }
    }
  }
  const serve = node.get('serve', true);
  if (serve !== undefined && !(isScalar(serve) && serve.value === null)) {
    const items = isSeq(serve) ? serve.items : [serve];
    for (const item of items) {
      const r = rd.nodeRange(item as Node, range);
      const s = isScalar(item) ? String((item as Scalar).value) : undefined;
      const m = s !== undefined ? SERVE_RE.exec(s) : null;
      const port = m ? Number(m[3]) : 0;
      if (!m || port < 1 || port > 65535) {
        rd.error(
          'bad-serve',
          r,
          loc(
            `"${s ?? typeName(item).en}" is not a socket: write [netns:]tcp/PORT or [netns:]udp/PORT, e.g. tcp/80 or red:tcp/8080.`,
            `"${s ?? typeName(item).ko}"은(는) 소켓이 아닙니다: tcp/80이나 red:tcp/8080처럼 [netns:]tcp/PORT 또는 [netns:]udp/PORT로 쓰세요.`,
          ),
        );
        continue;
      }
      host.serve.push({ netns: m[1] ?? '', proto: m[2] as 'tcp' | 'udp', port, range: r });
    }
  }
  return host;
}

export const EXERCISE_ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EXERCISE_KEYS = ['id', 'title', 'task', 'points', 'hints', 'checks'] as const;

function plain(node: unknown): unknown {
  try {
    return node && typeof (node as { toJSON?: unknown }).toJSON === 'function'
      ? (node as { toJSON(): unknown }).toJSON()
      : isScalar(node)
        ? node.value
        : node;
  } catch {
    return undefined;
  }
}

/** `exercises:` — a list of exercises, each with checks whose arguments the check kinds read. */
function readExercises(rd: Reader, node: unknown, top: SourceRange): ExerciseSpec[] {
  const out: ExerciseSpec[] = [];
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  if (!isSeq(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node as Node, top),
      loc('exercises must be a list of exercises.', 'exercises는 실습 과제의 리스트여야 합니다.'),
    );
    return out;
  }
  for (const item of node.items) {
    const ir = rd.nodeRange(item as Node, top);
    if (!isMap(item)) {
      rd.error(
        'wrong-type',
        ir,
        loc('Each exercise must be a mapping with id, points and checks.', '각 과제는 id, points, checks를 가진 매핑이어야 합니다.'),
      );
      continue;
    }
    checkKeys(rd, item, EXERCISE_KEYS, loc('an exercise', '과제'));
    const idNode = item.get('id', true);
    const id = idNode === undefined ? undefined : str(rd, idNode, loc('id', 'id'), ir);
    if (idNode === undefined) {
      rd.error('missing-key', ir, loc('An exercise needs an "id".', '과제에 "id"가 필요합니다.'));
      continue;
    }
    if (id === undefined) continue;
    const idRange = rd.nodeRange(idNode as Node, ir);
    if (!EXERCISE_ID_RE.test(id)) {
      rd.error(
        'bad-name',
        idRange,
        loc(
          `"${id}" is not a valid exercise id: lower-case letters, digits, "-" and "_".`,
          `"${id}"은(는) 올바른 과제 id가 아닙니다: 소문자, 숫자, "-", "_".`,
        ),
      );
      continue;
    }
    if (out.some((e) => e.id === id)) {
      rd.error('duplicate-name', idRange, loc(`The exercise id "${id}" is used twice.`, `과제 id "${id}"이(가) 두 번 쓰였습니다.`), true);
      continue;
    }
    const titleNode = item.get('title', true);
    const taskNode = item.get('task', true);
    const pointsNode = item.get('points', true);
    let points = 1;
    if (pointsNode !== undefined) {
      const v = isScalar(pointsNode) ? pointsNode.value : undefined;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) points = v;
      else
        rd.error(
          'wrong-type',
          rd.nodeRange(pointsNode as Node, ir),
          loc('points must be a number, 0 or more.', 'points는 0 이상의 숫자여야 합니다.'),
        );
    }
    const hints: Localized[] = [];
    const hintsNode = item.get('hints', true);
    if (hintsNode !== undefined && !(isScalar(hintsNode) && hintsNode.value === null)) {
      if (!isSeq(hintsNode))
        rd.error('wrong-type', rd.nodeRange(hintsNode as Node, ir), loc('hints must be a list.', 'hints는 리스트여야 합니다.'));
      else
        for (const h of hintsNode.items) {
          const t = localized(rd, h, loc('a hint', '힌트'), ir);
          if (t) hints.push(t);
        }
    }
    const checks: CheckSpec[] = [];
    const checksNode = item.get('checks', true);
    if (checksNode === undefined || (isScalar(checksNode) && checksNode.value === null)) {
      rd.add(
        'warning',
        'missing-key',
        idRange,
        loc(`Exercise "${id}" has no checks: it cannot be graded.`, `과제 "${id}"에 checks가 없어 채점할 수 없습니다.`),
        true,
      );
    } else if (!isSeq(checksNode)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(checksNode as Node, ir),
        loc(
          'checks must be a list, e.g. - reach: { from: a, to: 10.0.0.1 }.',
          'checks는 - reach: { from: a, to: 10.0.0.1 }처럼 리스트여야 합니다.',
        ),
      );
    } else {
      for (const c of checksNode.items) {
        const cr = rd.nodeRange(c as Node, ir);
        if (!isMap(c) || c.items.length !== 1) {
          rd.error(
            'wrong-type',
            cr,
            loc(
              'Each check is a mapping with one key, its kind: reach, noreach, route, output or quiz.',
              '각 검사는 종류(reach, noreach, route, output, quiz) 하나를 키로 가진 매핑입니다.',
            ),
          );
          continue;
        }
        const pair = c.items[0]!;
        const { key: kind } = keyOf(pair);
        const argNode = pair.value as Node | null;
        const argRanges: Record<string, SourceRange> = {};
        if (isMap(argNode)) {
          for (const ap of argNode.items) {
            const { key } = keyOf(ap);
            argRanges[key] = rd.nodeRange(ap.value as Node, rd.nodeRange(ap.key as Node, cr));
          }
        }
        checks.push({ kind, args: plain(argNode), range: rd.nodeRange((pair.key as Node) ?? (c as Node), cr), extent: cr, argRanges });
      }
    }
    out.push({
      id,
      range: idRange,
      ...(titleNode !== undefined ? { title: localized(rd, titleNode, loc('title', 'title'), ir) } : {}),
      ...(taskNode !== undefined ? { task: localized(rd, taskNode, loc('task', 'task'), ir) } : {}),
      points,
      hints,
      checks,
    });
  }
  return out;
}

/** `variables:` — per-student values; their kinds are read by lab/variant.ts. */
function readVariables(rd: Reader, node: unknown, top: SourceRange): VariableSpec[] {
  const out: VariableSpec[] = [];
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node as Node, top),
      loc('variables must map names to definitions.', 'variables는 이름을 정의에 매핑해야 합니다.'),
    );
    return out;
  }
  for (const pair of node.items) {
    const { key, node: kn } = keyOf(pair);
    const r = rd.nodeRange(kn, top);
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(key)) {
      rd.error(
        'bad-name',
        r,
        loc(
          `"${key}" is not a valid variable name (letters, digits and "_").`,
          `"${key}"은(는) 올바른 변수 이름이 아닙니다 (문자, 숫자, "_").`,
        ),
      );
      continue;
    }
    out.push({ name: key, range: r, def: plain(pair.value) });
  }
  return out;
}
