/**
 * The owner of a DNS server's sockets (`dnsServerApp(server)` as a Socket's `owner`): a query that
 * reaches the socket is read from its payload and handed to the server program with the lookup's
 * session; what the program decides becomes the Apps seam's decision:
 *
 * - reply -> `reply` with the answer as a DNS payload;
 * - drop -> `refuse` (for UDP the datagram is taken and not answered: the client times out);
 * - forward -> `proxy`: a query of the server's own, from its namespace, to the upstream (its own
 *   legs); its ending becomes an `UpstreamAnswer` for the program, whose next outcome may forward
 *   again (the next upstream), each walked in turn.
 *
 * The program's steps (a server block chosen, each plugin's decision) become the decision's notes,
 * steps at the server's socket in the query's leg. A step's `data.waitedMs` (a number) is time the
 * server spent before answering (an upstream that never answered): `exchange` adds it to the
 * lookup's time, and a client whose timeout passed first has stopped listening.
 */
import { formatAddr, parseAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { eunneun, iga, ro } from '../../text/particle';
import type { App, AppDecision, AppNote, UpstreamResult } from '../../datapath/seams';
import { type DnsServer, type DnsSession, newSession, type ServerOutcome, type ServerStep, type UpstreamAnswer, DNS_PORT } from '../msg';
import { dnsPayload, dnsSummary, messageOf, questionText, sessionOf } from './payload';

/**
 * The program's steps as notes; each note's data names the server (`dnsServer`) and the plugin, so a
 * resolver can find them in the legs. A step whose `data.notSimulated` names what it does not model
 * becomes a note the walk warns about.
 */
function notesOf(server: DnsServer, steps: readonly ServerStep[]): AppNote[] {
  return steps.map((s) => ({
    detail: s.detail,
    ...(s.source ? { source: s.source } : {}),
    ...(typeof s.data?.['notSimulated'] === 'string' ? { notSimulated: s.data['notSimulated'] } : {}),
    data: { ...(s.data ?? {}), dnsServer: server.name, ...(s.plugin ? { plugin: s.plugin } : {}) },
  }));
}

/**
 * How an upstream query ended, as the server program reads it. A server's connected UDP socket
 * (Go's, CoreDNS's) without IP_RECVERR hears only the ICMP errors the kernel calls fatal
 * (icmp_err_convert): port unreachable (`refused`), a prohibited destination; and its own kernel's
 * refusal to send (no route, an unreachable route): `unreachable`. A host unreachable (a neighbour
 * that never answered) is not reported to it: it waits, `timeout`, as for anything dropped.
 */
export function upstreamAnswer(r: UpstreamResult): UpstreamAnswer {
  const msg = messageOf(r.payload);
  if (r.replied && msg?.response) return { ok: true, msg };
  if (r.verdict === 'refused') return { ok: false, why: 'refused', reason: r.reason };
  if (r.verdict === 'no-route' || r.verdict === 'prohibited' || r.verdict === 'unreachable-route') {
    return { ok: false, why: 'unreachable', reason: r.reason };
  }
  const reason: Localized = r.replied
    ? loc('An answer came back that is no DNS response.', 'DNS 응답이 아닌 것이 돌아왔습니다.')
    : r.reason;
  return { ok: false, why: 'timeout', reason };
}

function decide(server: DnsServer, out: ServerOutcome, session: DnsSession): AppDecision {
  const notes = notesOf(server, out.steps);
  if (out.kind === 'reply') {
    const text = dnsSummary(out.msg);
    return {
      kind: 'reply',
      payload: dnsPayload(out.msg),
      notes,
      detail: loc(`${server.name} answers: ${text}`, `${iga(server.name)} 응답합니다: ${text}`),
    };
  }
  if (out.kind === 'drop') return { kind: 'refuse', notes, detail: out.reason };
  const to = parseAddr(out.to.addr);
  const where = `${out.to.addr}:${out.to.port}`;
  if (!to) {
    return {
      kind: 'refuse',
      notes,
      detail: loc(
        `${server.name} cannot forward to "${where}": no address.`,
        `${server.name}: ${eunneun(`"${where}"`)} 주소가 아니어서 포워딩할 수 없습니다.`,
      ),
    };
  }
  const q = questionText(out.msg);
  return {
    kind: 'proxy',
    notes,
    upstream: {
      to,
      proto: out.to.proto,
      port: out.to.port,
      payload: dnsPayload(out.msg, session),
      label: loc(`DNS query ${q} to ${formatAddr(to)}`, `${formatAddr(to)}에 보내는 DNS 질의 ${q}`),
    },
    detail: loc(`${server.name} forwards the query to ${where}.`, `${iga(server.name)} 질의를 ${ro(where)} 포워딩합니다.`),
    then: (r) => decide(server, out.then(upstreamAnswer(r)), session),
  };
}

/** The App behind a DNS server program's sockets (UDP and TCP port 53, or the Corefile's). */
export function dnsServerApp(server: DnsServer): App {
  return {
    name: server.name,
    receive(ctx) {
      const p = ctx.packet;
      const msg = messageOf(p.payload);
      if (!msg || msg.response) {
        return {
          kind: 'refuse',
          detail: loc(
            `${server.name} gets a datagram that is no DNS query: it does not answer.`,
            `${iga(server.name)} DNS 질의가 아닌 데이터그램을 받아 응답하지 않습니다.`,
          ),
        };
      }
      const session = sessionOf(p.payload) ?? newSession();
      const out = server.handle(
        {
          msg,
          proto: p.proto === 'tcp' ? 'tcp' : 'udp',
          client: { addr: formatAddr(p.src), port: p.sport ?? 0 },
          local: { addr: formatAddr(p.dst), port: p.dport ?? DNS_PORT },
        },
        session,
      );
      return decide(server, out, session);
    },
  };
}
