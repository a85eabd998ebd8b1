/** The trace panel: a packet's trace on the lab's topology, traced again as the lab changes. */
import * as vscode from 'vscode';
import { type Lab, type Lang, pick, type TraceResult, type World } from '../../../core';
import type { TraceArgsView } from '../../../core/view/types';
import type { HostMessage } from '../../../protocol/panels';
import { baseName } from '../../labfs';
import type { Views } from '../load';
import type { PanelKindSpec } from './kind';

export const tracePanel: PanelKindSpec = {
  kind: 'trace',
  viewType: 'knetlab.trace',
  title: (dir, trace) => (trace ? vscode.l10n.t('Trace: {0}', `${trace.from} → ${trace.to}`) : vscode.l10n.t('Trace: {0}', baseName(dir))),
  message(target, { views, built }, { ctx }) {
    const lang = ctx.lang;
    if (!built.topology) return { type: 'error', message: views.errorText(built.errors, lang) };
    if (!target.trace)
      return { type: 'error', message: vscode.l10n.t('No trace to show: run one from the lab panel or with knetlab: Run Trace.') };
    const t = views.traceOn(built, target.trace);
    return 'view' in t
      ? { type: 'trace', lang, labDir: target.dir.toString(), model: t.topology, view: t.view }
      : { type: 'error', message: pick(t.error, lang) };
  },
  async restoreTrace(state, loader) {
    if (state.last?.type !== 'trace') return undefined;
    const views = await loader.loadViews();
    return views.traceArgsOfState(state.last);
  },
};

/** The first message of a trace panel showing a trace just run (exactly what the command printed). */
export function tracedMessage(
  views: Views,
  dir: vscode.Uri,
  args: TraceArgsView,
  traced: { lab: Lab; world: World; result: TraceResult },
  lang: Lang,
): HostMessage {
  const t = views.traceOf(traced.lab, traced.world, traced.result, args);
  return { type: 'trace', lang, labDir: dir.toString(), model: t.topology, view: t.view };
}
