/** `ip link show` and the filter it shares with `ip addr show` (ipaddr_list's), as iproute2 6.1 reads them. */
import { findLink, operState } from '../../sim/kernel';
import type { Link, Netns } from '../../sim/model';
import { USAGE_LINK } from '../usage';
import { Args, duparg2, invarg, IpExit, type IpState, ipNotSimulated, matches, usage } from './common';
import { brief, linkDisplayName, linkFlags, linkHeader, linkLayerLine } from './format';

export interface LinkFilter {
  dev?: Link;
  up: boolean;
  master?: Link;
  kind?: string;
}

/** The arguments of `ip link show` / `ip addr show`: ipaddr_list's filter. */
export function parseShowFilter(st: IpState, a: Args, helpText: string): LinkFilter {
  const f: LinkFilter = { up: false };
  let devName: string | undefined;
  while (!a.done) {
    const w = a.cur;
    if (w === 'up') f.up = true;
    else if (w === 'master') {
      const v = a.next();
      const m = findLink(st.netns, v);
      if (!m) throw invarg('Device does not exist\n', v);
      f.master = m;
    } else if (w === 'type') {
      f.kind = a.next();
    } else if (
      [
        'to',
        'scope',
        'label',
        'group',
        'vrf',
        'nomaster',
        'proto',
        'dynamic',
        'permanent',
        'secondary',
        'primary',
        'tentative',
        'deprecated',
        'dadfailed',
        'temporary',
      ].includes(w)
    ) {
      throw ipNotSimulated(`ip ${helpText === USAGE_LINK ? 'link' : 'addr'} show ${w}`, a.col);
    } else {
      let v = w;
      if (w === 'dev') v = a.next();
      else if (matches(w, 'help')) throw usage(helpText);
      if (devName !== undefined) throw duparg2('dev', v);
      devName = v;
    }
    a.advance();
  }
  if (devName !== undefined) {
    const l = findLink(st.netns, devName);
    if (!l) throw new IpExit(1, `Device "${devName}" does not exist.\n`);
    f.dev = l;
  }
  return f;
}

export function filteredLinks(ns: Netns, f: LinkFilter): Link[] {
  return [...ns.links.values()]
    .sort((x, y) => x.ifindex - y.ifindex)
    .filter(
      (l) => (!f.dev || l === f.dev) && (!f.up || l.up) && (!f.master || l.master === f.master) && (!f.kind || kindName(l) === f.kind),
    );
}

function kindName(l: Link): string | undefined {
  return l.kind === 'veth' || l.kind === 'bridge' || l.kind === 'dummy' ? l.kind : undefined;
}

export function linkShow(st: IpState, a: Args): void {
  const f = parseShowFilter(st, a, USAGE_LINK);
  if (st.opts.details) throw ipNotSimulated('ip -details link', 0);
  if (st.opts.stats) throw ipNotSimulated('ip -stats link', 0);
  for (const l of filteredLinks(st.netns, f)) {
    if (st.opts.brief) {
      st.out += `${brief(linkDisplayName(l), operState(l))}${l.mac} <${linkFlags(l).join(',')}> \n`;
    } else if (st.opts.oneline) {
      st.out += `${linkHeader(l, true)}\\${linkLayerLine(l)}\n`;
    } else {
      st.out += `${linkHeader(l, true)}\n${linkLayerLine(l)}\n`;
    }
  }
}
