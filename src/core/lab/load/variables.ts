/**
 * `variables:` as the loader reads it: names (checked) and their definitions as plain data. The
 * definitions' kinds (subnet, int, choice, mac) are read by variant/defs.ts, which draws the values.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import type { VariableSpec } from '../types';
import { VARIABLE_NAME_RE } from './names';
import { keyOf, plain, type Reader } from './reader';
import { eunneun } from '../../text/particle';

/** The variables of the lab (`top`: the start of the file, for places the node lacks). */
export function readVariables(rd: Reader, node: unknown, top: SourceRange): VariableSpec[] {
  const out: VariableSpec[] = [];
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node as Node, top),
      loc('variables must map names to definitions.', 'variables는 이름을 정의에 매핑해야 합니다.'),
    );
    return out;
  }
  for (const pair of node.items) {
    const { key, node: kn } = keyOf(pair);
    const r = rd.nodeRange(kn, top);
    if (!VARIABLE_NAME_RE.test(key)) {
      rd.error(
        'bad-name',
        r,
        loc(
          `"${key}" is not a valid variable name (letters, digits and "_").`,
          `${eunneun(`"${key}"`)} 올바른 변수 이름이 아닙니다 (문자, 숫자, "_").`,
        ),
      );
      continue;
    }
    out.push({ name: key, range: r, def: plain(pair.value) });
  }
  return out;
}
