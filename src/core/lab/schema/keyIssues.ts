/**
 * Messages for errors about a mapping's keys and shape: a value of the wrong type, missing keys,
 * unknown keys (with did-you-mean), a bad key name (`propertyNames`), too few or too many keys,
 * a key not allowed here. Each handler turns one ajv error into one issue, or none.
 */
import { isMap, type Node } from 'yaml';
import { loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { formOf } from './forms';
import { keyText } from './locate';
import type { Issue, IssueContext, KeywordHandler, SchemaObj } from './types';
import { eunneun, iga, ieoya, quoteList, shapeWords, valueWords } from './words';
import { eulreul } from '../../text/particle';

/** Lower ranks win when two errors land on the same node. */
export const KEYWORD_RANK: Record<string, number> = {
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

/** A key that fails `propertyNames`: ajv reports the inner error with `propertyName` set. */
export function propertyNameIssue(c: IssueContext, key: string): Issue {
  const { m, e, place, p, params, mk } = c;
  const node = m.keyNode(place, key);
  const form = e.keyword === 'pattern' ? formOf(String(params['pattern'])) : undefined;
  const where = p ? loc(` under ${p}`, ` (${p} 아래)`) : loc('', '');
  if (form) {
    return {
      ...mk(
        node,
        form.code,
        loc(
          `"${key}"${where.en} is not ${form.noun.en}: ${form.rule.en}.`,
          `"${key}"${eunneun(where.ko)} ${iga(form.noun.ko)} 아닙니다: ${form.rule.ko}.`,
        ),
      ),
      rank: KEYWORD_RANK['propertyNames']!,
    };
  }
  return {
    ...mk(
      node,
      'bad-name',
      loc(`"${key}"${where.en} is not a valid name here.`, `"${key}"${eunneun(where.ko)} 여기에 올 수 있는 이름이 아닙니다.`),
    ),
    rank: KEYWORD_RANK['propertyNames']!,
  };
}

/** `type` errors. */
function typeIssue(c: IssueContext): Issue | undefined {
  const { m, e, segs, place, p, parent, params, mk } = c;
  const expected = params['type'] === 'alternatives' ? shapeWords(parent) : shapeWords({ ...parent, type: params['type'] });
  const node = m.valueNode(place);
  const data = place.node === undefined ? undefined : e.data;
  if (segs.length === 0) {
    return mk(
      node,
      'wrong-type',
      loc(
        `A lab file must be a mapping with at least "hosts:", not ${valueWords(data).en}.`,
        `실습 파일은 ${iga(valueWords(data).ko)} 아니라 최소한 "hosts:"를 가진 매핑이어야 합니다.`,
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

/** `required` errors. */
function requiredIssue(c: IssueContext): Issue | undefined {
  const { m, e, segs, place, p, at, atKo, parent, params, when, requiredGroup, mk } = c;
  const oneOfKeys = params['oneOfKeys'] === true;
  const keys = oneOfKeys ? (params['missingProperty'] as string[]) : requiredGroup.map((x) => String(x.params['missingProperty']));
  const dep = /\/dependentSchemas\/([^/]+)\//.exec(e.schemaPath)?.[1];
  const node = dep !== undefined ? m.keyNode(place, dep.replace(/~1/g, '/').replace(/~0/g, '~')) : m.mappingNode(place);
  const soft = !oneOfKeys && keys.every((k) => softRequired(k, e.instancePath));
  const example = m.exampleOf(parent);
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
      loc(`The lab has no ${quoteList(keys.map((k) => `${k}:`))}.`, `실습에 ${iga(quoteList(keys.map((k) => `${k}:`)))} 없습니다.`),
      soft ? 'warning' : 'error',
    );
  }
  const what = keys.length === 1 ? `"${keys[0]}"` : `${quoteList(keys.slice(0, -1))} and "${keys[keys.length - 1]}"`;
  const whatKo = keys.length === 1 ? `"${keys[0]}"` : `${quoteList(keys.slice(0, -1))}, "${keys[keys.length - 1]}"`;
  return mk(
    node,
    'missing-key',
    loc(`${p} needs ${what}${when.en}${example.en}.`, `${p}에 ${iga(whatKo)} 필요합니다${when.ko}${example.ko}.`),
    soft ? 'warning' : 'error',
  );
}

/** `additionalProperties` errors. */
function additionalPropertiesIssue(c: IssueContext): Issue | undefined {
  const { m, place, at, atKo, parent, params, mk } = c;
  const key = String(params['additionalProperty']);
  const known = Object.keys((parent['properties'] ?? {}) as SchemaObj);
  const hint = didYouMean(key, known);
  const node = m.keyNode(place, key);
  const isCheck = parent['maxProperties'] === 1;
  if (isCheck) {
    // A check of an unknown kind cannot be graded: an error, with the grader's own code.
    return mk(
      node,
      'unknown-check-kind',
      loc(
        `Unknown check kind "${key}" in ${at}${hint ? `; did you mean "${hint}"?` : '.'} Known kinds: ${known.join(', ')}.`,
        `${atKo}에 알 수 없는 검사 종류 ${iga(`"${key}"`)} 있습니다.${hint ? ` ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} 알려진 종류: ${known.join(', ')}.`,
      ),
    );
  }
  return mk(
    node,
    'unknown-key',
    loc(
      `Unknown key "${key}" in ${at}${hint ? `; did you mean "${hint}"?` : '.'} Known keys: ${known.join(', ')}.`,
      `${atKo}에 알 수 없는 키 ${iga(`"${key}"`)} 있습니다.${hint ? ` ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} 알려진 키: ${known.join(', ')}.`,
    ),
    'warning',
  );
}

/** `minProperties` errors. */
function minPropertiesIssue(c: IssueContext): Issue | undefined {
  const { m, place, p, at, atKo, parent, mk } = c;
  const known = Object.keys((parent['properties'] ?? {}) as SchemaObj);
  if (parent['maxProperties'] === 1) {
    return mk(
      m.valueNode(place),
      'missing-key',
      loc(
        `${p} is a check without a kind: write one of ${known.join(', ')}, e.g. - reach: { from: a, to: 192.168.1.10 }.`,
        `${eunneun(p)} 종류가 없는 검사입니다. ${known.join(', ')} 중 하나를 쓰세요. 예: - reach: { from: a, to: 192.168.1.10 }.`,
      ),
    );
  }
  return mk(
    m.valueNode(place),
    'missing-key',
    loc(`${at} needs one of ${quoteList(known)}.`, `${atKo}에 ${quoteList(known)} 중 하나가 필요합니다.`),
  );
}

/** `maxProperties` errors. */
function maxPropertiesIssue(c: IssueContext): Issue | undefined {
  const { m, place, p, at, atKo, parent, params, mk } = c;
  const limit = Number(params['limit']);
  const map = place.node;
  const extra = isMap(map) ? (map.items[limit]?.key as Node | null | undefined) : undefined;
  const keys = isMap(map) ? map.items.map(keyText) : [];
  if (parent['maxProperties'] === 1 && parent['minProperties'] === 1) {
    return mk(
      extra ?? m.valueNode(place),
      'schema',
      loc(
        `${p}: a check has exactly one kind, but this one has ${keys.join(', ')}; start a new check (a new "- ") for each.`,
        `${p}: 검사 하나에는 종류가 정확히 하나여야 하는데 ${iga(keys.join(', '))} 있습니다. 각각 새 검사("- ")로 쓰세요.`,
      ),
    );
  }
  return mk(
    extra ?? m.valueNode(place),
    'schema',
    loc(`${at} must have at most ${limit} keys.`, `${atKo}에는 키가 최대 ${limit}개여야 합니다.`),
  );
}

/** `dependentRequired` errors. */
function dependentRequiredIssue(c: IssueContext): Issue | undefined {
  const { m, place, p, params, mk } = c;
  const prop = String(params['property']);
  const missing = String(params['missingProperty']);
  return mk(
    m.keyNode(place, prop),
    'missing-key',
    loc(`${p}: "${prop}" needs "${missing}" too.`, `${p}: "${prop}"에는 "${missing}"도 필요합니다.`),
  );
}

/** `false schema` errors. */
function falseSchemaIssue(c: IssueContext): Issue | undefined {
  const { m, segs, place, when, mk } = c;
  const parentPath = segs.slice(0, -1);
  const key = segs[segs.length - 1] ?? '';
  const node = place.key ?? m.valueNode(place);
  const pp = m.path(parentPath, place) || 'the lab';
  const ppKo = m.path(parentPath, place) || '실습';
  return mk(node, 'schema', loc(`"${key}" is not allowed in ${pp}${when.en}.`, `${ppKo}에는 ${eulreul(`"${key}"`)} 쓸 수 없습니다${when.ko}.`));
}

export const KEY_HANDLERS: [string, KeywordHandler][] = [
  ['propertyNames', () => undefined], // reported through its inner error
  ['if', () => undefined], // reported through the `then`/`else` errors
  ['type', typeIssue],
  ['required', requiredIssue],
  ['additionalProperties', additionalPropertiesIssue],
  ['minProperties', minPropertiesIssue],
  ['maxProperties', maxPropertiesIssue],
  ['dependentRequired', dependentRequiredIssue],
  ['false schema', falseSchemaIssue],
];
