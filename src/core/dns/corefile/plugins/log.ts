/** log (plugin/log/setup.go logParse): `log [NAMES...] [FORMAT] { class all|success|denial|error }`. */
import { argErr, err, parseErr, type PluginCheck } from './api';

const CLASSES = ['all', 'success', 'denial', 'error'];

export const check: PluginCheck = (d) => {
  for (const p of d.block ?? []) {
    if (p.name.text !== 'class') return parseErr(p.name, `unknown property '${p.name.text}'`, `알 수 없는 속성 '${p.name.text}'`);
    if (!p.args.length) return argErr(p.name);
    for (const c of p.args)
      if (!CLASSES.includes(c.text)) return err(c, `invalid Class: ${c.text}`, `잘못된 클래스: ${c.text} (all, success, denial, error)`);
  }
  return undefined;
};
