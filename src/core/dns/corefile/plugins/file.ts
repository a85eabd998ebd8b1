/**
 * file (plugin/file/setup.go fileParse): `file DBFILE [ZONES...] { reload DURATION; reload_by_mtime;
 * fallthrough [ZONES...]; upstream }`. The zone file itself is read by CoreDNS at start-up, not here.
 */
import { argErr, err, goErr, parseErr, type PluginCheck } from './api';
import { parseDuration } from '../go';

export const check: PluginCheck = (d) => {
  if (!d.args[0]) return argErr(d.name);
  for (const p of d.block ?? []) {
    switch (p.name.text) {
      case 'fallthrough':
      case 'reload_by_mtime':
      case 'upstream':
        break;
      case 'reload': {
        const a = p.args[0];
        if (!a) return err(p.name, 'reload duration value is expected', 'reload에는 기간 값이 필요합니다');
        const t = parseDuration(a.text);
        if ('error' in t) return goErr(a, `plugin/file: ${t.error}`);
        break;
      }
      default:
        return parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
    }
  }
  return undefined;
};
