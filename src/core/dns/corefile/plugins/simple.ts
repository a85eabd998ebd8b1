/**
 * Plugins whose setup checks little (each as its setup.go does): whoami, debug, loop (no argument),
 * root (one path), ready and health (an optional `host:port` checked by Go's net.SplitHostPort, and
 * their block), prometheus (plugin/metrics: an optional address, `runtime_metrics`, `tls`), reload
 * (`reload [INTERVAL [JITTER]]`, the interval at least 2s, a jitter 0 or at least 1s).
 */
import { argErr, duration, err, lastOf, noArgs, parseErr, unknownProperty, type PluginCheck, type Problem } from './api';
import { splitHostPortError } from '../go';
import type { Token } from '../lex';

export const noArguments: PluginCheck = (d) => noArgs(d);

export const root: PluginCheck = (d) => (d.args[0] ? undefined : argErr(d.name));

function address(d: { args: Token[] }): Problem | undefined {
  if (d.args.length > 1) return argErr(d.args[d.args.length - 1]!);
  const a = d.args[0];
  if (!a) return undefined;
  const e = splitHostPortError(a.text);
  return e ? err(a, e, `주소는 HOST:PORT 형식이어야 합니다 (예: :8080)`) : undefined;
}

export const health: PluginCheck = (d) => {
  const p0 = address(d);
  if (p0) return p0;
  for (const p of d.block ?? []) {
    if (p.name.text !== 'lameduck') return parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
    if (p.args.length !== 1) return argErr(lastOf(p));
    const t = duration(p.args[0]!);
    if ('problem' in t)
      return err(
        p.args[0]!,
        `unable to parse lameduck duration value: '${p.args[0]!.text}' : ${t.problem.en}`,
        `lameduck 기간을 읽을 수 없습니다: '${p.args[0]!.text}'`,
      );
  }
  return undefined;
};

export const ready: PluginCheck = (d) => {
  const p0 = address(d);
  if (p0) return p0;
  for (const p of d.block ?? []) {
    if (p.name.text !== 'monitor') return unknownProperty(p);
    if (p.args.length !== 1) return argErr(lastOf(p));
    const m = p.args[0]!.text;
    if (m !== 'until-ready' && m !== 'continuously')
      return parseErr(
        p.args[0]!,
        `monitor type '${m}' not supported`,
        `지원하지 않는 monitor 종류입니다: '${m}' (until-ready, continuously)`,
      );
  }
  return undefined;
};

export const prometheus: PluginCheck = (d) => {
  const p0 = address(d);
  if (p0) return p0;
  for (const p of d.block ?? []) {
    if (p.name.text === 'runtime_metrics') {
      if (p.args.length) return argErr(lastOf(p));
    } else if (p.name.text === 'tls') {
      if (p.args.length !== 1) return argErr(lastOf(p));
    } else return parseErr(p.name, `unknown option: ${p.name.text}`, `알 수 없는 옵션: ${p.name.text}`);
  }
  return undefined;
};

const MIN_INTERVAL = 2e9;
const MIN_JITTER = 1e9;

export const reload: PluginCheck = (d) => {
  if (d.args.length > 2) return argErr(lastOf(d));
  const [iv, jit] = d.args;
  if (iv) {
    const t = duration(iv);
    if ('problem' in t) return t.problem;
    if (t.ns < MIN_INTERVAL) return err(iv, 'interval value must be greater or equal to 2s', `간격은 2s 이상이어야 합니다: ${iv.text}`);
  }
  if (jit) {
    const t = duration(jit);
    if ('problem' in t) return t.problem;
    if (t.ns !== 0 && t.ns < MIN_JITTER)
      return err(jit, 'jitter value must be 0 or greater or equal to 1s', `지터는 0이거나 1s 이상이어야 합니다: ${jit.text}`);
  }
  return undefined;
};
