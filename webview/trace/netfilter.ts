/**
 * Netfilter steps in the trace panel (the rows of src/core/view/traceNetfilter.ts): in the event
 * list, the hook as the stage badge and a compact line (where in the tables, the rule's `-A` text,
 * what it decided, the addresses that changed, before → after); in the detail, the rule as a button
 * that opens its lab line, the packet's addresses and ports before and after with the changed ones
 * marked, conntrack's un-NAT of a reply, a statistic rule's branches with the one taken and its seed.
 */
import type { Lang } from '../../src/core/text/i18n';
import type { Step } from '../../src/core/datapath/trace';
import type { SourceRange } from '../../src/core/text/diag';
import {
  endpointText,
  type NetfilterRow,
  type NfField,
  nfFieldName,
  type NfPacket,
  type NfRewrite,
  nfWhere,
} from '../../src/core/view/traceNetfilter';
import { type Child, h } from './dom';
import { STAGES, t, tl } from './strings';

const fileName = (f: string): string => f.split(/[\\/]/).pop() ?? f;
const pct = (p: number): string => `${Math.round(p * 10000) / 100}%`;

/** The stage badge of a netfilter step: its hook (a screen reader hears "netfilter PREROUTING"). */
export function hookBadge(lang: Lang, step: Step): HTMLElement {
  const stage = tl(lang, STAGES.netfilter);
  if (!step.hook) return h('span', { class: 'stage stage-netfilter' }, stage);
  return h(
    'span',
    { class: 'stage stage-netfilter stage-hook', 'data-hook': step.hook, title: `${stage} ${step.hook}` },
    h('span', { class: 'sr-only' }, `${stage} `),
    step.hook,
  );
}

/** One side's changes: `dst 192.168.62.1:8080 → 10.200.3.2:80`, only what changed. */
function sideChanges(rw: NfRewrite): { side: 'src' | 'dst'; before: string; after: string }[] {
  const out: { side: 'src' | 'dst'; before: string; after: string }[] = [];
  const ep = (p: NfPacket, side: 'src' | 'dst') => endpointText(p[side], side === 'src' ? p.sport : p.dport);
  for (const side of ['src', 'dst'] as const) {
    const port: NfField = side === 'src' ? 'sport' : 'dport';
    if (rw.changed.includes(side) || rw.changed.includes(port)) out.push({ side, before: ep(rw.before, side), after: ep(rw.after, side) });
  }
  if (rw.changed.includes('mark'))
    out.push({ side: 'src', before: `mark 0x${(rw.before.mark ?? 0).toString(16)}`, after: `mark 0x${(rw.after.mark ?? 0).toString(16)}` });
  return out;
}

/**
 * The compact line of an event row's "what happens" cell: where, what it decided, what changed,
 * then the rule's text (the longest part, the one a narrow panel cuts).
 */
export function nfWhat(lang: Lang, row: NetfilterRow): Child[] {
  const where = tl(lang, nfWhere(row));
  const diff = row.rewrite ? sideChanges(row.rewrite) : [];
  return [
    where ? h('span', { class: 'nf-where' }, where) : null,
    where ? ' ' : null,
    h('span', { class: `nf-verdict nf-v-${row.verdict}` }, tl(lang, row.outcome)),
    ...diff.flatMap((d) => [
      ' ',
      h(
        'span',
        { class: 'nf-diff', 'data-side': d.side },
        `${d.side} ${d.before} → `,
        h('mark', { class: 'nf-changed' }, d.after),
        h('span', { class: 'sr-only' }, ` (${t(lang, 'changed')})`),
      ),
    ]),
    row.text !== undefined ? ' ' : null,
    row.text !== undefined ? h('code', { class: 'nf-rule' }, row.text) : null,
  ];
}

/** The before → after table: one row per field, the changed ones marked. */
function diffTable(lang: Lang, rw: NfRewrite): HTMLElement {
  const fields: NfField[] = (['src', 'sport', 'dst', 'dport', 'mark'] as const).filter(
    (f) => rw.before[f] !== undefined || rw.after[f] !== undefined,
  );
  const show = (p: NfPacket, f: NfField) => (p[f] === undefined ? '' : f === 'mark' ? `0x${p[f].toString(16)}` : String(p[f]));
  return h(
    'table',
    { class: 'nf-diff-table' },
    h('caption', {}, t(lang, 'nfDiff')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(lang, 'field')),
        h('th', { scope: 'col' }, t(lang, 'before')),
        h('th', { scope: 'col' }, t(lang, 'after')),
      ),
    ),
    h(
      'tbody',
      {},
      ...fields.map((f) => {
        const changed = rw.changed.includes(f);
        return h(
          'tr',
          { class: changed ? 'changed' : undefined, 'data-field': f },
          h('th', { scope: 'row' }, tl(lang, nfFieldName(f))),
          h('td', { class: 'mono' }, show(rw.before, f)),
          h(
            'td',
            { class: 'mono' },
            show(rw.after, f),
            changed
              ? h(
                  'span',
                  { class: 'changed-mark', title: t(lang, 'changed') },
                  h('span', { 'aria-hidden': 'true' }, ' ●'),
                  h('span', { class: 'sr-only' }, ` (${t(lang, 'changed')})`),
                )
              : null,
          ),
        );
      }),
    ),
  );
}

/** The detail's "what decided it" for a netfilter step. */
export function nfDetail(lang: Lang, step: Step, row: NetfilterRow, onReveal: (s: SourceRange) => void): Child[] {
  const where = tl(lang, nfWhere(row));
  const src = row.source;
  const rule =
    row.text === undefined
      ? null
      : src
        ? h(
            'button',
            {
              type: 'button',
              class: 'link reveal nf-rule',
              'aria-label': t(lang, 'nfRuleOpen', { file: fileName(src.file), line: src.line, rule: row.text }),
              'data-line': src.line,
              on: { click: () => onReveal(src) },
            },
            row.text,
          )
        : h('code', { class: 'nf-rule' }, row.text);
  const st = row.statistic;
  return [
    h('p', { class: 'nf-head' }, hookBadge(lang, step), where ? ` ${where}` : null, row.bridged ? ` (${t(lang, 'nfBridged')})` : null),
    h(
      'p',
      { class: 'nf-rule-line' },
      rule,
      rule ? ' ' : null,
      h('span', { class: `nf-verdict nf-v-${row.verdict}` }, tl(lang, row.outcome)),
    ),
    st
      ? h(
          'ul',
          { class: 'nf-branches', 'aria-label': t(lang, 'nfBranches') },
          h(
            'li',
            { class: st.taken ? 'taken' : undefined, 'aria-current': st.taken ? 'true' : undefined },
            t(lang, 'nfThisRule', { p: pct(st.probability) }),
            st.taken ? h('span', { class: 'match-badge' }, t(lang, 'nfTaken')) : null,
          ),
          h(
            'li',
            { class: st.taken ? undefined : 'taken', 'aria-current': st.taken ? undefined : 'true' },
            t(lang, 'nfNextRule', { p: pct(1 - st.probability) }),
            st.taken ? null : h('span', { class: 'match-badge' }, t(lang, 'nfTaken')),
          ),
        )
      : null,
    st ? h('p', { class: 'nf-seed' }, t(lang, 'nfDraw', { draw: st.draw.toFixed(4), seed: st.seed, p: st.probability.toFixed(4) })) : null,
    row.rewrite && row.rewrite.changed.length ? diffTable(lang, row.rewrite) : null,
  ];
}
