/**
 * Messages for errors about a value: not one of the allowed values, not of the pattern's form (in
 * words, see forms.ts), out of range, too short or too long, a list with too few, too many or
 * repeated items, a value that fits several alternatives; and the fallback for any other keyword.
 */
import { type Localized, loc } from '../../text/i18n';
import { formOf } from './forms';
import type { Issue, IssueContext, KeywordHandler } from './types';
import { eunneun, iga, ieoya, valueWords } from './words';

/** `enum` errors. */
function enumIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, params, when, mk } = c;
  const allowed = ((params['allowedValues'] ?? []) as unknown[]).map((x) => JSON.stringify(x).replace(/^"(.*)"$/, '$1'));
  return mk(
    m.valueNode(place),
    'schema',
    loc(
      `${p} must be one of ${allowed.join(', ')}${when.en}, not ${valueWords(e.data).en}.`,
      `${eunneun(p)} ${iga(valueWords(e.data).ko)} 아니라 ${allowed.join(', ')} 중 하나여야 합니다${when.ko}.`,
    ),
  );
}

/** `const` errors. */
function constIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, params, mk } = c;
  const v = JSON.stringify(params['allowedValue']);
  return mk(
    m.valueNode(place),
    'schema',
    loc(`${p} must be ${v}, not ${valueWords(e.data).en}.`, `${eunneun(p)} ${iga(valueWords(e.data).ko)} 아니라 ${ieoya(v)} 합니다.`),
  );
}

/** `pattern` errors. */
function patternIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, params, mk } = c;
  const form = formOf(String(params['pattern']));
  const v = String(e.data);
  if (form) {
    return mk(
      m.valueNode(place),
      form.code,
      loc(`${p}: "${v}" is not ${form.noun.en}: ${form.rule.en}.`, `${p}: ${eunneun(`"${v}"`)} ${iga(form.noun.ko)} 아닙니다: ${form.rule.ko}.`),
    );
  }
  return mk(
    m.valueNode(place),
    'schema',
    loc(
      `${p}: "${v}" does not have the expected form (${String(params['pattern'])}).`,
      `${p}: ${iga(`"${v}"`)} 기대한 형식(${String(params['pattern'])})이 아닙니다.`,
    ),
  );
}

/** `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` errors. */
function limitIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, parent, params, mk } = c;
  const min = parent['minimum'];
  const max = parent['maximum'];
  const v = String(e.data);
  if (typeof min === 'number' && typeof max === 'number') {
    return mk(
      m.valueNode(place),
      'schema',
      loc(`${p} must be from ${min} to ${max}, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${min}에서 ${max} 사이여야 합니다.`),
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
  return mk(m.valueNode(place), 'schema', loc(`${p} must be ${w.en}, not ${v}.`, `${eunneun(p)} ${iga(v)} 아니라 ${ieoya(w.ko)} 합니다.`));
}

/** `minLength`, `maxLength` errors. */
function lengthIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, params, mk } = c;
  const limit = Number(params['limit']);
  if (e.keyword === 'minLength' && limit === 1)
    return mk(m.valueNode(place), 'schema', loc(`${p} must not be empty.`, `${eunneun(p)} 비어 있으면 안 됩니다.`));
  const w = e.keyword === 'minLength' ? loc(`at least ${limit}`, `최소 ${limit}`) : loc(`at most ${limit}`, `최대 ${limit}`);
  return mk(m.valueNode(place), 'schema', loc(`${p} must have ${w.en} characters.`, `${eunneun(p)} ${w.ko}자여야 합니다.`));
}

/** `minItems`, `maxItems` errors. */
function itemsIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, parent, params, mk } = c;
  const min = parent['minItems'];
  const max = parent['maxItems'];
  const n = Array.isArray(e.data) ? e.data.length : 0;
  const limit = Number(params['limit']);
  const example = m.exampleOf(parent);
  if (min === max)
    return mk(
      m.valueNode(place),
      'schema',
      loc(
        `${p} must have exactly ${limit} items, not ${n}${example.en}.`,
        `${p}에는 항목이 ${n}개가 아니라 정확히 ${limit}개 있어야 합니다${example.ko}.`,
      ),
    );
  if (e.keyword === 'minItems')
    return mk(
      m.valueNode(place),
      'schema',
      loc(`${p} must have at least ${limit} item${limit === 1 ? '' : 's'}.`, `${p}에는 항목이 최소 ${limit}개 있어야 합니다.`),
    );
  return mk(
    m.valueNode(place),
    'schema',
    loc(`${p} must have at most ${limit} items, not ${n}.`, `${p}에는 항목이 ${n}개가 아니라 최대 ${limit}개 있어야 합니다.`),
  );
}

/** `uniqueItems` errors. */
function uniqueItemsIssue(c: IssueContext): Issue | undefined {
  const { m, e, segs, p, params, mk } = c;
  const i = Math.max(Number(params['i']), Number(params['j'])); // the later of the two
  const item = m.locate([...segs, String(i)]);
  const v = Array.isArray(e.data) ? e.data[i] : undefined;
  return mk(
    m.valueNode(item),
    'duplicate-name',
    loc(`${p}: ${JSON.stringify(v)} is listed twice.`, `${p}: ${iga(JSON.stringify(v))} 두 번 있습니다.`),
  );
}

/** `oneOf` errors. */
function oneOfIssue(c: IssueContext): Issue | undefined {
  const { m, place, p, mk } = c;
  // Several alternatives matched (none matching is collapsed before).
  return mk(
    m.valueNode(place),
    'schema',
    loc(
      `${p || 'The lab'} fits more than one form; keep the keys of only one.`,
      `${iga(p || '실습')} 여러 형식에 맞습니다. 한 형식의 키만 남기세요.`,
    ),
  );
}

/** Any other keyword. */
export function otherIssue(c: IssueContext): Issue | undefined {
  const { m, e, place, p, mk } = c;
  return mk(
    m.valueNode(place),
    'schema',
    loc(`${p || 'The lab'} is not valid here (${e.keyword}).`, `${iga(p || '실습')} 올바르지 않습니다 (${e.keyword}).`),
  );
}

export const VALUE_HANDLERS: [string, KeywordHandler][] = [
  ['enum', enumIssue],
  ['const', constIssue],
  ['pattern', patternIssue],
  ...(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const).map((k): [string, KeywordHandler] => [k, limitIssue]),
  ['minLength', lengthIssue],
  ['maxLength', lengthIssue],
  ['minItems', itemsIssue],
  ['maxItems', itemsIssue],
  ['uniqueItems', uniqueItemsIssue],
  ['oneOf', oneOfIssue],
];
