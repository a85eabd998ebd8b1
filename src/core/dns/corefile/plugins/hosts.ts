/**
 * hosts (plugin/hosts/setup.go hostsParse): `hosts [FILE [ZONES...]] { ENTRIES... ttl, no_reverse,
 * reload, fallthrough [ZONES...] }`. A line that is not a property is an inline hosts entry, but only
 * before `fallthrough`: after it, CoreDNS reads the line as an unknown property.
 */
import { argErr, duration, lastOf, parseErr, type PluginCheck } from './api';

export const check: PluginCheck = (d) => {
  let fallthrough = false;
  let unsupported = false;
  for (const p of d.block ?? []) {
    switch (p.name.text) {
      case 'fallthrough':
        fallthrough = true;
        break;
      case 'fallthrough_unsupported':
        if (p.args.length) return argErr(lastOf(p));
        unsupported = true;
        break;
      case 'no_reverse':
        break;
      case 'ttl': {
        const a = p.args[0];
        if (!a) return parseErr(p.name, 'ttl needs a time in second', 'ttl에는 초 단위 시간이 필요합니다');
        if (!/^[+-]?\d+$/.test(a.text)) return parseErr(lastOf(p), 'ttl needs a number of second', 'ttl에는 초 단위 숫자가 필요합니다');
        const n = Number(a.text);
        if (n <= 0 || n > 65535) return parseErr(a, 'ttl provided is invalid', 'ttl 값이 잘못되었습니다 (1~65535)');
        break;
      }
      case 'reload': {
        if (p.args.length !== 1)
          return parseErr(lastOf(p), 'reload needs a duration (zero seconds to disable)', 'reload에는 기간이 필요합니다 (0초면 끕니다)');
        const t = duration(p.args[0]!);
        if ('problem' in t)
          return parseErr(
            p.args[0]!,
            `invalid duration for reload '${p.args[0]!.text}'`,
            `reload의 기간이 잘못되었습니다: '${p.args[0]!.text}'`,
          );
        if (t.ns < 0)
          return parseErr(
            p.args[0]!,
            `invalid negative duration for reload '${p.args[0]!.text}'`,
            `reload의 기간이 음수입니다: '${p.args[0]!.text}'`,
          );
        break;
      }
      default:
        if (!fallthrough) break; // an inline entry: ADDRESS NAME...
        return parseErr(
          p.name,
          `unknown property '${p.name.text}'`,
          `알 수 없는 속성 '${p.name.text}' (fallthrough 뒤에는 호스트 항목을 쓸 수 없습니다)`,
        );
    }
  }
  if (unsupported && !fallthrough)
    return parseErr(
      d.close ?? lastOf(d),
      'fallthrough_unsupported requires fallthrough',
      'fallthrough_unsupported에는 fallthrough가 필요합니다',
    );
  return undefined;
};
