/** The forward plugin: upstreams, policies, the next upstream on failure, SERVFAIL when none answers, except, resolv.conf. */
import { strict as assert } from 'node:assert';
import { ask, lines, serverOf, upstreamA } from '../../../../support/coredns';
import { newSession } from '../../../../../src/core/dns/msg';

describe('dns/server forward', () => {
  it('asks the upstream and writes its answer with the client id', () => {
    const r = ask(`.:53 {\n  forward . 8.8.8.8\n}\n`, 'example.com.', { upstreams: { '8.8.8.8:53': upstreamA('93.184.216.34') } });
    assert.deepEqual(r.forwards, ['8.8.8.8:53/udp']);
    assert.equal(r.msg?.id, 4242);
    assert.equal(r.msg?.ra, true);
    assert.deepEqual(lines(r.msg), ['example.com. 300 IN A 93.184.216.34']);
    const asked = r.steps.find((s) => s.data?.['upstream'] === '8.8.8.8:53')!;
    assert.equal(asked.detail.en, 'Asks upstream 8.8.8.8:53 over UDP.');
    assert.equal(asked.detail.ko, '업스트림 8.8.8.8:53에 UDP로 묻습니다.');
  });

  it('sequential: in the order written; a silent upstream gives way to the next', () => {
    const cf = `.:53 {\n  forward . 10.0.0.1 10.0.0.2:5353 {\n    policy sequential\n  }\n}\n`;
    const r = ask(cf, 'a.lab.', { upstreams: { '10.0.0.1:53': 'timeout', '10.0.0.2:5353': upstreamA('10.9.9.9') } });
    assert.deepEqual(r.forwards, ['10.0.0.1:53/udp', '10.0.0.2:5353/udp']);
    assert.deepEqual(lines(r.msg), ['a.lab. 300 IN A 10.9.9.9']);
  });

  it('silent upstreams are tried round and round, 2 s each, until the 5 s deadline: SERVFAIL, errors logs the last error', () => {
    const cf = `.:53 {\n  errors\n  forward . 10.0.0.1 10.0.0.2 {\n    policy sequential\n  }\n}\n`;
    const r = ask(cf, 'a.lab.', {});
    assert.equal(r.msg?.rcode, 'SERVFAIL');
    assert.deepEqual(r.forwards, ['10.0.0.1:53/udp', '10.0.0.2:53/udp', '10.0.0.1:53/udp']);
    assert.equal(
      r.steps.reduce((t, s) => t + ((s.data?.['waitedMs'] as number | undefined) ?? 0), 0),
      6000,
    );
    assert.equal(
      r.steps.find((s) => s.plugin === 'errors')?.data?.['log'],
      '[ERROR] plugin/errors: 2 a.lab. A: read udp 10.0.0.53:37010->10.0.0.1:53: i/o timeout',
    );
    const end = r.steps.find((s) => s.plugin === 'forward' && s.data?.['rcode'] === 'SERVFAIL')!;
    assert.equal(
      end.detail.en,
      "No upstream answered within forward's 5 s (10.0.0.1:53 timeout; 10.0.0.2:53 timeout; 10.0.0.1:53 timeout): SERVFAIL.",
    );
    assert.equal(
      end.detail.ko,
      'forward의 5초 안에 응답한 업스트림이 없습니다 (10.0.0.1:53 timeout; 10.0.0.2:53 timeout; 10.0.0.1:53 timeout). SERVFAIL입니다.',
    );
  });

  it('upstreams that refuse at once: forward spins until health checks mark them down (1 s, as 1.11.1), or its deadline with max_fails 0', () => {
    const waited = (r: ReturnType<typeof ask>) => r.steps.reduce((t, s) => t + ((s.data?.['waitedMs'] as number | undefined) ?? 0), 0);
    const r = ask(`.:53 {\n  errors\n  forward . 10.0.0.1\n}\n`, 'a.lab.', { upstreams: { '10.0.0.1:53': 'refused' } });
    assert.equal(r.msg?.rcode, 'SERVFAIL');
    assert.deepEqual(r.forwards, ['10.0.0.1:53/udp']);
    assert.equal(waited(r), 1000);
    const spin = r.steps.find((s) => s.data?.['waitedMs'] === 1000)!;
    assert.equal(
      spin.detail.en,
      'Every upstream fails at once; forward keeps retrying them until its health checks (every 0.5 s, max_fails 2) mark them down, 1 s later.',
    );
    assert.equal(
      spin.detail.ko,
      '모든 업스트림이 곧바로 실패합니다. forward는 상태 점검(0.5초마다, max_fails 2)이 업스트림을 다운으로 표시할 때까지 1초 동안 계속 다시 시도합니다.',
    );
    assert.equal(
      r.steps.find((s) => s.plugin === 'errors')?.data?.['log'],
      '[ERROR] plugin/errors: 2 a.lab. A: read udp 10.0.0.53:37010->10.0.0.1:53: read: connection refused',
    );
    const slow = ask(`.:53 {\n  forward . 10.0.0.1 {\n    max_fails 3\n    health_check 1s\n  }\n}\n`, 'a.lab.', {
      upstreams: { '10.0.0.1:53': 'refused' },
    });
    assert.equal(waited(slow), 3000);
    const none = ask(`.:53 {\n  forward . 10.0.0.1 {\n    max_fails 0\n  }\n}\n`, 'a.lab.', { upstreams: { '10.0.0.1:53': 'refused' } });
    assert.equal(waited(none), 5000);
  });

  it('round_robin starts one further for each query of the session; random is the same for the same session history', () => {
    const cf = `.:53 {\n  forward . 10.0.0.1 10.0.0.2 10.0.0.3 {\n    policy round_robin\n  }\n}\n`;
    const session = newSession();
    const ups = { '10.0.0.1:53': upstreamA('1.1.1.1'), '10.0.0.2:53': upstreamA('2.2.2.2'), '10.0.0.3:53': upstreamA('3.3.3.3') };
    const server = serverOf(cf);
    const firsts = [1, 2, 3, 4].map(() => ask('', 'a.lab.', { server, session, upstreams: ups }).forwards[0]);
    assert.deepEqual(firsts, ['10.0.0.1:53/udp', '10.0.0.2:53/udp', '10.0.0.3:53/udp', '10.0.0.1:53/udp']);
    const rnd = `.:53 {\n  forward . 10.0.0.1 10.0.0.2 10.0.0.3\n}\n`;
    assert.deepEqual(ask(rnd, 'a.lab.', { upstreams: ups }).forwards, ask(rnd, 'a.lab.', { upstreams: ups }).forwards);
    assert.match(
      ask(rnd, 'a.lab.', { upstreams: ups }).steps.find((s) => s.data?.['policy'])!.detail.en,
      /^Policy random: .*draws the order from the session/,
    );
  });

  it('force_tcp sends over TCP; a TCP client is forwarded over TCP', () => {
    assert.deepEqual(ask(`.:53 {\n  forward . 10.0.0.1 {\n    force_tcp\n  }\n}\n`, 'a.lab.', {}).forwards[0], '10.0.0.1:53/tcp');
    assert.deepEqual(ask(`.:53 {\n  forward . 10.0.0.1\n}\n`, 'a.lab.', { proto: 'tcp' }).forwards[0], '10.0.0.1:53/tcp');
  });

  it('a name outside FROM or in except is passed on', () => {
    const cf = `.:53 {\n  forward example.com 10.0.0.1 {\n    except internal.example.com\n  }\n  whoami\n}\n`;
    assert.equal(ask(cf, 'a.example.org.', {}).forwards.length, 0);
    assert.equal(ask(cf, 'x.internal.example.com.', {}).forwards.length, 0);
    assert.equal(ask(cf, 'x.example.com.', {}).forwards[0], '10.0.0.1:53/udp');
  });

  it('reads its upstreams from a resolv.conf, every nameserver line', () => {
    const files = { '/etc/resolv.conf': 'nameserver 10.1.0.1\nnameserver 10.1.0.2\nnameserver 10.1.0.3\nnameserver 10.1.0.4\n' };
    const cf = `.:53 {\n  forward . /etc/resolv.conf {\n    policy sequential\n    max_fails 3\n  }\n}\n`;
    const r = ask(cf, 'a.lab.', { files });
    const ok = ask(cf, 'a.lab.', {
      files,
      upstreams: { '10.1.0.1:53': 'timeout', '10.1.0.2:53': 'timeout', '10.1.0.3:53': 'timeout', '10.1.0.4:53': upstreamA('10.9.9.9') },
    });
    assert.deepEqual(ok.forwards, ['10.1.0.1:53/udp', '10.1.0.2:53/udp', '10.1.0.3:53/udp']);
    assert.deepEqual(r.forwards, ['10.1.0.1:53/udp', '10.1.0.2:53/udp', '10.1.0.3:53/udp']);
    assert.ok(r.steps.some((s) => s.detail.en === 'Parsed only, not simulated: max_fails 3 (every upstream counts as healthy).'));
  });
});
