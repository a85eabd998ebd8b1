/**
 * What the drawing marks on its nodes and links: a packet's path and its current step (with a
 * packet moving along the current link, or still when the user prefers reduced motion), search
 * matches, the selected node. Split out of view.ts, which keeps the state and calls these after
 * every change and every redraw.
 */
import type { Selection } from 'd3';
import type { StepAnchor, TopoLink, TopologyModel } from '../../../src/core/view/types';
import type { ModelIndex, TopoLayout } from './geometry';
import { cssEscape, portAt } from './draw';

export interface PathMarks {
  readonly nodes: Set<string>;
  readonly ports: Set<string>;
  readonly links: Set<string>;
}

export interface Marks {
  readonly path: PathMarks | undefined;
  readonly current: StepAnchor | undefined;
  readonly search: string;
  readonly selected: string | undefined;
}

type Layer<E extends Element> = Selection<E, unknown, null, undefined>;

/** Sets the classes of every node and link for `marks`; the number of search matches. */
export function markNodes(
  svg: Layer<SVGSVGElement>,
  itemsLayer: Layer<SVGGElement>,
  linksLayer: Layer<SVGGElement>,
  marks: Marks,
  ix: ModelIndex | undefined,
): number {
  const { path, current, selected } = marks;
  const q = marks.search.trim().toLowerCase();
  let matches = 0;
  itemsLayer.selectAll<SVGGElement, unknown>('.knt-node').each(function () {
    const nid = this.getAttribute('data-id')!;
    const onPath = !!path && (path.nodes.has(nid) || path.ports.has(nid));
    const isCurrent = !!current && (current.node === nid || current.port === nid);
    let match = false;
    if (q && ix) {
      const n = ix.nodes.get(nid);
      const p = ix.ports.get(nid);
      match =
        !!(n && n.name.toLowerCase().includes(q)) ||
        !!(n?.container && (n.container.image.toLowerCase().includes(q) || n.container.addresses.some((a) => a.includes(q)))) ||
        !!(p && (p.name.toLowerCase().includes(q) || p.addresses.some((a) => a.includes(q)) || (p.mac ?? '').includes(q)));
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
  return matches;
}

/** The packet on the current step: moving along the link it crosses, else on its port or node. */
export class PacketMover {
  private frame = 0;

  constructor(
    private readonly packet: Selection<SVGCircleElement, unknown, null, undefined>,
    private readonly linksLayer: Layer<SVGGElement>,
  ) {}

  move(
    current: StepAnchor | undefined,
    path: PathMarks | undefined,
    layout: TopoLayout | undefined,
    model: TopologyModel | undefined,
  ): void {
    const packet = this.packet;
    this.stop();
    if (!current || !layout) {
      packet.style('display', 'none');
      return;
    }
    const linkEl = current.link
      ? this.linksLayer.node()!.querySelector<SVGPathElement>(`path.knt-link[data-id="${cssEscape(current.link)}"]`)
      : null;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (linkEl && linkEl.getAttribute('d')) {
      const len = linkEl.getTotalLength();
      const l = model?.links.find((x) => x.id === current.link);
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
        this.frame = requestAnimationFrame(step);
      };
      step(t0);
      return;
    }
    const pos = current.port ? portAt(layout, current.port) : undefined;
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
      packet
        .style('display', null)
        .attr('cx', bx + 12)
        .attr('cy', by + 12);
      return;
    }
    packet.style('display', 'none');
  }

  /** Stops the packet's animation. */
  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
