/**
 * Checks the structure of `lab.yaml` against its JSON Schema (schema/lab.schema.json, draft
 * 2020-12) with ajv, and turns ajv's errors into diagnostics at exact YAML places, in both
 * languages, at most one per node.
 *
 * How an ajv error becomes a diagnostic:
 * - the node: `instancePath` is walked through the YAML document. Errors about a value (type,
 *   enum, pattern, minimum...) point at the value, or at its key when the value is empty or a
 *   block over several lines; errors about a key (unknown key, bad name) point at the key; errors
 *   about what a mapping lacks (`required`) point at the mapping's own key, or its first key.
 * - `oneOf`/`anyOf`: only the most specific alternative's errors are kept (see `collapse`).
 * - several `required` errors at one mapping make one diagnostic; otherwise the first error of a
 *   node wins (by the order of KEYWORD_RANK), so a node never gets two.
 *
 * The schema is compiled once, on first use. Never throws.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import schemaJson from '../../../schema/lab.schema.json';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { decodePointer } from '../text/pointer';

type SchemaObj = Record<string, unknown>;
type SchemaError = ErrorObject<string, Record<string, unknown>, unknown>;

/** The lab schema as JSON data (for editors, tests and `knetlab` commands that print it). */
export const LAB_SCHEMA: SchemaObj = schemaJson as SchemaObj;

/** Annotation keywords of the schema that ajv does not know (the rest are standard). */
export const SCHEMA_VOCABULARY = ['markdownDescription'];

// ---------------------------------------------------------------------------------------------
// Forms: what a pattern means, in words, and the code of a value that does not have it.

interface Form {
  readonly code: DiagnosticCode;
  /** `a valid host name` */
  readonly noun: Localized;
  /** `a letter, then up to 9 letters, digits or "-"` */
  readonly rule: Localized;
}

/** Keyed by the name of the `$defs` entry that holds the pattern. */
const FORMS: Record<string, Form> = {
  hostName: {
    code: 'bad-name',
    noun: loc('a valid host name', '올바른 호스트 이름'),
    rule: loc('a letter, then up to 9 letters, digits or "-"', '문자 하나 뒤에 최대 9개의 문자, 숫자, "-"'),
  },
  switchName: {
    code: 'bad-name',
    noun: loc('a valid switch name', '올바른 스위치 이름'),
    rule: loc(
      'letters, digits, "-", "_" and ".", at most 32, starting with a letter or digit',
      '문자, 숫자, "-", "_", "." 최대 32자, 문자나 숫자로 시작',
    ),
  },
  ifName: {
    code: 'bad-name',
    noun: loc('a valid interface name', '올바른 인터페이스 이름'),
    rule: loc(
      'at most 15 characters, no "/", ":" or spaces, and not lo (it exists already)',
      '최대 15자, "/", ":", 공백 불가, lo 불가(이미 있음)',
    ),
  },
  mac: {
    code: 'bad-mac',
    noun: loc('a unicast MAC address', '유니캐스트 MAC 주소'),
    rule: loc(
      'six hex pairs separated by ":", the first byte even, e.g. 02:00:00:00:01:01',
      '":"로 구분한 16진수 여섯 쌍, 첫 바이트는 짝수, 예: 02:00:00:00:01:01',
    ),
  },
  socket: {
    code: 'bad-serve',
    noun: loc('a socket', '소켓'),
    rule: loc(
      'write [netns:]tcp/PORT or [netns:]udp/PORT with a port from 1 to 65535, e.g. tcp/80 or red:tcp/8080',
      'tcp/80이나 red:tcp/8080처럼 [netns:]tcp/PORT 또는 [netns:]udp/PORT로 쓰세요(포트는 1-65535)',
    ),
  },
  absPath: {
    code: 'bad-file',
    noun: loc('an absolute path', '절대 경로'),
    rule: loc('start it with "/", like /etc/hosts', '/etc/hosts처럼 "/"로 시작하세요'),
  },
  relPath: {
    code: 'bad-file',
    noun: loc('a path inside the lab folder', '랩 폴더 안의 경로'),
    rule: loc('relative to lab.yaml, without a leading "/" or any ".."', 'lab.yaml 기준 상대 경로로, "/"로 시작하거나 ".."를 쓰지 마세요'),
  },
  exerciseId: {
    code: 'bad-name',
    noun: loc('a valid exercise id', '올바른 과제 id'),
    rule: loc(
      'lower-case letters, digits, "-" and "_", at most 64, starting with a letter or digit',
      '소문자, 숫자, "-", "_" 최대 64자, 소문자나 숫자로 시작',
    ),
  },
  variableName: {
    code: 'bad-name',
    noun: loc('a valid variable name', '올바른 변수 이름'),
    rule: loc('letters, digits and "_", at most 32, not starting with a digit', '문자, 숫자, "_" 최대 32자, 숫자로 시작하지 않음'),
  },
  endpoint: {
    code: 'bad-name',
    noun: loc('a host', '호스트'),
    rule: loc(
      'write a host name, or host/netns for a namespace of a host, e.g. b or host1/red',
      'b나 host1/red처럼 호스트 이름이나, 호스트의 네임스페이스는 호스트/네임스페이스로 쓰세요',
    ),
  },
  cidr: {
    code: 'schema',
    noun: loc('a network', '네트워크'),
    rule: loc('write ADDRESS/LENGTH, e.g. 10.0.0.0/8', '10.0.0.0/8처럼 주소/길이로 쓰세요'),
  },
  sha256: {
    code: 'schema',
    noun: loc('a SHA-256 digest', 'SHA-256 해시'),
    rule: loc('64 hex digits; print one with knetlab quiz-hash ANSWER', '16진수 64자리. knetlab quiz-hash 답으로 출력하세요'),
  },
};

// ---------------------------------------------------------------------------------------------
// Compiling: `$ref`s to `$defs` are inlined first, so that an error's schemaPath is its full path
// from the root (ajv gives paths relative to a referenced definition otherwise, which would hide
// the `oneOf` branch an error comes from). Annotations beside a `$ref` (description...) override
// the definition's; a validation keyword beside it that the definition has too keeps both (allOf).

interface Compiled {
  readonly validate: ValidateFunction;
  /** Pattern source -> the form it checks. */
  readonly formOf: Map<string, Form>;
}

let compiled: Compiled | undefined;
let compileError: string | undefined;

const REF_PREFIX = '#/$defs/';
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated']);

function inlineRefs(root: SchemaObj): SchemaObj {
  const defs = (root['$defs'] ?? {}) as Record<string, SchemaObj>;
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((x) => walk(x, depth));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as SchemaObj;
    const ref = obj['$ref'];
    const out: SchemaObj = {};
    const def = typeof ref === 'string' && ref.startsWith(REF_PREFIX) && depth < 32 ? defs[ref.slice(REF_PREFIX.length)] : undefined;
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$ref' && def) continue;
      if (k === '$defs' && obj === root) continue;
      out[k] = k === 'enum' || k === 'const' || k === 'examples' ? v : walk(v, depth);
    }
    if (!def) return out;
    const inlined = walk(def, depth + 1) as SchemaObj;
    if (Object.keys(out).some((k) => !ANNOTATIONS.has(k) && k in inlined)) {
      out['allOf'] = [...((out['allOf'] as unknown[] | undefined) ?? []), inlined];
      return out;
    }
    return { ...inlined, ...out };
  };
  const out = walk(root, 0) as SchemaObj;
  // The definitions stay, for any `$ref` left (none in the bundled schema).
  out['$defs'] = defs;
  return out;
}

/** A new ajv instance configured for the lab schema (strict mode, union types allowed). */
export function newLabAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, messages: false });
  ajv.addVocabulary(SCHEMA_VOCABULARY);
  return ajv;
}

function compile(): Compiled | undefined {
  if (compiled || compileError) return compiled;
  try {
    const schema = inlineRefs(LAB_SCHEMA);
    const validate = newLabAjv().compile(schema);
    const formOf = new Map<string, Form>();
    const defs = (LAB_SCHEMA['$defs'] ?? {}) as Record<string, SchemaObj>;
    for (const [name, form] of Object.entries(FORMS)) {
      const p = defs[name]?.['pattern'];
      if (typeof p === 'string') formOf.set(p, form);
    }
    compiled = { validate, formOf };
  } catch (e) {
    compileError = String(e);
  }
  return compiled;
}

/** Pattern sources of the schema that have no words in FORMS (for tests: must be none). */
export function patternsWithoutForm(): string[] {
  const c = compile();
  const out: string[] = [];
  const seen = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(seen);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string' && !c?.formOf.has(v)) out.push(v);
        else if (k !== 'enum' && k !== 'const') seen(v);
      }
    }
  };
  seen(LAB_SCHEMA);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Finding nodes

interface Place {
  /** The node at the path (undefined when the path runs past the document). */
  readonly node: Node | null | undefined;
  /** The key of the pair whose value the node is, if the node is a mapping value. */
  readonly key?: Node | null;
  /** The deepest node found on the way, for when `node` is missing. */
  readonly last: Node | null | undefined;
  /** For each segment of the path: whether it indexes a list. */
  readonly inList: boolean[];
}

function keyText(pair: Pair): string {
  const k = pair.key as unknown;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return String(k);
}

/** Finds pairs by key; mappings with many keys (hosts:) get an index on first use. */
class Pairs {
  private readonly index = new Map<object, Map<string, Pair>>();

  find(map: Node | null | undefined, key: string): Pair | undefined {
    if (!isMap(map)) return undefined;
    if (map.items.length < 16) {
      for (const p of map.items) if (keyText(p) === key) return p;
      return undefined;
    }
    let idx = this.index.get(map);
    if (!idx) {
      idx = new Map();
      for (const p of map.items) {
        const k = keyText(p);
        if (!idx.has(k)) idx.set(k, p);
      }
      this.index.set(map, idx);
    }
    return idx.get(key);
  }
}

function resolveAlias(doc: Document.Parsed, n: unknown): Node | null | undefined {
  if (isAlias(n)) {
    try {
      return (n.resolve(doc) as Node | undefined) ?? null;
    } catch {
      return null;
    }
  }
  return n as Node | null | undefined;
}

function locate(doc: Document.Parsed, pairs: Pairs, segments: readonly string[]): Place {
  let node = resolveAlias(doc, doc.contents);
  let key: Node | null | undefined;
  let last = node;
  const inList: boolean[] = [];
  for (const seg of segments) {
    inList.push(isSeq(node));
    if (isMap(node)) {
      const pair = pairs.find(node, seg);
      if (!pair) return { node: undefined, last, inList };
      key = pair.key as Node | null;
      node = resolveAlias(doc, pair.value);
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      key = undefined;
      node = resolveAlias(doc, item);
    } else {
      return { node: undefined, last, inList };
    }
    if (node) last = node;
  }
  return { node, ...(key !== undefined ? { key } : {}), last, inList };
}

// ---------------------------------------------------------------------------------------------
// Words

/** `hosts.a.interfaces.eth0`, `exercises[0].checks[1].reach`, `hosts.a.files["/etc/hosts"]`. */
export function formatPath(segments: readonly string[], isIndex: (i: number) => boolean): string {
  let out = '';
  segments.forEach((s, i) => {
    if (isIndex(i)) out += `[${s}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  });
  return out;
}

function typeWords(t: string): Localized {
  switch (t) {
    case 'string':
      return loc('a string', '문자열');
    case 'object':
      return loc('a mapping', '매핑');
    case 'array':
      return loc('a list', '리스트');
    case 'integer':
      return loc('a whole number', '정수');
    case 'number':
      return loc('a number', '숫자');
    case 'boolean':
      return loc('true or false', 'true나 false');
    case 'null':
      return loc('empty', '빈 값');
    default:
      return loc(t, t);
  }
}

function valueWords(v: unknown): Localized {
  if (v === null || v === undefined) return typeWords('null');
  if (Array.isArray(v)) return typeWords('array');
  if (typeof v === 'object') return typeWords('object');
  if (typeof v === 'number') return loc(`the number ${v}`, `숫자 ${v}`);
  if (typeof v === 'boolean') return loc(`the boolean ${v}`, `불리언 ${v}`);
  return loc(`the string ${JSON.stringify(v)}`, `문자열 ${JSON.stringify(v)}`);
}

function orList(items: readonly Localized[]): Localized {
  const uniq = items.filter((x, i) => items.findIndex((y) => y.en === x.en) === i);
  if (uniq.length <= 1) return uniq[0] ?? loc('', '');
  const head = uniq.slice(0, -1);
  const last = uniq[uniq.length - 1]!;
  return loc(`${head.map((x) => x.en).join(', ')} or ${last.en}`, `${head.map((x) => x.ko).join(', ')} 또는 ${last.ko}`);
}

function quoteList(keys: readonly string[]): string {
  return keys.map((k) => `"${k}"`).join(', ');
}

/** Whether a word ends in a Hangul syllable with a final consonant; undefined if not Hangul. */
function batchim(word: string): boolean | undefined {
  const c = word.charCodeAt(word.length - 1);
  if (!(c >= 0xac00 && c <= 0xd7a3)) return undefined;
  return (c - 0xac00) % 28 !== 0;
}

/** A Korean particle chosen by the word before it: `josa('매핑', '이', '가', '이(가)')`. */
function josa(word: string, withFinal: string, without: string, unknown: string): string {
  const b = batchim(word);
  return word + (b === undefined ? unknown : b ? withFinal : without);
}
const iga = (w: string) => josa(w, '이', '가', '이(가)');
const eunneun = (w: string) => josa(w, '은', '는', '은(는)');
const ieoya = (w: string) => josa(w, '이어야', '여야', '이어야');

/** What a schema accepts, in words: `a string or { en, ko }`, `a switch name or { switch, mac }`. */
function shapeWords(schema: SchemaObj, c: Compiled): Localized {
  const alts = (schema['oneOf'] ?? schema['anyOf']) as SchemaObj[] | undefined;
  if (Array.isArray(alts)) return orList(alts.map((a) => shapeWords(a, c)));
  const t = schema['type'];
  const types = (Array.isArray(t) ? t : t === undefined ? [] : [t]).filter((x): x is string => typeof x === 'string' && x !== 'null');
  if (types.includes('integer') && types.includes('string')) types.splice(types.indexOf('integer'), 1);
  const parts = types.map((ty): Localized => {
    if (ty === 'string' && typeof schema['pattern'] === 'string') {
      const f = c.formOf.get(schema['pattern']);
      if (f) return loc(f.noun.en.replace(/^a valid /, 'a '), f.noun.ko.replace(/^올바른 /, ''));
    }
    if (ty === 'object') {
      const props = Object.keys((schema['properties'] ?? {}) as SchemaObj);
      if (props.length && schema['maxProperties'] === 1)
        return loc(`a mapping with one key: ${props.join(', ')}`, `키가 하나인 매핑(${props.join(', ')})`);
      if (props.length && props.length <= 6) return loc(`{ ${props.join(', ')} }`, `{ ${props.join(', ')} }`);
    }
    return typeWords(ty);
  });
  return orList(parts);
}

/** A value as short flow YAML, for examples in messages: `{ from: a, to: 192.168.2.10 }`. */
function flowYaml(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowYaml).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flowYaml(x)}`)
      .join(', ')} }`;
  if (typeof v === 'string')
    return /^[\p{L}\p{N}_./:-]+$/u.test(v) && !/^(true|false|null|-?[0-9]+(\.[0-9]+)?)$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Collapsing alternatives

const branchRe = (e: SchemaError): RegExp => new RegExp(`^${e.schemaPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(\\d+)/`);

function depth(path: string): number {
  return path ? path.split('/').length - 1 : 0;
}

/**
 * Keeps, for every failed `oneOf`/`anyOf`, only the errors of its most specific alternative: the
 * one whose type matched and whose errors reach deepest into the data (then the one with fewest
 * errors, then the first). When no alternative's type matched, one `type` error stands for them
 * all; when every alternative only lacks keys, one `required` error lists a key of each.
 */
function collapse(errors: SchemaError[]): SchemaError[] {
  let list = errors;
  const alts = list.filter(
    (e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !(e.params as { passingSchemas?: unknown }).passingSchemas,
  );
  // Outermost first: choosing its branch drops the inner alternatives of the other branches.
  alts.sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const alt of alts) {
    if (!list.includes(alt)) continue;
    const re = branchRe(alt);
    const byBranch = new Map<number, SchemaError[]>();
    const under = alt.instancePath + '/';
    for (const e of list) {
      if (e === alt || (e.instancePath !== alt.instancePath && !e.instancePath.startsWith(under))) continue;
      const m = re.exec(e.schemaPath);
      if (!m) continue;
      const i = Number(m[1]);
      byBranch.set(i, [...(byBranch.get(i) ?? []), e]);
    }
    const inBranches = new Set([...byBranch.values()].flat());
    const typeMiss = (errs: SchemaError[]) => errs.some((e) => e.keyword === 'type' && e.instancePath === alt.instancePath);
    const candidates = [...byBranch.entries()].filter(([, errs]) => !typeMiss(errs));
    let keep: SchemaError[];
    if (candidates.length === 0) {
      // No alternative has the right type: one type error, naming them all.
      keep = [{ ...alt, keyword: 'type', params: { type: 'alternatives' } }];
    } else if (
      candidates.every(([, errs]) => errs.every((e) => e.keyword === 'required' && e.instancePath === alt.instancePath)) &&
      candidates.length > 1
    ) {
      const first = candidates.map(([, errs]) => String(errs[0]!.params['missingProperty']));
      keep = [{ ...alt, keyword: 'required', params: { missingProperty: first, oneOfKeys: true } }];
    } else {
      const score = (errs: SchemaError[]) => Math.max(...errs.map((e) => depth(e.instancePath)));
      candidates.sort(([ia, a], [ib, b]) => score(b) - score(a) || a.length - b.length || ia - ib);
      keep = candidates[0]![1];
    }
    list = list.filter((e) => e !== alt && !inBranches.has(e));
    list.push(...keep);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Errors to diagnostics

/** Lower ranks win when two errors land on the same node. */
const KEYWORD_RANK: Record<string, number> = {
  type: 0,
  propertyNames: 1,
  additionalProperties: 2,
  required: 3,
  dependentRequired: 4,
  'false schema': 5,
};

/** Missing keys that are a warning, not an error (as in the loader). */
function softRequired(key: string, instancePath: string): boolean {
  return key === 'en' || key === 'ko' || key === 'checks' || (key === 'name' && instancePath === '');
}

interface Issue {
  readonly node: Node | null | undefined;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: Localized;
  readonly rank: number;
  readonly order: number;
}

class Mapper {
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineCounter,
    readonly file: string,
    readonly c: Compiled,
  ) {}

  range(node: Node | null | undefined): SourceRange {
    const r = node?.range;
    const a = this.lines.linePos(r ? r[0] : 0);
    const b = this.lines.linePos(r ? Math.max(r[0], r[1]) : 0);
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  readonly pairs = new Pairs();

  locate(segments: readonly string[]): Place {
    return locate(this.doc, this.pairs, segments);
  }

  /** A path as printed in messages (indices of lists in brackets). */
  path(segments: readonly string[], place: Place): string {
    return formatPath(segments, (i) => place.inList[i] ?? /^\d+$/.test(segments[i]!));
  }

  /** Where a problem with a value shows: the value, or its key when the value is empty or a block. */
  valueNode(p: Place): Node | null | undefined {
    const n = p.node;
    const empty = !n || (isScalar(n) && n.value === null && (!n.range || n.range[0] === n.range[1] || n.source === ''));
    if (empty) return p.key ?? p.last;
    // A block mapping or list starts on the line after its key: the key says more, in less room.
    if ((isMap(n) || isSeq(n)) && !n.flow && p.key) return p.key;
    return n;
  }

  /** Where a problem with a whole mapping shows: its key, or its first key, or itself. */
  mappingNode(p: Place): Node | null | undefined {
    if (p.key) return p.key;
    const n = p.node;
    if (isMap(n) && n.items.length) return (n.items[0]!.key as Node | null) ?? n;
    if (n && n.range) return n;
    return p.last;
  }

  keyNode(p: Place, key: string): Node | null | undefined {
    const pair = this.pairs.find(p.node, key);
    return (pair?.key as Node | null | undefined) ?? this.mappingNode(p);
  }

  issues(errors: SchemaError[]): Issue[] {
    const out: Issue[] = [];
    // Several missing keys of one mapping (for one reason): one issue.
    const groupOf = (e: SchemaError) => `${e.instancePath}\n${e.schemaPath}`;
    const required = new Map<string, SchemaError[]>();
    for (const e of errors) {
      if (e.keyword !== 'required' || e.params['oneOfKeys']) continue;
      const list = required.get(groupOf(e));
      if (list) list.push(e);
      else required.set(groupOf(e), [e]);
    }
    errors.forEach((e, order) => {
      const group = e.keyword === 'required' && !e.params['oneOfKeys'] ? required.get(groupOf(e))! : [];
      if (group.length && group[0] !== e) return;
      const issue = this.issue(e, order, group);
      if (issue) out.push(issue);
    });
    return out;
  }

  issue(e: SchemaError, order: number, requiredGroup: SchemaError[]): Issue | undefined {
    const segs = decodePointer(e.instancePath);
    const place = this.locate(segs);
    const p = this.path(segs, place);
    const at = p || 'the lab';
    const atKo = p || '랩';
    const parent = (e.parentSchema ?? {}) as SchemaObj;
    const params = e.params;
    const rank = KEYWORD_RANK[e.keyword] ?? 10;
    const mk = (node: Node | null | undefined, code: DiagnosticCode, message: Localized, severity: Severity = 'error'): Issue => ({
      node,
      severity,
      code,
      message,
      rank,
      order,
    });
    const when = this.dependentOn(e);

    // A key that fails `propertyNames`: ajv reports the inner error with `propertyName` set.
    if (e.propertyName !== undefined) {
      const key = e.propertyName;
      const node = this.keyNode(place, key);
      const form = e.keyword === 'pattern' ? this.c.formOf.get(String(params['pattern'])) : undefined;
      const where = p ? loc(` under ${p}`, ` (${p} 아래)`) : loc('', '');
      if (form) {
        return {
          ...mk(
            node,
            form.code,
            loc(
              `"${key}"${where.en} is not ${form.noun.en}: ${form.rule.en}.`,
              `"${key}"${where.ko}은(는) ${iga(form.noun.ko)} 아닙니다: ${form.rule.ko}.`,
            ),
          ),
          rank: KEYWORD_RANK['propertyNames']!,
        };
      }
      return {
        ...mk(
          node,
          'bad-name',
          loc(`"${key}"${where.en} is not a valid name here.`, `"${key}"${where.ko}은(는) 여기에 올 수 있는 이름이 아닙니다.`),
        ),
        rank: KEYWORD_RANK['propertyNames']!,
      };
    }

    switch (e.keyword) {
      case 'propertyNames':
        return undefined; // reported through its inner error
      case 'if':
        return undefined; // reported through the `then`/`else` errors
      case 'type': {
        const expected =
          params['type'] === 'alternatives' ? shapeWords(parent, this.c) : shapeWords({ ...parent, type: params['type'] }, this.c);
        const node = this.valueNode(place);
        const data = place.node === undefined ? undefined : e.data;
        if (segs.length === 0) {
          return mk(
            node,
            'wrong-type',
            loc(
              `A lab file must be a mapping with at least "hosts:", not ${valueWords(data).en}.`,
              `랩 파일은 ${iga(valueWords(data).ko)} 아니라 최소한 "hosts:"를 가진 매핑이어야 합니다.`,
            ),
          );
        }
        if (data === null || data === undefined) {
          return mk(
            node,
            'wrong-type',
            loc(`${p} is empty; it must be ${expected.en}.`, `${iga(p)} 비어 있습니다. ${ieoya(expected.ko)} 합니다.`),
          );
        }
        return mk(
          node,
          'wrong-type',
          loc(
            `${p} must be ${expected.en}, not ${valueWords(data).en}.`,
            `${eunneun(p)} ${iga(valueWords(data).ko)} 아니라 ${ieoya(expected.ko)} 합니다.`,
          ),
        );
      }
      case 'required': {
        const oneOfKeys = params['oneOfKeys'] === true;
        const keys = oneOfKeys ? (params['missingProperty'] as string[]) : requiredGroup.map((x) => String(x.params['missingProperty']));
        const dep = /\/dependentSchemas\/([^/]+)\//.exec(e.schemaPath)?.[1];
        const node = dep !== undefined ? this.keyNode(place, dep.replace(/~1/g, '/').replace(/~0/g, '~')) : this.mappingNode(place);
        const soft = !oneOfKeys && keys.every((k) => softRequired(k, e.instancePath));
        const example = this.exampleOf(parent);
        if (oneOfKeys) {
          return mk(
            node,
            'missing-key',
            loc(`${at} needs one of ${quoteList(keys)}${example.en}.`, `${atKo}에 ${quoteList(keys)} 중 하나가 필요합니다${example.ko}.`),
          );
        }
        if (segs.length === 0) {
          return mk(
            node,
            'missing-key',
            loc(`The lab has no ${quoteList(keys.map((k) => `${k}:`))}.`, `랩에 ${quoteList(keys.map((k) => `${k}:`))}이(가) 없습니다.`),
            soft ? 'warning' : 'error',
          );
        }
        const what = keys.length === 1 ? `"${keys[0]}"` : `${quoteList(keys.slice(0, -1))} and "${keys[keys.length - 1]}"`;
        const whatKo = keys.length === 1 ? `"${keys[0]}"` : `${quoteList(keys.slice(0, -1))}, "${keys[keys.length - 1]}"`;
        return mk(
          node,
          'missing-key',
          loc(`${p} needs ${what}${when.en}${example.en}.`, `${p}에 ${whatKo}이(가) 필요합니다${when.ko}${example.ko}.`),
          soft ? 'warning' : 'error',
        );
      }
      case 'additionalProperties': {
        const key = String(params['additionalProperty']);
        const known = Object.keys((parent['properties'] ?? {}) as SchemaObj);
        const hint = didYouMean(key, known);
        const node = this.keyNode(place, key);
        const isCheck = parent['maxProperties'] === 1;
        if (isCheck) {
          // A check of an unknown kind cannot be graded: an error, with the grader's own code.
          return mk(
            node,
            'unknown-check-kind',
            loc(
              `Unknown check kind "${key}" in ${at}${hint ? `; did you mean "${hint}"?` : '.'} Known kinds: ${known.join(', ')}.`,
              `${atKo}에 알 수 없는 검사 종류 "${key}"가 있습니다.${hint ? ` "${hint}"을(를) 뜻했나요?` : ''} 알려진 종류: ${known.join(', ')}.`,
            ),
          );
        }
        return mk(
          node,
          'unknown-key',
          loc(
            `Unknown key "${key}" in ${at}${hint ? `; did you mean "${hint}"?` : '.'} Known keys: ${known.join(', ')}.`,
            `${atKo}에 알 수 없는 키 "${key}"가 있습니다.${hint ? ` "${hint}"을(를) 뜻했나요?` : ''} 알려진 키: ${known.join(', ')}.`,
          ),
          'warning',
        );
      }
      case 'enum': {
        const allowed = ((params['allowedValues'] ?? []) as unknown[]).map((x) => JSON.stringify(x).replace(/^"(.*)"$/, '$1'));
        return mk(
          this.valueNode(place),
          'schema',
          loc(
            `${p} must be one of ${allowed.join(', ')}${when.en}, not ${valueWords(e.data).en}.`,
            `${eunneun(p)} ${iga(valueWords(e.data).ko)} 아니라 ${allowed.join(', ')} 중 하나여야 합니다${when.ko}.`,
          ),
        );
      }
      case 'const': {
        const v = JSON.stringify(params['allowedValue']);
        return mk(
          this.valueNode(place),
          'schema',
          loc(`${p} must be ${v}, not ${valueWords(e.data).en}.`, `${eunneun(p)} ${iga(valueWords(e.data).ko)} 아니라 ${ieoya(v)} 합니다.`),
        );
      }
      case 'pattern': {
        const form = this.c.formOf.get(String(params['pattern']));
        const v = String(e.data);
        if (form) {
          return mk(
            this.valueNode(place),
            form.code,
            loc(
              `${p}: "${v}" is not ${form.noun.en}: ${form.rule.en}.`,
              `${p}: "${v}"은(는) ${iga(form.noun.ko)} 아닙니다: ${form.rule.ko}.`,
            ),
          );
        }
        return mk(
          this.valueNode(place),
          'schema',
          loc(
            `${p}: "${v}" does not have the expected form (${String(params['pattern'])}).`,
            `${p}: "${v}"이(가) 기대한 형식(${String(params['pattern'])})이 아닙니다.`,
          ),
        );
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const min = parent['minimum'];
        const max = parent['maximum'];
        const v = String(e.data);
        if (typeof min === 'number' && typeof max === 'number') {
          return mk(
            this.valueNode(place),
            'schema',
            loc(`${p} must be from ${min} to ${max}, not ${v}.`, `${p}은(는) ${v}이(가) 아니라 ${min}에서 ${max} 사이여야 합니다.`),
          );
        }
        const limit = String(params['limit']);
        const words: Record<string, Localized> = {
          minimum: loc(`${limit} or more`, `${limit} 이상`),
          maximum: loc(`${limit} or less`, `${limit} 이하`),
          exclusiveMinimum: loc(`more than ${limit}`, `${limit} 초과`),
          exclusiveMaximum: loc(`less than ${limit}`, `${limit} 미만`),
        };
        const w = words[e.keyword]!;
        return mk(
          this.valueNode(place),
          'schema',
          loc(`${p} must be ${w.en}, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${ieoya(w.ko)} 합니다.`),
        );
      }
      case 'minLength':
      case 'maxLength': {
        const limit = Number(params['limit']);
        if (e.keyword === 'minLength' && limit === 1)
          return mk(this.valueNode(place), 'schema', loc(`${p} must not be empty.`, `${p}은(는) 비어 있으면 안 됩니다.`));
        const w = e.keyword === 'minLength' ? loc(`at least ${limit}`, `최소 ${limit}`) : loc(`at most ${limit}`, `최대 ${limit}`);
        return mk(this.valueNode(place), 'schema', loc(`${p} must have ${w.en} characters.`, `${p}은(는) ${w.ko}자여야 합니다.`));
      }
      case 'minItems':
      case 'maxItems': {
        const min = parent['minItems'];
        const max = parent['maxItems'];
        const n = Array.isArray(e.data) ? e.data.length : 0;
        const limit = Number(params['limit']);
        const example = this.exampleOf(parent);
        if (min === max)
          return mk(
            this.valueNode(place),
            'schema',
            loc(
              `${p} must have exactly ${limit} items, not ${n}${example.en}.`,
              `${p}에는 항목이 ${n}개가 아니라 정확히 ${limit}개 있어야 합니다${example.ko}.`,
            ),
          );
        if (e.keyword === 'minItems')
          return mk(
            this.valueNode(place),
            'schema',
            loc(`${p} must have at least ${limit} item${limit === 1 ? '' : 's'}.`, `${p}에는 항목이 최소 ${limit}개 있어야 합니다.`),
          );
        return mk(
          this.valueNode(place),
          'schema',
          loc(`${p} must have at most ${limit} items, not ${n}.`, `${p}에는 항목이 ${n}개가 아니라 최대 ${limit}개 있어야 합니다.`),
        );
      }
      case 'uniqueItems': {
        const i = Math.max(Number(params['i']), Number(params['j'])); // the later of the two
        const item = this.locate([...segs, String(i)]);
        const v = Array.isArray(e.data) ? e.data[i] : undefined;
        return mk(
          this.valueNode(item),
          'duplicate-name',
          loc(`${p}: ${JSON.stringify(v)} is listed twice.`, `${p}: ${JSON.stringify(v)}이(가) 두 번 있습니다.`),
        );
      }
      case 'minProperties': {
        const known = Object.keys((parent['properties'] ?? {}) as SchemaObj);
        if (parent['maxProperties'] === 1) {
          return mk(
            this.valueNode(place),
            'missing-key',
            loc(
              `${p} is a check without a kind: write one of ${known.join(', ')}, e.g. - reach: { from: a, to: 192.168.1.10 }.`,
              `${p}은(는) 종류가 없는 검사입니다. ${known.join(', ')} 중 하나를 쓰세요. 예: - reach: { from: a, to: 192.168.1.10 }.`,
            ),
          );
        }
        return mk(
          this.valueNode(place),
          'missing-key',
          loc(`${at} needs one of ${quoteList(known)}.`, `${atKo}에 ${quoteList(known)} 중 하나가 필요합니다.`),
        );
      }
      case 'maxProperties': {
        const limit = Number(params['limit']);
        const map = place.node;
        const extra = isMap(map) ? (map.items[limit]?.key as Node | null | undefined) : undefined;
        const keys = isMap(map) ? map.items.map(keyText) : [];
        if (parent['maxProperties'] === 1 && parent['minProperties'] === 1) {
          return mk(
            extra ?? this.valueNode(place),
            'schema',
            loc(
              `${p}: a check has exactly one kind, but this one has ${keys.join(', ')}; start a new check (a new "- ") for each.`,
              `${p}: 검사 하나에는 종류가 정확히 하나여야 하는데 ${keys.join(', ')}이(가) 있습니다. 각각 새 검사("- ")로 쓰세요.`,
            ),
          );
        }
        return mk(
          extra ?? this.valueNode(place),
          'schema',
          loc(`${at} must have at most ${limit} keys.`, `${atKo}에는 키가 최대 ${limit}개여야 합니다.`),
        );
      }
      case 'dependentRequired': {
        const prop = String(params['property']);
        const missing = String(params['missingProperty']);
        return mk(
          this.keyNode(place, prop),
          'missing-key',
          loc(`${p}: "${prop}" needs "${missing}" too.`, `${p}: "${prop}"에는 "${missing}"도 필요합니다.`),
        );
      }
      case 'false schema': {
        const parentPath = segs.slice(0, -1);
        const key = segs[segs.length - 1] ?? '';
        const node = place.key ?? this.valueNode(place);
        const pp = this.path(parentPath, place) || 'the lab';
        const ppKo = this.path(parentPath, place) || '랩';
        return mk(
          node,
          'schema',
          loc(`"${key}" is not allowed in ${pp}${when.en}.`, `${ppKo}에는 "${key}"을(를) 쓸 수 없습니다${when.ko}.`),
        );
      }
      case 'oneOf': {
        // Several alternatives matched (none matching is collapsed before).
        return mk(
          this.valueNode(place),
          'schema',
          loc(
            `${p || 'The lab'} fits more than one form; keep the keys of only one.`,
            `${p || '랩'}이(가) 여러 형식에 맞습니다. 한 형식의 키만 남기세요.`,
          ),
        );
      }
      default:
        return mk(
          this.valueNode(place),
          'schema',
          loc(`${p || 'The lab'} is not valid here (${e.keyword}).`, `${p || '랩'}이(가) 올바르지 않습니다 (${e.keyword}).`),
        );
    }
  }

  /** ` when "port" is given`, for errors of a `dependentSchemas` entry. */
  dependentOn(e: SchemaError): Localized {
    const m = /\/dependentSchemas\/([^/]+)\//.exec(e.schemaPath);
    if (!m) return loc('', '');
    const k = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    return loc(` when "${k}" is given`, ` ("${k}"이(가) 있을 때)`);
  }

  /** `, e.g. ...` for a schema that carries `examples`. */
  exampleOf(schema: SchemaObj): Localized {
    const ex = schema['examples'];
    if (!Array.isArray(ex) || ex.length === 0) return loc('', '');
    const s = flowYaml(ex[0]);
    return loc(`, e.g. ${s}`, `. 예: ${s}`);
  }

  diagnostics(errors: SchemaError[]): Diagnostic[] {
    const issues = this.issues(collapse(errors));
    issues.sort((a, b) => a.rank - b.rank || a.order - b.order);
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const i of issues) {
      const r = this.range(i.node);
      const k = `${r.line}:${r.column}:${r.endLine}:${r.endColumn}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ ...r, severity: i.severity, code: i.code, message: i.message });
    }
    out.sort((a, b) => a.line - b.line || a.column - b.column);
    return out;
  }
}

function internal(file: string, what: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    code: 'schema',
    message: loc(`Internal error while checking the lab against its schema: ${what}`, `랩을 스키마로 검사하는 중 내부 오류: ${what}`),
  };
}

/**
 * Validates a parsed `lab.yaml` against the lab schema. Diagnostics are at exact places: the
 * `lineCounter` must be the one the document was parsed with. Never throws.
 */
export function validateLabSchema(doc: Document.Parsed, lineCounter: LineCounter, file: string): Diagnostic[] {
  try {
    const c = compile();
    if (!c) return [internal(file, compileError ?? '?')];
    let data: unknown;
    const logLevel = doc.options.logLevel;
    try {
      // Keys that are collections become strings, as the loader reads them; no console warning.
      doc.options.logLevel = 'error';
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      return []; // the YAML itself is broken (e.g. an alias bomb): the YAML parser's errors say why
    } finally {
      doc.options.logLevel = logLevel;
    }
    if (c.validate(data)) return [];
    const errors = (c.validate.errors ?? []) as SchemaError[];
    return new Mapper(doc, lineCounter, file, c).diagnostics(errors);
  } catch (e) {
    return [internal(file, String(e))];
  }
}
