/** The walk's Flow: its seeded random numbers (the same seed, the same draws) and its per-walk state. */
import { strict as assert } from 'node:assert';
import { DEFAULT_SEED, Flow } from '../../../src/core/datapath/flow';
import type { Packet } from '../../../src/core/datapath/packet';
import { parseAddr } from '../../../src/core/net/addr';
import type { Netns } from '../../../src/core/sim/model';

describe('Flow: seeded random choices', () => {
  it('the same seed gives the same draws, in [0, 1); another seed others', () => {
    const draws = (seed?: number) => {
      const f = new Flow(seed);
      return Array.from({ length: 50 }, () => f.random());
    };
    assert.deepEqual(draws(42), draws(42));
    assert.deepEqual(draws(), draws(DEFAULT_SEED));
    assert.notDeepEqual(draws(42), draws(43));
    assert.ok(draws(42).every((x) => x >= 0 && x < 1));
    const mean = draws(9).reduce((a, b) => a + b, 0) / 50;
    assert.ok(mean > 0.3 && mean < 0.7, String(mean));
  });

  it('keeps per-walk state by key, apart for each flow', () => {
    const a = new Flow();
    const b = new Flow();
    const key = Symbol('k');
    a.state.set(key, 1);
    assert.equal(a.state.get(key), 1);
    assert.equal(b.state.get(key), undefined);
  });
});

describe('Flow: conntrack finds a connection at every stage of its NAT', () => {
  const ip = (s: string) => parseAddr(s)!;
  const ns = {} as Netns;
  const pkt = (src: string, sport: number, dst: string, dport: number): Packet => ({
    src: ip(src),
    dst: ip(dst),
    ttl: 64,
    proto: 'tcp',
    sport,
    dport,
  });

  it('a reply half rewritten (its destination at PREROUTING, its source not yet at INPUT) is still the reply', () => {
    // r's own connection: OUTPUT DNAT 10.98.0.1:80 to 10.71.2.10:80, POSTROUTING SNAT to 10.71.2.5 (oracle scenario 107)
    const f = new Flow();
    const first = f.track(ns, pkt('10.71.2.1', 40000, '10.98.0.1', 80))!;
    f.nat(first.conn, 'dnat', ip('10.71.2.10'), 80);
    f.nat(first.conn, 'snat', ip('10.71.2.5'));
    f.confirm(first);
    const seen = (p: Packet) => {
      const t = f.find(ns, p);
      return t && { same: t.conn === first.conn, dir: t.dir };
    };
    assert.deepEqual(seen(pkt('10.71.2.10', 80, '10.71.2.5', 40000)), { same: true, dir: 'reply' }, 'as it arrives');
    assert.deepEqual(seen(pkt('10.71.2.10', 80, '10.71.2.1', 40000)), { same: true, dir: 'reply' }, 'after PREROUTING');
    assert.deepEqual(seen(pkt('10.98.0.1', 80, '10.71.2.1', 40000)), { same: true, dir: 'reply' }, 'after INPUT');
    assert.deepEqual(seen(pkt('10.71.2.1', 40000, '10.71.2.10', 80)), { same: true, dir: 'original' }, 'the request after OUTPUT');
    assert.equal(seen(pkt('10.71.2.10', 81, '10.71.2.1', 40000)), undefined, 'another port is another connection');
    assert.equal(seen(pkt('10.71.2.11', 80, '10.71.2.1', 40000)), undefined, 'another address too');
  });
});
