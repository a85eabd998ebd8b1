/**
 * What the panel calls each leg of a trace (a request, its reply, a name lookup's query and
 * answer, a proxied connection), and how the event list lays the legs out: a leg beside the leg
 * that answers it, in walk order. Kept apart from the list itself so that the detail, the table
 * and the live region name a leg the same way.
 */
import type { Lang, Localized } from '../../src/core/text/i18n';
import type { LegKind, TraceResult } from '../../src/core/datapath/trace';
import { legKind, legsOf, mainLeg } from '../../src/core/view/trace';
import { t, tl } from './strings';

export const LEG_KINDS: Readonly<Record<LegKind, Localized>> = {
  request: { en: 'Request', ko: '요청' },
  reply: { en: 'Reply', ko: '응답' },
  query: { en: 'Query', ko: '질의' },
  answer: { en: 'Answer', ko: 'DNS 응답' },
  lookup: { en: 'Lookup', ko: '이름 해석' },
};

/** The leg's kind in words, numbered when the trace has more than one leg of that kind (`Request 2`). */
export function legName(lang: Lang, trace: TraceResult, i: number): string {
  const kind = legKind(trace, i);
  const same = legsOf(trace)
    .map((_, k) => k)
    .filter((k) => legKind(trace, k) === kind);
  const name = tl(lang, LEG_KINDS[kind]);
  return same.length > 1 ? `${name} ${same.indexOf(i) + 1}` : name;
}

/** The heading of a leg's list: its name, what it carries, how many steps. */
export function legHeading(lang: Lang, trace: TraceResult, i: number): string {
  const leg = legsOf(trace)[i];
  const n = leg?.steps.length ?? 0;
  const name = legName(lang, trace, i);
  return leg?.label ? t(lang, 'eventsLabelled', { leg: name, label: tl(lang, leg.label), n }) : t(lang, 'events', { leg: name, n });
}

/** For a leg another leg opened (a proxy's connection onward): that leg, in words. */
export function legParent(lang: Lang, trace: TraceResult, i: number): string | undefined {
  const parent = legsOf(trace)[i]?.parent;
  return parent !== undefined && parent !== i && parent < legsOf(trace).length
    ? t(lang, 'openedBy', { leg: legName(lang, trace, parent) })
    : undefined;
}

/**
 * One cell of the event list: a leg (its index), or the reply that never came (a trace whose
 * reply has no steps leaves it out of `legs`; the list still says that nothing came back).
 */
export type LegSlot = { readonly leg: number } | { readonly noReply: true };

/**
 * The legs in walk order, grouped in rows: a leg and the one that answers it (request and reply,
 * query and answer) side by side, any other leg on its own row. An ordinary trace is one row,
 * the request beside the reply.
 */
export function legRows(trace: TraceResult): LegSlot[][] {
  const legs = legsOf(trace);
  const answers = (k: number, i: number): boolean => {
    const a = legs[k]?.answers;
    if (a !== undefined) return a === i;
    const kind = legKind(trace, k);
    const of = legKind(trace, i);
    return (kind === 'reply' && of === 'request') || (kind === 'answer' && of === 'query');
  };
  const request = mainLeg(trace, 'request');
  const noReply = mainLeg(trace, 'reply') < 0;
  const rows: LegSlot[][] = [];
  for (let i = 0; i < legs.length; i++) {
    if (i + 1 < legs.length && answers(i + 1, i)) {
      rows.push([{ leg: i }, { leg: i + 1 }]);
      i++;
    } else if (i === request && noReply) {
      rows.push([{ leg: i }, { noReply: true }]);
    } else {
      rows.push([{ leg: i }]);
    }
  }
  return rows;
}
