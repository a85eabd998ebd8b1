/**
 * bind (plugin/bind/setup.go): `bind ADDRESS|IFACE... { except ADDRESS|IFACE... }`. Interface names are
 * not resolved here: a word that could name a Linux interface is accepted.
 */
import { err, type PluginCheck } from './api';
import { parseIp } from '../keys';

/** An IP address, or a word that could be a Linux interface name (1 to 15 characters, no `/`, `:` or space). */
const addressOrIface = (s: string) => !!parseIp(s) || /^[^/:\s]{1,15}$/.test(s);

export const check: PluginCheck = (d) => {
  if (!d.args.length)
    return err(d.name, 'at least one address or interface name is expected', '주소나 인터페이스 이름이 하나 이상 필요합니다');
  for (const p of d.block ?? []) {
    if (p.name.text !== 'except') return err(p.name, `invalid option "${p.name.text}"`, `잘못된 옵션 "${p.name.text}"`);
    if (!p.args.length)
      return err(
        p.name,
        'at least one address or interface must be given to except subdirective',
        'except에는 주소나 인터페이스가 하나 이상 필요합니다',
      );
  }
  for (const a of d.args)
    if (!addressOrIface(a.text))
      return err(a, `not a valid IP address or interface name: "${a.text}"`, `올바른 IP 주소나 인터페이스 이름이 아닙니다: "${a.text}"`);
  return undefined;
};
