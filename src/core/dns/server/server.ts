/**
 * CoreDNS as a pure `DnsServer` (core/dnsserver/server.go): the Corefile read as CoreDNS reads it at
 * start-up (its first error is CoreDNS's fatal start-up message), its server blocks grouped by the
 * port and addresses they listen on, and a query served as ServeDNS does: a class other than IN is
 * REFUSED (unless the `chaos` plugin is there), the block of the longest zone that holds the question
 * takes it (`.` as the last resort, none: REFUSED), and its plugins run in plugin.cfg's order, each
 * calling the next; the end of the chain is `plugin.NextOrFailure`'s SERVFAIL. An rcode a plugin
 * returns without writing (SERVFAIL, REFUSED, FORMERR, NOTIMP) is written by the server.
 */
import type { SourceRef } from '../../sim/model';
import { inExecutionOrder, normalizeKey, parseCorefile, type CorefilePlugin, type ServerBlock } from '../corefile';
import type { DnsMessage, DnsServer, ServerOutcome, ServerQuery, DnsSession, ServerStep } from '../msg';
import { qname, setRcode, setReply, sizeAndDo } from './msgs';
import { buildPlugin } from './plugins/index';
import { after, type Handler, type Listen, type Req, type Res } from './types';
import { blockChosen, chainEnd, emptyBlock, loopSeen, refusedNoZone, refusedClass, serverWrites, silentCode } from './words';

export interface CorednsOptions {
  /** `-dns.port`: the port of keys that name none (53). */
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  /** The host's name, as chaos's hostname.bind answers it. */
  readonly hostname?: string;
}

export interface CorednsStart {
  readonly server?: DnsServer;
  readonly listens: readonly Listen[];
  /** Each DNS server (a port and its addresses) with the zones it serves, as CoreDNS prints them at start. */
  readonly servers: readonly { readonly port: number; readonly addrs?: readonly string[]; readonly zones: readonly string[] }[];
  /** Whether a block has the loop plugin (whose start-up probe the command sends). */
  readonly hasLoop?: boolean;
  /** CoreDNS's fatal start-up message and its exit status. */
  readonly errors?: { readonly text: string; readonly exit: number };
  /** What the plugins' setups log at start (a zone file not found), printed before the zones. */
  readonly warnings?: readonly string[];
}

/** A server block ready to serve: its zones, where it listens, its chain. */
interface Config {
  readonly block: ServerBlock;
  readonly zones: readonly string[];
  readonly port: number;
  readonly addrs?: readonly string[];
  readonly chain: readonly Handler[];
  readonly chaos: boolean;
  readonly label: string;
  readonly loop: boolean;
}

/** The text CoreDNS prints for a Corefile error (caddy's `FILE:LINE - Error during parsing: ...`). */
/** The line of a Corefile's last word (comments and blank lines skipped): where caddy's parser stands at EOF. */
function lastWordLine(text: string): number {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.replace(/#.*$/, '').trim()) return i + 1;
  return 1;
}

function fatalText(file: string, line: number, en: string, text: string): string {
  // a server block left open: caddy's closeCurlyBrace fails with SyntaxErr at the token it stopped on, the file's last
  const open = /^(Syntax error: Unexpected token '.*', expecting '\}') \(this block is never closed\)$/s.exec(en);
  if (open) return `${file}:${lastWordLine(text)} - ${open[1]}`;
  const plug = /^plugin\/([\w]+): Error during parsing: (.*)$/s.exec(en);
  if (plug) return `plugin/${plug[1]}: ${file}:${line} - Error during parsing: ${plug[2]}`;
  if (en.startsWith('Error during parsing: ')) return `${file}:${line} - ${en}`;
  const unknown = /\(CoreDNS: (Unknown directive '[^']*')\)\.$/.exec(en);
  if (unknown) return `${file}:${line} - Error during parsing: ${unknown[1]}`;
  return en.replace(/ \(first at line \d+\)$/, '');
}

export function corednsServer(
  corefileText: string,
  file: string,
  readFile: (path: string) => string | undefined,
  opts: CorednsOptions = {},
): CorednsStart {
  const parsed = parseCorefile(corefileText, file, opts.env ? { env: opts.env } : {});
  const bad = parsed.diagnostics.find((d) => d.severity === 'error');
  if (bad) return { listens: [], servers: [], errors: { text: fatalText(file, bad.line, bad.message.en, corefileText), exit: 1 } };
  const defaultPort = opts.port ?? 53;
  const configs: Config[] = [];
  const listens: Listen[] = [];
  const warnings: string[] = [];
  for (const block of parsed.blocks) {
    if (block.snippet) continue;
    const root = block.plugins.find((p) => p.name === 'root')?.args[0];
    const zones = block.keys.flatMap((k) => {
      const z = normalizeKey(k);
      if ('error' in z) return [];
      const explicit = /:[+-]?\d+$/.test(k.replace(/^[a-z0-9]+:\/\//, ''));
      return z.zones.map((x) => ({ ...x, port: explicit ? x.port : String(x.transport === 'dns' ? defaultPort : x.port) }));
    });
    const ctx = {
      zones: zones.map((z) => z.zone),
      readFile,
      corefile: file,
      all: block.plugins,
      ...(root ? { root } : {}),
      ...(opts.hostname ? { hostname: opts.hostname } : {}),
    };
    const chain: Handler[] = [];
    const blockListens: Listen[] = [];
    for (const [i, p] of inExecutionOrder(block.plugins).entries()) {
      // rewrite's and template's setup read every line of their name in a block into one plugin
      if (MERGED.has(p.name) && inExecutionOrder(block.plugins).findIndex((x) => x.name === p.name) !== i) continue;
      const built = buildPlugin(p, ctx);
      if ('error' in built) return { listens: [], servers: [], errors: { text: built.error, exit: 1 } };
      if (built.handler.name !== 'root') chain.push(built.handler);
      warnings.push(...(built.warnings ?? []));
      blockListens.push(...(built.listens ?? []));
    }
    const binds = block.plugins.filter((p) => p.name === 'bind').flatMap((p) => p.args);
    const addrs = binds.length ? [...new Set(binds)] : undefined;
    const ports = [...new Set(zones.map((z) => Number(z.port)))];
    for (const port of ports) {
      const mine = zones.filter((z) => Number(z.port) === port).map((z) => z.zone);
      configs.push({
        block,
        zones: mine,
        port,
        ...(addrs ? { addrs } : {}),
        chain,
        chaos: block.plugins.some((p) => p.name === 'chaos'),
        label: block.keys.join(' '),
        loop: block.plugins.some((p) => p.name === 'loop'),
      });
      for (const proto of ['udp', 'tcp'] as const) {
        const same = listens.find((l) => l.what === 'dns' && l.proto === proto && l.port === port && sameAddrs(l.addrs, addrs));
        if (!same) listens.push({ proto, port, ...(addrs ? { addrs } : {}), what: 'dns' });
      }
    }
    for (const l of blockListens) if (!listens.some((x) => x.what === l.what && x.port === l.port && x.proto === l.proto)) listens.push(l);
  }
  const servers: { port: number; addrs?: readonly string[]; zones: string[] }[] = [];
  for (const c of configs) {
    const same = servers.find((s) => s.port === c.port && sameAddrs(s.addrs, c.addrs));
    if (same) same.zones.push(...c.zones.filter((z) => !same.zones.includes(z)));
    else servers.push({ port: c.port, ...(c.addrs ? { addrs: c.addrs } : {}), zones: [...c.zones] });
  }
  return { server: new Coredns(configs), listens, servers, hasLoop: configs.some((c) => c.loop), ...(warnings.length ? { warnings } : {}) };
}

function sameAddrs(a?: readonly string[], b?: readonly string[]): boolean {
  return (a ?? []).join(',') === (b ?? []).join(',');
}

const STATE_KEY = 'coredns';
const MERGED: ReadonlySet<string> = new Set(['rewrite', 'template']);

class Coredns implements DnsServer {
  readonly name = 'coredns';
  constructor(private readonly configs: readonly Config[]) {}

  /** This server's state in the session (its cache, counters), apart from any other server's. */
  private stateIn(session: DnsSession): Map<string, unknown> {
    let all = session.state.get(STATE_KEY) as WeakMap<object, Map<string, unknown>> | undefined;
    if (!all) session.state.set(STATE_KEY, (all = new WeakMap()));
    let mine = all.get(this);
    if (!mine) all.set(this, (mine = new Map()));
    return mine;
  }

  handle(q: ServerQuery, session: DnsSession): ServerOutcome {
    const steps: ServerStep[] = [];
    const r = q.msg;
    const listening = this.configs.filter((c) => c.port === q.local.port && (!c.addrs || c.addrs.includes(q.local.addr)));
    if (!r.question.length) return { kind: 'reply', msg: sizeAndDo(r, setRcode(r, 'SERVFAIL')), steps };
    const question = r.question[0]!;
    if (question.cls.toUpperCase() !== 'IN' && !listening.some((c) => c.chaos)) {
      steps.push(refusedClass(question.cls));
      return { kind: 'reply', msg: sizeAndDo(r, setRcode(r, 'REFUSED')), steps };
    }
    const name = qname(r);
    const config = pickConfig(listening, name);
    if (!config) {
      steps.push(
        refusedNoZone(
          name,
          listening.flatMap((c) => c.zones),
        ),
      );
      return { kind: 'reply', msg: sizeAndDo(r, setRcode(r, 'REFUSED')), steps };
    }
    if (!config.config.chain.length) {
      steps.push(emptyBlock(config.config.label, config.config.block.range));
      return { kind: 'reply', msg: sizeAndDo(r, setRcode(r, 'REFUSED')), steps };
    }
    steps.push(blockChosen(config.config.label, config.zone, config.config.chain, config.config.block.range));
    const state = this.stateIn(session);
    const flight = `inflight ${name} ${question.type.toUpperCase()}`;
    if (state.get(flight)) {
      const listen = `${config.config.addrs?.[0] ?? ''}:${config.config.port}`;
      const s = loopSeen(q, config.zone, name, config.config.loop, session, listen);
      steps.push(s.step);
      return { kind: 'drop', steps, reason: s.reason };
    }
    const base = { query: q, session, state, steps };
    const req: Req = { ...base, msg: r, zone: config.zone, self: this.selfLookup(base, listening, 1) };
    return this.outcome(runChain(config.config, req), req, flight);
  }

  /** upstream.Lookup: a new question (RD set) through the whole server, as CoreDNS's file plugin asks its CNAME targets. */
  private selfLookup(base: Omit<Req, 'msg' | 'zone' | 'self'>, listening: readonly Config[], depth: number): Req['self'] {
    return (name, type) => {
      const msg: DnsMessage = {
        ...setReply(base.query.msg),
        response: false,
        rd: true,
        question: [{ name, type, cls: 'IN' }],
      };
      const picked = pickConfig(listening, name.toLowerCase());
      if (depth > 8 || !picked || !picked.config.chain.length)
        return { kind: 'write', msg: setRcode(msg, depth > 8 ? 'SERVFAIL' : 'REFUSED') };
      const res = runChain(picked.config, { ...base, msg, zone: picked.zone, self: this.selfLookup(base, listening, depth + 1) });
      return after(res, (x) => (x.kind === 'code' ? { kind: 'write', msg: setRcode(msg, x.rcode) } : x));
    };
  }

  private outcome(res: Res, req: Req, flight: string): ServerOutcome {
    const r = req.query.msg;
    const steps = req.steps.splice(0);
    switch (res.kind) {
      case 'write':
        return { kind: 'reply', msg: sizeAndDo(r, res.msg), steps };
      case 'code':
        if (['SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP'].includes(res.rcode)) {
          steps.push(serverWrites(res.rcode));
          return { kind: 'reply', msg: sizeAndDo(r, setRcode(r, res.rcode)), steps };
        }
        steps.push(silentCode(res.rcode));
        return { kind: 'drop', steps, reason: silentCode(res.rcode).detail };
      case 'drop':
        return { kind: 'drop', steps, reason: res.reason };
      case 'forward': {
        const n = (req.state.get(flight) as number | undefined) ?? 0;
        req.state.set(flight, n + 1);
        return {
          kind: 'forward',
          to: res.to,
          msg: res.msg,
          steps,
          then: (a) => {
            req.state.set(flight, n);
            const next = res.then(a);
            return this.outcome(next, req, flight);
          },
        };
      }
    }
  }
}

/** The block's plugins, each calling the next; past the last, plugin.NextOrFailure's SERVFAIL. */
function runChain(config: Config, req: Req): Res {
  const chain = config.chain;
  const run =
    (i: number) =>
    (rq: Req): Res => {
      const h = chain[i];
      if (!h) {
        const last = chain[i - 1];
        rq.steps.push(chainEnd(last?.name, last?.source ?? config.block.range));
        return { kind: 'code', rcode: 'SERVFAIL', err: `plugin/${last?.name ?? 'server'}: no next plugin found` };
      }
      return h.serve(rq, Object.assign(run(i + 1), { none: i + 1 >= chain.length }));
    };
  return run(0)(req);
}

/** ServeDNS's zone search: the longest zone of the question's name served here, then `.`. */
function pickConfig(configs: readonly Config[], name: string): { config: Config; zone: string } | undefined {
  let off = 0;
  for (;;) {
    const suffix = off >= name.length ? '.' : name.slice(off);
    for (const c of configs) if (c.zones.includes(suffix)) return { config: c, zone: suffix };
    if (suffix === '.') return undefined;
    const dot = nextDot(name, off);
    off = dot < 0 ? name.length : dot + 1;
  }
}

/** The next label's dot (a `\.` inside a label is not one). */
function nextDot(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '.') return i;
  }
  return -1;
}

export type { CorefilePlugin, SourceRef };
