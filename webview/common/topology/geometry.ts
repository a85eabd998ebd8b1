/**
 * The topology layout's shapes and measures: where an item (host or switch), a box (host,
 * namespace, bridge) and a port go, the spacing constants, text measuring, a port's label, and the
 * model's lookups (computed once per model). Shared by every step of the layout (layout.ts and the
 * files it is split into: interior, layering, ordering, placement, incremental) and by the drawing.
 */
import type { ContainerView, TopoLink, TopologyModel, TopoNode, TopoPort } from '../../../src/core/view/types';

export type Side = 'left' | 'right';

export const M = {
  row: 22,
  pad: 10,
  title: 26,
  port: 10,
  gapX: 110,
  gapY: 28,
  compGap: 70,
  bar: 8,
  nsGap: 12,
  switchMinW: 92,
  switchMinH: 44,
} as const;

export interface PortGeom {
  readonly id: string;
  readonly port: TopoPort;
  /** Centre of the port's square, relative to its item. */
  x: number;
  y: number;
  /** Where lines leave the port. */
  side: Side;
  readonly label: string;
  lx: number;
  ly: number;
  anchor: 'start' | 'end';
  /** A port drawn on a bridge bar (enslaved), or a bridge's own interface (drawn at its bar's top). */
  readonly on: 'edge' | 'bridge' | 'bridge-self';
}

export interface BoxGeom {
  readonly id: string;
  readonly node: TopoNode;
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
  /** Title (hosts, namespaces) or name (bridges) and where it goes. */
  lx: number;
  ly: number;
  anchor: 'start' | 'end';
  /** Second line: a bridge's own addresses. */
  readonly sub?: string;
  /** A bridge that is a Docker network: its name and subnet (`bridge 172.17.0.0/16`), on the line above `sub`. */
  readonly net?: string;
  /** A container without a namespace of its own, drawn as one row inside its host (a chip). */
  readonly chip?: boolean;
}

export interface ItemGeom {
  readonly id: string;
  readonly node: TopoNode;
  readonly kind: 'host' | 'switch';
  x: number;
  y: number;
  w: number;
  h: number;
  boxes: BoxGeom[];
  ports: PortGeom[];
  /** Which side of the item faces most of its switches (hosts). */
  facing: Side;
}

export interface TopoLayout {
  readonly items: ItemGeom[];
  readonly item: Map<string, ItemGeom>;
  /** Every port, by id. */
  readonly port: Map<string, PortGeom>;
  /** Every box (host, namespace, bridge), by node id. */
  readonly box: Map<string, BoxGeom>;
  /** The top-level item holding a node or port. */
  readonly owner: Map<string, string>;
}

export type Measure = (text: string) => number;

/** A rough width for monospace text at 12px (tests in Node; the panel measures with a canvas). */
export const monoMeasure: Measure = (t) => t.length * 7.2;

/** `eth0 192.168.1.10/24` (the first two addresses, then how many more). */
export function portLabel(p: TopoPort): string {
  const shown = p.addresses.slice(0, 2).join(' ');
  const more = p.addresses.length > 2 ? ` +${p.addresses.length - 2}` : '';
  return shown ? `${p.name} ${shown}${more}` : p.name;
}

/** Room for a container's icon before its name. */
export const ICON_W = 18;

/**
 * What a container's box or chip says besides its name, in Docker's own words (as `docker ps` and
 * `docker run` write them, the same in every language): its image, its network mode when it is not
 * a bridge, its state when it is not running, and its published ports.
 */
export function containerTexts(c: ContainerView): { image: string; tags: string; warn: string; published: string } {
  return {
    image: c.image,
    tags: c.mode === 'bridge' ? '' : `--network ${c.mode}`,
    warn: c.state === 'running' ? '' : c.state === 'created' ? 'Created' : `Exited (${c.exitCode ?? 0})`,
    published: c.ports.join(', '),
  };
}

/** A Docker network's line on its bridge: `bridge 172.17.0.0/16`. */
export function networkText(n: TopoNode): string {
  return n.network ? `${n.network.name} ${n.network.subnet}` : '';
}

/** Whether a node is a container that runs in a namespace of its own (drawn as a box, like a namespace). */
export function ownNamespace(n: TopoNode): boolean {
  return n.kind === 'container' && !!n.container?.netns;
}

export interface Index {
  readonly nodes: Map<string, TopoNode>;
  readonly ports: Map<string, TopoPort>;
  /** Ports by the node they live in. */
  readonly portsOf: Map<string, TopoPort[]>;
  readonly children: Map<string, TopoNode[]>;
  readonly linksAt: Map<string, TopoLink[]>;
  /** The top-level node (host) of a namespace/bridge/port. */
  readonly hostOf: Map<string, string>;
}

export function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function index(model: TopologyModel): Index {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const ports = new Map(model.ports.map((p) => [p.id, p]));
  const portsOf = new Map<string, TopoPort[]>();
  const children = new Map<string, TopoNode[]>();
  const linksAt = new Map<string, TopoLink[]>();
  const hostOf = new Map<string, string>();
  for (const p of model.ports) push(portsOf, p.node, p);
  for (const n of model.nodes) if (n.parent && nodes.has(n.parent)) push(children, n.parent, n);
  for (const l of model.links) {
    push(linksAt, l.a, l);
    push(linksAt, l.b, l);
  }
  const top = (id: string): string => {
    let n = nodes.get(id);
    for (let i = 0; n?.parent && nodes.has(n.parent) && i < 8; i++) n = nodes.get(n.parent);
    return n?.id ?? id;
  };
  for (const n of model.nodes) hostOf.set(n.id, top(n.id));
  for (const p of model.ports) hostOf.set(p.id, top(p.node));
  return { nodes, ports, portsOf, children, linksAt, hostOf };
}

const indexes = new WeakMap<TopologyModel, Index>();
export type ModelIndex = Index;
/** The model's lookups (computed once per model). */
export function modelIndex(model: TopologyModel): Index {
  let ix = indexes.get(model);
  if (!ix) indexes.set(model, (ix = index(model)));
  return ix;
}

/** The bounding box of items (all of them by default). */
export function bounds(items: Iterable<ItemGeom>): { x: number; y: number; w: number; h: number } | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const it of items) {
    x0 = Math.min(x0, it.x);
    y0 = Math.min(y0, it.y);
    x1 = Math.max(x1, it.x + it.w);
    y1 = Math.max(y1, it.y + it.h);
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
