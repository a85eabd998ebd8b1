/**
 * The engine never throws: Corefiles made of the plugins' real lines in any order and number, asked
 * any question; each start either fails with a CoreDNS message or serves, and each query ends in a
 * reply to the question asked (its id, its question, a known rcode), a drop with a reason, or
 * upstream questions that end when their answers come.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { corednsServer } from '../../../../src/core/dns/server';
import { newSession, type ServerOutcome } from '../../../../src/core/dns/msg';
import { loc } from '../../../../src/core/text/i18n';
import { query } from '../../../support/coredns';

const LINES = [
  'errors',
  'log',
  'cache 30',
  'cache {\n    success 100 60 10\n  }',
  'hosts {\n    10.0.0.1 a.lab\n    fallthrough\n  }',
  'hosts /etc/hosts',
  'file /db example.org',
  'forward . 10.0.0.1 10.0.0.2',
  'forward . /etc/resolv.conf {\n    policy round_robin\n  }',
  'rewrite name a.lab b.lab',
  'rewrite continue name regex (.*)\\.x\\.lab {1}.lab',
  'rewrite type MX A',
  'template IN A lab {\n    answer "{{ .Name }} 60 IN A 10.9.9.9"\n  }',
  'template ANY ANY {\n    match "^(x)"\n    rcode NXDOMAIN\n    fallthrough\n  }',
  'loadbalance',
  'loop',
  'whoami',
  'health',
  'ready',
  'kubernetes cluster.local',
  'bind 10.0.0.53',
  'root /',
];
const KEYS = ['.', '.:53', 'lab', 'example.org', 'example.org:53', '10.0.0.0/8', 'x.lab:53'];
const NAMES = ['a.lab.', 'B.LAB.', 'x.x.lab.', 'www.example.org.', 'nope.example.org.', '1.0.0.10.in-addr.arpa.', '.', 'a.cluster.local.'];
const TYPES = ['A', 'AAAA', 'MX', 'PTR', 'TXT', 'SOA', 'NS', 'HINFO'];
const FILES: Record<string, string> = {
  '/db': '$TTL 300\n@ IN SOA ns root 1 2 3 4 5\n@ IN NS ns\nns IN A 10.0.0.53\nwww IN CNAME a.lab.\n',
  '/etc/hosts': '10.0.0.1 a.lab\n::1 localhost\n',
  '/etc/resolv.conf': 'nameserver 10.0.0.3\n',
};

describe('dns/server: fuzz', () => {
  it('any Corefile of real lines, any question: no throw, a well-formed end', () => {
    const block = fc.record({
      keys: fc.subarray(KEYS, { minLength: 1, maxLength: 2 }),
      lines: fc.array(fc.constantFrom(...LINES), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...NAMES),
        fc.constantFrom(...TYPES),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (blocks, name, type, answers) => {
          const text = blocks.map((b) => `${b.keys.join(' ')} {\n${b.lines.map((l) => `  ${l}\n`).join('')}}\n`).join('');
          const start = corednsServer(text, 'Corefile', (p) => FILES[p]);
          if (!start.server) {
            assert.ok(start.errors && start.errors.text.length > 0 && start.errors.exit === 1, text);
            return;
          }
          const q = query(name, type, 'IN', 77);
          const session = newSession();
          let out: ServerOutcome = start.server.handle(
            { msg: q, proto: 'udp', client: { addr: '10.0.0.9', port: 5000 }, local: { addr: '10.0.0.53', port: 53 } },
            session,
          );
          for (let i = 0; out.kind === 'forward'; i++) {
            assert.ok(i < 20, 'upstream questions end');
            const ok = answers[i] ?? false;
            out = out.then(
              ok
                ? { ok: true, msg: { ...out.msg, response: true, ra: true } }
                : { ok: false, why: 'timeout', reason: loc('no answer', '답 없음') },
            );
          }
          if (out.kind === 'reply') {
            assert.equal(out.msg.id, 77);
            assert.ok(out.msg.response);
            assert.deepEqual(out.msg.question, q.question, text);
            assert.ok(['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'FORMERR', 'NOTIMP'].includes(out.msg.rcode));
          } else assert.ok(out.reason.en && out.reason.ko);
          for (const s of out.steps) assert.ok(s.detail.en && s.detail.ko, JSON.stringify(s));
        },
      ),
      { numRuns: 400, seed: 13 },
    );
  });
});
