/**
 * Layer 2: a frame sent out of an interface, followed across veth pairs, the lab's switches and
 * Linux bridges to every interface where it arrives at layer 3, each with the steps of its way.
 * What each kind of link does with a frame it sends is its driver (one module each, DRIVERS);
 * what happens when a frame arrives (a bridge port, an interface's own MAC) is here.
 */
import { BROADCAST_MAC } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { type Link, type LinkKind, type Netns, nsLabel } from '../../sim/model';
import { type Frame, headers } from '../packet';
import type { Stage, Step } from '../trace';
import type { Arrival, Walk } from '../walk/context';
import { arriveAtPort, bridgeDriver } from './bridge';
import type { L2Loop, L2Way, LinkDriver } from './driver';
import { dummyDriver } from './dummy';
import { loopbackDriver } from './loopback';
import { nicDriver } from './nic';
import { vethDriver } from './veth';
import { iga, ro } from '../../text/particle';

const DRIVERS: Record<LinkKind, LinkDriver> = {
  veth: vethDriver,
  nic: nicDriver,
  bridge: bridgeDriver,
  loopback: loopbackDriver,
  dummy: dummyDriver,
};

const NONE: Link[] = [];

/** One frame's way through layer 2. ARP frames record no steps. */
export class L2 implements L2Way {
  readonly arrivals: Arrival[] = [];
  readonly seen = new Set<Link>();
  readonly record: boolean;
  private readonly eth: { src: string; dst: string };
  /** The links the frame is on, in order (the flood is walked depth first). */
  private readonly trail: Link[] = [];
  /** Each flooding segment the frame crossed (a frame crosses few: a list), with where in `trail` it entered it. */
  private readonly crossed: (Link | string)[] = [];
  private readonly crossedAt: number[] = [];
  /** The links where the frame was lost because they were down, in order (made on the first). */
  blocked: Link[] = NONE;
  /** Set when the frame came back to a segment: a loop, and the end of the frame's way. */
  loop?: L2Loop;

  constructor(
    readonly w: Walk,
    private current: Frame,
  ) {
    this.record = !current.arp;
    this.eth = { src: current.src, dst: current.dst };
  }

  get frame(): Frame {
    return this.current;
  }

  xmitAs(frame: Frame, link: Link, path: Step[]): void {
    const before = this.current;
    this.current = frame;
    try {
      this.xmit(link, path);
    } finally {
      this.current = before;
    }
  }

  /** A step of the frame's way (none for ARP). */
  mk(ns: Netns, stage: Stage, iface: Link | undefined, detail: Localized, data?: Record<string, unknown>): Step | undefined {
    return this.record
      ? this.w.step(ns, stage, iface, headers(this.frame.packet, this.eth, this.frame.arp), detail, data ? { data } : undefined)
      : undefined;
  }

  /** Keeps the longest way that ended in a drop, to explain a frame nobody took. */
  dropHere(path: Step[], reason: Localized): void {
    if (!this.record) return;
    if (this.w.lastL2Path.length === 0 || path.length > this.w.lastL2Path.length) {
      this.w.lastL2Path = path;
      this.w.lastL2Drop = reason;
    }
  }

  with(path: Step[], s: Step | undefined): Step[] {
    return s ? [...path, s] : path;
  }

  block(link: Link): void {
    if (this.blocked === NONE) this.blocked = [];
    if (!this.blocked.includes(link)) this.blocked.push(link);
  }

  enterSegment(segment: Link | string, via: Link): boolean {
    if (this.loop) return true;
    const i = this.crossed.indexOf(segment);
    if (i < 0) {
      this.crossed.push(segment);
      this.crossedAt.push(this.trail.length - 1);
      return false;
    }
    const at = this.crossedAt[i]!;
    const links = this.trail.slice(at + 1);
    if (links[links.length - 1] !== via) links.push(via);
    this.loop =
      typeof segment === 'string'
        ? { segment: segment.replace(/^switch /, ''), kind: 'switch', links }
        : { segment: segment.name, kind: 'bridge', ns: segment.netns, links };
    return true;
  }

  xmit(link: Link, path: Step[]): void {
    if (this.seen.size > 10000 || this.loop) return;
    this.trail.push(link);
    try {
      this.xmitOn(link, path);
    } finally {
      this.trail.pop();
    }
  }

  private xmitOn(link: Link, path: Step[]): void {
    if (!link.up) {
      this.block(link);
      this.dropHere(
        path,
        loc(
          `${nsLabel(link.netns)} ${link.name} is down: the frame is not sent.`,
          `${nsLabel(link.netns)} ${iga(link.name)} down 상태라 프레임을 보내지 않습니다.`,
        ),
      );
      return;
    }
    DRIVERS[link.kind].xmit(this, link, path);
  }

  arrive(link: Link, path: Step[]): void {
    if (this.seen.has(link) || this.loop) return;
    this.seen.add(link);
    this.trail.push(link);
    try {
      this.arriveOn(link, path);
    } finally {
      this.trail.pop();
    }
  }

  private arriveOn(link: Link, path: Step[]): void {
    if (!link.up) {
      this.block(link);
      this.dropHere(
        path,
        loc(
          `${nsLabel(link.netns)} ${link.name} is down: the frame is dropped.`,
          `${nsLabel(link.netns)} ${iga(link.name)} down 상태라 프레임이 버려집니다.`,
        ),
      );
      return;
    }
    if (link.master) {
      arriveAtPort(this, link, link.master, path);
      return;
    }
    this.arrivals.push({ link, frame: this.frame, path });
    const dst = this.frame.dst;
    if (dst !== BROADCAST_MAC && dst !== link.mac) {
      this.dropHere(
        path,
        loc(
          `${nsLabel(link.netns)} ${link.name} (${link.mac}) ignores a frame addressed to ${dst}.`,
          `${nsLabel(link.netns)} ${link.name}(${link.mac}) 인터페이스는 ${ro(dst)} 온 프레임을 무시합니다.`,
        ),
      );
    }
  }
}

export function l2Send(w: Walk, dev: Link, frame: Frame): Arrival[] {
  const l2 = new L2(w, frame);
  w.lastL2Path = [];
  w.lastL2Drop = undefined;
  l2.xmit(dev, []);
  w.l2Loop = l2.loop;
  w.l2Blocked = l2.blocked;
  return l2.loop ? [] : l2.arrivals;
}
