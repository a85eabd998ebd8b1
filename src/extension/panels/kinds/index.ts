/** Every kind of panel. A kind is one module of this folder and one entry here. */
import type { PanelKind } from '../../../protocol/panels';
import type { PanelKindSpec } from './kind';
import { labPanel } from './lab';
import { topologyPanel } from './topology';
import { tracePanel } from './trace';

export type { KindContext, PanelKindSpec, PanelTarget } from './kind';

export const PANEL_KINDS: readonly PanelKindSpec[] = [topologyPanel, tracePanel, labPanel];

/** The description of a kind. */
export function panelKind(kind: PanelKind): PanelKindSpec {
  const spec = PANEL_KINDS.find((k) => k.kind === kind);
  if (!spec) throw new Error(`no panel kind ${kind}`);
  return spec;
}
