/** cache (plugin/cache/setup.go cacheParse): `cache [TTL] [ZONES...] { success|denial|prefetch|serve_stale|... }`. */
import { argErr, duration, err, goErr, integer, lastOf, type PluginCheck, type Problem } from './api';
import type { Prop } from '../tree';
import { parseDuration } from '../go';

const ttlZero = (at: Prop['name'], n: number): Problem =>
  err(at, `cache TTL can not be zero or negative: ${n}`, `cache TTL은 0보다 커야 합니다: ${n}`);

/** success|denial CAPACITY [TTL [MINTTL]] */
function capacity(p: Prop): Problem | undefined {
  const [cap, ttl, min] = p.args;
  if (!cap) return argErr(p.name);
  const c = integer(cap);
  if ('problem' in c) return c.problem;
  if (ttl) {
    const t = integer(ttl);
    if ('problem' in t) return t.problem;
    if (t.n <= 0) return ttlZero(ttl, t.n);
  }
  if (min) {
    const m = integer(min);
    if ('problem' in m) return m.problem;
    if (m.n < 0) return err(min, `cache min TTL can not be negative: ${m.n}`, `cache 최소 TTL은 음수일 수 없습니다: ${m.n}`);
  }
  return undefined;
}

function prefetch(p: Prop): Problem | undefined {
  if (p.args.length === 0 || p.args.length > 3) return argErr(lastOf(p));
  const [amount, dur, pct] = p.args;
  const a = integer(amount!);
  if ('problem' in a) return a.problem;
  if (a.n < 0) return err(amount!, `prefetch amount should be positive: ${a.n}`, `prefetch 횟수는 양수여야 합니다: ${a.n}`);
  if (dur) {
    const d = duration(dur);
    if ('problem' in d) return d.problem;
  }
  if (pct) {
    const last = pct.text[pct.text.length - 1]!;
    if (last !== '%')
      return err(
        pct,
        `last character of percentage should be \`%\`, but is: '${last}'`,
        `백분율의 마지막 글자는 \`%\`여야 하는데 '${last}'입니다`,
      );
    const n = integer({ ...pct, text: pct.text.slice(0, -1) });
    if ('problem' in n) return n.problem;
    if (n.n < 10 || n.n > 90)
      return err(pct, `percentage should fall in range [10, 90]: ${n.n}`, `백분율은 [10, 90] 범위여야 합니다: ${n.n}`);
  }
  return undefined;
}

function serveStale(p: Prop): Problem | undefined {
  if (p.args.length > 5) return argErr(lastOf(p));
  const [upTo, mode] = p.args;
  if (upTo) {
    const d = duration(upTo);
    if ('problem' in d) return d.problem;
    if (d.ns < 0) return err(upTo, 'invalid negative duration for serve_stale', 'serve_stale의 기간이 음수입니다');
  }
  if (mode) {
    const m = mode.text.toLowerCase();
    if (m !== 'immediate' && m !== 'verify')
      return err(mode, `invalid value for serve_stale refresh mode: ${m}`, `serve_stale 갱신 방식이 잘못되었습니다: ${m}`);
    if (m === 'immediate' && p.args.length > 4) return argErr(lastOf(p));
    if (m === 'verify' && p.args[2]) {
      const t = parseDuration(p.args[2].text);
      if ('error' in t) return goErr(p.args[2], `invalid serve_stale verify timeout: ${t.error}`);
      if (t.ns < 0) return err(p.args[2], 'invalid negative timeout for serve_stale verify', 'serve_stale verify의 제한 시간이 음수입니다');
    }
  }
  return undefined;
}

export const check: PluginCheck = (d) => {
  let args = d.args;
  if (args[0]) {
    const t = integer(args[0]);
    if ('n' in t) {
      if (t.n <= 0) return ttlZero(args[0], t.n);
      args = args.slice(1);
    }
  }
  void args;
  let policy = false;
  for (const p of d.block ?? []) {
    let problem: Problem | undefined;
    switch (p.name.text) {
      case 'success':
      case 'denial':
        problem = capacity(p);
        break;
      case 'prefetch':
        problem = prefetch(p);
        break;
      case 'serve_stale':
        problem = serveStale(p);
        break;
      case 'serve_stale_policy':
        if (policy) return err(p.name, 'serve_stale_policy can only be specified once', 'serve_stale_policy는 한 번만 쓸 수 있습니다');
        policy = true;
        if (p.args.length !== 1) return argErr(lastOf(p));
        if (p.args[0]!.text.toLowerCase() !== 'prefer_positive')
          return err(
            p.args[0]!,
            `invalid serve_stale_policy: ${p.args[0]!.text}`,
            `serve_stale_policy 값이 잘못되었습니다: ${p.args[0]!.text}`,
          );
        break;
      case 'servfail': {
        if (p.args.length !== 1) return argErr(lastOf(p));
        const t = duration(p.args[0]!);
        if ('problem' in t) return t.problem;
        if (t.ns < 0) return err(p.args[0]!, 'invalid negative ttl for servfail', 'servfail의 TTL이 음수입니다');
        if (t.ns > 300e9)
          return err(
            p.args[0]!,
            'caching SERVFAIL responses over 5 minutes is not permitted',
            'SERVFAIL 응답은 5분보다 오래 캐시할 수 없습니다',
          );
        break;
      }
      case 'disable': {
        if (p.args.length < 1) return argErr(p.name);
        const kind = p.args[0]!.text;
        if (kind !== 'success' && kind !== 'denial')
          return err(
            p.args[0]!,
            'cache type for disable must be "success" or "denial"',
            'disable의 캐시 종류는 "success"나 "denial"이어야 합니다',
          );
        break;
      }
      case 'keepttl':
        if (p.args.length) return argErr(lastOf(p));
        break;
      default:
        return argErr(p.name);
    }
    if (problem) return problem;
  }
  return undefined;
};
