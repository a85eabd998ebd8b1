/**
 * What every lint rule reads: the lab and its world, the L2 segments (segments.ts), the places of
 * things for warnings (the lab line that made an address or a route, else the declaration of its
 * interface or host) and for "(line 12)" in messages, and the analyses several rules share,
 * computed once per lint (shared()).
 */
import type { SourceRange } from '../text/diag';
import type { Link, Netns, Route, World } from '../sim/model';
import type { HostSpec, Lab } from '../lab/types';
import { type AddrAt, Segments } from './segments';

export class LintContext {
  /** The lab's host declarations, by name. */
  readonly specs = new Map<string, HostSpec>();
  readonly segments: Segments;
  private readonly memo = new Map<(ctx: LintContext) => unknown, unknown>();

  constructor(
    readonly lab: Lab,
    readonly world: World,
  ) {
    for (const h of lab.hosts) this.specs.set(h.name, h);
    this.segments = new Segments(this.allLinks());
  }

  /** Every link of every namespace of every host. */
  allLinks(): Link[] {
    const links: Link[] = [];
    for (const host of this.world.hosts.values()) for (const ns of host.netns.values()) for (const l of ns.links.values()) links.push(l);
    return links;
  }

  /** What `compute` gives for this lint, computed on the first call only (an analysis rules share). */
  shared<T>(compute: (ctx: LintContext) => T): T {
    if (!this.memo.has(compute)) this.memo.set(compute, compute(this));
    return this.memo.get(compute) as T;
  }

  // Places

  fileStart(): SourceRange {
    return {
      file: this.lab.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    };
  }

  nsPlace(ns: Netns): SourceRange {
    return ns.origin ?? ns.host.origin ?? this.fileStart();
  }

  linkPlace(link: Link): SourceRange {
    return link.origin ?? this.nsPlace(link.netns);
  }

  addrPlace(x: AddrAt): SourceRange {
    return x.a.origin ?? this.linkPlace(x.link);
  }

  routePlace(r: Route, ns: Netns): SourceRange {
    return r.origin ?? (r.dev ? this.linkPlace(r.dev) : this.nsPlace(ns));
  }

  /** ` (line 12)` for a place in the lab file, for a message that points at another thing; else nothing. */
  lineOf(at: SourceRange | undefined): { en: string; ko: string } {
    if (!at || at.file !== this.lab.file) return { en: '', ko: '' };
    return { en: ` (line ${at.line})`, ko: ` (${at.line}행)` };
  }
}
