/**
 * Reads `lab.yaml` with the `yaml` package, keeping every node's place, and turns it into a Lab.
 * Never throws: every problem becomes a diagnostic at its line and column. The JSON Schema
 * (schema.ts) reports the file's shape first; the readers in load/ then read each part (switches,
 * hosts with their interfaces, run lines, files and sockets, exercises, variables), reporting only
 * what the schema cannot see.
 */
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { DiagnosticCode } from '../text/diag';
import { loc } from '../text/i18n';
import { readExercises } from './load/exercises';
import { readHosts } from './load/hosts';
import { checkKeys, localized, type LoadOptions, type LoadResult, Reader, str } from './load/reader';
import { readSwitches } from './load/switches';
import { expandAliases, MAX_ALIAS_NODES, MAX_DEPTH, yamlBounds } from './load/bounds';
import { readVariables } from './load/variables';
import { validateLabSchema } from './schema';

export type { LoadOptions, LoadResult } from './load/reader';
export { OUTSIDE_LAB } from './load/reader';
export { outsideLab } from './load/files';
export { EXERCISE_ID_RE, HOST_NAME_RE, IFNAME_RE, NETNS_NAME_RE, SWITCH_NAME_RE } from './load/names';

const LAB_KEYS = ['name', 'title', 'description', 'switches', 'hosts', 'exercises', 'variables', 'handout'] as const;
/** Keys that other parts read (`variant:`, written by knetlab variant; `key:` of a grading key) or that sections not built yet will own. */
const LATER_LAB_KEYS = ['nodes', 'cluster', 'docker', 'variant', 'key'];
/**
 * The sections the format reserves but knetlab does not build yet: a lab may hold them (the
 * schema knows their names), but nothing reads them, so each gets a warning until it exists.
 */
const UNBUILT_SECTIONS: Readonly<Record<string, { en: string; ko: string }>> = {
  docker: { en: 'Docker containers', ko: '도커 컨테이너' },
  nodes: { en: 'Kubernetes nodes', ko: '쿠버네티스 노드' },
  cluster: { en: 'the Kubernetes cluster', ko: '쿠버네티스 클러스터' },
};

/** Reads a lab file's text into a Lab, with every problem as a diagnostic. Never throws. */
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
          message: loc(`Internal error while reading the lab: ${String(e)}`, `실습을 읽는 중 내부 오류: ${String(e)}`),
        },
      ],
    };
  }
}

/** Deeper nesting than any lab needs; far deeper exhausts the YAML parser (its regexps, its stack). */
const MAX_NESTING = MAX_DEPTH;

/**
 * The offset where nesting first gets deeper than the limit, before the YAML parser sees it:
 * `[`/`{` (outside quotes and comments) and block levels (a line more indented than the open
 * ones, each `- ` or `? ` indicator on it; the lines of a block scalar are text, not levels).
 */
export function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  const levels: number[] = [];
  let scalarUnder = -1; // the indentation of a block scalar's header line, while in its text
  for (let i = 0; i < text.length; i++) {
    if ((i === 0 || text[i - 1] === '\n') && !quote) {
      const r = blockLine(text, i, levels, scalarUnder);
      scalarUnder = r.scalarUnder;
      if (levels.length + depth > MAX_NESTING) return r.at;
    }
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if ((c === '"' || c === "'") && depth > 0) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth + levels.length > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** The block levels open after the line at `i` (in `levels`, changed), and whether a block scalar's text follows. */
function blockLine(text: string, i: number, levels: number[], scalarUnder: number): { at: number; scalarUnder: number } {
  let col = 0;
  while (text[i + col] === ' ') col++;
  const c0 = text[i + col];
  const blank = c0 === undefined || c0 === '\n' || c0 === '\r' || c0 === '#';
  if (blank || (scalarUnder >= 0 && col > scalarUnder)) return { at: i + col, scalarUnder };
  while (levels.length && levels[levels.length - 1]! >= col) levels.pop();
  levels.push(col);
  // `- - x`: a sequence in a sequence's item; the first indicator is the line's own level.
  for (let j = i + col, first = true; (text[j] === '-' || text[j] === '?') && /^[ \n]?$/.test(text[j + 1] ?? ''); first = false) {
    if (!first) levels.push(j - i);
    j++;
    while (text[j] === ' ') j++;
  }
  const end = text.indexOf('\n', i);
  const line = text.slice(i + col, end < 0 ? text.length : end).replace(/\r$/, '');
  return { at: i + col, scalarUnder: /(?:^|[ :-])[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line) ? col : -1 };
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
    lineCounter.addNewLine(0);
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
      loc(
        `YAML: nested more than ${MAX_NESTING} levels deep; the lab is not read further.`,
        `YAML 오류: ${MAX_NESTING}단계보다 깊게 중첩되어 실습 파일을 더 읽지 않습니다.`,
      ),
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
  const bound = yamlBounds(doc);
  if (bound) {
    const at = bound.node.range?.[0] ?? 0;
    rd.error(
      'yaml-syntax',
      bound.kind === 'depth' ? rd.range(at, at + 1) : rd.nodeRange(bound.node),
      bound.kind === 'loop'
        ? loc(
            `YAML: the alias ${bound.node.toString()} is inside what it names: it would never end; the lab is not read further.`,
            `YAML 오류: 자신이 가리키는 노드 안에 들어 있는 별칭(${bound.node.toString()})이라 끝없이 펼쳐집니다. 실습 파일을 더 읽지 않습니다.`,
          )
        : bound.kind === 'aliases'
          ? loc(
              `YAML: the aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb); the lab is not read further.`,
              `YAML 오류: 별칭을 펼치면 노드가 ${MAX_ALIAS_NODES}개를 넘습니다(별칭 폭탄). 실습 파일을 더 읽지 않습니다.`,
            )
          : loc(
              `YAML: nested more than ${MAX_DEPTH} levels deep; the lab is not read further.`,
              `YAML 오류: ${MAX_DEPTH}단계보다 깊게 중첩되어 실습 파일을 더 읽지 않습니다.`,
            ),
    );
    return { diagnostics: rd.diagnostics };
  }
  const read = expandAliases(doc);
  const root = read.contents;
  if (isMap(root)) {
    rd.diagnostics.push(...validateLabSchema(read, lineCounter, opts.file));
    rd.schemaChecked = true;
  }
  const whole = rd.range(0, text.length);
  if (!isMap(root)) {
    rd.error(
      'lab-not-mapping',
      rd.nodeRange(root as Node, { ...whole, endLine: 1, endColumn: 1 }),
      loc('A lab file must be a mapping with at least "hosts:".', '실습 파일은 최소한 "hosts:"를 가진 매핑이어야 합니다.'),
    );
    return { diagnostics: rd.diagnostics };
  }
  const top = { ...whole, endLine: 1, endColumn: 1 };
  checkKeys(rd, root, LAB_KEYS, loc('the lab', '실습'), LATER_LAB_KEYS);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const what = Object.hasOwn(UNBUILT_SECTIONS, key) ? UNBUILT_SECTIONS[key]! : undefined;
    if (!what) continue;
    rd.add(
      'warning',
      'unsupported-section',
      rd.nodeRange(pair.key as Node, top),
      loc(
        `"${key}:" (${what.en}) is a section knetlab does not build yet: it is not checked, and nothing of it exists in the simulator.`,
        `"${key}:"(${what.ko})는 knetlab이 아직 지원하지 않는 섹션입니다. 검사하지 않으며, 그 내용은 시뮬레이터에 하나도 생기지 않습니다.`,
      ),
    );
  }

  const nameNode = root.get('name', true);
  let name = '';
  if (nameNode === undefined) rd.add('warning', 'missing-key', top, loc('The lab has no "name".', '실습에 "name"이 없습니다.'));
  else name = str(rd, nameNode, loc('name', 'name'), top) ?? '';
  const titleNode = root.get('title', true);
  const title = titleNode === undefined ? undefined : localized(rd, titleNode, loc('title', 'title'), top);

  const switches = readSwitches(rd, root.get('switches', true), top);
  const hosts = readHosts(rd, root.get('hosts', true), top, switches, opts);
  const handoutNode = root.get('handout', true);
  const handout = isScalar(handoutNode) && (handoutNode.value as unknown) === true;
  const exercises = readExercises(rd, root.get('exercises', true), top, handout);
  const variables = readVariables(rd, root.get('variables', true), top);
  return {
    lab: { file: opts.file, name, ...(title ? { title } : {}), switches, hosts, exercises, variables, ...(handout ? { handout } : {}) },
    diagnostics: rd.diagnostics,
  };
}
