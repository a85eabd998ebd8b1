/**
 * The Apps seam's two extensions for DNS servers: a proxy's `then` may open another upstream
 * connection (a forwarder trying its next upstream), and a decision's notes become steps at the
 * program's socket, in order, before what the decision does.
 */
import { strict as assert } from 'node:assert';
import { parseAddr } from '../../../src/core/net/addr';
import { loc } from '../../../src/core/text/i18n';
import type { App, AppDecision } from '../../../src/core/datapath/seams';
import { tracePacket } from '../../../src/core/datapath/walk';
import { MAX_PROXY_HOPS } from '../../../src/core/datapath/walk/local';
import { gatewayWorld } from '../../support/world';

const ip = (s: string) => parseAddr(s)!;
const from = (host: string) => ({ host, netns: '' });

describe('Apps seam: proxy chains and notes', () => {
  it('a proxy whose first upstream refuses tries the next; each upstream has legs of its own', () => {
    const w = gatewayWorld(true);
    // b answers on udp/5353 only; r's program asks b:9999 (nothing: ICMP port unreachable), then b:5353.
    w.world.hosts.get('b')!.sockets.push({
      proto: 'udp',
      port: 5353,
      netns: '',
      owner: {
        name: 'up',
        receive: () => ({ kind: 'reply', payload: { app: 'x', summary: 'hello' }, detail: loc('up answers', 'up 응답') }),
      } as App,
    });
    const seen: string[] = [];
    const attempt = (port: number, next?: number): AppDecision => ({
      kind: 'proxy',
      notes: [{ detail: loc(`trying ${port}`, `${port} 시도`), data: { port } }],
      upstream: { to: ip('192.168.2.10'), proto: 'udp', port, label: loc(`to ${port}`, `${port}로`) },
      detail: loc(`asks b:${port}`, `b:${port}에 묻습니다`),
      then: (up) => {
        seen.push(`${port} ${up.verdict}`);
        if (up.replied) {
          return {
            kind: 'reply',
            notes: [{ detail: loc('got it', '받았습니다') }],
            payload: up.payload,
            detail: loc(`answers ${up.payload?.summary}`, `${up.payload?.summary}로 응답합니다`),
          };
        }
        return next !== undefined ? attempt(next) : { kind: 'refuse', detail: loc('no upstream left', '남은 업스트림이 없습니다') };
      },
    });
    w.world.hosts
      .get('r')!
      .sockets.push({ proto: 'udp', port: 53, netns: '', owner: { name: 'fwd', receive: () => attempt(9999, 5353) } as App });
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.1.1', proto: 'udp', port: 53 });
    assert.equal(res.verdict, 'replied', res.reason.en);
    assert.deepEqual(seen, ['9999 refused', '5353 replied']);
    assert.deepEqual(
      res.legs.map((l) => [l.kind, l.label?.en, l.parent, l.answers]),
      [
        ['request', undefined, undefined, undefined],
        ['request', 'to 9999', 0, undefined],
        ['reply', undefined, undefined, 1],
        ['request', 'to 5353', 0, undefined],
        ['reply', undefined, undefined, 3],
        ['reply', undefined, undefined, 0],
      ],
    );
    // At r, in the client's leg: each attempt's note, then its deliver step; the final note, then the answer.
    const atR = res.request.steps.filter((s) => s.host === 'r' && s.stage === 'deliver').map((s) => s.detail.en);
    assert.deepEqual(atR, ['trying 9999', 'asks b:9999', 'trying 5353', 'asks b:5353', 'got it', 'answers hello']);
    assert.deepEqual(res.request.steps.find((s) => s.detail.en === 'trying 5353')!.data, { port: 5353 });
    assert.equal(res.answer?.summary, 'hello');
  });

  it('a refusal carries its notes too, before the step that ends the datagram', () => {
    const w = gatewayWorld(true);
    const app: App = {
      name: 'quiet',
      receive: () => ({
        kind: 'refuse',
        notes: [{ detail: loc('a rule says no', '규칙이 거부합니다') }],
        detail: loc('ignored', '무시합니다'),
      }),
    };
    w.world.hosts.get('b')!.sockets.push({ proto: 'udp', port: 53, netns: '', owner: app });
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.2.10', proto: 'udp', port: 53 });
    assert.equal(res.verdict, 'dropped');
    assert.deepEqual(
      res.request.steps.slice(-2).map((s) => [s.stage, s.detail.en]),
      [
        ['deliver', 'a rule says no'],
        ['deliver', 'ignored'],
      ],
    );
    assert.equal(res.answer, undefined);
  });
});

describe('Apps seam: a proxy that never stops', () => {
  it('gives up after MAX_PROXY_HOPS upstream connections, and says so in both languages', () => {
    const w = gatewayWorld(true);
    const loop = (): AppDecision => ({
      kind: 'proxy',
      upstream: { to: ip('192.168.2.10'), proto: 'udp', port: 9 },
      detail: loc('again', '다시'),
      then: loop,
    });
    w.world.hosts.get('r')!.sockets.push({ proto: 'udp', port: 53, netns: '', owner: { name: 'fwd', receive: loop } as App });
    const res = tracePacket(w.world, { from: from('a'), to: '192.168.1.1', proto: 'udp', port: 53 });
    assert.equal(res.verdict, 'dropped');
    assert.equal(res.legs.filter((l) => l.parent === 0).length, MAX_PROXY_HOPS);
    assert.deepEqual(res.reason, {
      en: 'fwd gave up after 16 upstream connections.',
      ko: 'fwd가 업스트림 연결을 16번 시도한 뒤 포기했습니다.',
    });
  });
});
