/**
 * The chain index (src/core/netfilter/chainIndex.ts) keeps the kernel's first match: random chains
 * (rules with `-d ADDR/32`, `-d NET/24`, `! -d`, none; jumps, goto, RETURN, MARK, a statistic draw,
 * DNAT) and random packets give the same trace (verdict, every step, the counters counted from it)
 * with every chain indexed as with every chain scanned rule by rule, and again after each change
 * to the rules (-A -I -D -R -F), which the index must see. Seeded: a failure repeats.
 */
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../../src/core/datapath/walk';
import type { TraceResult } from '../../../src/core/datapath/trace';
import { buildChainIndex, CHAIN_INDEX, nextCandidate } from '../../../src/core/netfilter/chainIndex';
import { countHits } from '../../../src/core/netfilter/counters';
import { fixture, type Fixture } from '../../support/commands';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADDRS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.1.5', '10.0.1.6', '10.2.0.9', '192.168.1.1'];
const NETS = ['10.0.0.0/24', '10.0.1.0/24', '10.2.0.0/16'];
const USER = ['U0', 'U1', 'U2', 'U3'];

/** A random rule for `chain` (a jump only to a later user chain, so there is no loop). */
function randomRule(r: () => number, table: 'filter' | 'nat', chain: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parts: string[] = [];
  const d = r();
  if (d < 0.45) parts.push(`-d ${pick(ADDRS)}/32`);
  else if (d < 0.6) parts.push(`-d ${pick(NETS)}`);
  else if (d < 0.7) parts.push(`! -d ${pick(ADDRS)}/32`);
  else if (d < 0.75) parts.push('-d 0.0.0.0/0');
  else if (d < 0.8) parts.push(`-d ${pick(ADDRS)},${pick(ADDRS)}`);
  if (r() < 0.1) parts.push(`${r() < 0.5 ? '! ' : ''}-s 10.0.0.1/32`);
  const p = r();
  if (p < 0.3) parts.push(`-p tcp${r() < 0.5 ? ` --dport ${pick([80, 443])}` : ''}`);
  else if (p < 0.4) parts.push('-p udp --dport 53');
  else if (p < 0.5) parts.push('-p icmp');
  if (r() < 0.15) parts.push('-m statistic --mode random --probability 0.5');
  if (r() < 0.1) parts.push('-m mark --mark 0x1/0x1');
  const later = USER.slice(chain.startsWith('U') ? Number(chain.slice(1)) + 1 : 0);
  const t = r();
  if (t < 0.2 && later.length) parts.push(`-j ${pick(later)}`);
  else if (t < 0.25 && later.length) parts.push(`-g ${pick(later)}`);
  else if (t < 0.35) parts.push('-j RETURN');
  else if (t < 0.45) parts.push('-j MARK --set-xmark 0x1/0x1');
  else if (t < 0.5) parts.push('-j LOG');
  else if (t < 0.55) {
    // no target: it only counts
  } else if (table === 'nat') parts.push(t < 0.7 ? `-j DNAT --to-destination ${pick(ADDRS)}` : '-j ACCEPT');
  else parts.push(pick(['-j ACCEPT', '-j DROP', '-j REJECT']));
  return parts.join(' ');
}

function lab(seed: number): { f: Fixture; r: () => number; chains: [string, string][] } {
  const r = rng(seed);
  const f = fixture(['eth0']);
  f.ok('ip addr add 10.0.0.1/8 dev eth0', 'ip link set eth0 up', 'ip route add 192.168.0.0/16 dev eth0');
  const chains: [string, string][] = [];
  for (const table of ['filter', 'nat'] as const) {
    for (const u of USER) f.ok(`iptables -t ${table} -N ${u}`);
    for (const chain of ['OUTPUT', ...USER]) {
      chains.push([table, chain]);
      const n = Math.floor(r() * (chain === 'OUTPUT' ? 40 : 25));
      // A rule the kernel refuses (a statistic in a loop-free chain never is) is simply not there.
      for (let i = 0; i < n; i++) f.sh(`iptables -t ${table} -A ${chain} ${randomRule(r, table, chain)}`);
    }
  }
  return { f, r, chains };
}

function traceBoth(f: Fixture, req: Parameters<typeof tracePacket>[1]): { linear: TraceResult; indexed: TraceResult } {
  const saved = { ...CHAIN_INDEX };
  try {
    CHAIN_INDEX.minRules = Infinity;
    const linear = tracePacket(f.world, req);
    CHAIN_INDEX.minRules = 0;
    CHAIN_INDEX.minGroup = 1;
    const indexed = tracePacket(f.world, req);
    return { linear, indexed };
  } finally {
    Object.assign(CHAIN_INDEX, saved);
  }
}

/** The first step (or field) where two traces differ, short enough for a message (not a diff of the whole trace). */
function firstDifference(linear: TraceResult, indexed: TraceResult): string {
  const steps = (t: TraceResult) => t.legs.flatMap((l) => l.steps).map((s) => s.detail.en);
  const [a, b] = [steps(linear), steps(indexed)];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) return `step ${i}: scanned "${a[i] ?? '(none)'}", indexed "${b[i] ?? '(none)'}"`;
  return `verdict ${linear.verdict} / ${indexed.verdict}, or a step's data`;
}

describe('netfilter chain index: the same first match as the scan', () => {
  it('random chains and packets: the same verdict, steps and counters indexed and scanned, before and after changes', () => {
    let compared = 0;
    let decided = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { f, r, chains } = lab(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      for (let round = 0; round < 4; round++) {
        for (let k = 0; k < 6; k++) {
          const proto = pick(['tcp', 'udp', 'icmp'] as const);
          const req = {
            from: { host: 'h1', netns: '' },
            to: pick(ADDRS),
            proto,
            ...(proto === 'icmp' ? {} : { port: pick([80, 443, 53]) }),
            seed: Math.floor(r() * 1000),
          };
          const { linear, indexed } = traceBoth(f, req);
          const same = JSON.stringify(indexed) === JSON.stringify(linear);
          if (!same) assert.fail(`seed ${seed} round ${round}, ${JSON.stringify(req)}: ${firstDifference(linear, indexed)}`);
          assert.deepEqual(countHits(indexed), countHits(linear));
          compared++;
          if (countHits(linear).length > 0) decided++;
        }
        // A change the index must see: a rule inserted, appended, replaced or deleted, or a chain flushed.
        const [table, chain] = pick(chains);
        const op = r();
        if (op < 0.3) f.sh(`iptables -t ${table} -I ${chain} 1 ${randomRule(r, table as 'filter', chain)}`);
        else if (op < 0.5) f.sh(`iptables -t ${table} -A ${chain} ${randomRule(r, table as 'filter', chain)}`);
        else if (op < 0.7) f.sh(`iptables -t ${table} -R ${chain} 1 ${randomRule(r, table as 'filter', chain)}`);
        else if (op < 0.9) f.sh(`iptables -t ${table} -D ${chain} 1`);
        else f.sh(`iptables -t ${table} -F ${chain}`);
      }
    }
    assert.equal(compared, 30 * 4 * 6);
    assert.ok(decided > compared / 2, `most traces hit rules (${decided} of ${compared})`);
  });

  it('a rule replaced in place (the same number of rules) is seen: the index is made again', () => {
    const f = fixture(['eth0']);
    f.ok('ip addr add 10.0.0.1/8 dev eth0', 'ip link set eth0 up');
    for (let i = 0; i < 100; i++) f.ok(`iptables -A OUTPUT -d 10.1.${i}.1/32 -j ACCEPT`);
    const req = { from: { host: 'h1', netns: '' }, to: '10.1.99.1', proto: 'icmp' as const };
    const rule = (t: TraceResult) => t.request.steps.find((s) => s.stage === 'netfilter')?.data as { rule?: number; text?: string };
    assert.equal(rule(tracePacket(f.world, req)).rule, 100);
    f.ok('iptables -R OUTPUT 1 -d 10.1.99.1/32 -j DROP');
    const t = tracePacket(f.world, req);
    assert.equal(rule(t).rule, 1);
    assert.equal(rule(t).text, '-A OUTPUT -d 10.1.99.1/32 -j DROP');
    assert.equal(t.verdict, 'dropped');
  });
});

describe('netfilter chain index: the next candidate', () => {
  const rule = (dst?: string, invert = false) => {
    const [a, len] = (dst ?? '0.0.0.0/0').split('/');
    const addr = a!.split('.').reduce((v, o) => v * 256 + Number(o), 0);
    const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
    return { ip: dst ? { dst: { addr, mask }, dstInvert: invert } : {}, matches: [], counters: { packets: 0, bytes: 0 } };
  };
  const ip = (s: string) => s.split('.').reduce((v, o) => v * 256 + Number(o), 0);

  it('skips the rules filed under other destinations, keeps wildcards and negations, in order', () => {
    const rules = [
      rule('10.0.0.1/32'),
      rule('10.0.0.2/32'),
      rule(),
      rule('10.0.0.2/32', true),
      rule('10.0.0.0/24'),
      rule('10.0.0.1/32'),
      rule('10.9.0.0/24'),
    ];
    const ix = buildChainIndex(rules, 1);
    const walk = (dst: number) => {
      const out: number[] = [];
      for (let i = nextCandidate(ix, dst, 0); i < rules.length; i = nextCandidate(ix, dst, i + 1)) out.push(i);
      return out;
    };
    assert.deepEqual(walk(ip('10.0.0.1')), [0, 2, 3, 4, 5]);
    assert.deepEqual(walk(ip('10.0.0.2')), [1, 2, 3, 4]);
    assert.deepEqual(walk(ip('10.9.0.7')), [2, 3, 6]);
    assert.deepEqual(walk(ip('200.1.1.1')), [2, 3]);
  });

  it('a mask with fewer rules than minGroup is a wildcard', () => {
    const ix = buildChainIndex([rule('10.0.0.1/32'), rule('10.0.0.0/24'), rule('10.0.0.2/32')], 2);
    assert.deepEqual(ix.wild, [1]);
    assert.equal(nextCandidate(ix, ip('10.7.7.7'), 0), 1);
    assert.equal(nextCandidate(ix, ip('10.7.7.7'), 2), 3);
  });
});
