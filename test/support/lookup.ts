/** Lookups written by hand (dns/lookup.ts), for the tests of what reads them: the CLI's text, the resolve check. */
import type { Lookup, LookupRequest } from '../../src/core/dns/lookup';
import type { DnsMessage } from '../../src/core/dns/msg';
import type { Step } from '../../src/core';

export const src = (line: number) => ({ file: 'lab.yaml', line, column: 9, endLine: line, endColumn: 40 });

export function step(host: string, stage: Step['stage'], en: string, ko: string): Step {
  return {
    host,
    netns: '',
    stage,
    packet: { ip: { src: '192.168.1.10', dst: '192.168.2.53', ttl: 64, proto: 'udp' } },
    detail: { en, ko },
  };
}

export function reply(answer: DnsMessage['answer'], rcode: DnsMessage['rcode'] = 'NOERROR'): DnsMessage {
  return {
    id: 1,
    response: true,
    opcode: 'QUERY',
    aa: true,
    tc: false,
    rd: true,
    ra: false,
    ad: false,
    cd: false,
    rcode,
    question: [],
    answer,
    authority: [],
    additional: [],
  };
}

const request: LookupRequest = { from: { host: 'client', netns: '' }, name: 'web', tool: 'getaddrinfo' };

/** web found through DNS: nsswitch files (not found), dns, the search candidate, one query and its legs, the server's plugin. */
export const viaDns: Lookup = {
  request,
  status: 'success',
  rcode: 'NOERROR',
  answers: [{ name: 'web.corp.example.', type: 'A', ttl: 3600, data: '192.168.2.20', source: src(90) }],
  answeredBy: 'dns',
  queries: [
    {
      name: 'web.corp.example.',
      type: 'A',
      server: '192.168.2.53#53',
      rcode: 'NOERROR',
      reply: reply([{ name: 'web.corp.example.', ttl: 3600, cls: 'IN', type: 'A', data: { type: 'A', address: '192.168.2.20' } }]),
      legs: [0, 1],
    },
  ],
  steps: [
    { kind: 'nsswitch', detail: { en: 'files: NOTFOUND, continue', ko: 'files: NOTFOUND, 계속' }, source: src(30) },
    {
      kind: 'search',
      detail: { en: 'web has 0 dots: web.corp.example. first', ko: 'web에는 점이 0개: web.corp.example.부터' },
      source: src(32),
    },
    { kind: 'query', detail: { en: 'A? web.corp.example. to 192.168.2.53#53', ko: '192.168.2.53#53에 A? web.corp.example.' }, query: 0 },
    {
      kind: 'server',
      plugin: 'file',
      detail: { en: 'web.corp.example. A 192.168.2.20', ko: 'web.corp.example. A 192.168.2.20' },
      query: 0,
      source: src(90),
    },
    { kind: 'answer', detail: { en: 'NOERROR, 1 address', ko: 'NOERROR, 주소 1개' }, query: 0 },
  ],
  legs: [
    {
      kind: 'query',
      label: { en: 'DNS query A? web.corp.example. to 192.168.2.53', ko: '192.168.2.53으로 보내는 DNS 질의 A? web.corp.example.' },
      steps: [step('client', 'send', 'client sends.', 'client가 보냅니다.')],
    },
    { kind: 'answer', answers: 0, steps: [step('dns', 'send', 'dns answers.', 'dns가 응답합니다.')] },
  ],
  elapsedMs: 2,
};

/** A name nobody knows: NXDOMAIN. */
export const nxdomain: Lookup = {
  request: { ...request, name: 'nosuch' },
  status: 'notfound',
  rcode: 'NXDOMAIN',
  answers: [],
  queries: [
    { name: 'nosuch.corp.example.', type: 'A', server: '192.168.2.53#53', rcode: 'NXDOMAIN', reply: reply([], 'NXDOMAIN'), legs: [] },
  ],
  steps: [{ kind: 'server', plugin: 'file', detail: { en: 'no such name', ko: '그런 이름 없음' }, query: 0, source: src(80) }],
  legs: [],
  elapsedMs: 0,
};

/** Found in /etc/hosts. */
export const viaFiles: Lookup = {
  request,
  status: 'success',
  answers: [{ name: 'web', type: 'A', ttl: 0, data: '192.168.2.21', source: src(27) }],
  answeredBy: 'files',
  queries: [],
  steps: [{ kind: 'hosts', detail: { en: 'line 4: 192.168.2.21 web', ko: '4번 줄: 192.168.2.21 web' }, source: src(27) }],
  legs: [],
  elapsedMs: 0,
};

/** No server answered. */
export const timedOut: Lookup = {
  request,
  status: 'tryagain',
  answers: [],
  queries: [{ name: 'web.corp.example.', type: 'A', server: '192.168.2.53#53', rcode: 'TIMEOUT', legs: [] }],
  steps: [{ kind: 'timeout', detail: { en: 'no answer in 5 s', ko: '5초 동안 응답 없음' }, query: 0 }],
  legs: [],
  elapsedMs: 10000,
};

/** www, a CNAME of web, as getaddrinfo gives it: the addresses only, the chain in the reply. */
export const viaCname: Lookup = {
  request: { ...request, name: 'www' },
  status: 'success',
  rcode: 'NOERROR',
  answers: [{ name: 'web.corp.example.', type: 'A', ttl: 3600, data: '192.168.2.20' }],
  canonical: 'web.corp.example.',
  answeredBy: 'dns',
  queries: [
    {
      name: 'www.corp.example.',
      type: 'A',
      server: '192.168.2.53#53',
      rcode: 'NOERROR',
      reply: reply([
        { name: 'www.corp.example.', ttl: 3600, cls: 'IN', type: 'CNAME', data: { type: 'CNAME', target: 'web.corp.example.' } },
        { name: 'web.corp.example.', ttl: 3600, cls: 'IN', type: 'A', data: { type: 'A', address: '192.168.2.20' } },
      ]),
      legs: [],
    },
  ],
  steps: [],
  legs: [],
  elapsedMs: 1,
};
