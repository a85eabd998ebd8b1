/**
 * template (plugin/template/setup.go templateParse): `template CLASS TYPE [ZONES...] { match REGEX...;
 * answer|additional|authority RR...; rcode CODE; ederror CODE [REASON]; fallthrough; upstream; var; expr }`.
 * Checked: the class and type names, argument counts, the regexes (as far as a JavaScript RegExp tells
 * Go's apart), the rcode, the extended error code. Not checked: Go templates and expr expressions.
 */
import { argErr, lastOf, parseErr, type PluginCheck } from './api';
import { CLASSES, goRegexp, MAX_REGEXP_LEN, RCODES, TYPES } from './dnsnames';

export const check: PluginCheck = (d) => {
  const [cls, type] = d.args;
  if (!cls) return argErr(d.name);
  if (!CLASSES.has(cls.text))
    return parseErr(cls, `invalid query class ${cls.text}`, `질의 클래스가 잘못되었습니다: ${cls.text} (IN, CH, ANY...)`);
  if (!type) return argErr(cls);
  if (!TYPES.has(type.text))
    return parseErr(type, `invalid RR class ${type.text}`, `레코드 유형이 잘못되었습니다: ${type.text} (A, AAAA, ANY...)`);
  for (const p of d.block ?? []) {
    switch (p.name.text) {
      case 'match':
        if (!p.args.length) return argErr(p.name);
        for (const r of p.args) {
          if (r.text.length > MAX_REGEXP_LEN)
            return parseErr(
              lastOf(p),
              `regex pattern too long: ${r.text.length} > ${MAX_REGEXP_LEN}`,
              `정규식이 너무 깁니다: ${r.text.length} > ${MAX_REGEXP_LEN}`,
            );
          if (!goRegexp(r.text)) return parseErr(lastOf(p), `could not parse regex: ${r.text}`, `정규식을 읽을 수 없습니다: ${r.text}`);
        }
        break;
      case 'answer':
      case 'additional':
      case 'authority':
      case 'expr':
        if (!p.args.length) return argErr(p.name);
        break;
      case 'var':
        if (p.args.length < 2) return argErr(lastOf(p));
        break;
      case 'rcode': {
        const r = p.args[0];
        if (!r) return argErr(p.name);
        if (!RCODES.has(r.text)) return parseErr(r, `unknown rcode ${r.text}`, `알 수 없는 rcode: ${r.text}`);
        break;
      }
      case 'ederror': {
        if (p.args.length !== 1 && p.args.length !== 2) return argErr(lastOf(p));
        const code = p.args[0]!.text;
        if (!/^\d+$/.test(code) || Number(code) > 65535)
          return parseErr(
            lastOf(p),
            `error parsing extended DNS error code ${lastOf(p).text}, strconv.ParseUint: parsing ${JSON.stringify(code)}: ${/^\d+$/.test(code) ? 'value out of range' : 'invalid syntax'}\n`.trimEnd(),
            `확장 DNS 오류 코드를 읽을 수 없습니다: ${code}`,
          );
        break;
      }
      case 'fallthrough':
      case 'upstream':
        break;
      default:
        return argErr(p.name);
    }
  }
  return undefined;
};
