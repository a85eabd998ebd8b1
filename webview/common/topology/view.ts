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
 */
import { drag, type D3DragEvent, select, type Selection, zoom, type ZoomBehavior, zoomIdentity, type ZoomTransform } from 'd3';
import type { SourceRange } from '../../../src/core/text/diag';
import type { Lang } from '../../../src/core/text/i18n';
import type { TopologyViewState } from '../../../src/protocol/panels';
import type { StepAnchor, TopoLink, TopologyModel, TopoNode, TopoPort } from '../../../src/core/view/types';
import { exportPng, exportSvg } from './export';
import { bounds, type ItemGeom, layoutTopology, M, type Measure, modelIndex, type PortGeom, type Side, switchAttachments, type TopoLayout } from './layout';
import { t } from './strings';

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
  let transform: ZoomTransform | undefined = opts.state?.transform ? zoomIdentity.translate(opts.state.transform.x, opts.state.transform.y).scale(opts.state.transform.k) : undefined;
  let searchText = opts.state?.search ?? '';
  let focusId: string | undefined;
  let selected: string | undefined;
  let path: { nodes: Set<string>; ports: Set<string>; links: Set<string> } | undefined;
  let current: StepAnchor | undefined;
  let frame = 0;

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
  const tip = select(root).append('div').attr('class', 'knt-tooltip').attr('role', 'tooltip').attr('id', `${id}-tip`).style('display', 'none');
  const list = select(root).append('ul').attr('class', 'knt-sr-only');

  // ---- text widths: the labels' font, measured once per string
  const canvas = document.createElement('canvas');
  const ctx2d = canvas.getContext('2d');
  const widths = new Map<string, number>();
  let font = '';
  const measure: Measure = (text) => {
    let w = widths.get(text);
    if (w === undefined) {
      w = ctx2d ? Math.ceil(ctx2d.measureText(text).width) : text.length * 7.2;
      widths.set(text, w);
    }
    return w;
  };
  const setFont = () => {
    const fam = getComputedStyle(root).getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
    const f = `12px ${fam}`;
    if (f !== font && ctx2d) {
      font = f;
      ctx2d.font = f;
      widths.clear();
    }
  };

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

  // ---- labels
  const index = () => modelIndex(model!);

  function nodeLabel(n: TopoNode): string {
    const ix = index();
    const ports = (ix.portsOf.get(n.id) ?? []).filter((p) => p.kind !== 'loopback');
    const addrs = ports.map((p) => `${p.name} ${p.addresses.join(' ') || t(lang, 'noAddress')}`).join(', ');
    switch (n.kind) {
      case 'host':
        return `${t(lang, 'host')} ${n.name}, ${t(lang, n.forwarding ? 'forwardingOn' : 'forwardingOff')}${addrs ? `, ${addrs}` : ''}`;
      case 'netns':
        return `${t(lang, 'netns')} ${n.name}, ${t(lang, 'inNode', ix.nodes.get(n.parent ?? '')?.name ?? '')}${addrs ? `, ${addrs}` : ''}`;
      case 'switch': {
        const ends = (ix.linksAt.get(n.id) ?? []).map((l) => portName(l.a));
        return `${t(lang, 'switch')} ${n.name}, ${t(lang, 'connected', ends.join(', ') || t(lang, 'none'))}`;
      }
      case 'bridge': {
        const self = (ix.portsOf.get(n.parent ?? '') ?? []).find((p) => p.kind === 'bridge' && p.name === n.name);
        const slaves = (ix.linksAt.get(n.id) ?? []).map((l) => ix.ports.get(l.a)?.name ?? l.a);
        return `${t(lang, 'bridge')} ${n.name}, ${t(lang, 'inNode', ix.nodes.get(n.parent ?? '')?.name ?? '')}, ${self?.addresses.join(' ') || t(lang, 'noAddress')}, ${t(lang, 'ports', slaves.join(', ') || t(lang, 'none'))}`;
      }
    }
  }

  function portName(pid: string): string {
    const ix = index();
    const p = ix.ports.get(pid);
    if (!p) return pid;
    return `${ix.nodes.get(p.node)?.name ?? ''} ${p.name}`;
  }

  function portRelations(p: TopoPort): string[] {
    const ix = index();
    const out: string[] = [];
    for (const l of ix.linksAt.get(p.id) ?? []) {
      if (l.kind === 'cable') out.push(t(lang, 'cabledTo', ix.nodes.get(l.b)?.name ?? l.b));
      else if (l.kind === 'veth') out.push(t(lang, 'vethPeer', portName(l.a === p.id ? l.b : l.a)));
      else if (l.kind === 'bridge-port' && l.a === p.id) out.push(t(lang, 'masterOf', ix.nodes.get(l.b)?.name ?? l.b));
    }
    return out;
  }

  function portState(p: TopoPort): string {
    if (!p.up) return t(lang, 'down');
    if (p.state === 'LOWERLAYERDOWN') return t(lang, 'noCarrier');
    return t(lang, 'state', p.state ?? 'UP');
  }

  function portAria(p: TopoPort): string {
    const owner = index().nodes.get(p.node)?.name ?? '';
    return [`${t(lang, 'port')} ${p.name}, ${t(lang, 'inNode', owner)}`, p.addresses.join(' ') || t(lang, 'noAddress'), portState(p), ...portRelations(p)].join(', ');
  }

  // ---- drawing
  function portClass(p: TopoPort): string {
    return `knt-node knt-port knt-port-${p.kind}${!p.up ? ' knt-down' : p.state === 'LOWERLAYERDOWN' ? ' knt-nocarrier' : ''}`;
  }

  function drawItem(g: Selection<SVGGElement, ItemGeom, null, undefined>, it: ItemGeom): void {
    g.selectAll('*').remove();
    g.attr('transform', `translate(${it.x},${it.y})`).attr('data-id', it.id).attr('class', `knt-item knt-item-${it.kind}`);
    if (it.kind === 'switch') {
      const n = it.node;
      const s = g.append('g').attr('class', 'knt-node knt-switch').attr('data-id', n.id);
      s.append('rect').attr('class', 'knt-frame').attr('width', it.w).attr('height', it.h).attr('rx', 12);
      const cy = it.h / 2;
      // Two arrows, one each way: a switch's glyph.
      s.append('path').attr('class', 'knt-glyph').attr('d', `M12 ${cy - 4} h16 m-4 -4 l4 4 l-4 4 M28 ${cy + 4} h-16 m4 -4 l-4 4 l4 4`);
      s.append('text').attr('class', 'knt-title').attr('x', 36).attr('y', cy + 4).text(n.name);
      return;
    }
    for (const b of it.boxes) {
      const n = b.node;
      const bx = g.append('g').attr('class', `knt-node knt-box knt-${n.kind}`).attr('data-id', n.id);
      if (n.kind === 'bridge') {
        bx.append('rect').attr('class', 'knt-frame').attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 3);
        bx.append('text').attr('class', 'knt-title').attr('x', b.lx).attr('y', b.ly).attr('text-anchor', b.anchor).text(n.name);
        if (b.sub) bx.append('text').attr('class', 'knt-sub').attr('x', b.lx).attr('y', b.ly + 14).attr('text-anchor', b.anchor).text(b.sub);
      } else {
        bx.append('rect').attr('class', 'knt-frame').attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', n.kind === 'host' ? 6 : 4);
        bx.append('text').attr('class', 'knt-title').attr('x', b.lx).attr('y', b.ly).text(n.name);
        if (n.kind === 'host' && n.forwarding) {
          bx.append('text').attr('class', 'knt-badge').attr('x', b.lx + measure(n.name) * 1.1 + 8).attr('y', b.ly).text(t(lang, 'forwarding'));
        }
      }
    }
    for (const p of it.ports) drawPort(g, p);
  }

  function drawPort(g: Selection<SVGGElement, ItemGeom, null, undefined>, p: PortGeom): void {
    const s = M.port;
    const el = g.append('g').attr('class', portClass(p.port)).attr('data-id', p.id);
    el.append('rect').attr('class', 'knt-square').attr('x', p.x - s / 2).attr('y', p.y - s / 2).attr('width', s).attr('height', s).attr('rx', 2);
    if (p.label) el.append('text').attr('class', 'knt-label').attr('x', p.lx).attr('y', p.ly).attr('text-anchor', p.anchor).text(p.label);
  }

  /** Sets every focusable node's role, label and tab stop, and fills the hidden list. */
  function labelNodes(): void {
    const ix = index();
    const items: { id: string; text: string }[] = [];
    itemsLayer.selectAll<SVGGElement, unknown>('.knt-node').each(function () {
      const nid = this.getAttribute('data-id')!;
      const n = ix.nodes.get(nid);
      const p = n ? undefined : ix.ports.get(nid);
      const text = n ? nodeLabel(n) : p ? portAria(p) : nid;
      this.setAttribute('role', 'button');
      this.setAttribute('aria-label', text);
      this.setAttribute('tabindex', '-1');
      items.push({ id: nid, text });
    });
    list.attr('aria-label', t(lang, 'nodeList'));
    list.selectAll('li').data(items).join('li').text((d) => d.text);
    svg.attr('aria-roledescription', t(lang, 'roleDiagram'));
    svg.attr('aria-label', t(lang, 'diagram', model?.title ? (model.title[lang] ?? model.title.en) : model?.lab ?? ''));
    help.text(t(lang, 'diagramHelp'));
    const first = nodes()[0];
    if (!focusId || !nodeEl(focusId)) focusId = first?.getAttribute('data-id') ?? undefined;
    if (focusId) nodeEl(focusId)?.setAttribute('tabindex', '0');
  }

  const nodes = (): SVGGElement[] => Array.from(itemsLayer.node()!.querySelectorAll<SVGGElement>('.knt-node'));
  const nodeEl = (nid: string): SVGGElement | null => itemsLayer.node()!.querySelector<SVGGElement>(`.knt-node[data-id="${cssEscape(nid)}"]`);

  function linkD(l: TopoLink): string | undefined {
    if (!layout) return undefined;
    const pa = portAt(l.a);
    if (!pa) return undefined;
    const dir = (s: Side) => (s === 'right' ? 1 : -1);
    const curve = (x1: number, y1: number, d1: number, x2: number, y2: number, d2: number) => {
      const k = Math.max(24, Math.abs(x2 - x1) * 0.5);
      return `M${r1(x1)},${r1(y1)}C${r1(x1 + d1 * k)},${r1(y1)} ${r1(x2 + d2 * k)},${r1(y2)} ${r1(x2)},${r1(y2)}`;
    };
    const half = M.port / 2;
    if (l.kind === 'cable') {
      const at = attach.get(l.id);
      if (!at) return undefined;
      const d1 = dir(pa.side);
      return curve(pa.x + d1 * half, pa.y, d1, at.x, at.y, dir(at.side));
    }
    if (l.kind === 'veth') {
      const pb = portAt(l.b);
      if (!pb) return undefined;
      let d1 = dir(pa.side);
      let d2 = dir(pb.side);
      if (pa.item === pb.item && Math.abs(pb.x - pa.x) > 20) {
        d1 = pb.x > pa.x ? 1 : -1;
        d2 = -d1;
      }
      return curve(pa.x + d1 * half, pa.y, d1, pb.x + d2 * half, pb.y, d2);
    }
    // A bridge port: from the port's square to the bar.
    const bar = layout.box.get(l.b);
    const owner = layout.owner.get(l.b);
    if (!bar || owner === undefined) return undefined;
    const it = layout.item.get(owner)!;
    const bx0 = it.x + bar.x;
    const bx1 = bx0 + bar.w;
    const x1 = pa.x < bx0 ? pa.x + half : pa.x - half;
    const x2 = pa.x < bx0 ? bx0 : bx1;
    return `M${r1(x1)},${r1(pa.y)}H${r1(x2)}`;
  }

  function portAt(pid: string): { x: number; y: number; side: Side; item: string } | undefined {
    const p = layout?.port.get(pid);
    const owner = layout?.owner.get(pid);
    if (!p || owner === undefined) return undefined;
    const it = layout!.item.get(owner)!;
    return { x: it.x + p.x, y: it.y + p.y, side: p.side, item: owner };
  }

  function drawLinks(): void {
    if (!model || !layout) return;
    attach = switchAttachments(layout, model);
    linksLayer
      .selectAll<SVGPathElement, TopoLink>('path.knt-link')
      .data(model.links, (d) => d.id)
      .join('path')
      .attr('class', (d) => `knt-link knt-link-${d.kind}`)
      .attr('data-id', (d) => d.id)
      .attr('d', (d) => linkD(d) ?? '');
  }

  function render(): void {
    if (!model || !layout) return;
    const active = document.activeElement instanceof SVGGElement && itemsLayer.node()!.contains(document.activeElement) ? document.activeElement.getAttribute('data-id') : null;
    itemsLayer
      .selectAll<SVGGElement, ItemGeom>('g.knt-item')
      .data(layout.items, (d) => d.id)
      .join('g')
      .each(function (d) {
        drawItem(select<SVGGElement, ItemGeom>(this), d);
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
    layout = layoutTopology(model, { measure, pinned, ...(previous ? { previous, settle: mode === 'edit' } : {}), forwardingLabel: t(lang, 'forwarding') });
    performance.measure('knetlab:topology:layout', 'knetlab:topology:layout-start');
    if (box) fit(box);
    performance.mark('knetlab:topology:render-start');
    render();
    performance.measure('knetlab:topology:render', 'knetlab:topology:render-start');
    performance.measure('knetlab:topology:update', 'knetlab:topology:layout-start');
  }

  // ---- tooltip
  let tipFor: string | undefined;
  function showTip(nid: string): void {
    if (!model) return;
    const ix = index();
    const n = ix.nodes.get(nid);
    const p = n ? undefined : ix.ports.get(nid);
    if (!n && !p) return;
    tipFor = nid;
    const el = tip.node()!;
    el.replaceChildren();
    const head = (text: string) => el.appendChild(Object.assign(document.createElement('div'), { className: 'knt-tip-head', textContent: text }));
    const line = (text: string, cls = '') => el.appendChild(Object.assign(document.createElement('div'), { className: cls, textContent: text }));
    const pre = (lines: readonly string[]) => el.appendChild(Object.assign(document.createElement('pre'), { textContent: lines.length ? lines.join('\n') : t(lang, 'noRoutes') }));
    if (p) {
      head(`${t(lang, 'port')} ${p.name} (${ix.nodes.get(p.node)?.name ?? ''})`);
      line(`${t(lang, 'addresses')}: ${p.addresses.join(' ') || t(lang, 'noAddress')}`);
      line(portState(p), !p.up || p.state === 'LOWERLAYERDOWN' ? 'knt-tip-warn' : '');
      if (p.mac) line(t(lang, 'mac', p.mac));
      for (const r of portRelations(p)) line(r);
    } else if (n) {
      const kind = n.kind === 'netns' ? 'netns' : n.kind;
      head(`${t(lang, kind)} ${n.name}`);
      if (n.kind === 'host' || n.kind === 'netns') {
        line(t(lang, n.forwarding ? 'forwardingOn' : 'forwardingOff'));
        line(`${t(lang, 'addresses')}:`, 'knt-tip-sub');
        pre((ix.portsOf.get(n.id) ?? []).map((q) => `${q.name.padEnd(12)} ${q.up ? (q.state ?? 'UP') : 'DOWN'} ${q.addresses.join(' ')}`.trimEnd()));
        for (const tb of n.tables ?? []) {
          line(t(lang, 'routes', tb.table), 'knt-tip-sub');
          pre(tb.routes);
        }
      } else {
        line(nodeLabel(n).split(', ').slice(1).join(', '));
      }
    }
    if (interactive && (n?.source ?? p?.source)) line(t(lang, 'revealHint'), 'knt-tip-hint');
    tip.style('display', 'block');
    placeTip();
    nodeEl(nid)?.setAttribute('aria-describedby', `${id}-tip`);
  }

  function placeTip(): void {
    if (!tipFor || tip.style('display') === 'none') return;
    const el = nodeEl(tipFor);
    if (!el) return hideTip();
    const r = el.getBoundingClientRect();
    const c = root.getBoundingClientRect();
    const tw = tip.node()!.offsetWidth;
    const th = tip.node()!.offsetHeight;
    let x = r.right - c.left + 8;
    if (x + tw > c.width) x = Math.max(0, r.left - c.left - tw - 8);
    let y = r.top - c.top;
    if (y + th > c.height) y = Math.max(0, c.height - th);
    tip.style('left', `${Math.round(x)}px`).style('top', `${Math.round(Math.max(0, y))}px`);
  }

  function hideTip(): void {
    if (tipFor) nodeEl(tipFor)?.removeAttribute('aria-describedby');
    tipFor = undefined;
    tip.style('display', 'none');
  }

  // ---- events
  const targetNode = (e: Event): SVGGElement | null => (e.target instanceof Element ? (e.target.closest('.knt-node') as SVGGElement | null) : null);
  svg.on('mouseover', (e: MouseEvent) => {
    const n = targetNode(e);
    if (n && n.getAttribute('data-id') !== tipFor) showTip(n.getAttribute('data-id')!);
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
  svg.on('keydown', (e: KeyboardEvent) => {
    const n = targetNode(e);
    const all = nodes();
    const i = n ? all.indexOf(n) : -1;
    const go = (j: number) => {
      const el = all[Math.max(0, Math.min(all.length - 1, j))];
      if (!el) return;
      el.focus({ preventScroll: true });
      ensureVisible(el);
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        go(i + 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(all.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (!n) return;
        select_(n.getAttribute('data-id')!);
        reveal(n.getAttribute('data-id')!);
        break;
      case '+':
      case '=':
        svg.call(zoomer.scaleBy, 1.25);
        break;
      case '-':
        svg.call(zoomer.scaleBy, 0.8);
        break;
      case '0':
        fit();
        break;
      case 'Escape':
        hideTip();
        break;
      default:
        return;
    }
    e.preventDefault();
  });

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
    const r = el.getBoundingClientRect();
    const c = svgEl.getBoundingClientRect();
    if (r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom) return;
    const tr = transform ?? zoomIdentity;
    const cx = (r.left + r.right) / 2 - c.left;
    const cy = (r.top + r.bottom) / 2 - c.top;
    svg.call(zoomer.transform, tr.translate((c.width / 2 - cx) / tr.k, (c.height / 2 - cy) / tr.k));
  }

  // ---- highlight, search
  function applyClasses(): void {
    const q = searchText.trim().toLowerCase();
    const ix = model ? index() : undefined;
    let matches = 0;
    itemsLayer.selectAll<SVGGElement, unknown>('.knt-node').each(function () {
      const nid = this.getAttribute('data-id')!;
      const onPath = !!path && (path.nodes.has(nid) || path.ports.has(nid));
      const isCurrent = !!current && (current.node === nid || current.port === nid);
      let match = false;
      if (q && ix) {
        const n = ix.nodes.get(nid);
        const p = ix.ports.get(nid);
        match = !!(n && n.name.toLowerCase().includes(q)) || !!(p && (p.name.toLowerCase().includes(q) || p.addresses.some((a) => a.includes(q)) || (p.mac ?? '').includes(q)));
      }
      if (match) matches++;
      this.classList.toggle('knt-on-path', onPath);
      this.classList.toggle('knt-current', isCurrent);
      this.classList.toggle('knt-match', match);
      this.classList.toggle('knt-selected', nid === selected);
    });
    linksLayer.selectAll<SVGPathElement, TopoLink>('path.knt-link').each(function (d) {
      this.classList.toggle('knt-on-path', !!path?.links.has(d.id));
      this.classList.toggle('knt-current', current?.link === d.id);
    });
    svg.classed('knt-has-path', !!path).classed('knt-searching', !!q);
    lastMatches = matches;
    movePacket();
  }
  let lastMatches = 0;

  function movePacket(): void {
    cancelAnimationFrame(frame);
    frame = 0;
    if (!current || !layout) {
      packet.style('display', 'none');
      return;
    }
    const linkEl = current.link ? linksLayer.node()!.querySelector<SVGPathElement>(`path.knt-link[data-id="${cssEscape(current.link)}"]`) : null;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (linkEl && linkEl.getAttribute('d')) {
      const len = linkEl.getTotalLength();
      const l = model?.links.find((x) => x.id === current!.link);
      // Towards the current port when the other end was crossed already (the frame arrives), else away from it.
      let forward = true;
      if (l && current.port) {
        const other = l.a === current.port ? l.b : l.a;
        const crossed = !!path && (path.ports.has(other) || path.nodes.has(other));
        const towardsA = l.a === current.port ? crossed : !crossed;
        forward = !towardsA;
      }
      const at = (f: number) => linkEl.getPointAtLength(len * (forward ? f : 1 - f));
      packet.style('display', null);
      if (reduce) {
        const p = at(0.5);
        packet.attr('cx', p.x).attr('cy', p.y);
        return;
      }
      const t0 = performance.now();
      const step = (now: number) => {
        const f = ((now - t0) % 1200) / 1200;
        const p = at(f);
        packet.attr('cx', p.x).attr('cy', p.y);
        frame = requestAnimationFrame(step);
      };
      step(t0);
      return;
    }
    const pos = current.port ? portAt(current.port) : undefined;
    if (pos) {
      packet.style('display', null).attr('cx', pos.x).attr('cy', pos.y);
      return;
    }
    const owner = layout.owner.get(current.node);
    const b = layout.box.get(current.node) ?? layout.item.get(current.node);
    if (owner !== undefined && b) {
      const it = layout.item.get(owner)!;
      const bx = b === it ? it.x : it.x + (b as { x: number }).x;
      const by = b === it ? it.y : it.y + (b as { y: number }).y;
      packet.style('display', null).attr('cx', bx + 12).attr('cy', by + 12);
      return;
    }
    packet.style('display', 'none');
  }

  function fit(box?: { w: number; h: number }): void {
    const b = layout ? bounds(layout.items) : undefined;
    if (!b) return;
    const { w, h } = box ?? size();
    const m = 24;
    const k = Math.min(1.5, (w - 2 * m) / Math.max(1, b.w), (h - 2 * m) / Math.max(1, b.h));
    const tr = zoomIdentity.translate(w / 2 - (b.x + b.w / 2) * k, h / 2 - (b.y + b.h / 2) * k).scale(k);
    svg.call(zoomer.transform, tr);
  }

  /** Centres the search matches, zooming out only if they do not fit. */
  function centreMatches(): void {
    if (!layout) return;
    const els = itemsLayer.node()!.querySelectorAll<SVGGElement>('.knt-node.knt-match');
    if (!els.length) return;
    const tr = transform ?? zoomIdentity;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const c = svgEl.getBoundingClientRect();
    for (const el of els) {
      const r = el.getBoundingClientRect();
      // Back to drawing coordinates.
      const a = tr.invert([r.left - c.left, r.top - c.top]);
      const z = tr.invert([r.right - c.left, r.bottom - c.top]);
      x0 = Math.min(x0, a[0]); y0 = Math.min(y0, a[1]); x1 = Math.max(x1, z[0]); y1 = Math.max(y1, z[1]);
    }
    const { w, h } = size();
    const k = Math.min(tr.k, (w - 48) / Math.max(1, x1 - x0), (h - 48) / Math.max(1, y1 - y0));
    svg.call(zoomer.transform, zoomIdentity.translate(w / 2 - ((x0 + x1) / 2) * k, h / 2 - ((y0 + y1) / 2) * k).scale(k));
  }

  const title = () => (model?.title ? model.title[lang] ?? model.title.en : model?.lab ?? '');
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
      cancelAnimationFrame(frame);
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

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}
