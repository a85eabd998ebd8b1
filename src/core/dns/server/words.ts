/** The server's own steps (no plugin's): which block took the query, what the server wrote itself. */
import { loc, type Localized } from '../../text/i18n';
import { eulreul } from '../../text/particle';
import type { SourceRef } from '../../sim/model';
import type { DnsSession, Rcode, ServerQuery, ServerStep } from '../msg';
import type { Handler } from './types';

export function blockChosen(label: string, zone: string, chain: readonly Handler[], source: SourceRef): ServerStep {
  const names = chain.map((h) => h.name).join(', ');
  return {
    detail: loc(
      `Server block "${label}" takes the query (its zone ${zone} is the longest that holds the name); its plugins run in CoreDNS's order: ${names}.`,
      `서버 블록 "${label}"에서 질의를 받습니다 (이름을 담은 가장 긴 존: ${zone}). 플러그인은 CoreDNS의 실행 순서대로 실행됩니다: ${names}.`,
    ),
    source,
    data: { zone, block: label },
  };
}

export function emptyBlock(label: string, source: SourceRef): ServerStep {
  return {
    detail: loc(
      `Server block "${label}" takes the query but has no plugins: CoreDNS answers REFUSED.`,
      `서버 블록 "${label}"에서 질의를 받지만 플러그인이 없어 CoreDNS는 REFUSED로 답합니다.`,
    ),
    source,
    data: { rcode: 'REFUSED' },
  };
}

export function refusedClass(cls: string): ServerStep {
  return {
    detail: loc(
      `The question's class is ${cls}, not IN, and no server block here has the chaos plugin: CoreDNS answers REFUSED.`,
      `질문의 클래스가 IN이 아닌 ${cls}이고 chaos 플러그인을 가진 서버 블록이 없어 CoreDNS는 REFUSED로 답합니다.`,
    ),
    data: { rcode: 'REFUSED' },
  };
}

export function refusedNoZone(name: string, zones: readonly string[]): ServerStep {
  const list = zones.length ? zones.join(', ') : '-';
  return {
    detail: loc(
      `No server block on this address and port serves a zone holding ${name} (zones: ${list}): CoreDNS answers REFUSED.`,
      `이 주소와 포트의 어떤 서버 블록도 ${eulreul(name)} 담은 존을 서비스하지 않아 (존: ${list}) CoreDNS는 REFUSED로 답합니다.`,
    ),
    data: { rcode: 'REFUSED' },
  };
}

export function chainEnd(last: string | undefined, source: SourceRef): ServerStep {
  const who = last ?? 'server';
  return {
    ...(last ? { plugin: last } : {}),
    detail: loc(
      `No plugin after ${who} to pass the query to: "plugin/${who}: no next plugin found", SERVFAIL (plugin.NextOrFailure).`,
      `${who} 다음에 질의를 넘길 플러그인이 없습니다: "plugin/${who}: no next plugin found", SERVFAIL입니다 (plugin.NextOrFailure).`,
    ),
    source,
    data: { rcode: 'SERVFAIL' },
  };
}

export function serverWrites(rcode: Rcode): ServerStep {
  return {
    detail: loc(
      `The chain returned ${rcode} without writing a reply: the server writes one with rcode ${rcode}.`,
      `플러그인 체인이 응답을 쓰지 않고 응답 코드 ${rcode}만 돌려주었으므로 서버가 ${rcode} 응답을 직접 씁니다.`,
    ),
    data: { rcode },
  };
}

export function silentCode(rcode: Rcode): ServerStep {
  return {
    detail: loc(
      `The chain returned ${rcode} without writing a reply, and the server writes none for that rcode: the client gets no answer.`,
      `플러그인 체인이 응답을 쓰지 않고 응답 코드 ${rcode}만 돌려주었는데, 서버는 이 코드에는 응답을 쓰지 않습니다. 클라이언트는 답을 받지 못합니다.`,
    ),
    data: { rcode },
  };
}

/** A query that reached the server while the same question is out upstream from it: a forwarding loop. */
export function loopSeen(
  q: ServerQuery,
  zone: string,
  name: string,
  hasLoopPlugin: boolean,
  session: DnsSession,
  /** The loop plugin's address: its server's listen address and port (`:53` when unbound). */
  listen: string,
): { step: ServerStep; reason: Localized } {
  if (hasLoopPlugin) {
    void session;
    const probe = loopProbeName(zone);
    const message = `Loop (${hostPort(q.client)} -> ${listen}) detected for zone "${zone}", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO ${probe}"`;
    return {
      step: {
        plugin: 'loop',
        detail: loc(
          `The query came back to this server through its own forward: a loop. CoreDNS's loop plugin would have found it at start with its HINFO probe and exited: [FATAL] plugin/loop: ${message}`,
          `질의가 자기 forward를 거쳐 이 서버로 되돌아왔습니다. 루프입니다. CoreDNS의 loop 플러그인은 시작할 때 HINFO 탐침으로 이를 찾아 종료했을 것입니다: [FATAL] plugin/loop: ${message}`,
        ),
        data: { loop: true, fatal: `[FATAL] plugin/loop: ${message}` },
      },
      reason: loc(
        `CoreDNS would have exited at start: [FATAL] plugin/loop: ${message}`,
        `CoreDNS는 시작할 때 종료했을 것입니다: [FATAL] plugin/loop: ${message}`,
      ),
    };
  }
  return {
    step: {
      detail: loc(
        `The query came back to this server through its own forward: a forwarding loop. Without the loop plugin CoreDNS keeps forwarding it to itself until its upstream queries time out; the client gets no answer in time.`,
        `질의가 자기 forward를 거쳐 이 서버로 되돌아왔습니다. 포워딩 루프입니다. loop 플러그인이 없으면 CoreDNS는 업스트림 질의가 시간 초과될 때까지 자기 자신에게 계속 포워딩하고, 클라이언트는 제때 답을 받지 못합니다.`,
      ),
      data: { loop: true, name },
    },
    reason: loc(`a forwarding loop: ${name}`, `포워딩 루프: ${name}`),
  };
}

/** The loop plugin's probe name, `<random>.<random>.ZONE` (qname() in setup.go); the simulator's numbers are fixed. */
export function loopProbeName(zone: string): string {
  return `6734527898713853361.4219823471029384712.${zone === '.' ? '' : zone}`;
}

/** Go's net.JoinHostPort. */
export function hostPort(e: { readonly addr: string; readonly port: number }): string {
  return e.addr.includes(':') ? `[${e.addr}]:${e.port}` : `${e.addr}:${e.port}`;
}
