/** The topology panel: the lab drawn from the simulator's model. */
import * as vscode from 'vscode';
import { baseName } from '../../labfs';
import type { PanelKindSpec } from './kind';

export const topologyPanel: PanelKindSpec = {
  kind: 'topology',
  viewType: 'knetlab.topology',
  title: (dir) => vscode.l10n.t('Topology: {0}', baseName(dir)),
  message(target, { views, built }, { ctx }) {
    const lang = ctx.lang;
    return built.topology
      ? { type: 'topology', lang, labDir: target.dir.toString(), model: built.topology }
      : { type: 'error', message: views.errorText(built.errors, lang) };
  },
};
