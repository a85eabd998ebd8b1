/**
 * The trace's doubt, under its verdict: the lab lines the simulator does not model that the answer
 * could depend on (TraceResult.warnings, src/core/datapath/honesty.ts), each with a link to its
 * line. Hidden when there are none.
 */
import type { SourceRange } from '../../src/core/text/diag';
import type { Lang } from '../../src/core/text/i18n';
import type { TraceResult } from '../../src/core/datapath/trace';
import { fill, h } from './dom';
import { revealButton } from './detail';
import { t, tl } from './strings';

export function renderWarnings(el: HTMLElement, lang: Lang, tr: TraceResult, onReveal: (s: SourceRange) => void): void {
  const ws = tr.warnings ?? [];
  el.hidden = !ws.length;
  if (!ws.length) {
    fill(el);
    return;
  }
  fill(
    el,
    h('p', { class: 'warnings-head', id: 'warnings-head' }, t(lang, 'mayBeWrong')),
    h(
      'ul',
      { 'aria-labelledby': 'warnings-head' },
      ...ws.map((w) => {
        const at: SourceRange = { file: w.file, line: w.line, column: w.column, endLine: w.endLine, endColumn: w.endColumn };
        return h('li', { 'data-line': w.line, 'data-code': w.code }, revealButton(lang, at, onReveal), ' ', tl(lang, w.message));
      }),
    ),
  );
}
