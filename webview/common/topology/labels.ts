/**
 * What the drawing says about a node or an interface in words: the aria-label of every node (its
 * kind, name, addresses, forwarding, what it is connected to), the hidden list that repeats them
 * for screen readers, the drawing's own name, and the pieces the tooltip reuses.
 * Split out of view.ts so that the drawing code and the accessible names stay apart; pure
 * functions of the model's lookups and the display language.
 */
import type { Selection } from 'd3';
import type { Lang } from '../../../src/core/text/i18n';
import type { ContainerView, TopologyModel, TopoNode, TopoPort } from '../../../src/core/view/types';
import type { ModelIndex } from './geometry';
import { t } from './strings';

/** A node's accessible name: `host r, forwarding on, eth0 192.168.1.1/24, ...`. */
export function nodeLabel(ix: ModelIndex, lang: Lang, n: TopoNode): string {
  const ports = (ix.portsOf.get(n.id) ?? []).filter((p) => p.kind !== 'loopback');
  const addrs = ports.map((p) => `${p.name} ${p.addresses.join(' ') || t(lang, 'noAddress')}`).join(', ');
  switch (n.kind) {
    case 'host':
      return `${t(lang, 'host')} ${n.name}, ${t(lang, n.forwarding ? 'forwardingOn' : 'forwardingOff')}${n.forwarding6 ? `, ${t(lang, 'forwarding6On')}` : ''}${addrs ? `, ${addrs}` : ''}`;
    case 'netns':
      return `${t(lang, 'netns')} ${n.name}, ${t(lang, 'inNode', ix.nodes.get(n.parent ?? '')?.name ?? '')}${addrs ? `, ${addrs}` : ''}`;
    case 'switch': {
      const ends = (ix.linksAt.get(n.id) ?? []).map((l) => portName(ix, l.a));
      return `${t(lang, 'switch')} ${n.name}, ${t(lang, 'connected', ends.join(', ') || t(lang, 'none'))}`;
    }
    case 'bridge': {
      const self = (ix.portsOf.get(n.parent ?? '') ?? []).find((p) => p.kind === 'bridge' && p.name === n.name);
      const slaves = (ix.linksAt.get(n.id) ?? []).map((l) => ix.ports.get(l.a)?.name ?? l.a);
      const net = n.network ? `, ${networkFacts(lang, n).join(', ')}` : '';
      return `${t(lang, 'bridge')} ${n.name}, ${t(lang, 'inNode', ix.nodes.get(n.parent ?? '')?.name ?? '')}, ${self?.addresses.join(' ') || t(lang, 'noAddress')}${net}, ${t(lang, 'ports', slaves.join(', ') || t(lang, 'none'))}`;
    }
    case 'container': {
      const c = n.container;
      const facts = c ? containerFacts(ix, lang, c) : [];
      return [
        `${t(lang, 'container')} ${n.name}`,
        t(lang, 'inNode', ix.nodes.get(n.parent ?? '')?.name ?? ''),
        ...facts,
        ...(addrs ? [addrs] : []),
      ].join(', ');
    }
  }
}

/** A container in words: image, state, network and what its mode means, published ports, what it listens on. */
export function containerFacts(ix: ModelIndex, lang: Lang, c: ContainerView): string[] {
  const state =
    c.state === 'running' ? t(lang, 'running') : c.state === 'created' ? t(lang, 'created') : t(lang, 'exited', c.exitCode ?? 0);
  const bridge = c.bridge ? (ix.nodes.get(c.bridge)?.name ?? c.bridge) : '';
  const mode =
    c.netns === undefined
      ? t(lang, 'noNamespace')
      : c.mode === 'host'
        ? t(lang, 'modeHost')
        : c.mode === 'none'
          ? t(lang, 'modeNone')
          : t(lang, 'modeBridge', c.netns, bridge);
  return [
    t(lang, 'image', c.image),
    state,
    t(lang, 'network', c.network),
    mode,
    ...(c.ports.length ? [t(lang, 'published', c.ports.join(', '))] : []),
    ...(c.listens.length ? [t(lang, 'listens', c.listens.join(', '))] : []),
  ];
}

/** A Docker network in words: its name, subnet, gateway and containers. */
export function networkFacts(lang: Lang, n: TopoNode): string[] {
  const net = n.network;
  if (!net) return [];
  return [t(lang, 'dockerNetwork', net.name), t(lang, 'subnet', net.subnet), t(lang, 'gateway', net.gateway)];
}

/** `host eth0`: an interface with the node it lives in. */
export function portName(ix: ModelIndex, pid: string): string {
  const p = ix.ports.get(pid);
  if (!p) return pid;
  return `${ix.nodes.get(p.node)?.name ?? ''} ${p.name}`;
}

/** What an interface is joined to: its switch, its veth peer, its bridge. */
export function portRelations(ix: ModelIndex, lang: Lang, p: TopoPort): string[] {
  const out: string[] = [];
  for (const l of ix.linksAt.get(p.id) ?? []) {
    if (l.kind === 'cable') out.push(t(lang, 'cabledTo', ix.nodes.get(l.b)?.name ?? l.b));
    else if (l.kind === 'veth') out.push(t(lang, 'vethPeer', portName(ix, l.a === p.id ? l.b : l.a)));
    else if (l.kind === 'bridge-port' && l.a === p.id) out.push(t(lang, 'masterOf', ix.nodes.get(l.b)?.name ?? l.b));
  }
  // The host end of a container's veth says whose it is.
  if (p.kind === 'veth') for (const n of ix.nodes.values()) if (n.container?.veth === p.id) out.push(t(lang, 'containerVeth', n.name));
  return out;
}

export function portState(lang: Lang, p: TopoPort): string {
  if (!p.up) return t(lang, 'down');
  if (p.state === 'LOWERLAYERDOWN') return t(lang, 'noCarrier');
  return t(lang, 'state', p.state ?? 'UP');
}

/** An interface's accessible name: `interface eth0, in r, 192.168.1.1/24, state UP, cabled to lan1`. */
export function portAria(ix: ModelIndex, lang: Lang, p: TopoPort): string {
  const owner = ix.nodes.get(p.node)?.name ?? '';
  return [
    `${t(lang, 'port')} ${p.name}, ${t(lang, 'inNode', owner)}`,
    p.addresses.join(' ') || t(lang, 'noAddress'),
    portState(lang, p),
    ...portRelations(ix, lang, p),
  ].join(', ');
}

/** The drawing's parts that carry its accessible names. */
export interface LabelTargets {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly itemsLayer: Selection<SVGGElement, unknown, null, undefined>;
  readonly list: Selection<HTMLUListElement, unknown, null, undefined>;
  readonly help: Selection<HTMLParagraphElement, unknown, null, undefined>;
}

/** Gives every node its role, label and no tab stop; fills the hidden list; names the drawing. */
export function labelDrawing(ix: ModelIndex, lang: Lang, model: TopologyModel, { svg, itemsLayer, list, help }: LabelTargets): void {
  const items: { id: string; text: string }[] = [];
  itemsLayer.selectAll<SVGGElement, unknown>('.knt-node').each(function () {
    const nid = this.getAttribute('data-id')!;
    const n = ix.nodes.get(nid);
    const p = n ? undefined : ix.ports.get(nid);
    const text = n ? nodeLabel(ix, lang, n) : p ? portAria(ix, lang, p) : nid;
    this.setAttribute('role', 'button');
    this.setAttribute('aria-label', text);
    this.setAttribute('tabindex', '-1');
    items.push({ id: nid, text });
  });
  list.attr('aria-label', t(lang, 'nodeList'));
  list
    .selectAll('li')
    .data(items)
    .join('li')
    .text((d) => d.text);
  svg.attr('aria-roledescription', t(lang, 'roleDiagram'));
  svg.attr('aria-label', t(lang, 'diagram', model?.title ? (model.title[lang] ?? model.title.en) : (model?.lab ?? '')));
  help.text(t(lang, 'diagramHelp'));
}
