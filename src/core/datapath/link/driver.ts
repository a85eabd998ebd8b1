/** What a link driver gets to work with: the frame's way through layer 2 (l2.ts), and its own contract. */
import type { Localized } from '../../text/i18n';
import type { Link, Netns } from '../../sim/model';
import type { Frame } from '../packet';
import type { Stage, Step } from '../trace';
import type { Arrival, L2Loop, Walk } from '../walk/context';

export type { L2Loop };

export interface L2Way {
  readonly w: Walk;
  /** The frame as it is on this part of its way (br_netfilter's NAT can rewrite a bridged one). */
  readonly frame: Frame;
  readonly arrivals: Arrival[];
  readonly seen: Set<Link>;
  /** A step of the frame's way (none for ARP frames). */
  mk(ns: Netns, stage: Stage, iface: Link | undefined, detail: Localized, data?: Record<string, unknown>): Step | undefined;
  /** The frame is lost here: kept as the explanation when nobody takes it. */
  dropHere(path: Step[], reason: Localized): void;
  with(path: Step[], s: Step | undefined): Step[];
  /** The frame leaves `link`. */
  xmit(link: Link, path: Step[]): void;
  /** The frame reaches `link`. */
  arrive(link: Link, path: Step[]): void;
  /**
   * The frame enters a segment that floods (a bridge, by the port it came in by, or a lab switch, by
   * its name). True when the frame had already crossed it: a layer-2 loop, recorded as `loop`; the
   * frame goes no further.
   */
  enterSegment(segment: Link | string, via: Link): boolean;
  /** The frame is lost at `link` because it (or what it needs: its peer, its bridge) is down. */
  block(link: Link): void;
  /** The frame leaves `link` rewritten as `frame` (and only on this branch of a flood). */
  xmitAs(frame: Frame, link: Link, path: Step[]): void;
}

/** What a kind of link does with a frame it sends. */
export interface LinkDriver {
  xmit(l2: L2Way, link: Link, path: Step[]): void;
}
