/**
 * Per-student variants (Packet Tracer's Variable Manager): a lab declares `variables:` with ranges,
 * every student gets their own values, and placeholders in the lab's text files take them.
 *
 * Declarations (top level of lab.yaml, one mapping per variable, exactly one kind key):
 *
 *     variables:
 *       net1: { subnet: 10.0.0.0/8, prefix: 24 }            # a random /24 inside 10.0.0.0/8
 *       net2: { subnet: 10.0.0.0/8, prefix: 24, exclude: [10.0.0.0/16] }
 *       port: { int: [8000, 8999] }                          # both ends included
 *       name: { choice: [web, db, api] }
 *       mac:  { mac: true }                                  # locally administered, unicast
 *
 * Subnet variables never overlap each other (nor their own `exclude:` prefixes); they are drawn
 * largest first (then in declaration order), each uniformly among the subnets still free.
 *
 * Placeholders, anywhere in any text file of the lab (lab.yaml, README*.md, solution/...):
 *
 *     {{ net1 }}        10.23.4.0/24      {{ net1.cidr }}   the same
 *     {{ net1.net }}    10.23.4.0         {{ net1.len }}    24
 *     {{ net1.mask }}   255.255.255.0     {{ net1.bcast }}  10.23.4.255
 *     {{ net1.10 }}     10.23.4.10 (network + 10)
 *     {{ net1.first }}  10.23.4.1         {{ net1.last }}   10.23.4.254 (= {{ net1.-1 }})
 *     {{ net1.-2 }}     10.23.4.253 (broadcast - 2)
 *     {{ port }}  {{ name }}  {{ mac }}
 *     {{ '{{' }}  {{ '}}' }}              literal braces (for Go templates such as {{end}})
 *
 * `{{ ... }}` whose content is not `NAME` or `NAME.SELECTOR` (e.g. Go templates, `{{ .Name }}`,
 * `{{ range .items }}`) is left alone. An unknown variable, an unknown selector or an address
 * outside the subnet is a diagnostic at the placeholder's exact line and column. Values never
 * contain a new line, so substitution keeps every line number.
 *
 * Values are deterministic: each variable draws from a SHA-256 counter-mode stream seeded by
 * (lab name, student id, variable name). The same id gives the same values on every platform and
 * every run. The instructor's own view (`knetlab check`, no student) uses the student id ''.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import type { VariableSpec } from './types';
import { type Addr, BITS, formatAddr, maskOf, parseAddr, type Prefix } from '../net/addr';

// ---------------------------------------------------------------------------------------------
// Definitions

export type VariableDef =
  | { readonly kind: 'subnet'; readonly container: Prefix; readonly len: number; readonly exclude: readonly Prefix[] }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'mac' };

/** A variable's value for one student. `text` is how `{{ name }}` renders it. */
export type VariableValue =
  | { readonly kind: 'subnet'; readonly prefix: Prefix; readonly text: string }
  | { readonly kind: 'int'; readonly value: number; readonly text: string }
  | { readonly kind: 'choice'; readonly value: string; readonly text: string }
  | { readonly kind: 'mac'; readonly value: string; readonly text: string };

export const VARIABLE_KINDS = ['subnet', 'int', 'choice', 'mac'] as const;
const EXTRA_KEYS: Record<string, readonly string[]> = { subnet: ['prefix', 'exclude'], int: [], choice: [], mac: [] };
export const VARIABLE_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
export const SUBNET_SELECTORS = ['cidr', 'net', 'network', 'len', 'prefix', 'mask', 'first', 'last', 'bcast', 'broadcast'] as const;

function diag(severity: Severity, code: DiagnosticCode, range: SourceRange, message: Localized): Diagnostic {
  return { ...range, severity, code, message };
}

/** Strictly reads `ADDR/LEN` (all four parts of an IPv4 address; any IPv6 form). */
export function parseCidr(text: string): { addr: Addr; len: number } | undefined {
  const m = /^([^/\s]+)\/([0-9]{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const addr = parseAddr(m[1]!);
  const len = Number(m[2]);
  if (!addr || len > BITS[addr.family]) return undefined;
  return { addr, len };
}

function cidrPrefix(text: unknown, what: string, range: SourceRange, out: Diagnostic[]): Prefix | undefined {
  const s = typeof text === 'string' ? text : undefined;
  const p = s === undefined ? undefined : parseCidr(s);
  if (!p) {
    out.push(
      diag(
        'error',
        'bad-variable',
        range,
        loc(
          `${what}: "${String(text)}" is not a prefix like 10.0.0.0/8.`,
          `${what}: "${String(text)}"은(는) 10.0.0.0/8 같은 프리픽스가 아닙니다.`,
        ),
      ),
    );
    return undefined;
  }
  const net = p.addr.value & maskOf(p.addr.family, p.len);
  if (net !== p.addr.value) {
    const fixed = `${formatAddr({ family: p.addr.family, value: net })}/${p.len}`;
    out.push(
      diag(
        'error',
        'bad-variable',
        range,
        loc(
          `${what}: "${s}" has host bits set; did you mean ${fixed}?`,
          `${what}: "${s}"에 호스트 비트가 있습니다. ${fixed}을(를) 뜻했나요?`,
        ),
      ),
    );
    return undefined;
  }
  return { addr: p.addr, len: p.len };
}

/** Validates one declaration; diagnostics are at the variable's name. */
export function parseVariableDef(spec: VariableSpec): { def?: VariableDef; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const r = spec.range;
  const n = spec.name;
  const bad = (en: string, ko: string) => {
    out.push(diag('error', 'bad-variable', r, loc(`Variable ${n}: ${en}`, `변수 ${n}: ${ko}`)));
    return { diagnostics: out };
  };
  if (!VARIABLE_NAME_RE.test(n)) return bad('not a valid name (letters, digits and "_").', '올바른 이름이 아닙니다 (문자, 숫자, "_").');
  const d = spec.def;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) {
    return bad(
      'write one of { subnet: 10.0.0.0/8, prefix: 24 }, { int: [MIN, MAX] }, { choice: [A, B] }, { mac: true }.',
      '{ subnet: 10.0.0.0/8, prefix: 24 }, { int: [MIN, MAX] }, { choice: [A, B] }, { mac: true } 중 하나로 쓰세요.',
    );
  }
  const obj = d as Record<string, unknown>;
  const keys = Object.keys(obj);
  const kinds = keys.filter((k) => (VARIABLE_KINDS as readonly string[]).includes(k));
  if (kinds.length !== 1) {
    const unknown = keys.find((k) => !(VARIABLE_KINDS as readonly string[]).includes(k) && !Object.values(EXTRA_KEYS).flat().includes(k));
    const hint = unknown !== undefined ? didYouMean(unknown, VARIABLE_KINDS) : undefined;
    return kinds.length === 0
      ? bad(
          `no kind: give exactly one of ${VARIABLE_KINDS.join(', ')}${hint ? ` (did you mean "${hint}" instead of "${unknown}"?)` : ''}.`,
          `종류가 없습니다: ${VARIABLE_KINDS.join(', ')} 중 하나만 쓰세요${hint ? ` ("${unknown}" 대신 "${hint}"을(를) 뜻했나요?)` : ''}.`,
        )
      : bad(`several kinds (${kinds.join(', ')}); give exactly one.`, `종류가 여러 개입니다 (${kinds.join(', ')}). 하나만 쓰세요.`);
  }
  const kind = kinds[0]!;
  for (const k of keys) {
    if (k === kind || EXTRA_KEYS[kind]!.includes(k)) continue;
    const hint = didYouMean(k, [kind, ...EXTRA_KEYS[kind]!]);
    return bad(
      `unknown key "${k}" for a ${kind} variable${hint ? `; did you mean "${hint}"?` : ''}.`,
      `${kind} 변수에 알 수 없는 키 "${k}"가 있습니다${hint ? `. "${hint}"을(를) 뜻했나요?` : ''}.`,
    );
  }
  const v = obj[kind];
  switch (kind) {
    case 'subnet': {
      const container = cidrPrefix(v, `Variable ${n}`, r, out);
      if (!container) return { diagnostics: out };
      const bits = BITS[container.addr.family];
      const pv = obj['prefix'];
      const len =
        typeof pv === 'number'
          ? pv
          : typeof pv === 'string' && /^\/?[0-9]{1,3}$/.test(pv.trim())
            ? Number(pv.trim().replace('/', ''))
            : NaN;
      if (pv === undefined)
        return bad(
          `a subnet variable needs "prefix:", the length of the subnet to draw (e.g. prefix: 24).`,
          `subnet 변수에는 뽑을 서브넷의 길이 "prefix:"가 필요합니다 (예: prefix: 24).`,
        );
      if (!Number.isInteger(len) || len < 0 || len > bits)
        return bad(
          `prefix must be a whole number from 0 to ${bits}, not ${JSON.stringify(pv)}.`,
          `prefix는 ${JSON.stringify(pv)}이(가) 아니라 0에서 ${bits} 사이의 정수여야 합니다.`,
        );
      if (len < container.len)
        return bad(
          `prefix /${len} is shorter than its container ${String(v)}: a /${len} does not fit inside a /${container.len}.`,
          `prefix /${len}이(가) 컨테이너 ${String(v)}보다 짧습니다: /${len}은(는) /${container.len} 안에 들어가지 않습니다.`,
        );
      const exclude: Prefix[] = [];
      const ev = obj['exclude'];
      if (ev !== undefined && ev !== null) {
        const list = Array.isArray(ev) ? ev : [ev];
        for (const e of list) {
          const p = cidrPrefix(e, `Variable ${n}, exclude`, r, out);
          if (p) exclude.push(p);
        }
        if (out.length) return { diagnostics: out };
      }
      return { def: { kind: 'subnet', container, len, exclude }, diagnostics: out };
    }
    case 'int': {
      if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number' && Number.isSafeInteger(x))) {
        return bad(
          `int must be [MIN, MAX], two whole numbers, e.g. int: [8000, 8999].`,
          `int는 int: [8000, 8999]처럼 두 정수 [MIN, MAX]여야 합니다.`,
        );
      }
      const [min, max] = v as [number, number];
      if (min > max)
        return bad(
          `int: [${min}, ${max}] is empty: the minimum is larger than the maximum.`,
          `int: [${min}, ${max}]는 비어 있습니다: 최솟값이 최댓값보다 큽니다.`,
        );
      return { def: { kind: 'int', min, max }, diagnostics: out };
    }
    case 'choice': {
      if (!Array.isArray(v) || v.length === 0)
        return bad(
          'choice must be a non-empty list, e.g. choice: [web, db, api].',
          'choice는 choice: [web, db, api]처럼 비어 있지 않은 리스트여야 합니다.',
        );
      const options: string[] = [];
      for (const x of v) {
        if (
          !(typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') ||
          /[\r\n]/.test(String(x)) ||
          /\{\{|\}\}/.test(String(x))
        ) {
          return bad(
            `every choice must be a one-line word or number, not ${JSON.stringify(x)}.`,
            `각 choice는 ${JSON.stringify(x)}이(가) 아니라 한 줄짜리 단어나 숫자여야 합니다.`,
          );
        }
        options.push(String(x));
      }
      return { def: { kind: 'choice', options }, diagnostics: out };
    }
    default: {
      if (v !== true) return bad('write mac: true.', 'mac: true로 쓰세요.');
      return { def: { kind: 'mac' }, diagnostics: out };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** Normalises a student id the same way everywhere: Unicode NFC, no surrounding white space. */
export function normaliseStudent(student: string): string {
  return student.normalize('NFC').trim();
}

/**
 * A stream of 32-bit words: SHA-256 of (seed text, block counter), eight words per block.
 * Stable across platforms (UTF-8 and big-endian words are spelt out).
 */
export class VariantRng {
  private block: Uint8Array = new Uint8Array(0);
  private pos = 32;
  private counter = 0;
  private readonly seed: Uint8Array;

  constructor(lab: string, student: string, variable: string) {
    this.seed = utf8ToBytes(`knetlab-variant-v1\u0000${lab}\u0000${normaliseStudent(student)}\u0000${variable}\u0000`);
  }

  nextU32(): number {
    if (this.pos >= 32) {
      const buf = new Uint8Array(this.seed.length + 4);
      buf.set(this.seed);
      new DataView(buf.buffer).setUint32(this.seed.length, this.counter++, false);
      this.block = sha256(buf);
      this.pos = 0;
    }
    const b = this.block;
    const w = ((b[this.pos]! << 24) | (b[this.pos + 1]! << 16) | (b[this.pos + 2]! << 8) | b[this.pos + 3]!) >>> 0;
    this.pos += 4;
    return w;
  }

  /** A uniform integer in [0, n), n >= 1, without modulo bias (rejection sampling). */
  below(n: bigint): bigint {
    if (n <= 1n) return 0n;
    const bits = (n - 1n).toString(2).length;
    const words = Math.ceil(bits / 32);
    const mask = (1n << BigInt(bits)) - 1n;
    for (;;) {
      let x = 0n;
      for (let i = 0; i < words; i++) x = (x << 32n) | BigInt(this.nextU32());
      x &= mask;
      if (x < n) return x;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Resolving values

function prefixText(p: Prefix): string {
  return `${formatAddr(p.addr)}/${p.len}`;
}

function lastOf(p: Prefix): bigint {
  return p.addr.value + (1n << BigInt(BITS[p.addr.family] - p.len)) - 1n;
}

/** Draws a `len` subnet of `container` that overlaps none of `taken`, uniformly among the free ones. */
function drawSubnet(rng: VariantRng, container: Prefix, len: number, taken: readonly Prefix[]): Prefix | undefined {
  const family = container.addr.family;
  const shift = BigInt(BITS[family] - len);
  const count = 1n << BigInt(len - container.len);
  const base = container.addr.value;
  const cEnd = lastOf(container);
  // Candidate indexes each taken prefix blocks: one contiguous interval.
  const blocked: [bigint, bigint][] = [];
  for (const t of taken) {
    if (t.addr.family !== family) continue;
    const lo = t.addr.value > base ? t.addr.value : base;
    const tEnd = lastOf(t);
    const hi = tEnd < cEnd ? tEnd : cEnd;
    if (lo > hi) continue;
    blocked.push([(lo - base) >> shift, (hi - base) >> shift]);
  }
  blocked.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const iv of blocked) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1] + 1n) {
      if (iv[1] > last[1]) last[1] = iv[1];
    } else merged.push([iv[0], iv[1]]);
  }
  let free = count;
  for (const [a, b] of merged) free -= b - a + 1n;
  if (free <= 0n) return undefined;
  let idx = rng.below(free);
  for (const [a, b] of merged) {
    if (idx >= a) idx += b - a + 1n;
    else break;
  }
  return { addr: { family, value: base + (idx << shift) }, len };
}

function drawMac(rng: VariantRng): string {
  const bytes = [(rng.nextU32() & 0xfc) | 0x02];
  for (let i = 0; i < 5; i++) bytes.push(rng.nextU32() & 0xff);
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export interface ResolveResult {
  /** Values of the variables that are well declared, in declaration order. */
  readonly values: Map<string, VariableValue>;
  /** Variables declared but not resolved (their problem is diagnosed): placeholders naming them are skipped. */
  readonly failed: Set<string>;
  readonly diagnostics: Diagnostic[];
}

/** Gives every declared variable its value for one student. Never throws. */
export function resolveVariables(vars: readonly VariableSpec[], ctx: { readonly lab: string; readonly student: string }): ResolveResult {
  const failed = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const defs: { spec: VariableSpec; def: VariableDef }[] = [];
  const seen = new Set<string>();
  for (const spec of vars) {
    if (seen.has(spec.name)) {
      diagnostics.push(
        diag(
          'error',
          'duplicate-name',
          spec.range,
          loc(`The variable "${spec.name}" is declared twice.`, `변수 "${spec.name}"이(가) 두 번 선언되었습니다.`),
        ),
      );
      continue;
    }
    seen.add(spec.name);
    const { def, diagnostics: ds } = parseVariableDef(spec);
    diagnostics.push(...ds);
    if (def) defs.push({ spec, def });
    else failed.add(spec.name);
  }
  // Subnets are drawn largest first (then in declaration order): small ones then never fragment
  // a container so that a large one no longer fits.
  const drawn = new Map<string, VariableValue>();
  const taken: Prefix[] = [];
  const subnets = defs.filter((d) => d.def.kind === 'subnet');
  const order = subnets
    .map((d, i) => ({ d, i }))
    .sort((x, y) => (x.d.def as { len: number }).len - (y.d.def as { len: number }).len || x.i - y.i);
  for (const { d } of order) {
    const def = d.def as Extract<VariableDef, { kind: 'subnet' }>;
    const p = drawSubnet(new VariantRng(ctx.lab, ctx.student, d.spec.name), def.container, def.len, [...taken, ...def.exclude]);
    if (!p) {
      failed.add(d.spec.name);
      diagnostics.push(
        diag(
          'error',
          'variable-conflict',
          d.spec.range,
          loc(
            `Variable ${d.spec.name}: no /${def.len} is left in ${prefixText(def.container)} that overlaps neither the other subnet variables nor exclude:. Widen the container or use a longer prefix.`,
            `변수 ${d.spec.name}: ${prefixText(def.container)} 안에 다른 subnet 변수나 exclude:와 겹치지 않는 /${def.len}이(가) 남아 있지 않습니다. 컨테이너를 넓히거나 더 긴 prefix를 쓰세요.`,
          ),
        ),
      );
      continue;
    }
    taken.push(p);
    drawn.set(d.spec.name, { kind: 'subnet', prefix: p, text: prefixText(p) });
  }
  const values = new Map<string, VariableValue>();
  for (const { spec, def } of defs) {
    const rng = new VariantRng(ctx.lab, ctx.student, spec.name);
    switch (def.kind) {
      case 'subnet': {
        const v = drawn.get(spec.name);
        if (v) values.set(spec.name, v);
        break;
      }
      case 'int': {
        const value = def.min + Number(rng.below(BigInt(def.max) - BigInt(def.min) + 1n));
        values.set(spec.name, { kind: 'int', value, text: String(value) });
        break;
      }
      case 'choice': {
        const value = def.options[Number(rng.below(BigInt(def.options.length)))]!;
        values.set(spec.name, { kind: 'choice', value, text: value });
        break;
      }
      case 'mac': {
        const value = drawMac(rng);
        values.set(spec.name, { kind: 'mac', value, text: value });
        break;
      }
    }
  }
  return { values, failed, diagnostics };
}

/** Renders `{{ name.selector }}` (selector '' for `{{ name }}`). */
export function renderValue(name: string, v: VariableValue, selector: string): { text: string } | { error: Localized } {
  if (v.kind !== 'subnet') {
    if (selector === '') return { text: v.text };
    return {
      error: loc(
        `${name} is a ${v.kind} variable: write {{ ${name} }}, without ".${selector}".`,
        `${name}은(는) ${v.kind} 변수입니다: ".${selector}" 없이 {{ ${name} }}로 쓰세요.`,
      ),
    };
  }
  const p = v.prefix;
  const family = p.addr.family;
  const size = 1n << BigInt(BITS[family] - p.len);
  const at = (offset: bigint, what: string): { text: string } | { error: Localized } => {
    if (offset < 0n || offset >= size) {
      return {
        error: loc(
          `{{ ${name}.${selector} }}: ${what} is outside ${v.text} (it has ${size} addresses, indexes 0 to ${size - 1n}, or -1 back from the broadcast).`,
          `{{ ${name}.${selector} }}: ${what}은(는) ${v.text} 밖입니다 (주소 ${size}개, 인덱스 0부터 ${size - 1n}까지, 또는 브로드캐스트에서 거꾸로 -1부터).`,
        ),
      };
    }
    return { text: formatAddr({ family, value: p.addr.value + offset }) };
  };
  switch (selector) {
    case '':
    case 'cidr':
      return { text: v.text };
    case 'net':
    case 'network':
      return { text: formatAddr(p.addr) };
    case 'len':
    case 'prefix':
      return { text: String(p.len) };
    case 'mask':
      return { text: formatAddr({ family, value: maskOf(family, p.len) }) };
    case 'bcast':
    case 'broadcast':
      return { text: formatAddr({ family, value: p.addr.value + size - 1n }) };
    case 'first':
      return at(1n, 'the first host');
    case 'last':
      return at(size - 2n, 'the last host');
  }
  if (/^-?[0-9]+$/.test(selector)) {
    const k = BigInt(selector);
    return at(k >= 0n ? k : size - 1n + k, `address ${selector}`);
  }
  const hint = didYouMean(selector, SUBNET_SELECTORS);
  return {
    error: loc(
      `Unknown part ".${selector}" of the subnet ${name}${hint ? `; did you mean ".${hint}"?` : ''}. Use .net, .len, .mask, .bcast, .first, .last, or a host number like .10 or .-1.`,
      `서브넷 ${name}에 ".${selector}"라는 부분은 없습니다${hint ? `. ".${hint}"을(를) 뜻했나요?` : ''}. .net, .len, .mask, .bcast, .first, .last나 .10, .-1 같은 호스트 번호를 쓰세요.`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Substitution

const PLACEHOLDER_RE = /\{\{\s*'(\{\{|\}\})'\s*\}\}|\{\{([^{}\r\n]*)\}\}/g;
const REF_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.(-?[0-9]+|[A-Za-z][A-Za-z0-9_]*))?$/;

export interface SubstituteOptions {
  /** Variables declared but unresolved (already diagnosed): their placeholders are left as written. */
  readonly skip?: ReadonlySet<string>;
}

/** Replaces every placeholder in `text`. Line numbers are kept; problems are diagnosed where they are. */
export function substitute(
  text: string,
  values: ReadonlyMap<string, VariableValue>,
  file: string,
  opts: SubstituteOptions = {},
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let out = '';
  let last = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const posOf = (offset: number) => {
    for (let i = text.indexOf('\n', scanned); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = Math.max(scanned, offset);
    return { line, column: offset - lineStart + 1 };
  };
  const known = [...values.keys(), ...(opts.skip ?? [])];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    let replacement: string | undefined;
    if (m[1] !== undefined) replacement = m[1];
    else {
      const content = m[2]!.trim();
      const ref = REF_RE.exec(content);
      const lead = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(content)?.[1];
      const report = (code: DiagnosticCode, message: Localized) => {
        const p = posOf(start);
        // A placeholder never spans lines: the end is on the same line.
        diagnostics.push(
          diag('error', code, { file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + (end - start) }, message),
        );
      };
      if (ref) {
        const name = ref[1]!;
        const v = values.get(name);
        if (v) {
          const r = renderValue(name, v, ref[2] ?? '');
          if ('text' in r) replacement = r.text;
          else report('bad-placeholder', r.error);
        } else if (!opts.skip?.has(name)) {
          const hint = didYouMean(name, known);
          report(
            'unknown-variable',
            loc(
              `No variable "${name}" is declared under variables:${hint ? ` (did you mean "${hint}"?)` : ''}. For literal braces, write {{ '{{' }}.`,
              `variables: 아래에 "${name}" 변수가 선언되지 않았습니다${hint ? ` ("${hint}"을(를) 뜻했나요?)` : ''}. 중괄호를 그대로 쓰려면 {{ '{{' }}로 쓰세요.`,
            ),
          );
        }
      } else if (lead !== undefined && known.includes(lead)) {
        report(
          'bad-placeholder',
          loc(
            `"${m[0]}" is not a placeholder: write {{ ${lead} }} or {{ ${lead}.PART }} (one part, no spaces inside).`,
            `"${m[0]}"은(는) 올바른 자리표시자가 아닙니다: {{ ${lead} }}나 {{ ${lead}.PART }}로 쓰세요 (부분 하나, 안쪽에 공백 없이).`,
          ),
        );
      }
    }
    if (replacement !== undefined) {
      out += text.slice(last, start) + replacement;
      last = end;
    }
  }
  out += text.slice(last);
  return { text: out, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// Reading `variables:` from raw text

/** A top-level block of a YAML file: lines [start, end), 0-based, trailing blank and comment lines excluded. */
export interface TopBlock {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Finds the top-level keys of a block-mapping YAML file by its lines alone (placeholders may make it invalid YAML). */
export function topLevelBlocks(text: string): TopBlock[] {
  const lines = text.split('\n');
  const blocks: { key: string; start: number; end: number }[] = [];
  let cur: { key: string; start: number; end: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue; // blank or comment: neither extends nor ends
    if (/^\s/.test(l) || /^[}\]]/.test(l)) {
      if (cur) cur.end = i + 1; // content of the current block
      continue;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(l)) {
      cur = undefined;
      continue;
    }
    const m = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"][^:#]*?))\s*:(?:\s|$)/.exec(l);
    cur = m ? { key: m[1] ?? m[2] ?? m[3]!, start: i, end: i + 1 } : undefined;
    if (cur) blocks.push(cur);
  }
  return blocks;
}

/** The text with only the given blocks kept; every other line blanked, so places stay the same. */
function mask(text: string, blocks: readonly TopBlock[]): string {
  const lines = text.split('\n');
  return lines.map((l, i) => (blocks.some((b) => i >= b.start && i < b.end) ? l : '')).join('\n');
}

export interface ReadVariablesResult {
  readonly variables: VariableSpec[];
  /** The lab's `name:` (part of every seed). */
  readonly labName: string;
  /** The `variables:` block's lines, if there is one. */
  readonly block?: TopBlock;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads `name:` and `variables:` from a lab file's raw text, before substitution: only those two
 * top-level blocks are parsed, so placeholders elsewhere cannot break them. Never throws.
 */
export function readVariables(text: string, file: string): ReadVariablesResult {
  const diagnostics: Diagnostic[] = [];
  const blocks = topLevelBlocks(text);
  const block = blocks.find((b) => b.key === 'variables');
  const nameBlock = blocks.find((b) => b.key === 'name');
  const kept = [block, nameBlock].filter((b): b is TopBlock => b !== undefined);
  if (!kept.length) return { variables: [], labName: '', diagnostics };
  try {
    const lc = new LineCounter();
    const masked = mask(text, kept);
    const doc = parseDocument(masked, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const range = (node: Node | null | undefined): SourceRange => {
      const [a, b] = node?.range ?? [block ? offsetOfLine(masked, block.start) : 0, 0];
      const pa = lc.linePos(a);
      const pb = lc.linePos(Math.max(a, b));
      return { file, line: pa.line, column: pa.col, endLine: pb.line, endColumn: pb.col };
    };
    for (const e of doc.errors) {
      const pa = lc.linePos(e.pos[0]);
      const pb = lc.linePos(e.pos[1]);
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(
        diag(
          'error',
          e.code === 'DUPLICATE_KEY' ? 'duplicate-name' : 'yaml-syntax',
          { file, line: pa.line, column: pa.col, endLine: pb.line, endColumn: pb.col },
          loc(`YAML: ${msg}`, `YAML 오류: ${msg}`),
        ),
      );
    }
    if (doc.errors.length) return { variables: [], labName: '', ...(block ? { block } : {}), diagnostics };
    const root = doc.contents;
    if (!isMap(root)) return { variables: [], labName: '', ...(block ? { block } : {}), diagnostics };
    const nameNode = root.get('name', true);
    const labName = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : '';
    const varsNode = root.get('variables', true);
    const variables: VariableSpec[] = [];
    if (varsNode !== undefined && !(isScalar(varsNode) && varsNode.value === null)) {
      if (!isMap(varsNode)) {
        diagnostics.push(
          diag(
            'error',
            'wrong-type',
            range(varsNode as Node),
            loc(
              'variables must map names to definitions, e.g. net1: { subnet: 10.0.0.0/8, prefix: 24 }.',
              'variables는 net1: { subnet: 10.0.0.0/8, prefix: 24 }처럼 이름을 정의에 매핑해야 합니다.',
            ),
          ),
        );
      } else {
        for (const pair of varsNode.items) {
          const k = pair.key as Node | null;
          const name = isScalar(k) ? String(k.value) : '';
          const value = pair.value as Node | null;
          let def: unknown;
          try {
            def = value === null ? null : value.toJS(doc);
          } catch {
            def = undefined;
          }
          variables.push({ name, range: range(k), def });
        }
      }
    }
    return { variables, labName, ...(block ? { block } : {}), diagnostics };
  } catch (e) {
    diagnostics.push(
      diag(
        'error',
        'yaml-syntax',
        { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
        loc(`Internal error while reading variables: ${String(e)}`, `변수를 읽는 중 내부 오류: ${String(e)}`),
      ),
    );
    return { variables: [], labName: '', diagnostics };
  }
}

function offsetOfLine(text: string, line0: number): number {
  let off = 0;
  for (let i = 0; i < line0; i++) {
    const n = text.indexOf('\n', off);
    if (n < 0) return text.length;
    off = n + 1;
  }
  return off;
}

/** Replaces lines [block.start, block.end) by `replacement` (one line) and blank lines, keeping the count. */
function replaceBlock(text: string, block: TopBlock, replacement: string): string {
  const lines = text.split('\n');
  const cr = /\r$/.test(lines[block.start] ?? '') ? '\r' : '';
  for (let i = block.start; i < block.end; i++) lines[i] = i === block.start ? replacement + cr : cr;
  return lines.join('\n');
}

/** The `variant:` record a variant copy's lab.yaml carries instead of `variables:`. One line. */
export function variantRecord(student: string, values: ReadonlyMap<string, VariableValue>): string {
  const parts = [...values].map(([k, v]) => `${k}: ${v.kind === 'int' ? v.text : JSON.stringify(v.text)}`);
  return `variant: { student: ${JSON.stringify(normaliseStudent(student))}, values: { ${parts.join(', ')} } }`;
}

// ---------------------------------------------------------------------------------------------
// A whole lab

/** Whether a lab's text declares per-student variables (a top-level `variables:` key). */
export function declaresVariables(labText: string): boolean {
  return /^variables\s*:/m.test(labText);
}

export interface InstantiateOptions {
  /** How a lab-relative path appears in diagnostics (default: as is). */
  readonly displayPath?: (relPath: string) => string;
}

export interface InstantiateResult {
  /** Every file, placeholders substituted; lab.yaml carries `variant:` instead of `variables:`. */
  readonly files: Map<string, string>;
  readonly values: Map<string, VariableValue>;
  readonly labName: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * One student's copy of a lab. `files` maps lab-relative paths ('lab.yaml', 'README.md',
 * 'solution/lab.yaml', ...) to text; every file is substituted, the solution's too, so apply the
 * solution overlay (overlay.ts) after this. A lab without `variables:` comes back unchanged.
 * `student` '' is the instructor's view. Never throws.
 */
export function instantiateLab(files: ReadonlyMap<string, string>, student: string, opts: InstantiateOptions = {}): InstantiateResult {
  const show = opts.displayPath ?? ((p: string) => p);
  const out = new Map(files);
  const labText = files.get('lab.yaml');
  if (labText === undefined) {
    return {
      files: out,
      values: new Map(),
      labName: '',
      diagnostics: [
        diag(
          'error',
          'file-not-found',
          { file: show('lab.yaml'), line: 1, column: 1, endLine: 1, endColumn: 1 },
          loc('The lab folder has no lab.yaml.', '랩 폴더에 lab.yaml이 없습니다.'),
        ),
      ],
    };
  }
  const rv = readVariables(labText, show('lab.yaml'));
  const diagnostics = [...rv.diagnostics];
  if (!rv.block) return { files: out, values: new Map(), labName: rv.labName, diagnostics };
  const { values, failed, diagnostics: rd } = resolveVariables(rv.variables, { lab: rv.labName, student });
  diagnostics.push(...rd);
  for (const [path, text] of files) {
    let t = text;
    if (path === 'lab.yaml') t = replaceBlock(t, rv.block, variantRecord(student, values));
    else if (path === 'solution/lab.yaml') {
      const sb = topLevelBlocks(t).find((b) => b.key === 'variables');
      if (sb) {
        diagnostics.push(
          diag(
            'warning',
            'bad-variable',
            { file: show(path), line: sb.start + 1, column: 1, endLine: sb.start + 1, endColumn: 10 },
            loc(
              'Declare variables in the starter lab.yaml only; the solution uses the same values. This block is ignored.',
              '변수는 시작 lab.yaml에만 선언하세요. 해법은 같은 값을 씁니다. 이 블록은 무시됩니다.',
            ),
          ),
        );
        t = replaceBlock(t, sb, '');
      }
    }
    const s = substitute(t, values, show(path), { skip: failed });
    diagnostics.push(...s.diagnostics);
    out.set(path, s.text);
  }
  return { files: out, values, labName: rv.labName, diagnostics };
}
