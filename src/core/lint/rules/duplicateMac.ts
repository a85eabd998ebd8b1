/**
 * duplicate-mac: two interfaces with one MAC address, on different hosts (cloned machines) or on
 * one segment of a host; a bridge may share its port's MAC (a common setup). At the later one: the
 * run line that set its MAC, else its declaration.
 */
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { type Link, nsLabel } from '../../sim/model';
import type { LintContext } from '../context';
import type { LintRule } from '../rule';
import { placeOrder } from '../common';
import { eunneun } from '../../text/particle';

export const duplicateMac: LintRule = {
  code: 'duplicate-mac',
  summary: loc('Two interfaces share a MAC address.', '두 인터페이스가 같은 MAC 주소를 씁니다.'),
  check(ctx, warn) {
    const byMac = new Map<string, Link[]>();
    for (const l of ctx.allLinks()) {
      if (l.kind === 'loopback' || l.mac === '00:00:00:00:00:00') continue;
      const mac = l.mac.toLowerCase();
      const list = byMac.get(mac);
      if (list) list.push(l);
      else byMac.set(mac, [l]);
    }
    for (const [mac, list] of byMac) {
      if (list.length < 2) continue;
      const placed = list.map((l) => ({ l, at: macPlace(ctx, l, mac) })).sort((x, y) => placeOrder(x.at, y.at));
      for (let i = 1; i < placed.length; i++) {
        const x = placed[i]!;
        const first = placed.slice(0, i).find((y) => macConflict(x.l, y.l, (a) => ctx.segments.of(a)));
        if (!first) continue;
        const other = `${nsLabel(first.l.netns)} ${first.l.name}`;
        const l = ctx.lineOf(first.at);
        warn(
          x.at,
          loc(
            `${nsLabel(x.l.netns)}: ${x.l.name} has the MAC address ${mac}, which ${other}${l.en} has too. Every machine needs its own MAC addresses (cloned VMs keep the original's: give each clone new ones).`,
            `${nsLabel(x.l.netns)}: ${x.l.name}의 MAC 주소 ${eunneun(mac)} ${other}${l.ko}도 가지고 있습니다. 기계마다 MAC 주소가 달라야 합니다 (복제한 VM은 원본의 주소를 그대로 가지므로 복제본마다 새 주소를 주세요).`,
          ),
        );
      }
    }
  },
};

/** Where a link's MAC address came from: the run line that wrote it, else the link's declaration. */
function macPlace(ctx: LintContext, link: Link, mac: string): SourceRange {
  const spec = ctx.specs.get(link.netns.host.name);
  if (spec) {
    for (let i = spec.run.length - 1; i >= 0; i--) {
      const line = spec.run[i]!;
      if (line.text.toLowerCase().includes(mac)) return line.range;
    }
  }
  return ctx.linkPlace(link);
}

/**
 * Two links with one MAC address clash when they are on different hosts (cloned machines), or on
 * one host on the same segment; a bridge may share its port's MAC (a common setup).
 */
function macConflict(a: Link, b: Link, segmentOf: (l: Link) => unknown): boolean {
  if (a.netns.host !== b.netns.host) return true;
  if (a.kind === 'bridge' || b.kind === 'bridge') return false;
  const sa = segmentOf(a);
  return sa !== undefined && sa === segmentOf(b);
}
