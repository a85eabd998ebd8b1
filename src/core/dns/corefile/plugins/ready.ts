/** ready (plugin/ready/setup.go parse): `ready [ADDRESS] { monitor until-ready|continuously }`. */
import { address, argErr, lastOf, parseErr, unknownProperty, type PluginCheck } from './api';

export const check: PluginCheck = (d) => {
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
