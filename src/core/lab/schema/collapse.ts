/**
 * Collapsing alternatives: a failed `oneOf`/`anyOf` gives ajv's errors for every alternative;
 * the student needs those of the one they meant. This keeps the most specific alternative's.
 */
import type { SchemaError } from './types';

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
export function collapse(errors: SchemaError[]): SchemaError[] {
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
