/**
 * A host's `interfaces:`: each name maps to a switch (`eth0: lan1`) or to `{ switch, mac }`. The
 * name must be a Linux interface name and not lo, the switch one the lab declares, the MAC a
 * unicast one (normalised to lower case).
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { MAC_RE, normaliseMac } from '../../net/addr';
import type { InterfaceSpec, Named } from '../types';
import { IFNAME_RE } from './names';
import { checkKeys, keyOf, type Reader, str } from './reader';
import { eulreul, eunneun, iga } from '../../text/particle';

const IFACE_KEYS = ['switch', 'mac'] as const;

/** The interfaces of host `name` (`range`: the host's name, for places the node lacks). */
export function readInterfaces(rd: Reader, ifs: unknown, name: string, range: SourceRange, switches: readonly Named[]): InterfaceSpec[] {
  const interfaces: InterfaceSpec[] = [];
  if (ifs === undefined || (isScalar(ifs) && ifs.value === null)) return interfaces;
  if (!isMap(ifs)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(ifs as Node, range),
      loc(
        'interfaces must map interface names to switches, e.g. eth0: lan1.',
        'interfaces는 eth0: lan1처럼 인터페이스 이름을 스위치에 매핑해야 합니다.',
      ),
    );
    return interfaces;
  }
  for (const pair of ifs.items) {
    const { key, node: kn } = keyOf(pair);
    const kr = rd.nodeRange(kn, range);
    if (!IFNAME_RE.test(key) || key === 'lo') {
      rd.error(
        'bad-name',
        kr,
        loc(
          `"${key}" is not a valid interface name (at most 15 characters, no "/", ":" or spaces${key === 'lo' ? '; lo exists already' : ''}).`,
          `${eunneun(`"${key}"`)} 올바른 인터페이스 이름이 아닙니다 (최대 15자, "/", ":", 공백 불가${key === 'lo' ? '; lo는 이미 있습니다' : ''}).`,
        ),
      );
      continue;
    }
    if (interfaces.some((i) => i.name === key)) {
      rd.error(
        'duplicate-name',
        kr,
        loc(`Interface ${key} is declared twice on ${name}.`, `${name}에 인터페이스 ${iga(key)} 두 번 선언되었습니다.`),
      );
      continue;
    }
    const v = pair.value as Node | null;
    let sw: string | undefined;
    let swRange = rd.nodeRange(v, kr);
    let mac: string | undefined;
    if (isScalar(v) && typeof v.value === 'string') sw = v.value;
    else if (isMap(v)) {
      checkKeys(rd, v, IFACE_KEYS, loc(`interface ${key}`, `인터페이스 ${key}`));
      const s = v.get('switch', true);
      if (s === undefined)
        rd.error(
          'missing-key',
          rd.nodeRange(v, kr),
          loc(`Interface ${key} needs "switch:".`, `인터페이스 ${key}에 "switch:"가 필요합니다.`),
        );
      else {
        sw = str(rd, s, loc('switch', 'switch'), kr);
        swRange = rd.nodeRange(s as Node, kr);
      }
      const m = v.get('mac', true);
      if (m !== undefined) {
        const mr = rd.nodeRange(m as Node, kr);
        const ms = str(rd, m, loc('mac', 'mac'), kr);
        if (ms !== undefined && !MAC_RE.test(ms))
          rd.error(
            'bad-mac',
            mr,
            loc(
              `"${ms}" is not a MAC address (six hex pairs, e.g. 02:00:00:00:01:01).`,
              `${eunneun(`"${ms}"`)} MAC 주소가 아닙니다 (예: 02:00:00:00:01:01).`,
            ),
          );
        else if (ms !== undefined && (parseInt(ms.slice(0, 2), 16) & 1) === 1)
          rd.error(
            'bad-mac',
            mr,
            loc(
              `"${ms}" is a multicast MAC address; an interface needs a unicast one (the first byte even).`,
              `${eunneun(`"${ms}"`)} 멀티캐스트 MAC 주소입니다. 인터페이스에는 유니캐스트 주소가 필요합니다 (첫 바이트가 짝수).`,
            ),
          );
        else if (ms !== undefined) mac = normaliseMac(ms);
      }
    } else {
      rd.error(
        'wrong-type',
        rd.nodeRange(v, kr),
        loc(
          `Interface ${key} must name a switch (eth0: lan1) or be { switch, mac }.`,
          `인터페이스 ${eunneun(key)} 스위치 이름(eth0: lan1)이나 { switch, mac }이어야 합니다.`,
        ),
      );
    }
    if (sw === undefined) continue;
    if (!switches.some((s) => s.name === sw)) {
      const hint = didYouMean(
        sw,
        switches.map((s) => s.name),
      );
      rd.error(
        'unknown-switch',
        swRange,
        loc(
          `No switch "${sw}" in this lab${hint ? `; did you mean "${hint}"?` : ''}. Declare it under switches:.`,
          `이 실습에 "${sw}" 스위치가 없습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. switches: 아래에 선언하세요.`,
        ),
      );
      continue;
    }
    interfaces.push({ name: key, range: kr, switch: sw, switchRange: swRange, ...(mac ? { mac } : {}) });
  }
  return interfaces;
}
