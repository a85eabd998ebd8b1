/** health (plugin/health/setup.go parse): `health [ADDRESS] { lameduck DURATION }`. */
import { address, argErr, duration, err, lastOf, parseErr, type PluginCheck } from './api';

export const check: PluginCheck = (d) => {
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
