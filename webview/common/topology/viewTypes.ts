/** What the topology drawing offers a panel (view.ts makes it): its options, the path it marks, and its methods. */
import type { SourceRange } from '../../../src/core/text/diag';
import type { Lang } from '../../../src/core/text/i18n';
import type { TopologyViewState } from '../../../src/protocol/panels';
import type { StepAnchor, TopologyModel } from '../../../src/core/view/types';
import type { TopoLayout } from './layout';

export interface TopologyViewOptions {
  readonly lang: Lang;
  /** A node was clicked (or Enter pressed on it): show where the lab declares it. */
  readonly onReveal: (source: SourceRange) => void;
  /** The view state changed (pan, zoom, a node moved, a search): save it. */
  readonly onState: (state: TopologyViewState) => void;
  /** The state to start from (restored after a reload). */
  readonly state?: TopologyViewState;
  /** false: no dragging and no reveal (a drawing to look at). Default true. */
  readonly interactive?: boolean;
}

export interface TopologyPath {
  readonly nodes: readonly string[];
  readonly ports: readonly string[];
  readonly links: readonly string[];
}

export interface TopologyView {
  /** Draws a model; after the first, keeps the pan/zoom, the positions and the selection. */
  update(model: TopologyModel): void;
  /** Marks a packet's path; the current step's node, port and link stand out, with a packet on the link. */
  highlight(path: TopologyPath, current?: StepAnchor): void;
  clearHighlight(): void;
  /** Zooms and pans so the whole drawing shows. */
  fit(): void;
  /** Marks the nodes and ports whose name or address contains `text`, and centres them; the number of matches. */
  search(text: string): number;
  /** A standalone SVG document of the drawing, the theme's colours inlined. */
  exportSvg(): string;
  /** A PNG of the drawing, as a data URL. */
  exportPng(): Promise<string>;
  setLang(lang: Lang): void;
  /** The current view state (what onState last reported). */
  state(): TopologyViewState;
  /** The layout in use (positions of every item), for tests and for panels that draw on top. */
  layout(): TopoLayout | undefined;
  destroy(): void;
}
