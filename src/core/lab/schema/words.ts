/**
 * The wording of the lab schema's messages: paths (`hosts.a.interfaces.eth0`), types and values
 * in words (`a mapping`, `the string "x"`), what a schema accepts (`a string or { en, ko }`),
 * examples as short flow YAML, and the Korean particles chosen by the word before them.
 */
import { type Localized, loc } from '../../text/i18n';
import { formOf } from './forms';
import type { SchemaObj } from './types';

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

export function valueWords(v: unknown): Localized {
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

export function quoteList(keys: readonly string[]): string {
  return keys.map((k) => `"${k}"`).join(', ');
}

export { eunneun, ieoya, iga } from '../../text/particle';

/**
 * `text` with `prefix` replaced by `by`. A string, not a regexp: esbuild escapes non-ASCII text in
 * strings but not in regexps, and one non-ASCII character makes Node read a whole bundle as a
 * two-byte string, slower to load (scripts/build.mjs checks the bundles stay ASCII).
 */
function dropPrefix(text: string, prefix: string, by: string): string {
  return text.startsWith(prefix) ? by + text.slice(prefix.length) : text;
}

/** What a schema accepts, in words: `a string or { en, ko }`, `a switch name or { switch, mac }`. */
export function shapeWords(schema: SchemaObj): Localized {
  const alts = (schema['oneOf'] ?? schema['anyOf']) as SchemaObj[] | undefined;
  if (Array.isArray(alts)) return orList(alts.map((a) => shapeWords(a)));
  const t = schema['type'];
  const types = (Array.isArray(t) ? t : t === undefined ? [] : [t]).filter((x): x is string => typeof x === 'string' && x !== 'null');
  if (types.includes('integer') && types.includes('string')) types.splice(types.indexOf('integer'), 1);
  const parts = types.map((ty): Localized => {
    if (ty === 'string' && typeof schema['pattern'] === 'string') {
      const f = formOf(schema['pattern']);
      if (f) return loc(dropPrefix(f.noun.en, 'a valid ', 'a '), dropPrefix(f.noun.ko, '올바른 ', ''));
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
export function flowYaml(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowYaml).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flowYaml(x)}`)
      .join(', ')} }`;
  if (typeof v === 'string')
    return /^[\p{L}\p{N}_./:-]+$/u.test(v) && !/^(true|false|null|-?[0-9]+(\.[0-9]+)?)$/.test(v) ? v : JSON.stringify(v);
  return String(v);
}
