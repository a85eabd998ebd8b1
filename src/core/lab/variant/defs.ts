/**
 * Variable declarations (`variables:` entries): what kinds there are (a subnet drawn from a
 * container, an int from a range, a choice from a list, a MAC), their values' shapes, and the
 * reading of one declaration with a diagnostic for each mistake, at the variable's name.
 */
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { type Addr, BITS, formatAddr, maskOf, parseAddr, type Prefix } from '../../net/addr';
import { VARIABLE_NAME_RE } from '../load/names';
import type { VariableSpec } from '../types';
import { eulreul, eunneun, iga } from '../../text/particle';

export { VARIABLE_NAME_RE };

export type VariableDef = (
  | { readonly kind: 'subnet'; readonly container: Prefix; readonly len: number; readonly exclude: readonly Prefix[] }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'mac' }
) & {
  /** `default:`: the value of the lab as written (the instructor's view, student ''), as its text. */
  readonly default?: string;
};

/** A variable's value for one student. `text` is how `{{ name }}` renders it. */
export type VariableValue =
  | { readonly kind: 'subnet'; readonly prefix: Prefix; readonly text: string }
  | { readonly kind: 'int'; readonly value: number; readonly text: string }
  | { readonly kind: 'choice'; readonly value: string; readonly text: string }
  | { readonly kind: 'mac'; readonly value: string; readonly text: string };

/**
 * A choice `default:` that literal text follows (variant/rewrite.ts): a name, starting with a
 * letter, then letters, digits, `_`, `.`, `-`, ending with a word character. Not a number: it would
 * also match inside addresses and ports.
 */
export const MOVABLE_NAME_RE = /^[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

export const VARIABLE_KINDS = ['subnet', 'int', 'choice', 'mac'] as const;
const EXTRA_KEYS: Record<string, readonly string[]> = {
  subnet: ['prefix', 'exclude', 'default'],
  int: ['default'],
  choice: ['default'],
  mac: ['default'],
};
export const SUBNET_SELECTORS = ['cidr', 'net', 'network', 'len', 'prefix', 'mask', 'first', 'last', 'bcast', 'broadcast'] as const;

/** A diagnostic at a range. */
export function diag(severity: Severity, code: DiagnosticCode, range: SourceRange, message: Localized): Diagnostic {
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
          `${what}: ${eunneun(`"${String(text)}"`)} 10.0.0.0/8 같은 프리픽스가 아닙니다.`,
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
          `${what}: "${s}"에 호스트 비트가 있습니다. ${eulreul(fixed)} 뜻했나요?`,
        ),
      ),
    );
    return undefined;
  }
  return { addr: p.addr, len: p.len };
}

/** Validates one declaration, its `default:` too; diagnostics are at the variable's name. */
export function parseVariableDef(spec: VariableSpec): { def?: VariableDef; diagnostics: Diagnostic[] } {
  const r = parseKind(spec);
  if (!r.def) return r;
  const d = spec.def as Record<string, unknown>;
  if (!('default' in d) || d['default'] === null || d['default'] === undefined) return r;
  const text = defaultText(r.def, d['default']);
  if (text === undefined) {
    const want: Record<VariableDef['kind'], string> = {
      subnet: `a /${r.def.kind === 'subnet' ? r.def.len : ''} prefix like 192.168.1.0/${r.def.kind === 'subnet' ? r.def.len : 24}`,
      int: 'a whole number in its range',
      choice: 'one of its choices',
      mac: 'a unicast MAC address like 02:00:00:00:00:01',
    };
    const wantKo: Record<VariableDef['kind'], string> = {
      subnet: `192.168.1.0/${r.def.kind === 'subnet' ? r.def.len : 24} 같은 /${r.def.kind === 'subnet' ? r.def.len : ''} 프리픽스`,
      int: '범위 안의 정수',
      choice: '선택지 중 하나',
      mac: '02:00:00:00:00:01 같은 유니캐스트 MAC 주소',
    };
    r.diagnostics.push(
      diag(
        'error',
        'bad-variable',
        spec.range,
        loc(
          `Variable ${spec.name}: default ${JSON.stringify(d['default'])} must be ${want[r.def.kind]}.`,
          `변수 ${spec.name}: default ${JSON.stringify(d['default'])} 자리에는 ${eulreul(wantKo[r.def.kind])} 써야 합니다.`,
        ),
      ),
    );
    return { diagnostics: r.diagnostics };
  }
  return { def: { ...r.def, default: text }, diagnostics: r.diagnostics };
}

/** A `default:` as the value's text, or undefined when it does not fit the variable. */
function defaultText(def: VariableDef, v: unknown): string | undefined {
  switch (def.kind) {
    case 'subnet': {
      const p = typeof v === 'string' ? parseCidr(v) : undefined;
      if (!p || p.addr.family !== def.container.addr.family || p.len !== def.len) return undefined;
      if ((p.addr.value & maskOf(p.addr.family, p.len)) !== p.addr.value) return undefined;
      return `${formatAddr(p.addr)}/${p.len}`;
    }
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= def.min && v <= def.max ? String(v) : undefined;
    case 'choice':
      return def.options.includes(String(v)) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        ? String(v)
        : undefined;
    default: {
      const m = typeof v === 'string' ? v.trim().toLowerCase() : '';
      return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(m) && (parseInt(m.slice(0, 2), 16) & 1) === 0 ? m : undefined;
    }
  }
}

function parseKind(spec: VariableSpec): { def?: VariableDef; diagnostics: Diagnostic[] } {
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
          `종류가 없습니다: ${VARIABLE_KINDS.join(', ')} 중 하나만 쓰세요${hint ? ` ("${unknown}" 대신 ${eulreul(`"${hint}"`)} 뜻했나요?)` : ''}.`,
        )
      : bad(`several kinds (${kinds.join(', ')}); give exactly one.`, `종류가 여러 개입니다 (${kinds.join(', ')}). 하나만 쓰세요.`);
  }
  const kind = kinds[0]!;
  for (const k of keys) {
    if (k === kind || EXTRA_KEYS[kind]!.includes(k)) continue;
    const hint = didYouMean(k, [kind, ...EXTRA_KEYS[kind]!]);
    return bad(
      `unknown key "${k}" for a ${kind} variable${hint ? `; did you mean "${hint}"?` : ''}.`,
      `${kind} 변수에 알 수 없는 키 ${iga(`"${k}"`)} 있습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}.`,
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
          `prefix는 ${iga(JSON.stringify(pv))} 아니라 0에서 ${bits} 사이의 정수여야 합니다.`,
        );
      if (len < container.len)
        return bad(
          `prefix /${len} is shorter than its container ${String(v)}: a /${len} does not fit inside a /${container.len}.`,
          `prefix /${iga(len)} 컨테이너 ${String(v)}보다 짧습니다: /${eunneun(len)} /${container.len} 안에 들어가지 않습니다.`,
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
            `각 choice는 ${iga(JSON.stringify(x))} 아니라 한 줄짜리 단어나 숫자여야 합니다.`,
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
