/**
 * Trace another packet (or the same one again, after an edit of the lab): from an endpoint of the
 * topology to an address, ICMP, TCP or UDP with a port. Posts `runTrace`; the extension answers
 * with a new `trace` message.
 */
import type { Lang } from '../../src/core/text/i18n';
import type { TraceResult } from '../../src/core/datapath/trace';
import { traceArgsOf } from '../../src/core/view/trace';
import type { TopologyModel, TraceArgsView } from '../../src/core/view/types';
import { fill, h } from './dom';
import { t } from './strings';

type Field = HTMLElement & { value: string };

/** The hosts, namespaces and containers' namespaces of a topology, as trace endpoints (`host`, `host/netns`). */
export function endpointsOf(model: TopologyModel): string[] {
  const hosts = new Map(model.nodes.filter((n) => n.kind === 'host').map((n) => [n.id, n.name]));
  const out: string[] = [];
  for (const n of model.nodes) {
    if (n.kind === 'host') out.push(n.name);
    // A container with a namespace of its own is that namespace (`host/NAME`).
    else if ((n.kind === 'netns' || (n.kind === 'container' && n.container?.netns)) && n.parent && hosts.has(n.parent))
      out.push(`${hosts.get(n.parent)!}/${n.name}`);
  }
  return out;
}

export class TraceForm {
  readonly el: HTMLFormElement;
  private readonly from: Field;
  private readonly to: Field;
  private readonly proto: Field;
  private readonly port: Field;
  private readonly submit: HTMLElement;
  private readonly msg: HTMLElement;
  private readonly heading: HTMLElement;
  private lang: Lang = 'en';
  private endpoints: string[] = [];
  private filledFrom?: TraceResult;

  constructor(private readonly onTrace: (args: TraceArgsView) => void) {
    this.from = h('vscode-single-select', { id: 'trace-from' }) as unknown as Field;
    this.to = h('vscode-textfield', { id: 'trace-to', class: 'to-field' }) as unknown as Field;
    this.proto = h(
      'vscode-single-select',
      { id: 'trace-proto', on: { change: () => this.protoChanged() } },
      ...['icmp', 'tcp', 'udp'].map((p) => h('vscode-option', { value: p }, p)),
    ) as unknown as Field;
    this.port = h('vscode-textfield', { id: 'trace-port', class: 'port-field', type: 'number', min: 1, max: 65535 }) as unknown as Field;
    this.submit = h('vscode-button', { id: 'trace-run', on: { click: () => this.run() } });
    this.msg = h('span', { class: 'form-error', id: 'trace-form-error', role: 'alert' });
    this.heading = h('span', { class: 'form-head', id: 'trace-form-head' });
    this.el = h('form', {
      class: 'trace-form',
      id: 'trace-form',
      'aria-labelledby': 'trace-form-head',
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          this.run();
        },
      },
    });
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'VSCODE-TEXTFIELD') {
        e.preventDefault();
        this.run();
      }
    });
    fill(
      this.el,
      this.heading,
      this.from,
      h('span', { 'aria-hidden': 'true' }, '→'),
      this.to,
      this.proto,
      this.port,
      this.submit,
      this.msg,
    );
  }

  /** New endpoints (the lab changed) and the trace shown, whose packet fills the form. */
  set(lang: Lang, model: TopologyModel | undefined, trace: TraceResult | undefined): void {
    this.lang = lang;
    const endpoints = model ? endpointsOf(model) : [];
    if (endpoints.join('\n') !== this.endpoints.join('\n')) {
      this.endpoints = endpoints;
      fill(this.from, ...endpoints.map((e) => h('vscode-option', { value: e }, e)));
    }
    // The form shows the packet of the trace shown, until the user changes it (a new trace resets it).
    const args = trace && trace !== this.filledFrom ? traceArgsOf(trace) : undefined;
    this.filledFrom = trace ?? this.filledFrom;
    if (args) {
      this.from.value = args.from;
      this.to.value = args.to;
      this.proto.value = args.proto;
      this.port.value = args.port !== undefined ? String(args.port) : '';
    }
    this.protoChanged();
    this.texts();
  }

  private texts(): void {
    const lang = this.lang;
    this.heading.textContent = t(lang, 'newTrace');
    this.from.setAttribute('aria-label', t(lang, 'from'));
    this.to.setAttribute('aria-label', t(lang, 'to'));
    this.to.setAttribute('placeholder', t(lang, 'toPlaceholder'));
    this.proto.setAttribute('aria-label', t(lang, 'proto'));
    this.port.setAttribute('aria-label', t(lang, 'port'));
    this.port.setAttribute('placeholder', t(lang, 'port'));
    this.submit.textContent = t(lang, 'traceRun');
  }

  private protoChanged(): void {
    const icmp = this.proto.value === 'icmp' || !this.proto.value;
    this.port.hidden = icmp;
    if (!icmp && !this.port.value) this.port.value = '80';
  }

  private run(): void {
    const lang = this.lang;
    const from = this.from.value.trim();
    const to = this.to.value.trim();
    const proto = (['icmp', 'tcp', 'udp'].includes(this.proto.value) ? this.proto.value : 'icmp') as TraceArgsView['proto'];
    const port = proto === 'icmp' ? undefined : Number(this.port.value);
    let error = '';
    if (!from) error = t(lang, 'needFrom');
    else if (!/^[0-9a-fA-F.:]+$/.test(to)) error = t(lang, 'needTo');
    else if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) error = t(lang, 'needPort');
    this.msg.textContent = error;
    if (error) return;
    this.onTrace({ from, to, proto, ...(port !== undefined ? { port } : {}) });
  }
}
