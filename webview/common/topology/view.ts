/**
 * The topology drawing, reusable by every panel (the topology panel, the trace panel): an SVG drawn
 * with d3 from a TopologyModel, laid out by layout.ts. Pan and zoom (d3-zoom), hosts and switches
 * dragged and pinned (d3-drag), a tooltip on hover and on keyboard focus, a path highlighted with
 * a packet moving along the current link, search, and export as SVG or PNG.
 *
 * Keyboard: the drawing is one tab stop; arrow keys move between its nodes (hosts, namespaces,
 * bridges, switches, interfaces), Enter or Space reveals the focused node's declaration, + and -
 * zoom, 0 fits. Every node has a role, an aria-label with its name and addresses, and a hidden
 * list repeats them for screen readers.
 *
 * This file holds the view's state and wires it up; the pieces live beside it: draw.ts (nodes,
 * ports and links as SVG), labels.ts (the accessible names), tooltip.ts, highlight.ts (path,
 * current step, search matches, the moving packet), navigate.ts (keys, fit, centring) and
 * export.ts.
 */
import { drag, type D3DragEvent, select, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from 'd3';
import type { TopologyViewState } from '../../../src/protocol/panels';
import type { StepAnchor, TopoLink, TopologyModel } from '../../../src/core/view/types';
import { cssEscape, drawItem, linkD, textMeasure } from './draw';
import { exportPng, exportSvg } from './export';
import { markNodes, PacketMover, type PathMarks } from './highlight';
import { labelDrawing } from './labels';
import { bounds, type ItemGeom, layoutTopology, modelIndex, type Side, switchAttachments, type TopoLayout } from './layout';
import { centreTransform, drawingKey, fitTransform, revealTransform } from './navigate';
import { t } from './strings';
import { Tooltip } from './tooltip';

import type { TopologyView, TopologyViewOptions } from './viewTypes';

export type { TopologyPath, TopologyView, TopologyViewOptions } from './viewTypes';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Below this zoom, labels are left out. */
const FAR = 0.45;
let uid = 0;

export function createTopologyView(container: HTMLElement, opts: TopologyViewOptions): TopologyView {
  const id = `knt-topo-${++uid}`;
  const interactive = opts.interactive !== false;
  let lang = opts.lang;
  let model: TopologyModel | undefined;
  let layout: TopoLayout | undefined;
  let attach = new Map<string, { x: number; y: number; side: Side }>();
  const pinned = new Map<string, { x: number; y: number }>(Object.entries(opts.state?.pinned ?? {}));
  let transform: ZoomTransform | undefined = opts.state?.transform
    ? zoomIdentity.translate(opts.state.transform.x, opts.state.transform.y).scale(opts.state.transform.k)
    : undefined;
  let searchText = opts.state?.search ?? '';
  let focusId: string | undefined;
  let selected: string | undefined;
  let path: PathMarks | undefined;
  let current: StepAnchor | undefined;

  // ---- DOM
  const root = document.createElement('div');
  root.className = 'knt-topo';
  container.appendChild(root);
  const svgEl = document.createElementNS(SVG_NS, 'svg');
  root.appendChild(svgEl);
  const svg = select(svgEl).attr('class', 'knt-topo-svg').attr('role', 'group');
  const help = select(root).append('p').attr('class', 'knt-sr-only').attr('id', `${id}-help`);
  svg.attr('aria-describedby', `${id}-help`);
  const viewport = svg.append('g').attr('class', 'knt-viewport');
  const itemsLayer = viewport.append('g').attr('class', 'knt-items');
  const linksLayer = viewport.append('g').attr('class', 'knt-links').attr('aria-hidden', 'true');
  const overlay = viewport.append('g').attr('class', 'knt-overlay').attr('aria-hidden', 'true');
  const packet = overlay.append('circle').attr('class', 'knt-packet').attr('r', 7).style('display', 'none');
  const tip = select(root)
    .append('div')
    .attr('class', 'knt-tooltip')
    .attr('role', 'tooltip')
    .attr('id', `${id}-tip`)
    .style('display', 'none');
  const list = select(root).append('ul').attr('class', 'knt-sr-only');
  const tooltip = new Tooltip(root, tip, `${id}-tip`, (nid) => nodeEl(nid));
  const packetMover = new PacketMover(packet, linksLayer);

  // ---- text widths: the labels' font, measured once per string
  const { measure, setFont } = textMeasure(root);

  // ---- pan and zoom
  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    .on('zoom', (e: { transform: ZoomTransform }) => {
      transform = e.transform;
      viewport.attr('transform', e.transform.toString());
      // Zoomed far out, labels are unreadable: leave them out (and the browser lays out no text).
      svg.classed('knt-far', e.transform.k < FAR);
      placeTip();
    })
    .on('end', () => emitState());
  svg.call(zoomer).on('dblclick.zoom', null);

  const size = () => ({ w: svgEl.clientWidth || container.clientWidth || 800, h: svgEl.clientHeight || container.clientHeight || 600 });

  function emitState(): void {
    opts.onState(viewState());
  }

  function viewState(): TopologyViewState {
    const tr = transform ?? zoomIdentity;
    return {
      ...(pinned.size ? { pinned: Object.fromEntries(pinned) } : {}),
      transform: { x: round(tr.x), y: round(tr.y), k: round(tr.k, 1000) },
      ...(searchText ? { search: searchText } : {}),
    };
  }

  const index = () => modelIndex(model!);

  // ---- drawing
  /** Sets every focusable node's role, label and tab stop, and fills the hidden list. */
  function labelNodes(): void {
    labelDrawing(index(), lang, model!, { svg, itemsLayer, list, help });
    const first = nodes()[0];
    if (!focusId || !nodeEl(focusId)) focusId = first?.getAttribute('data-id') ?? undefined;
    if (focusId) nodeEl(focusId)?.setAttribute('tabindex', '0');
  }

  const nodes = (): SVGGElement[] => Array.from(itemsLayer.node()!.querySelectorAll<SVGGElement>('.knt-node'));
  const nodeEl = (nid: string): SVGGElement | null =>
    itemsLayer.node()!.querySelector<SVGGElement>(`.knt-node[data-id="${cssEscape(nid)}"]`);

  function drawLinks(): void {
    if (!model || !layout) return;
    attach = switchAttachments(layout, model);
    linksLayer
      .selectAll<SVGPathElement, TopoLink>('path.knt-link')
      .data(model.links, (d) => d.id)
      .join('path')
      .attr('class', (d) => `knt-link knt-link-${d.kind}`)
      .attr('data-id', (d) => d.id)
      .attr('d', (d) => linkD(layout, attach, d) ?? '');
  }

  function render(): void {
    if (!model || !layout) return;
    const active =
      document.activeElement instanceof SVGGElement && itemsLayer.node()!.contains(document.activeElement)
        ? document.activeElement.getAttribute('data-id')
        : null;
    itemsLayer
      .selectAll<SVGGElement, ItemGeom>('g.knt-item')
      .data(layout.items, (d) => d.id)
      .join('g')
      .each(function (d) {
        drawItem(select<SVGGElement, ItemGeom>(this), d, lang, measure);
      });
    if (interactive) itemsLayer.selectAll<SVGGElement, ItemGeom>('g.knt-item').call(dragger);
    drawLinks();
    labelNodes();
    applyClasses();
    if (active) nodeEl(active)?.focus({ preventScroll: true });
  }

  // ---- drag
  const dragger = drag<SVGGElement, ItemGeom>()
    .subject((_e: unknown, d: ItemGeom) => ({ x: d.x, y: d.y }))
    .on('start', function () {
      hideTip();
      this.classList.add('knt-dragging');
    })
    .on('drag', function (e: D3DragEvent<SVGGElement, ItemGeom, { x: number; y: number }>, d: ItemGeom) {
      d.x = Math.round(e.x);
      d.y = Math.round(e.y);
      this.setAttribute('transform', `translate(${d.x},${d.y})`);
      (this as SVGGElement & { __moved?: boolean }).__moved = true;
      drawLinks();
    })
    .on('end', function (_e: unknown, d: ItemGeom) {
      this.classList.remove('knt-dragging');
      const self = this as SVGGElement & { __moved?: boolean };
      if (!self.__moved) return;
      self.__moved = false;
      pinned.set(d.id, { x: d.x, y: d.y });
      // Ports turn towards their switches where they now are.
      relayout('moved');
      emitState();
    });

  function positions(): Map<string, { x: number; y: number; w: number; h: number }> {
    return new Map((layout?.items ?? []).map((it) => [it.id, { x: it.x, y: it.y, w: it.w, h: it.h }]));
  }

  /**
   * Lays out and draws the model: `fresh` (the first drawing: a fresh layout, the pinned items where
   * the user put them), `edit` (a new model: everything stays, new items go near their neighbours,
   * a grown item pushes down what it covers), `moved` (the user moved an item: ports turn to face
   * their switches, nothing else moves).
   */
  function relayout(mode: 'fresh' | 'edit' | 'moved', fitFirst = false): void {
    if (!model) return;
    setFont();
    // The panel's size before the drawing is in the page (reading it later forces a layout of everything).
    const box = fitFirst ? size() : undefined;
    const previous = mode !== 'fresh' && layout ? positions() : undefined;
    performance.mark('knetlab:topology:layout-start');
    layout = layoutTopology(model, {
      measure,
      pinned,
      ...(previous ? { previous, settle: mode === 'edit' } : {}),
      forwardingLabel: t(lang, 'forwarding'),
    });
    performance.measure('knetlab:topology:layout', 'knetlab:topology:layout-start');
    if (box) fit(box);
    performance.mark('knetlab:topology:render-start');
    render();
    performance.measure('knetlab:topology:render', 'knetlab:topology:render-start');
    performance.measure('knetlab:topology:update', 'knetlab:topology:layout-start');
  }

  // ---- tooltip
  function showTip(nid: string): void {
    if (!model) return;
    tooltip.show(index(), lang, interactive, nid);
  }

  function placeTip(): void {
    tooltip.place();
  }

  function hideTip(): void {
    tooltip.hide();
  }

  // ---- events
  const targetNode = (e: Event): SVGGElement | null =>
    e.target instanceof Element ? (e.target.closest('.knt-node') as SVGGElement | null) : null;
  svg.on('mouseover', (e: MouseEvent) => {
    const n = targetNode(e);
    if (n && n.getAttribute('data-id') !== tooltip.for) showTip(n.getAttribute('data-id')!);
  });
  svg.on('mouseout', (e: MouseEvent) => {
    const n = targetNode(e);
    const to = e.relatedTarget instanceof Element ? e.relatedTarget.closest('.knt-node') : null;
    if (n && to !== n && document.activeElement !== n) hideTip();
  });
  svg.on('focusin', (e: FocusEvent) => {
    const n = targetNode(e);
    if (!n) return;
    const nid = n.getAttribute('data-id')!;
    if (focusId && focusId !== nid) nodeEl(focusId)?.setAttribute('tabindex', '-1');
    focusId = nid;
    n.setAttribute('tabindex', '0');
    showTip(nid);
  });
  svg.on('focusout', () => hideTip());
  svg.on('click', (e: MouseEvent) => {
    const n = targetNode(e);
    if (!n) return;
    const nid = n.getAttribute('data-id')!;
    select_(nid);
    n.focus({ preventScroll: true });
    reveal(nid);
  });
  svg.on('keydown', (e: KeyboardEvent) =>
    drawingKey(e, targetNode(e), nodes(), {
      focus: (el) => {
        el.focus({ preventScroll: true });
        ensureVisible(el);
      },
      activate: (nid) => {
        select_(nid);
        reveal(nid);
      },
      zoomBy: (k) => svg.call(zoomer.scaleBy, k),
      fit: () => fit(),
      hideTip,
    }),
  );

  function reveal(nid: string): void {
    if (!interactive || !model) return;
    const ix = index();
    const source = ix.nodes.get(nid)?.source ?? ix.ports.get(nid)?.source;
    if (source) opts.onReveal(source);
  }

  function select_(nid: string): void {
    selected = nid;
    applyClasses();
  }

  function ensureVisible(el: SVGGElement): void {
    const to = revealTransform(el, svgEl, transform ?? zoomIdentity);
    if (to) svg.call(zoomer.transform, to);
  }

  // ---- highlight, search
  function applyClasses(): void {
    lastMatches = markNodes(svg, itemsLayer, linksLayer, { path, current, search: searchText, selected }, model ? index() : undefined);
    packetMover.move(current, path, layout, model);
  }
  let lastMatches = 0;

  function fit(box?: { w: number; h: number }): void {
    const b = layout ? bounds(layout.items) : undefined;
    if (!b) return;
    const { w, h } = box ?? size();
    svg.call(zoomer.transform, fitTransform(b, w, h));
  }

  /** Centres the search matches, zooming out only if they do not fit. */
  function centreMatches(): void {
    if (!layout) return;
    const els = itemsLayer.node()!.querySelectorAll<SVGGElement>('.knt-node.knt-match');
    if (!els.length) return;
    svg.call(zoomer.transform, centreTransform(els, svgEl, transform ?? zoomIdentity, size()));
  }

  const title = () => (model?.title ? (model.title[lang] ?? model.title.en) : (model?.lab ?? ''));
  function withLabels<T>(f: () => T): T {
    const far = svgEl.classList.contains('knt-far');
    svgEl.classList.remove('knt-far');
    try {
      return f();
    } finally {
      if (far) svgEl.classList.add('knt-far');
    }
  }

  const view: TopologyView = {
    update(m) {
      const first = !model;
      model = m;
      relayout(first ? 'fresh' : 'edit', first && !transform);
      if (first && searchText) applyClasses();
    },
    highlight(p, cur) {
      path = { nodes: new Set(p.nodes), ports: new Set(p.ports), links: new Set(p.links) };
      current = cur;
      applyClasses();
    },
    clearHighlight() {
      path = undefined;
      current = undefined;
      applyClasses();
    },
    fit: () => fit(),
    search(text) {
      searchText = text;
      applyClasses();
      if (text.trim()) centreMatches();
      emitState();
      return lastMatches;
    },
    // The labels always go into a file (exportPng copies the drawing before its first await).
    exportSvg: () => withLabels(() => exportSvg(svgEl, layout ? bounds(layout.items) : undefined, title())),
    exportPng: () => withLabels(() => exportPng(svgEl, layout ? bounds(layout.items) : undefined, title())),
    setLang(l) {
      if (l === lang) return;
      lang = l;
      if (model) relayout('moved');
    },
    state: viewState,
    layout: () => layout,
    destroy() {
      packetMover.stop();
      svg.on('.zoom', null);
      root.remove();
    },
  };
  // The saved pan and zoom (after a reload).
  if (transform) svg.call(zoomer.transform, transform);
  return view;
}

function round(v: number, by = 10): number {
  return Math.round(v * by) / by;
}
