/**
 * `switches:`: the list of the lab's switch names (checked, each once).
 */
import { isScalar, isSeq, type Node } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import type { Named } from '../types';
import { SWITCH_NAME_RE } from './names';
import { type Reader, str } from './reader';
import { eunneun, iga } from '../../text/particle';

/** The switches of the lab (`top`: the start of the file, for places the node lacks). */
export function readSwitches(rd: Reader, swNode: unknown, top: SourceRange): Named[] {
  const switches: Named[] = [];
  if (swNode !== undefined && !(isScalar(swNode) && swNode.value === null)) {
    if (!isSeq(swNode)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(swNode as Node, top),
        loc('switches must be a list of names, e.g. [lan1, lan2].', 'switches는 [lan1, lan2]처럼 이름의 리스트여야 합니다.'),
      );
    } else {
      for (const item of swNode.items) {
        const r = rd.nodeRange(item as Node, top);
        const n = str(rd, item, loc('A switch name', '스위치 이름'), r);
        if (n === undefined) continue;
        if (!SWITCH_NAME_RE.test(n)) {
          rd.error(
            'bad-name',
            r,
            loc(
              `"${n}" is not a valid switch name (letters, digits, "-", "_" and ".", at most 32).`,
              `${eunneun(`"${n}"`)} 올바른 스위치 이름이 아닙니다 (문자, 숫자, "-", "_", ".", 최대 32자).`,
            ),
          );
          continue;
        }
        if (switches.some((s) => s.name === n)) {
          rd.error('duplicate-name', r, loc(`The switch "${n}" is declared twice.`, `스위치 ${iga(`"${n}"`)} 두 번 선언되었습니다.`));
          continue;
        }
        switches.push({ name: n, range: r });
      }
    }
  }
  return switches;
}
