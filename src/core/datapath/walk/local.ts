/**
 * Local delivery: what the stack does with a packet for one of its own addresses. The kernel answers
 * an echo request, a TCP SYN to a closed port (RST) and a UDP datagram to a closed port (ICMP port
 * unreachable) by itself; a socket's program answers through the Apps seam (accept, reply, refuse, or
 * proxy through a connection of its own). A packet back at the connection's origin ends it.
 */
import { addrEq, formatAddr } from '../../net/addr';
import { type Localized, loc } from '../../text/i18n';
import { type Link, type Netns, nsLabel } from '../../sim/model';
import { DEFAULT_TTL, EPHEMERAL_PORT, openingPacket, type Packet } from '../packet';
import { icmpName } from '../inet6';
import { isLinkLocal6 } from '../../sim/inet6';
import { type AppDecision, appOf, type Upstream, type UpstreamResult } from '../seams';
import type { Verdict } from '../trace';
import { type Ending, NOWHERE, type Walk } from './context';
import { iga, ro } from '../../text/particle';

export function deliver(w: Walk, ns: Netns, inDev: Link, p: Packet): void {
  const label = nsLabel(ns);
  const origin = w.conn.origin;
  const isOrigin = ns === origin.ns && addrEq(p.dst, origin.packet.src);
  if (w.inReply) {
    if (!isOrigin) {
      w.drop(
        ns,
        inDev,
        p,
        'dropped',
        loc(`The answer reached ${label}, which did not send the request.`, `응답이 요청을 보내지 않은 ${label}에 도착했습니다.`),
      );
      return;
    }
    finishAtOrigin(w, ns, inDev, p);
    return;
  }
  const back = { src: p.dst, dst: p.src, ttl: DEFAULT_TTL };
  if (p.proto === 'icmp') {
    if (p.icmp === 'echo-request') {
      answer(
        w,
        ns,
        inDev,
        p,
        { ...back, proto: 'icmp', icmp: 'echo-reply' },
        loc(
          `${label} receives the echo request and answers with an echo reply.`,
          `${iga(label)} echo request를 받고 echo reply로 응답합니다.`,
        ),
      );
      return;
    }
    w.drop(
      ns,
      inDev,
      p,
      'dropped',
      loc(`${label} receives an unexpected ICMP ${p.icmp}.`, `${iga(label)} 예상하지 못한 ICMP ${p.icmp} 메시지를 받습니다.`),
    );
    return;
  }
  const sock = ns.host.sockets.find(
    (s) => s.netns === ns.name && s.proto === p.proto && s.port === p.dport && (!s.addr || addrEq(s.addr, p.dst)),
  );
  const where = `${p.proto}/${p.dport}`;
  if (!sock) {
    if (p.proto === 'tcp') {
      answer(
        w,
        ns,
        inDev,
        p,
        { ...back, proto: 'tcp', sport: p.dport, dport: p.sport, tcpFlags: 'R.' },
        loc(
          `Nothing listens on ${where} on ${label}: it answers RST (connection refused).`,
          `${label}의 ${where}에서 대기 중인 것이 없어 RST(연결 거부)로 응답합니다.`,
        ),
      );
      return;
    }
    w.add(
      ns,
      'deliver',
      inDev,
      p,
      p.src.family === 6
        ? loc(
            `Nothing listens on ${where} on ${label}: it answers ${icmpName('port-unreachable', 6)}.`,
            `${label}의 ${where}에서 대기 중인 것이 없어 ${icmpName('port-unreachable', 6)} 메시지로 응답합니다.`,
          )
        : loc(
            `Nothing listens on ${where} on ${label}: it answers ICMP port unreachable.`,
            `${label}의 ${where}에서 대기 중인 것이 없어 ICMP port unreachable로 응답합니다.`,
          ),
    );
    w.startReply();
    const q: Packet = { ...back, proto: 'icmp', icmp: 'port-unreachable', inner: p };
    w.stages.sendLocal(w, ns, q, false, replyDev(inDev, q));
    return;
  }
  const app = appOf(sock);
  let d: AppDecision = app ? app.receive({ ns, socket: sock, packet: p, flow: w.flow }) : { kind: 'accept' };
  // A proxy's answer may be another proxy (the next upstream after a timeout): each is walked in turn.
  for (let hops = 0; d.kind === 'proxy'; hops++) {
    if (hops === MAX_PROXY_HOPS) {
      const name = app?.name ?? 'program';
      d = {
        kind: 'refuse',
        detail: loc(
          `${name} gave up after ${hops} upstream connections.`,
          `${iga(name)} 업스트림 연결을 ${hops}번 시도한 뒤 포기했습니다.`,
        ),
      };
      break;
    }
    notes(w, ns, inDev, p, d);
    w.add(ns, 'deliver', inDev, p, d.detail, {
      ...(sock.origin ? { source: sock.origin } : {}),
      data: { app: app?.name, proxy: formatAddr(d.upstream.to) },
    });
    d = d.then(upstream(w, ns, d.upstream));
  }
  notes(w, ns, inDev, p, d);
  act(w, ns, inDev, p, d, sock.origin);
}

/** The most upstream connections one packet's program may open in a row. */
export const MAX_PROXY_HOPS = 16;

/** What the program noted on the way to its decision, as steps at its socket; what it does not model, as the answer's warnings too. */
function notes(w: Walk, ns: Netns, inDev: Link, p: Packet, d: AppDecision): void {
  for (const n of d.notes ?? []) {
    w.add(ns, 'deliver', inDev, p, n.detail, { ...(n.source ? { source: n.source } : {}), ...(n.data ? { data: { ...n.data } } : {}) });
    if (n.notSimulated && n.source) w.warn(n.source, n.detail);
  }
}

/** What the program decided, done: the kernel's answer, the program's, or nothing. */
function act(
  w: Walk,
  ns: Netns,
  inDev: Link,
  p: Packet,
  d: Exclude<AppDecision, { kind: 'proxy' }>,
  source: Walk['conn']['icmpSource'],
): void {
  const label = nsLabel(ns);
  const where = `${p.proto}/${p.dport}`;
  const back = { src: p.dst, dst: p.src, ttl: DEFAULT_TTL, sport: p.dport, dport: p.sport };
  const src = source ? { source } : {};
  if (d.kind === 'refuse') {
    if (p.proto === 'tcp') {
      w.conn.reset = { why: d.detail, ...(source ? { source } : {}) };
      answer(w, ns, inDev, p, { ...back, proto: 'tcp', tcpFlags: 'R.' }, d.detail, source);
      return;
    }
    w.add(ns, 'deliver', inDev, p, d.detail, src);
    w.end({ verdict: 'dropped', reason: d.detail, ...src });
    return;
  }
  if (d.kind === 'reply') {
    const q: Packet = {
      ...back,
      proto: p.proto,
      ...(p.proto === 'tcp' ? { tcpFlags: 'S.' } : {}),
      ...(d.payload ? { payload: d.payload } : {}),
    };
    answer(w, ns, inDev, p, q, d.detail, source);
    return;
  }
  if (p.proto === 'tcp') {
    // The kernel completes the handshake for a listening socket, before the program sees anything.
    answer(
      w,
      ns,
      inDev,
      p,
      { ...back, proto: 'tcp', tcpFlags: 'S.' },
      d.detail ??
        loc(
          `${label} has a socket listening on ${where}: it answers SYN-ACK.`,
          `${label}에 ${where}에서 대기 중인 소켓이 있어 SYN-ACK로 응답합니다.`,
        ),
    );
    return;
  }
  w.add(
    ns,
    'deliver',
    inDev,
    p,
    d.detail ??
      loc(
        `${label} has a socket bound to ${where}: the datagram is delivered.`,
        `${label}에 ${where}에 바인드된 소켓이 있어 데이터그램이 전달됩니다.`,
      ),
    src,
  );
  w.conn.replied = true;
  w.end({
    verdict: 'replied',
    reason: loc(`The datagram reached a socket on ${label} ${where}.`, `데이터그램이 ${label}의 ${where} 소켓에 도착했습니다.`),
  });
}

/** The stack or the program answers: the step, then the answer's own leg back. */
function answer(w: Walk, ns: Netns, inDev: Link, p: Packet, q: Packet, detail: Localized, source?: Walk['conn']['icmpSource']): void {
  w.add(ns, 'deliver', inDev, p, detail, source ? { source } : undefined);
  w.startReply();
  w.stages.sendLocal(w, ns, q, false, replyDev(inDev, q));
}

/** An answer to a link-local address leaves by the device the question came in on (icmp6_iif, the socket's scope). */
function replyDev(inDev: Link, q: Packet): Link | undefined {
  return isLinkLocal6(q.dst) && inDev.kind !== 'loopback' ? inDev : undefined;
}

/** A proxy's own connection from `ns`, walked as legs of its own; the client's connection resumes after. */
function upstream(w: Walk, ns: Netns, u: Upstream): UpstreamResult {
  const outer = w.conn;
  const leg = w.legIndex;
  // A port of its own for each upstream connection, so that each is a connection of its own.
  const packet = openingPacket(u.to, u.proto, u.port, EPHEMERAL_PORT + 1 + w.legs.length, u.payload);
  const conn = w.open(ns, packet, u.label, leg);
  w.stages.sendLocal(w, ns, packet, true);
  const ending = conn.ending ?? NOWHERE;
  w.resume(outer, leg);
  return { replied: conn.replied, verdict: ending.verdict, reason: ending.reason, ...(conn.answer ? { payload: conn.answer } : {}) };
}

/** The answer is back where the connection started: how it ended. */
function finishAtOrigin(w: Walk, ns: Netns, inDev: Link, p: Packet): void {
  const label = nsLabel(ns);
  const from = formatAddr(p.src);
  const sent = w.conn.origin.packet;
  const target = formatAddr(sent.dst);
  const c = w.conn;
  let e: Ending;
  if ((p.proto === 'tcp' || p.proto === 'udp') && !(addrEq(p.src, sent.dst) && p.sport === sent.dport)) {
    stray(w, ns, inDev, p, sent);
    return;
  }
  if (p.payload) c.answer = p.payload;
  if (p.proto === 'icmp' && p.icmp === 'echo-reply') {
    c.replied = true;
    e = {
      verdict: 'replied',
      reason: addrEq(p.src, sent.dst)
        ? loc(`${label} got the echo reply from ${from}.`, `${iga(label)} ${from}의 echo reply를 받았습니다.`)
        : loc(
            `${label} got the echo reply from ${from}, not from ${target} that it pinged: ping prints it with "(DIFFERENT ADDRESS!)".`,
            `${iga(label)} ${from}의 echo reply를 받았습니다. ping한 주소 ${iga(target)} 아니라서 ping은 "(DIFFERENT ADDRESS!)"를 붙여 출력합니다.`,
          ),
    };
  } else if (p.proto === 'tcp' && p.tcpFlags === 'S.') {
    c.replied = true;
    const got = p.payload ? loc(`; the answer: ${p.payload.summary}`, `. 응답: ${p.payload.summary}`) : loc('', '');
    e = {
      verdict: 'replied',
      reason: loc(
        `${label} connected to ${target}:${sent.dport} (SYN-ACK received)${got.en}.`,
        `${iga(label)} ${target}:${sent.dport}에 연결했습니다 (SYN-ACK 수신)${got.ko}.`,
      ),
    };
  } else if (p.proto === 'tcp' && c.reset) {
    e = {
      verdict: 'refused',
      reason: loc(`Connection refused: ${c.reset.why.en}`, `연결 거부: ${c.reset.why.ko}`),
      ...(c.reset.source ? { source: c.reset.source } : {}),
    };
  } else if (p.proto === 'tcp') {
    e = {
      verdict: 'refused',
      reason: loc(
        `Connection refused: ${target} answered RST, nothing listens on tcp/${sent.dport}.`,
        `연결 거부: ${iga(target)} RST로 응답했습니다. tcp/${sent.dport}에서 대기 중인 것이 없습니다.`,
      ),
    };
  } else if (p.proto === 'udp') {
    c.replied = true;
    const got = p.payload ? ` (${p.payload.summary})` : '';
    e = {
      verdict: 'replied',
      reason: loc(`${label} got an answer from ${from}:${p.sport}${got}.`, `${from}:${p.sport}의 응답이 ${label}에 도착했습니다${got}.`),
    };
  } else {
    e = icmpEnding(w, p, from, target, sent);
  }
  w.add(ns, 'deliver', inDev, p, e.reason);
  w.end(e);
}

function icmpEnding(w: Walk, p: Packet, from: string, target: string, sent: Packet): Ending {
  const what: Record<string, [Verdict, Localized]> = {
    'time-exceeded': [
      'ttl-exceeded',
      loc(
        `Time to live exceeded, from ${from}: the packet went round a routing loop or too many hops.`,
        `${from}에서 Time to live exceeded: 패킷이 라우팅 루프를 돌았거나 홉이 너무 많습니다.`,
      ),
    ],
    'net-unreachable': [
      'no-route',
      loc(
        `Destination Net Unreachable, from ${from}: that router has no route to ${target}.`,
        `${from}에서 Destination Net Unreachable: 그 라우터에 ${ro(target)} 가는 라우트가 없습니다.`,
      ),
    ],
    'host-unreachable': [
      'host-unreachable',
      loc(`Destination Host Unreachable, from ${from}.`, `${from}에서 Destination Host Unreachable.`),
    ],
    'port-unreachable': [
      'refused',
      loc(
        `Destination Port Unreachable, from ${from}: nothing listens on ${sent.proto}/${sent.dport}.`,
        `${from}에서 Destination Port Unreachable: ${sent.proto}/${sent.dport}에서 대기 중인 것이 없습니다.`,
      ),
    ],
    'pkt-filtered': [
      'prohibited',
      loc(`Packet filtered, from ${from}: a prohibit route.`, `${from}에서 Packet filtered: prohibit 라우트입니다.`),
    ],
    'proto-unreachable': [
      'refused',
      loc(
        `Destination Protocol Unreachable, from ${from}: a REJECT rule.`,
        `${from}에서 Destination Protocol Unreachable: REJECT 규칙입니다.`,
      ),
    ],
    'net-prohibited': [
      'prohibited',
      loc(`Destination Net Prohibited, from ${from}: a REJECT rule.`, `${from}에서 Destination Net Prohibited: REJECT 규칙입니다.`),
    ],
    'host-prohibited': [
      'prohibited',
      loc(`Destination Host Prohibited, from ${from}: a REJECT rule.`, `${from}에서 Destination Host Prohibited: REJECT 규칙입니다.`),
    ],
    'admin-prohibited': [
      'prohibited',
      loc(
        `Communication administratively prohibited, from ${from}: a REJECT rule.`,
        `${from}에서 Communication administratively prohibited: REJECT 규칙입니다.`,
      ),
    ],
  };
  const [verdict, found] = what[p.icmp ?? ''] ?? ['dropped', loc('Unexpected answer.', '예상하지 못한 응답입니다.')];
  let reason = found;
  if (p.src.family === 6 && p.icmp && p.icmp in what) {
    // ping -6 prints ICMPv6's own words: "From R icmp_seq=1 Destination unreachable: No route".
    const name = icmpName(p.icmp, 6);
    reason = loc(`${name} from ${from}.`, `${from}에서 ${name}.`);
  }
  return { verdict: w.conn.icmpCause ?? verdict, reason, ...(w.conn.icmpSource ? { source: w.conn.icmpSource } : {}) };
}

/**
 * An answer from an address or port the socket is not connected to: no socket takes it (a TCP
 * SYN-ACK gets a reset from the stack, a datagram is not delivered to the connected socket), and
 * the client waits until it gives up. This is what a reply that missed conntrack's reverse NAT looks like.
 */
function stray(w: Walk, ns: Netns, inDev: Link, p: Packet, sent: Packet): void {
  const label = nsLabel(ns);
  const from = `${formatAddr(p.src)}:${p.sport}`;
  const to = `${formatAddr(sent.dst)}:${sent.dport}`;
  const tcp = p.proto === 'tcp';
  const reason = loc(
    `${label} has no socket for an answer from ${from}: it ${tcp ? 'connected' : 'sent its datagram'} to ${to}. ${
      tcp ? 'The stack answers it with a TCP reset, and the connection times out.' : 'Nothing takes it, and the client times out.'
    } (When a DNAT sent the request to ${from}, its answer has to come back through the same conntrack to be rewritten back to ${to}.)`,
    `${label}에는 ${from}에서 온 응답을 받을 소켓이 없습니다. ${tcp ? '연결한' : '데이터그램을 보낸'} 곳은 ${to}입니다. ${
      tcp ? '커널은 TCP reset으로 답하고, 연결은 시간 초과로 끝납니다.' : '받을 곳이 없어 클라이언트는 시간 초과로 끝납니다.'
    } (DNAT가 요청을 ${ro(from)} 보냈다면, 그 응답도 같은 conntrack을 거쳐 돌아와야 출발지가 ${ro(to)} 되돌려집니다.)`,
  );
  w.add(ns, 'drop', inDev, p, reason);
  w.end({ verdict: 'dropped', reason });
}
