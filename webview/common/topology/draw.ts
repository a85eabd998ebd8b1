/**
 * Drawing the topology's shapes into the SVG: a switch, a host with its namespaces, bridges and
 * interfaces (each a square on its box's edge, with its label), and the path of a link (a cable to
 * its switch, a veth pair, a bridge port to its bar); the labels' text widths. Split out of view.ts, which decides when to
 * draw and handles the interaction; these functions only turn layout numbers into SVG.
 */
import type { Selection } from 'd3';
import type { Lang } from '../../../src/core/text/i18n';
import type { TopoLink, TopoPort } from '../../../src/core/view/types';
import {
  type BoxGeom,
  containerTexts,
  ICON_W,
  type ItemGeom,
  M,
  type Measure,
  type PortGeom,
  type Side,
  type TopoLayout,
} from './geometry';
import { t } from './strings';

/**
 * Text widths in the labels' font (the editor's monospace font at 12px), measured on a canvas once
 * per string; `setFont` picks up the font again (after a theme change) and forgets the widths.
 */
export function textMeasure(root: HTMLElement): { measure: Measure; setFont: () => void } {
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
  return { measure, setFont };
}

export function portClass(p: TopoPort): string {
  return `knt-node knt-port knt-port-${p.kind}${!p.up ? ' knt-down' : p.state === 'LOWERLAYERDOWN' ? ' knt-nocarrier' : ''}`;
}

/** Draws an item (a switch, or a host with everything in it) into its group, replacing what was there. */
export function drawItem(g: Selection<SVGGElement, ItemGeom, null, undefined>, it: ItemGeom, lang: Lang, measure: Measure): void {
  g.selectAll('*').remove();
  g.attr('transform', `translate(${it.x},${it.y})`).attr('data-id', it.id).attr('class', `knt-item knt-item-${it.kind}`);
  if (it.kind === 'switch') {
    const n = it.node;
    const s = g.append('g').attr('class', 'knt-node knt-switch').attr('data-id', n.id);
    s.append('rect').attr('class', 'knt-frame').attr('width', it.w).attr('height', it.h).attr('rx', 12);
    const cy = it.h / 2;
    // Two arrows, one each way: a switch's glyph.
    s.append('path')
      .attr('class', 'knt-glyph')
      .attr('d', `M12 ${cy - 4} h16 m-4 -4 l4 4 l-4 4 M28 ${cy + 4} h-16 m4 -4 l-4 4 l4 4`);
    s.append('text')
      .attr('class', 'knt-title')
      .attr('x', 36)
      .attr('y', cy + 4)
      .text(n.name);
    return;
  }
  for (const b of it.boxes) {
    const n = b.node;
    const bx = g.append('g').attr('class', `knt-node knt-box knt-${n.kind}`).attr('data-id', n.id);
    if (n.kind === 'bridge') {
      bx.append('rect').attr('class', 'knt-frame').attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 3);
      bx.append('text').attr('class', 'knt-title').attr('x', b.lx).attr('y', b.ly).attr('text-anchor', b.anchor).text(n.name);
      if (b.net)
        bx.append('text')
          .attr('class', 'knt-docknet')
          .attr('x', b.lx)
          .attr('y', b.ly + 14)
          .attr('text-anchor', b.anchor)
          .text(b.net);
      if (b.sub)
        bx.append('text')
          .attr('class', 'knt-sub')
          .attr('x', b.lx)
          .attr('y', b.ly + (b.net ? 28 : 14))
          .attr('text-anchor', b.anchor)
          .text(b.sub);
    } else if (n.kind === 'container') {
      drawContainer(bx, b, measure);
    } else {
      bx.append('rect')
        .attr('class', 'knt-frame')
        .attr('x', b.x)
        .attr('y', b.y)
        .attr('width', b.w)
        .attr('height', b.h)
        .attr('rx', n.kind === 'host' ? 6 : 4);
      bx.append('text').attr('class', 'knt-title').attr('x', b.lx).attr('y', b.ly).text(n.name);
      if (n.kind === 'host' && (n.forwarding || n.forwarding6)) {
        bx.append('text')
          .attr('class', 'knt-badge')
          .attr('x', b.lx + measure(n.name) * 1.1 + 8)
          .attr('y', b.ly)
          .text(t(lang, 'forwarding'));
      }
    }
  }
  for (const p of it.ports) drawPort(g, p);
}

/**
 * A container: a solid, rounder frame (a chip of one row for one without a namespace of its own),
 * a container's icon, its name, then its image, mode and state in Docker's words; its published
 * ports on the line below.
 */
function drawContainer(bx: Selection<SVGGElement, ItemGeom, null, undefined>, b: BoxGeom, measure: Measure): void {
  const c = b.node.container;
  bx.classed('knt-chip', !!b.chip).classed('knt-stopped', !!c && c.state !== 'running');
  bx.append('rect')
    .attr('class', 'knt-frame')
    .attr('x', b.x)
    .attr('y', b.y)
    .attr('width', b.w)
    .attr('height', b.h)
    .attr('rx', b.chip ? b.h / 2 : 8);
  // The icon: a shipping container, its doors as three lines.
  const ix = b.lx;
  const iy = b.ly - 10;
  bx.append('path')
    .attr('class', 'knt-icon')
    .attr('d', `M${ix},${iy}h14v10h-14z M${ix + 3.5},${iy + 2}v6 M${ix + 7},${iy + 2}v6 M${ix + 10.5},${iy + 2}v6`);
  const nx = ix + ICON_W;
  bx.append('text').attr('class', 'knt-title').attr('x', nx).attr('y', b.ly).text(b.node.name);
  if (!c) return;
  const ct = containerTexts(c);
  let x = nx + measure(b.node.name) * 1.1 + 8;
  const word = (cls: string, text: string) => {
    if (!text) return;
    bx.append('text').attr('class', cls).attr('x', x).attr('y', b.ly).text(text);
    x += measure(text) + measure('  ');
  };
  word('knt-image', ct.image);
  word('knt-tag', ct.tags);
  word('knt-warn', ct.warn);
  if (ct.published && !b.chip)
    bx.append('text')
      .attr('class', 'knt-publish')
      .attr('x', nx)
      .attr('y', b.ly + 14)
      .text(ct.published);
}

function drawPort(g: Selection<SVGGElement, ItemGeom, null, undefined>, p: PortGeom): void {
  const s = M.port;
  const el = g.append('g').attr('class', portClass(p.port)).attr('data-id', p.id);
  el.append('rect')
    .attr('class', 'knt-square')
    .attr('x', p.x - s / 2)
    .attr('y', p.y - s / 2)
    .attr('width', s)
    .attr('height', s)
    .attr('rx', 2);
  if (p.label) el.append('text').attr('class', 'knt-label').attr('x', p.lx).attr('y', p.ly).attr('text-anchor', p.anchor).text(p.label);
}

/** Where an interface is in drawing coordinates, the side its lines leave by, and its item. */
export function portAt(layout: TopoLayout | undefined, pid: string): { x: number; y: number; side: Side; item: string } | undefined {
  const p = layout?.port.get(pid);
  const owner = layout?.owner.get(pid);
  if (!p || owner === undefined) return undefined;
  const it = layout!.item.get(owner)!;
  return { x: it.x + p.x, y: it.y + p.y, side: p.side, item: owner };
}

/** The SVG path of a link; `attach` says where cables meet their switches (layout.ts: switchAttachments). */
export function linkD(
  layout: TopoLayout | undefined,
  attach: ReadonlyMap<string, { x: number; y: number; side: Side }>,
  l: TopoLink,
): string | undefined {
  if (!layout) return undefined;
  const pa = portAt(layout, l.a);
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
    const pb = portAt(layout, l.b);
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

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** An id as a CSS attribute value. */
export function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}
