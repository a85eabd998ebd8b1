/**
 * Drives the simulated CoreDNS in tests: a Corefile and its files, a question, and the answers of
 * upstream servers (by `addr:port`, a reply builder or a failure), as the transport would give them.
 */
import { strict as assert } from 'node:assert';
import { corednsServer } from '../../src/core/dns/server';
import {
  makeQuery,
  newSession,
  type DnsMessage,
  type DnsServer,
  type DnsSession,
  type ServerOutcome,
  type ServerStep,
  type UpstreamAnswer,
} from '../../src/core/dns/msg';
import { loc } from '../../src/core/text/i18n';
import { rdataText } from '../../src/core/dns/zone/rdata';

export interface AskOpts {
  readonly type?: string;
  readonly cls?: string;
  readonly files?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly local?: string;
  readonly client?: string;
  readonly proto?: 'udp' | 'tcp';
  readonly session?: DnsSession;
  /** Upstreams by `addr:port`: the reply to a query, or `timeout`. */
  readonly upstreams?: Readonly<Record<string, ((q: DnsMessage) => DnsMessage) | 'timeout' | 'refused'>>;
  readonly edns?: boolean;
  /** A server already started (to ask it twice in one session); the Corefile is then ignored. */
  readonly server?: DnsServer;
}

/** Starts CoreDNS on a Corefile and its files, or fails with its start-up error. */
export function serverOf(corefile: string, files: Readonly<Record<string, string>> = {}, port?: number): DnsServer {
  const start = corednsServer(corefile, '/etc/coredns/Corefile', (p) => files[p], port ? { port } : {});
  assert.ok(start.server, start.errors?.text);
  return start.server;
}

/** A query as a resolver sends it (the name made absolute). */
export function query(name: string, type = 'A', cls = 'IN', id = 4242): DnsMessage {
  return makeQuery(name, type, { id, cls });
}

export interface Asked {
  readonly msg?: DnsMessage;
  readonly outcome: 'reply' | 'drop';
  readonly steps: ServerStep[];
  readonly forwards: string[];
  readonly dropReason?: string;
}

export function ask(corefile: string, name: string, o: AskOpts = {}): Asked {
  const server = o.server ?? serverOf(corefile, o.files, o.port);
  const q = query(name, o.type, o.cls);
  let out: ServerOutcome = server.handle(
    {
      msg: o.edns ? { ...q, edns: { udpSize: 1232, do: false } } : q,
      proto: o.proto ?? 'udp',
      client: { addr: o.client ?? '10.0.0.2', port: 40000 },
      local: { addr: o.local ?? '10.0.0.53', port: o.port ?? 53 },
    },
    o.session ?? newSession(),
  );
  const steps: ServerStep[] = [];
  const forwards: string[] = [];
  while (out.kind === 'forward') {
    steps.push(...out.steps);
    const key = `${out.to.addr}:${out.to.port}`;
    forwards.push(`${key}/${out.to.proto}`);
    const up = o.upstreams?.[key];
    const a: UpstreamAnswer =
      up === 'refused'
        ? { ok: false, why: 'refused', reason: loc('port unreachable', '포트 도달 불가') }
        : up === undefined || up === 'timeout'
          ? { ok: false, why: 'timeout', reason: loc('no answer in time', '제시간에 답이 없음') }
          : { ok: true, msg: up(out.msg) };
    out = out.then(a);
  }
  steps.push(...out.steps);
  return out.kind === 'reply'
    ? { msg: out.msg, outcome: 'reply', steps, forwards }
    : { outcome: 'drop', steps, forwards, dropReason: out.reason.en };
}

/** An answer line as dig prints the record's fields: `name ttl class type data`. */
export function lines(m: DnsMessage | undefined, section: 'answer' | 'authority' | 'additional' = 'answer'): string[] {
  return (m?.[section] ?? []).map((r) => `${r.name} ${r.ttl} ${r.cls} ${r.type} ${rdataText(r.data)}`);
}

/** A reply an upstream gives: the question, with these A records. */
export function upstreamA(...addrs: string[]): (q: DnsMessage) => DnsMessage {
  return (q) => ({
    ...q,
    response: true,
    ra: true,
    answer: addrs.map((address) => ({ name: q.question[0]!.name, ttl: 300, cls: 'IN', type: 'A', data: { type: 'A', address } })),
  });
}
