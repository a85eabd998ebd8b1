/**
 * The selected step in detail: what happens, what decided it (the routing table with the matched
 * route marked, the ARP exchange, the bridge's FDB, netfilter's before and after, the TTL, the
 * reason for a drop), the packet's headers at that point, and the lab line behind it.
 */
import type { SourceRange } from '../../src/core/text/diag';
import type { Lang } from '../../src/core/text/i18n';
import type { PacketHeaders, Step, TraceResult } from '../../src/core/datapath/trace';
import {
  changedHeaders,
  type DataField,
  type Decision,
  decisionOf,
  headerRows,
  previousStep,
  stepAt,
  type StepRef,
  stepPlace,
} from '../../src/core/view/trace';
import type { TopologyModel } from '../../src/core/view/types';
import { type Child, fill, h } from './dom';
import { legName } from './legs';
import { hookBadge, nfDetail } from './netfilter';
import { isV6, LAYERS, stageLabel, t, tl } from './strings';

export interface DetailInput {
  readonly lang: Lang;
  readonly trace: TraceResult;
  readonly ref: StepRef;
  readonly model?: TopologyModel;
  /** The seed the trace ran with (a statistic rule's draw). */
  readonly seed?: number;
  readonly onReveal: (source: SourceRange) => void;
}

const fileName = (f: string): string => f.split(/[\\/]/).pop() ?? f;

/** A button that opens a lab line in the editor. */
export function revealButton(lang: Lang, source: SourceRange, onReveal: (s: SourceRange) => void): HTMLElement {
  const label = `${fileName(source.file)}:${source.line}`;
  return h(
    'button',
    {
      type: 'button',
      class: 'link reveal',
      'aria-label': t(lang, 'openLine', { file: fileName(source.file), line: source.line }),
      'data-line': source.line,
      on: { click: () => onReveal(source) },
    },
    label,
  );
}

function headersTable(lang: Lang, p: PacketHeaders, changed: ReadonlySet<string>, caption: string, cls = 'headers'): HTMLElement {
  const rows = headerRows(p);
  let lastLayer = '';
  return h(
    'table',
    { class: cls },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(lang, 'layer')),
        h('th', { scope: 'col' }, t(lang, 'field')),
        h('th', { scope: 'col' }, t(lang, 'value')),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) => {
        const key = `${r.layer}.${r.field}`;
        const first = r.layer !== lastLayer;
        lastLayer = r.layer;
        const isChanged = changed.has(key);
        return h(
          'tr',
          { class: `${first ? 'layer-first' : ''} ${isChanged ? 'changed' : ''}`.trim() || undefined, 'data-field': key },
          h(
            'th',
            { scope: 'row' },
            first
              ? tl(lang, LAYERS[r.layer] ?? { en: r.layer, ko: r.layer })
              : h('span', { class: 'sr-only' }, tl(lang, LAYERS[r.layer] ?? { en: r.layer, ko: r.layer })),
          ),
          h('td', { class: 'mono' }, r.field),
          h(
            'td',
            { class: 'mono' },
            r.value,
            isChanged
              ? h(
                  'span',
                  { class: 'changed-mark', title: t(lang, 'changed') },
                  h('span', { 'aria-hidden': 'true' }, ' ●'),
                  h('span', { class: 'sr-only' }, ` (${t(lang, 'changed')})`),
                )
              : null,
          ),
        );
      }),
    ),
  );
}

function fieldsList(fields: readonly DataField[]): HTMLElement | null {
  if (!fields.length) return null;
  return h('dl', { class: 'fields' }, ...fields.flatMap((f) => [h('dt', {}, f.key), h('dd', { class: 'mono' }, f.value)]));
}

/** The solicited-node multicast MAC a neighbour solicitation for `target` goes to: 33:33:ff and its last 24 bits. */
function solicitedNodeMac(target: string): string {
  const [head = '', tail = ''] = target.split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const tl6 = tail ? tail.split(':') : [];
  const groups = target.includes('::') ? [...h, ...Array<string>(8 - h.length - tl6.length).fill('0'), ...tl6] : h;
  const last = groups
    .slice(-2)
    .map((g) =>
      parseInt(g || '0', 16)
        .toString(16)
        .padStart(4, '0'),
    )
    .join('');
  return `33:33:ff:${last.slice(2, 4)}:${last.slice(4, 6)}:${last.slice(6, 8)}`;
}

function decisionBody(lang: Lang, step: Step, d: Decision, onReveal: (s: SourceRange) => void): Child[] {
  switch (d.kind) {
    case 'route': {
      const where = stepPlace(step);
      const body: Child[] = [];
      const table = h(
        'table',
        { class: 'route-table', 'data-table': d.table },
        h('caption', {}, t(lang, 'routeTable', { table: d.table, where })),
        h(
          'tbody',
          {},
          ...d.rows.map((r) =>
            h(
              'tr',
              { class: r.matched ? 'matched' : undefined, 'aria-current': r.matched ? 'true' : undefined },
              h('td', { class: 'mark' }, r.matched ? h('span', { class: 'match-badge' }, t(lang, 'matched')) : ''),
              h('td', { class: 'mono route-line' }, r.line),
            ),
          ),
        ),
      );
      if (d.rows.length) body.push(table);
      else body.push(h('p', {}, t(lang, 'emptyTable')));
      if (d.route === undefined) body.push(h('p', { class: 'no-match' }, t(lang, 'noRouteMatched')));
      if (d.removed) {
        const lines = { route: d.removed.route, added: d.removed.addedAt ?? '?', removed: d.removed.removedAt ?? '?' };
        body.push(h('p', { class: 'removed-route mono' }, t(lang, 'removedRoute', lines)));
      }
      const facts: DataField[] = [];
      if (d.dev) facts.push({ key: t(lang, 'outDev'), value: d.dev });
      if (d.gateway) facts.push({ key: t(lang, 'gateway'), value: d.gateway });
      if (d.src) facts.push({ key: t(lang, 'source'), value: d.src });
      body.push(fieldsList(facts));
      return body;
    }
    case 'neigh': {
      const target = d.nexthop;
      const v6 = isV6(target);
      if (d.via === 'cache') return [h('p', {}, t(lang, 'neighCache', { target, mac: d.mac ?? '?' }))];
      if (d.via === 'static') return [h('p', {}, t(lang, 'neighStatic', { target, mac: d.mac ?? '?', state: d.state ?? '' }))];
      const reply: Child = d.answered
        ? h(
            'li',
            { class: 'arp-reply' },
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, '← '),
            h('span', { class: 'mono' }, t(lang, v6 ? 'ndAdvert' : 'arpIsAt', { target, mac: d.mac ?? '?' })),
            d.answeredBy ? ` (${t(lang, 'arpFrom', { who: d.answeredBy })})` : '',
          )
        : h(
            'li',
            { class: 'arp-reply none' },
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, '✕ '),
            t(lang, 'arpNoAnswer'),
            d.heardBy ? `: ${d.heardBy.length ? t(lang, 'arpHeardBy', { list: d.heardBy.join(', ') }) : t(lang, 'arpNobody')}` : '',
          );
      return [
        h(
          'ol',
          { class: 'arp', 'aria-label': t(lang, v6 ? 'ndExchange' : 'arpExchange', { dev: d.dev ?? '' }) },
          h(
            'li',
            { class: 'arp-request' },
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→ '),
            h('span', { class: 'mono' }, t(lang, v6 ? 'ndSolicit' : 'arpWhoHas', { target, sender: d.sender ?? (v6 ? '::' : '0.0.0.0') })),
            v6 ? ` (${solicitedNodeMac(target)})` : ' (ff:ff:ff:ff:ff:ff)',
          ),
          reply,
        ),
        d.answers && d.answers > 1 ? h('p', { class: 'warn' }, t(lang, 'arpAnswers', { n: d.answers })) : null,
      ];
    }
    case 'bridge': {
      if (d.action === 'local') return [h('p', {}, t(lang, 'bridgeLocal', { mac: d.mac ?? '' }))];
      if (d.action === 'flood') return [h('p', {}, t(lang, 'bridgeFlood', { mac: d.mac ?? '', port: d.port ?? '' }))];
      return [
        h(
          'table',
          { class: 'fdb' },
          h('caption', {}, t(lang, 'fdb', { bridge: d.bridge })),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, 'mac')), h('th', { scope: 'col' }, t(lang, 'port')))),
          h('tbody', {}, h('tr', { class: 'matched' }, h('td', { class: 'mono' }, d.mac ?? ''), h('td', { class: 'mono' }, d.port ?? ''))),
        ),
        h('p', {}, t(lang, d.action === 'forward' ? 'bridgeForward' : 'bridgeLearn')),
      ];
    }
    case 'switch': {
      const how = d.how === 'unicast' || d.how === 'flooded' || d.how === 'broadcast' ? t(lang, `how_${d.how}`) : d.how;
      return [h('p', {}, t(lang, 'switchHow', { switch: d.switch, how, port: `${stepPlace(step)} ${d.port ?? ''}`.trim() }))];
    }
    case 'veth':
      return [h('p', {}, t(lang, 'veth', { from: d.from, to: d.to }))];
    case 'netfilter':
      return [...nfDetail(lang, step, d.row, onReveal), fieldsList(d.fields)];
    case 'forward': {
      const v6 = isV6(step.packet?.ip.dst);
      return [
        h(
          'p',
          {},
          d.expired
            ? t(lang, v6 ? 'hopLimitExpired' : 'ttlExpired', { ttl: d.ttlAfter })
            : t(lang, v6 ? 'hopLimit' : 'ttl', { before: d.ttlBefore ?? d.ttlAfter + 1, after: d.ttlAfter }),
        ),
      ];
    }
    case 'drop':
      return [
        h('p', { class: 'drop-reason' }, h('strong', {}, `${t(lang, 'dropReason')}: `), tl(lang, d.reason)),
        d.sysctl ? h('p', { class: 'mono' }, t(lang, 'sysctlIs', { key: d.sysctl, value: d.value ?? '' })) : null,
        fieldsList(d.fields),
      ];
    case 'lookup':
      return [h('p', { class: 'lookup-what', 'data-step': d.step }, tl(lang, d.what)), d.fields.length ? fieldsList(d.fields) : null];
    case 'data':
      return d.fields.length ? [fieldsList(d.fields)] : [h('p', { class: 'quiet' }, t(lang, 'nothingDecided'))];
  }
}

export function renderDetail(el: HTMLElement, input: DetailInput): void {
  const { lang, trace, ref, model } = input;
  const step = stepAt(trace, ref);
  if (!step) {
    fill(el);
    return;
  }
  const prev = previousStep(trace, ref);
  const decision = decisionOf(step, {
    ...(model ? { model } : {}),
    ...(prev ? { prev } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
  });
  const changed = step.packet ? changedHeaders(prev?.packet, step.packet) : new Set<string>();
  fill(
    el,
    h(
      'h2',
      { class: 'detail-head', id: 'detail-head' },
      h('span', { class: 'detail-pos' }, t(lang, 'legStep', { leg: legName(lang, trace, ref.leg), n: ref.index + 1 })),
      ' ',
      step.stage === 'netfilter' ? hookBadge(lang, step) : h('span', { class: `stage stage-${step.stage}` }, stageLabel(lang, step)),
      ' ',
      h('span', { class: 'detail-where' }, `${stepPlace(step)}${step.iface ? ` ${step.iface}` : ''}`),
    ),
    h('p', { class: 'detail-text' }, tl(lang, step.detail)),
    step.source ? h('p', { class: 'detail-source' }, `${t(lang, 'labLine')}: `, revealButton(lang, step.source, input.onReveal)) : null,
    h(
      'section',
      { class: `decision decision-${decision.kind}`, 'aria-labelledby': 'decision-head', 'data-kind': decision.kind },
      h('h3', { id: 'decision-head' }, t(lang, 'decision')),
      ...decisionBody(lang, step, decision, input.onReveal),
    ),
    // A lookup's own steps (stage resolve) carry no packet: no headers to show.
    step.packet
      ? h(
          'section',
          { class: 'packet', 'aria-labelledby': 'packet-head' },
          h('h3', { id: 'packet-head' }, t(lang, 'headers')),
          headersTable(lang, step.packet, changed, t(lang, 'headers')),
        )
      : null,
  );
}
