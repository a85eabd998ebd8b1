/**
 * Where a trace splits (an iptables `statistic` rule, say): the trace itself and each alternative
 * with its verdict, as radio buttons. Apart from main.ts so that the panel's class stays about
 * showing one trace; the panel says which branch is shown and hears which one is picked.
 */
import type { Lang } from '../../src/core/text/i18n';
import type { TraceView } from '../../src/core/view/types';
import { fill, h } from './dom';
import { t, tl, verdictLabel } from './strings';

/**
 * Draws the branches of `view` into `el` (hidden when there are none), `current` checked
 * (undefined: the trace itself); `onPick` hears another choice (undefined: the trace itself).
 */
export function renderBranches(
  el: HTMLElement,
  lang: Lang,
  view: TraceView | undefined,
  current: number | undefined,
  onPick: (branch: number | undefined) => void,
): void {
  if (!view || view.branches.length === 0) {
    el.hidden = true;
    fill(el);
    return;
  }
  el.hidden = false;
  const opts = [
    { label: t(lang, 'branchMain'), trace: view.trace, value: -1 },
    ...view.branches.map((b, i) => ({ label: tl(lang, b.label), trace: b.trace, value: i })),
  ];
  const picked = (e: Event): void => {
    const radio = e.target as HTMLElement & { value?: string; checked?: boolean };
    if (radio.tagName !== 'VSCODE-RADIO' || !radio.checked) return;
    const i = Number(radio.value);
    const next = i < 0 ? undefined : i;
    if (next !== current) onPick(next);
  };
  const group = h(
    'vscode-radio-group',
    { id: 'branch-group', variant: 'vertical', 'aria-labelledby': 'branches-head', on: { change: picked } },
    ...opts.map((o) =>
      h('vscode-radio', {
        name: 'branch',
        value: String(o.value),
        label: `${o.label}: ${verdictLabel(lang, o.trace)}`,
        checked: (current ?? -1) === o.value,
        'data-branch': o.value,
      }),
    ),
  );
  fill(el, h('h2', { id: 'branches-head', class: 'branches-head' }, t(lang, 'branches')), group);
}
