/**
 * `-m statistic --mode random --probability P` and `--mode nth --every N [--packet P]`. A trace is
 * reproducible: the random draw is the walk's seeded one (Flow.random, its seed from the trace
 * request), and the nth counter starts at P for each walk (Flow.state). The rule's step says the
 * draw, the probability and the branch taken.
 */
import { loc } from '../../text/i18n';
import { defineMatch, type EvalCtx, type MatchModule } from '../module';

interface StatisticData {
  mode?: 'random' | 'nth';
  probability?: number;
  every?: number;
  packet?: number;
  invert?: boolean;
}

const NTH = Symbol('statistic nth counters');

/** The walk's nth counters, by rule data (xt_statistic keeps one per rule). */
function counters(ctx: EvalCtx): Map<StatisticData, number> {
  let m = ctx.flow.state.get(NTH) as Map<StatisticData, number> | undefined;
  if (!m) ctx.flow.state.set(NTH, (m = new Map()));
  return m;
}

/** The probability as iptables stores it (a 32-bit fraction) and prints it (11 decimals). */
function stored(p: number): number {
  return Math.round(p * 0x80000000) / 0x80000000;
}

export const statisticMatch: MatchModule = defineMatch<StatisticData>({
  name: 'statistic',
  options: [
    { name: 'mode', arg: true },
    { name: 'probability', arg: true },
    { name: 'every', arg: true },
    { name: 'packet', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg, invert) {
    const text = arg ?? '';
    if (invert) d.invert = true;
    switch (opt) {
      case 'mode':
        if (text !== 'random' && text !== 'nth') return `Bad mode "${text}"`;
        d.mode = text;
        return undefined;
      case 'probability': {
        const p = Number(text);
        if (text === '' || !Number.isFinite(p) || p < 0 || p > 1)
          return 'statistic: bad value for option "--probability", or out of range (0-1).\n';
        d.probability = stored(p);
        return undefined;
      }
      default: {
        const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
        if (!(n <= 0xffffffff)) return `statistic: bad value for option "--${opt}", or out of range (0-4294967295).\n`;
        if (opt === 'every') d.every = n;
        else d.packet = n;
        return undefined;
      }
    }
  },
  final(d) {
    if (!d.mode) return 'statistic: option "--mode" must be specified\n';
    if (d.every !== undefined && d.packet === undefined) return 'statistic: option "--every" also requires "--packet".\n';
    if (d.mode === 'random') {
      if (d.probability === undefined) return '--probability must be specified when using random mode';
      if (d.every !== undefined) return '--every can only be used in nth mode';
    } else {
      if (d.probability !== undefined) return '--probability can only be used in random mode';
      if (d.every === undefined || d.every === 0) return '--every cannot be 0';
      if (d.packet === undefined || d.packet > d.every - 1) return 'the --packet p must be 0 <= p <= n-1';
    }
    return undefined;
  },
  save: (d) =>
    ` --mode ${d.mode}${d.invert ? ' !' : ''}` +
    (d.mode === 'random' ? ` --probability ${(d.probability ?? 0).toFixed(11)}` : ` --every ${d.every} --packet ${d.packet}`),
  print: (d) =>
    ` statistic mode ${d.mode}${d.invert ? ' !' : ''}` +
    (d.mode === 'random' ? ` probability ${(d.probability ?? 0).toFixed(11)}` : ` every ${d.every} packet ${d.packet}`),
  match(d, ctx) {
    if (d.mode === 'random') {
      const p = d.probability ?? 0;
      const draw = ctx.flow.random();
      const hit = draw < p;
      const pct = `${Math.round(p * 10000) / 100}%`;
      const drawn = draw.toFixed(4);
      ctx.note(
        hit
          ? loc(
              `statistic: drawn ${drawn} < ${p.toFixed(4)}: this branch (probability ${pct}) is taken.`,
              `statistic: 뽑은 값 ${drawn} < ${p.toFixed(4)}: 이 분기(확률 ${pct})를 탑니다.`,
            )
          : loc(
              `statistic: drawn ${drawn} >= ${p.toFixed(4)}: this branch (probability ${pct}) is not taken.`,
              `statistic: 뽑은 값 ${drawn} >= ${p.toFixed(4)}: 이 분기(확률 ${pct})는 타지 않습니다.`,
            ),
        { statistic: { mode: 'random', probability: p, draw, taken: hit !== !!d.invert } },
      );
      return hit !== !!d.invert;
    }
    // xt_statistic's nth: the counter starts at --packet and the packet that brings it back to 0 matches.
    const every = d.every ?? 1;
    const m = counters(ctx);
    const old = m.get(d) ?? d.packet ?? 0;
    const next = old === every - 1 ? 0 : old + 1;
    m.set(d, next);
    return (next === 0) !== !!d.invert;
  },
});
