/** The network's `name` (`cni-name`): present, a string, and the spec's pattern. */
import { loc } from '../text/i18n';
import { type JsonNode, prop, str } from './json';
import type { CniContext } from './context';
import { eunneun } from '../text/particle';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function checkName(ctx: CniContext, root: JsonNode): string | undefined {
  const node = prop(root, 'name');
  if (!node) {
    const hint = ctx.keyHint(root, 'name');
    ctx.add(
      ctx.doc.rangeAt(root.offset, 1),
      'error',
      'cni-name',
      loc(
        `Missing "name": the network's name, unique on the host, e.g. "name": "mynet" (libcni: no name).${hint.en}`,
        `"name"이 없습니다: 호스트 안에서 고유한 네트워크 이름입니다. 예: "name": "mynet" (libcni: no name).${hint.ko}`,
      ),
    );
    return undefined;
  }
  const v = str(node);
  if (v === undefined) {
    ctx.add(
      node,
      'error',
      'cni-name',
      loc(
        `"name" must be a string such as "mynet" (libcni: invalid name type).`,
        `"name"은 "mynet" 같은 문자열이어야 합니다 (libcni: invalid name type).`,
      ),
    );
    return undefined;
  }
  if (!NAME_RE.test(v)) {
    const what =
      v === ''
        ? loc('The network name is empty', '네트워크 이름이 비어 있습니다')
        : loc(`"${v}" is not a valid network name`, `${eunneun(`"${v}"`)} 올바른 네트워크 이름이 아닙니다`);
    ctx.add(
      node,
      'error',
      'cni-name',
      loc(
        `${what.en}: it must start with a letter or a digit, followed only by letters, digits, "_", "." or "-" (CNI spec; libcni refuses it on ADD).`,
        `${what.ko}: 문자나 숫자로 시작하고, 그 뒤에는 문자, 숫자, "_", ".", "-"만 올 수 있습니다 (CNI 스펙. libcni가 ADD에서 거부합니다).`,
      ),
    );
  }
  return v;
}
