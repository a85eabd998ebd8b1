/**
 * The inside of the simulated CoreDNS: what a plugin's handler is and what it gives back. A handler
 * is CoreDNS's `ServeDNS(ctx, w, r) (int, error)` in continuation style: it answers (`write`: the
 * plugin wrote a reply), returns an rcode it did not write (`code`: SERVFAIL, REFUSED... which the
 * server writes, as `plugin.ClientWrite` decides), or asks an upstream (`forward`) and goes on from
 * its answer. Plugins that wrap the writer (cache, rewrite, loadbalance, log, errors) map the result
 * with `after`, through any number of upstream questions.
 */
import type { Localized } from '../../text/i18n';
import type { CorefilePlugin } from '../corefile';
import type { SourceRef } from '../../sim/model';
import type { DnsMessage, DnsSession, Rcode, ServerQuery, ServerStep, UpstreamAnswer } from '../msg';

export type Res =
  | { readonly kind: 'write'; readonly msg: DnsMessage }
  /** An rcode returned, not written; `err` is the Go error the errors plugin would log. */
  | { readonly kind: 'code'; readonly rcode: Rcode; readonly err?: string }
  | {
      readonly kind: 'forward';
      readonly to: { readonly addr: string; readonly port: number; readonly proto: 'udp' | 'tcp' };
      readonly msg: DnsMessage;
      readonly then: (a: UpstreamAnswer) => Res;
    }
  | { readonly kind: 'drop'; readonly reason: Localized; readonly data?: Readonly<Record<string, unknown>> };

/** One query going down a server block's chain. `msg` is the request as the plugins see it (rewrite changes it). */
export interface Req {
  readonly msg: DnsMessage;
  readonly query: ServerQuery;
  readonly session: DnsSession;
  /** The state of this server in this session (cache entries, policy counters). */
  readonly state: Map<string, unknown>;
  /** The block's zone that matched the question (`example.org.`, `.`). */
  readonly zone: string;
  /** Where the steps of this query go (the engine hands them out with each outcome). */
  readonly steps: ServerStep[];
  /** CoreDNS's upstream.Lookup: a new question through this whole server (a CNAME target outside a zone). */
  readonly self: (name: string, type: string) => Res;
}

/** The rest of the chain; `none` when this plugin is the last (its `Next` is nil). */
export type Next = ((req: Req) => Res) & { readonly none?: boolean };

export interface Handler {
  readonly name: string;
  readonly source: SourceRef;
  serve(req: Req, next: Next): Res;
}

/** Maps the final result of `r` (after any upstream answers) with `f`. */
export function after(r: Res, f: (r: Exclude<Res, { kind: 'forward' }>) => Res): Res {
  if (r.kind === 'forward') return { ...r, then: (a) => after(r.then(a), f) };
  return f(r);
}

/** What a plugin's setup is given. */
export interface BuildCtx {
  /** The server block's zones (`example.org.`), normalised. */
  readonly zones: readonly string[];
  readonly readFile: (path: string) => string | undefined;
  /** The `root` plugin's directory, if the block has one. */
  readonly root?: string;
  readonly corefile: string;
  /** The host's name (os.Hostname), for chaos's hostname.bind. */
  readonly hostname?: string;
  /** Every plugin line of the block (rewrite's lines are all one plugin). */
  readonly all?: readonly CorefilePlugin[];
}

/** A plugin built from its Corefile lines, or CoreDNS's start-up error for it. */
export type Built =
  | {
      readonly handler: Handler;
      readonly listens?: readonly Listen[];
      /** Lines the plugin's setup logs (clog.Warningf) as CoreDNS starts, before the zones it serves. */
      readonly warnings?: readonly string[];
    }
  | { readonly error: string };

export interface Listen {
  readonly proto: 'udp' | 'tcp';
  readonly port: number;
  /** The addresses bound (`bind`), all when absent. */
  readonly addrs?: readonly string[];
  /** What listens: the DNS server, or a plugin's HTTP endpoint (`health`, `ready`, `prometheus`). */
  readonly what: 'dns' | 'health' | 'ready' | 'prometheus';
}
