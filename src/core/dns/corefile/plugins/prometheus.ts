/** prometheus (plugin/metrics/setup.go parse): `prometheus [ADDRESS] { runtime_metrics; tls CONFIG }`. */
import { address, argErr, lastOf, parseErr, type PluginCheck } from './api';

export const check: PluginCheck = (d) => {
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
