/**
 * A lookup as legs of a trace, for the trace panel and `knetlab trace --to NAME`: what the resolver
 * did on its own (each nsswitch source, the /etc/hosts line, each search-list name, each query it
 * sent, each wait and answer taken) becomes `lookup` legs of `resolve` steps at the client, which
 * carry no packet; between them, each query's own legs (the query, the server's plugins, the
 * answer), in the order the resolver sent them. What a server did is already in its query's legs,
 * so its steps are not repeated.
 */
import type { Leg, Step } from '../datapath/trace';
import { loc } from '../text/i18n';
import type { Lookup, LookupStep } from './lookup';

/** A resolver's step as a trace step: at the client, stage `resolve`, its kind and facts in `data`. */
function resolveStep(lookup: Lookup, s: LookupStep): Step {
  const { legs: _legs, ...facts } = s.data ?? {};
  return {
    host: lookup.request.from.host,
    netns: lookup.request.from.netns,
    stage: 'resolve',
    detail: s.detail,
    data: {
      lookup: s.kind,
      ...(s.query !== undefined ? { query: s.query, server: lookup.queries[s.query]?.server } : {}),
      ...facts,
    },
    ...(s.source ? { source: s.source } : {}),
  };
}

/**
 * The lookup's legs with its own steps between them: a `lookup` leg up to each query (that query's
 * step last), then that query's legs; the steps after the last query in a last `lookup` leg. The
 * legs' `answers` and `parent` indexes follow them to their new places.
 */
export function lookupLegs(lookup: Lookup): Leg[] {
  const label = loc(`${lookup.request.tool} for ${lookup.request.name}`, `${lookup.request.name}에 대한 ${lookup.request.tool}`);
  const out: Leg[] = [];
  const place = new Map<number, number>();
  let pending: Step[] = [];
  let next = 0;
  const flush = () => {
    if (pending.length) out.push({ kind: 'lookup', label, steps: pending });
    pending = [];
  };
  const legsUpTo = (last: number) => {
    flush();
    for (; next <= last && next < lookup.legs.length; next++) {
      place.set(next, out.length);
      out.push(lookup.legs[next]!);
    }
  };
  for (const s of lookup.steps) {
    if (s.kind === 'server') continue;
    pending.push(resolveStep(lookup, s));
    const legs = s.kind === 'query' && s.query !== undefined ? (lookup.queries[s.query]?.legs ?? []) : [];
    if (legs.length) legsUpTo(Math.max(...legs));
  }
  legsUpTo(lookup.legs.length - 1);
  flush();
  return out.map((l) => {
    if (l.kind === 'lookup' || (l.answers === undefined && l.parent === undefined)) return l;
    const answers = l.answers !== undefined ? place.get(l.answers) : undefined;
    const parent = l.parent !== undefined ? place.get(l.parent) : undefined;
    return { ...l, ...(answers !== undefined ? { answers } : {}), ...(parent !== undefined ? { parent } : {}) };
  });
}
