/**
 * The drawing's tooltip: on hover and on keyboard focus, what a node or an interface is (its
 * addresses and state, a namespace's interfaces and routing tables, what an interface is joined
 * to), placed beside the node inside the drawing. Split out of view.ts, which shows and hides it.
 */
import type { Selection } from 'd3';
import type { Lang } from '../../../src/core/text/i18n';
import type { ModelIndex } from './geometry';
import { ownNamespace } from './geometry';
import { containerFacts, networkFacts, nodeLabel, portRelations, portState } from './labels';
import { t } from './strings';

export class Tooltip {
  /** The node the tooltip is about, while it shows. */
  for: string | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly tip: Selection<HTMLDivElement, unknown, null, undefined>,
    private readonly tipId: string,
    private readonly nodeEl: (nid: string) => SVGGElement | null,
  ) {}

  show(ix: ModelIndex, lang: Lang, interactive: boolean, nid: string): void {
    const n = ix.nodes.get(nid);
    const p = n ? undefined : ix.ports.get(nid);
    if (!n && !p) return;
    this.for = nid;
    const el = this.tip.node()!;
    el.replaceChildren();
    const head = (text: string) =>
      el.appendChild(Object.assign(document.createElement('div'), { className: 'knt-tip-head', textContent: text }));
    const line = (text: string, cls = '') =>
      el.appendChild(Object.assign(document.createElement('div'), { className: cls, textContent: text }));
    const pre = (lines: readonly string[]) =>
      el.appendChild(Object.assign(document.createElement('pre'), { textContent: lines.length ? lines.join('\n') : t(lang, 'noRoutes') }));
    if (p) {
      head(`${t(lang, 'port')} ${p.name} (${ix.nodes.get(p.node)?.name ?? ''})`);
      line(`${t(lang, 'addresses')}: ${p.addresses.join(' ') || t(lang, 'noAddress')}`);
      line(portState(lang, p), !p.up || p.state === 'LOWERLAYERDOWN' ? 'knt-tip-warn' : '');
      if (p.mac) line(t(lang, 'mac', p.mac));
      for (const r of portRelations(ix, lang, p)) line(r);
    } else if (n) {
      head(`${t(lang, n.kind)} ${n.name}`);
      if (n.container) {
        const [, state, ...facts] = containerFacts(ix, lang, n.container);
        line(t(lang, 'image', n.container.image));
        line(state!, n.container.state === 'running' ? '' : 'knt-tip-warn');
        for (const f of facts) line(f);
      }
      if (n.kind === 'host' || n.kind === 'netns' || ownNamespace(n)) {
        line(t(lang, n.forwarding ? 'forwardingOn' : 'forwardingOff'));
        if (n.forwarding6) line(t(lang, 'forwarding6On'));
        line(`${t(lang, 'addresses')}:`, 'knt-tip-sub');
        pre(
          (ix.portsOf.get(n.id) ?? []).map((q) =>
            `${q.name.padEnd(12)} ${q.up ? (q.state ?? 'UP') : 'DOWN'} ${q.addresses.join(' ')}`.trimEnd(),
          ),
        );
        for (const tb of n.tables ?? []) {
          line(t(lang, 'routes', tb.table), 'knt-tip-sub');
          pre(tb.routes);
        }
      } else if (n.kind === 'bridge' && n.network) {
        for (const f of networkFacts(lang, n)) line(f);
        const names = n.network.containers.map((c) => ix.nodes.get(c)?.name ?? c);
        line(t(lang, 'containers', names.join(', ') || t(lang, 'none')));
        const slaves = (ix.linksAt.get(n.id) ?? []).map((l) => ix.ports.get(l.a)?.name ?? l.a);
        line(t(lang, 'ports', slaves.join(', ') || t(lang, 'none')));
      } else if (n.kind !== 'container') {
        line(nodeLabel(ix, lang, n).split(', ').slice(1).join(', '));
      }
    }
    if (interactive && (n?.source ?? p?.source)) line(t(lang, 'revealHint'), 'knt-tip-hint');
    this.tip.style('display', 'block');
    this.place();
    this.nodeEl(nid)?.setAttribute('aria-describedby', this.tipId);
  }

  /** Beside its node (after a pan or zoom too), inside the drawing. */
  place(): void {
    if (!this.for || this.tip.style('display') === 'none') return;
    const el = this.nodeEl(this.for);
    if (!el) return this.hide();
    const r = el.getBoundingClientRect();
    const c = this.root.getBoundingClientRect();
    const tw = this.tip.node()!.offsetWidth;
    const th = this.tip.node()!.offsetHeight;
    let x = r.right - c.left + 8;
    if (x + tw > c.width) x = Math.max(0, r.left - c.left - tw - 8);
    let y = r.top - c.top;
    if (y + th > c.height) y = Math.max(0, c.height - th);
    this.tip.style('left', `${Math.round(x)}px`).style('top', `${Math.round(Math.max(0, y))}px`);
  }

  hide(): void {
    if (this.for) this.nodeEl(this.for)?.removeAttribute('aria-describedby');
    this.for = undefined;
    this.tip.style('display', 'none');
  }
}
