/**
 * Checks a CNI configuration against schema/cni.schema.json (JSON Schema draft-07) with ajv, and
 * turns ajv's errors into `cni-schema` diagnostics at the exact JSON places, in both languages, at
 * most one per place. Errors that a more specific CNI check reports itself (the version, the name,
 * the plugin list, an MTU, a missing IPAM type) are left to that check: the caller says which.
 *
 * The schema allows keys it does not list everywhere (plugins take any key, per the spec), so
 * there is no "unknown key" diagnostic. Never throws.
 *
 * The validator is ajv's standalone code, generated at build time (scripts/validators.ts, with the
 * options of schemaCompile.ts) into generated/cniSchemaValidator.js: no schema is compiled at run
 * time.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { decodePointer } from '../text/pointer';
import validate from './generated/cniSchemaValidator';
import { formatPath, type JsonDoc, type Segment } from './json';
import { eunneun, iga } from '../text/particle';

export type SchemaError = ErrorObject<string, Record<string, unknown>, unknown>;

/** The schema's errors for a value (none when it fits), or why the validator failed. Never throws. */
export function schemaErrors(value: unknown): SchemaError[] | string {
  try {
    if (validate(value)) return [];
    return (validate.errors ?? []) as SchemaError[];
  } catch (e) {
    return String(e);
  }
}

function typeWords(t: string): Localized {
  switch (t) {
    case 'string':
      return loc('a string', '문자열');
    case 'object':
      return loc('a JSON object', 'JSON 객체');
    case 'array':
      return loc('a list', '리스트');
    case 'integer':
      return loc('a whole number', '정수');
    case 'number':
      return loc('a number', '숫자');
    case 'boolean':
      return loc('true or false', 'true나 false');
    case 'null':
      return loc('null', 'null');
    default:
      return loc(t, t);
  }
}

function valueWords(v: unknown): Localized {
  if (v === null) return loc('null', 'null');
  if (Array.isArray(v)) return typeWords('array');
  if (typeof v === 'object') return typeWords('object');
  if (typeof v === 'number') return loc(`the number ${v}`, `숫자 ${v}`);
  if (typeof v === 'boolean') return loc(`${v}`, `${v}`);
  return loc(`the string ${JSON.stringify(v)}`, `문자열 ${JSON.stringify(v)}`);
}

/**
 * Diagnostics for the schema's errors that `skip` does not claim. Array indices in the paths of
 * ajv's errors become numbers when the node they index is a list.
 */
export function schemaDiagnostics(
  doc: JsonDoc,
  errors: readonly SchemaError[],
  skip: (e: SchemaError, path: Segment[]) => boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = toSegments(doc, decodePointer(e.instancePath));
    if (skip(e, path)) continue;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'not' || e.keyword === 'if') continue;
    const node = doc.find(path);
    const place = node ? (e.keyword === 'required' ? doc.objectAnchor(node) : doc.anchor(node)) : doc.rangeAt(0, 1);
    const key = `${place.line}:${place.column}:${place.endLine}:${place.endColumn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...place, severity: 'error', code: 'cni-schema', message: messageOf(e, path) });
  }
  return out;
}

function toSegments(doc: JsonDoc, raw: string[]): Segment[] {
  const out: Segment[] = [];
  let node = doc.root;
  for (const s of raw) {
    const seg: Segment = node?.type === 'array' && /^\d+$/.test(s) ? Number(s) : s;
    out.push(seg);
    node = node ? doc.find(out) : undefined;
  }
  return out;
}

function messageOf(e: SchemaError, path: Segment[]): Localized {
  const p = formatPath(path);
  const at = p || 'the configuration';
  const atKo = p || '설정';
  const params = e.params;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const t = params['type'];
      const want = (Array.isArray(t) ? t : [t]).map((x) => typeWords(String(x)));
      const w = loc(want.map((x) => x.en).join(' or '), want.map((x) => x.ko).join(' 또는 '));
      const got = valueWords(e.data);
      if (path.length === 0) {
        return loc(
          `A CNI configuration is one JSON object ({ "cniVersion": ..., "name": ..., ... }), not ${got.en}.`,
          `CNI 설정은 ${iga(got.ko)} 아니라 JSON 객체 하나({ "cniVersion": ..., "name": ..., ... })여야 합니다.`,
        );
      }
      return loc(
        `${p} must be ${w.en}, not ${got.en} (the runtime's JSON decoding fails).`,
        `${eunneun(p)} ${iga(got.ko)} 아니라 ${w.ko}여야 합니다 (런타임의 JSON 디코딩이 실패합니다).`,
      );
    }
    case 'required': {
      const k = String(params['missingProperty']);
      return loc(`${at} needs "${k}".`, `${atKo}에 ${iga(`"${k}"`)} 필요합니다.`);
    }
    case 'enum': {
      const allowed = ((params['allowedValues'] ?? []) as unknown[]).map((x) => JSON.stringify(x)).join(', ');
      return loc(
        `${p} must be one of ${allowed}, not ${valueWords(e.data).en}.`,
        `${eunneun(p)} ${iga(valueWords(e.data).ko)} 아니라 ${allowed} 중 하나여야 합니다.`,
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
        return loc(`${p} must be from ${min} to ${max}, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${min}에서 ${max} 사이여야 합니다.`);
      }
      const limit = String(params['limit']);
      return e.keyword.endsWith('inimum')
        ? loc(`${p} must be ${limit} or more, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${limit} 이상이어야 합니다.`)
        : loc(`${p} must be ${limit} or less, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${limit} 이하여야 합니다.`);
    }
    case 'minItems': {
      const limit = Number(params['limit']);
      return loc(`${p} must have at least ${limit} item${limit === 1 ? '' : 's'}.`, `${p}에는 항목이 최소 ${limit}개 있어야 합니다.`);
    }
    case 'pattern':
      return loc(
        `${p}: ${JSON.stringify(e.data)} does not have the expected form (${String(params['pattern'])}).`,
        `${p}: ${iga(JSON.stringify(e.data))} 기대한 형식(${String(params['pattern'])})이 아닙니다.`,
      );
    default:
      return loc(`${at} is not valid here (${e.keyword}).`, `${iga(atKo)} 여기서 올바르지 않습니다 (${e.keyword}).`);
  }
}
