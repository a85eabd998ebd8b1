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
import { readVariables } from './load/variables';
import { validateLabSchema } from './schema';

export type { LoadOptions, LoadResult } from './load/reader';
export { EXERCISE_ID_RE, HOST_NAME_RE, IFNAME_RE, NETNS_NAME_RE, SWITCH_NAME_RE } from './load/names';

const LAB_KEYS = ['name', 'title', 'description', 'switches', 'hosts', 'exercises', 'variables'] as const;
/** Keys that other parts read (`variant:`, written by knetlab variant) or that sections not built yet will own. */
const LATER_LAB_KEYS = ['nodes', 'cluster', 'docker', 'variant'];
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
        `"${key}:"(${what.ko}) 섹션은 knetlab이 아직 만들지 않습니다. 검사하지 않으며, 그 내용은 시뮬레이터에 하나도 생기지 않습니다.`,
      ),
    );
  }

  const nameNode = root.get('name', true);
  let name = '';
  if (nameNode === undefined) rd.add('warning', 'missing-key', top, loc('The lab has no "name".', '랩에 "name"이 없습니다.'));
  else name = str(rd, nameNode, loc('name', 'name'), top) ?? '';
  const titleNode = root.get('title', true);
  const title = titleNode === undefined ? undefined : localized(rd, titleNode, loc('title', 'title'), top);

  const switches = readSwitches(rd, root.get('switches', true), top);
  const hosts = readHosts(rd, root.get('hosts', true), top, switches, opts);
  const exercises = readExercises(rd, root.get('exercises', true), top);
  const variables = readVariables(rd, root.get('variables', true), top);
  return {
    lab: { file: opts.file, name, ...(title ? { title } : {}), switches, hosts, exercises, variables },
    diagnostics: rd.diagnostics,
  };
}
