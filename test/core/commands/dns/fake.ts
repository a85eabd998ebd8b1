/**
 * The lab of capture.mjs as a fake resolver: dnsmasq's answers at 10.0.0.53 as they came (flags,
 * records, order), 10.0.0.54 refusing (ICMP port unreachable), 10.0.0.55 silent, the client's
 * search list `example.com` and its hosts file line `10.0.0.99 filehost.example.com filehost`. It
 * lets the tools' formatting be compared with the real tools' output before and apart from the
 * simulated resolver (the tools' end-to-end tests run the real one).
 */
import type { Lookup, LookupAnswer, LookupQuery, LookupRequest } from '../../../../src/core/dns/lookup';
import type { DnsMessage, Rcode, RR } from '../../../../src/core/dns/msg';
import type { RData } from '../../../../src/core/dns/zone/types';
import type { Leg, Step } from '../../../../src/core/datapath/trace';

export function rr(name: string, data: RData, ttl = 0): RR {
  return { name, ttl, cls: 'IN', type: data.type, data };
}

const a = (name: string, address: string) => rr(name, { type: 'A', address });

interface Answer {
  readonly aa?: boolean;
  readonly rcode?: Rcode;
  readonly answer?: RR[];
  readonly additional?: RR[];
}

/** dnsmasq's answers, by `NAME TYPE`; anything else in example.com is NODATA or NXDOMAIN, the rest REFUSED. */
export const ANSWERS: Record<string, Answer> = {
  'web.example.com. A': { aa: true, answer: [a('web.example.com.', '10.0.0.5')] },
  'multi.example.com. A': { aa: true, answer: [a('multi.example.com.', '10.0.0.7'), a('multi.example.com.', '10.0.0.8')] },
  'mail.example.com. A': { aa: true, answer: [a('mail.example.com.', '10.0.0.25')] },
  'v6.example.com. AAAA': { aa: true, answer: [rr('v6.example.com.', { type: 'AAAA', address: '2001:db8::5' })] },
  'alias.example.com. A': {
    aa: true,
    answer: [
      rr('alias.example.com.', { type: 'CNAME', target: 'www.example.com.' }),
      rr('www.example.com.', { type: 'CNAME', target: 'web.example.com.' }),
      a('web.example.com.', '10.0.0.5'),
    ],
  },
  'example.com. MX': {
    aa: true,
    answer: [rr('example.com.', { type: 'MX', preference: 10, exchange: 'mail.example.com.' })],
    additional: [a('mail.example.com.', '10.0.0.25')],
  },
  '_http._tcp.example.com. SRV': {
    aa: true,
    answer: [rr('_http._tcp.example.com.', { type: 'SRV', priority: 0, weight: 5, port: 80, target: 'web.example.com.' })],
    additional: [a('web.example.com.', '10.0.0.5')],
  },
  'txt.example.com. TXT': { aa: true, answer: [rr('txt.example.com.', { type: 'TXT', strings: ['hello world', 'second'] })] },
  '5.0.0.10.in-addr.arpa. PTR': { aa: true, answer: [rr('5.0.0.10.in-addr.arpa.', { type: 'PTR', target: 'web.example.com.' })] },
  // forwarded to the second dnsmasq, which refuses the types it has no record of
  'www.fwd.test. A': { aa: true, answer: [a('www.fwd.test.', '10.0.1.5')] },
  'fwd.test. MX': {
    aa: true,
    answer: [rr('fwd.test.', { type: 'MX', preference: 20, exchange: 'mail.fwd.test.' })],
    additional: [a('mail.fwd.test.', '10.0.1.25')],
  },
};

const NAMES = new Set(Object.keys(ANSWERS).map((k) => k.split(' ')[0]!.toLowerCase()));
NAMES.add('www.example.com.');
NAMES.add('example.com.');

export function dnsmasq(name: string, type: string, id: number, rotate = false): DnsMessage {
  const known = ANSWERS[`${name.toLowerCase()} ${type}`];
  const local = /(^|\.)example\.com\.$|(^|\.)0\.10\.in-addr\.arpa\.$/i.test(name);
  const rcode: Rcode = known || (local && NAMES.has(name.toLowerCase())) ? 'NOERROR' : local ? 'NXDOMAIN' : 'REFUSED';
  const answer = known?.answer ?? [];
  return {
    id,
    response: true,
    opcode: 'QUERY',
    aa: known?.aa ?? false,
    tc: false,
    rd: true,
    ra: true,
    ad: false,
    cd: false,
    rcode,
    question: [{ name, type, cls: 'IN' }],
    answer: rotate ? [...answer].reverse() : answer,
    authority: [],
    additional: known?.additional ?? [],
    edns: { udpSize: 1232, do: false },
  };
}

export const FILE_HOSTS: Record<string, string[]> = {
  filehost: ['filehost.example.com', 'filehost'],
  'filehost.example.com': ['filehost.example.com', 'filehost'],
};

/** The resolver over that lab: `rotate` answers multi.example.com's two addresses the other way round (dnsmasq turns them). */
export function fakeResolve(rotate = false): (req: LookupRequest) => Lookup {
  return (req) => {
    const o = req.options ?? {};
    const queries: LookupQuery[] = [];
    const legs: Leg[] = [];
    const step = (stage: Step['stage']): Step => ({
      host: req.from.host,
      netns: '',
      stage,
      packet: { ip: { src: '0.0.0.0', dst: server, ttl: 64, proto: 'udp' } },
      detail: { en: stage, ko: stage },
    });
    const server = req.server ?? (req.from.host === 'cl2' ? '10.0.0.55' : '10.0.0.53');
    const port = Number(o.port ?? 53);
    const tries = Number(o.tries ?? (req.tool === 'dig' ? 3 : req.tool === 'host' ? 2 : 3));
    const ask = (name: string, type: string): DnsMessage | undefined => {
      const at = `${server}#${port}`;
      if (server === '10.0.0.53' && port === 53) {
        const reply = dnsmasq(name, type, queries.length + 1, rotate);
        queries.push({ name, type, server: at, rcode: reply.rcode, reply, legs: [] });
        return reply;
      }
      for (let i = 0; i < tries; i++) {
        if (server === '10.9.9.9') {
          // no route: the walk's route lookup, then the drop, on the client
          legs.push({ kind: 'query', steps: [step('route'), step('drop')] });
          queries.push({ name, type, server: at, rcode: 'UNREACHABLE', legs: [legs.length - 1] });
        } else queries.push({ name, type, server: at, rcode: server === '10.0.0.55' ? 'TIMEOUT' : 'UNREACHABLE', legs: [] });
      }
      return undefined;
    };
    const candidates = (name: string, search: boolean): string[] => {
      if (name.endsWith('.')) return [name];
      const labels = name.split('.').length;
      return search && labels <= Number(o.ndots ?? 1) ? [`${name}.example.com.`, `${name}.`] : [`${name}.`];
    };
    const done = (status: Lookup['status'], answers: LookupAnswer[] = [], canonical?: string): Lookup => ({
      request: req,
      status,
      answers,
      ...(canonical ? { canonical } : {}),
      queries,
      steps: [],
      legs,
      elapsedMs: 0,
    });
    if (req.tool === 'getent-hosts' && /^[\d.]+$/.test(req.name)) {
      // gethostbyaddr: the hosts file's line, else the PTR record
      if (req.name === '10.0.0.99')
        return done('success', [{ name: 'filehost.example.com', type: 'PTR', ttl: 0, data: 'filehost.example.com filehost' }]);
      const reply = ask(req.name.split('.').reverse().join('.') + '.in-addr.arpa.', 'PTR');
      const ptr = reply?.answer.map((r) => (r.data as { target: string }).target.replace(/\.$/, '')) ?? [];
      return ptr.length
        ? done(
            'success',
            ptr.map((n) => ({ name: n, type: 'PTR', ttl: 0, data: n })),
          )
        : done('notfound');
    }
    if (req.tool === 'getent-hosts' || req.tool === 'getent-ahosts') {
      const file = FILE_HOSTS[req.name];
      if (file) return done('success', [{ name: file[0]!, type: 'A', ttl: 0, data: '10.0.0.99' }], file[0]);
      const types = req.tool === 'getent-hosts' ? ['AAAA', 'A'] : ['A', 'AAAA'];
      const answers: LookupAnswer[] = [];
      let canonical: string | undefined;
      for (const type of types) {
        for (const name of req.name.split('.').length > 1
          ? [`${req.name}.`, `${req.name}.example.com.`]
          : [`${req.name}.example.com.`, `${req.name}.`]) {
          const reply = ask(name, type);
          if (!reply) return done('tryagain');
          if (reply.rcode !== 'NOERROR') continue;
          for (const r of reply.answer.filter((x) => x.type === type)) {
            answers.push({ name: r.name, type, ttl: r.ttl, data: (r.data as { address: string }).address });
            canonical = r.name.replace(/\.$/, '');
          }
          break;
        }
        if (req.tool === 'getent-hosts' && answers.length) break;
      }
      return answers.length ? done('success', answers, canonical) : done('notfound');
    }
    for (const name of candidates(req.name, Boolean(o.search))) {
      const reply = ask(name, req.type ?? 'A');
      if (!reply) return done('tryagain');
      if (reply.rcode === 'NOERROR') break;
    }
    return done('success');
  };
}
