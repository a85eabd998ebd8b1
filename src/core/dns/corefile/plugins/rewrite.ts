/**
 * rewrite (plugin/rewrite/setup.go rewriteParse, rewrite.go newRule): `rewrite [continue|stop] TYPE ...`
 * with TYPE name (exact, prefix, suffix, substring, regex; `answer name|value|auto`), class, type and
 * edns0 (local, nsid, subnet; set, replace, append, unset) checked as CoreDNS checks them. ttl, cname and
 * rcode rules are accepted as rule types, their arguments not checked here.
 */
import { err, type PluginCheck, type Problem } from './api';
import type { Token } from '../lex';
import type { Prop } from '../tree';
import { CLASSES, goRegexp, MAX_REGEXP_LEN, TYPES } from './dnsnames';

/** With fewer than two arguments on its line, CoreDNS takes every word of the block as the arguments. */
function words(d: Prop): Token[] {
  if (d.args.length >= 2) return d.args;
  const out = [...d.args];
  const walk = (ps: readonly Prop[]) => {
    for (const p of ps) {
      out.push(p.name, ...p.args);
      if (p.block) walk(p.block);
    }
  };
  walk(d.block ?? []);
  return out;
}

function regexProblem(at: Token, from: string): Problem | undefined {
  if (from.length > MAX_REGEXP_LEN)
    return err(at, `regex pattern too long: ${from.length} > ${MAX_REGEXP_LEN}`, `정규식이 너무 깁니다: ${from.length}`);
  if (!goRegexp(from)) return err(at, `invalid regex matching pattern: ${from}`, `매칭 정규식이 잘못되었습니다: ${from}`);
  return undefined;
}

function answers(name: string, args: Token[], at: Token): Problem | undefined {
  if (args.length < 2) return err(at, `invalid arguments for ${name} rule`, `${name} 규칙의 인수가 잘못되었습니다`);
  let i = 0;
  let last = '';
  let auto = false;
  let names = 0;
  while (i < args.length) {
    if (last === '' && args[i]!.text !== 'answer')
      return err(
        args[i]!,
        `exceeded the number of arguments for a non-answer rule argument for ${name} rule`,
        `${name} 규칙의 인수가 너무 많습니다`,
      );
    if (args[i]!.text === 'answer') i++;
    if (i >= args.length)
      return err(args[i - 1]!, `type missing for answer rule for ${name} rule`, `answer 규칙의 종류(name, value, auto)가 없습니다`);
    const t = args[i++]!;
    last = t.text;
    if (last === 'auto') {
      auto = true;
      continue;
    }
    if (last !== 'name' && last !== 'value')
      return err(
        t,
        `invalid type "${last}" for answer rule for ${name} rule`,
        `answer 규칙의 종류가 잘못되었습니다: "${last}" (name, value, auto)`,
      );
    if (args.length - i < 2)
      return err(t, `${last} answer rule for ${name} rule: 2 arguments required`, `answer ${last} 규칙에는 인수 2개가 필요합니다`);
    const rp = regexProblem(args[i]!, args[i]!.text);
    if (rp) return { ...rp, en: `${last} answer rule for ${name} rule: ${rp.en}` };
    if (last === 'name') names++;
    i += 2;
  }
  if (auto && names > 0)
    return err(
      at,
      'auto name answer rule cannot be combined with explicit name anwer rules',
      'auto 응답 규칙은 name 응답 규칙과 함께 쓸 수 없습니다',
    );
  return undefined;
}

function nameRule(args: Token[], at: Token): Problem | undefined {
  if (args.length < 2) return err(at, 'too few arguments for a name rule', 'name 규칙의 인수가 너무 적습니다');
  const match = args.length === 2 ? 'exact' : args[0]!.text.toLowerCase();
  if (args.length > 3) {
    const p = answers(match, args.slice(3), args[3]!);
    if (p) return p;
  }
  if (!['exact', 'prefix', 'suffix', 'substring', 'regex'].includes(match))
    return err(
      args[0]!,
      `name rule supports only exact, prefix, suffix, substring, and regex name matching, received: ${match}`,
      `name 규칙은 exact, prefix, suffix, substring, regex 매칭만 받습니다: ${match}`,
    );
  if (match === 'regex') return regexProblem(args[1]!, args[1]!.text);
  return undefined;
}

function edns0(args: Token[], at: Token): Problem | undefined {
  if (args.length < 2) return err(at, 'too few arguments for an EDNS0 rule', 'EDNS0 규칙의 인수가 너무 적습니다');
  const type = args[0]!.text.toLowerCase();
  const action = args[1]!.text.toLowerCase();
  if (!['append', 'replace', 'set', 'unset'].includes(action))
    return err(args[1]!, `invalid action: "${action}"`, `동작이 잘못되었습니다: "${action}" (set, replace, append, unset)`);
  if (action === 'unset') return undefined;
  const n = args[args.length - 1]!.text === 'revert' ? args.length - 1 : args.length;
  if (type === 'local' && n !== 4)
    return err(at, 'EDNS0 local rules require three or four args', 'EDNS0 local 규칙에는 인수가 3~4개 필요합니다');
  if (type === 'nsid' && n !== 2)
    return err(at, 'EDNS0 NSID rules can accept no more than one arg', 'EDNS0 NSID 규칙은 인수를 하나까지만 받습니다');
  if (type === 'subnet' && n !== 4)
    return err(at, 'EDNS0 subnet rules require three or four args', 'EDNS0 subnet 규칙에는 인수가 3~4개 필요합니다');
  if (!['local', 'nsid', 'subnet'].includes(type))
    return err(args[0]!, `invalid rule type "${type}"`, `규칙 종류가 잘못되었습니다: "${type}"`);
  return undefined;
}

export const check: PluginCheck = (d) => {
  const args = words(d);
  if (!args.length) return err(d.name, 'no rule type specified for rewrite', 'rewrite 규칙의 종류가 없습니다');
  const a0 = args[0]!.text.toLowerCase();
  let start = 1;
  if (a0 === 'continue' || a0 === 'stop') {
    if (args.length < 2) return err(args[0]!, `${a0} rule must begin with a rule type`, `${a0} 규칙은 규칙 종류로 시작해야 합니다`);
    start = 2;
  }
  const typeTok = args[start - 1]!;
  const rule = typeTok.text.toLowerCase();
  const rest = args.slice(start);
  switch (rule) {
    case 'answer':
      return err(typeTok, 'response rewrites must begin with a name rule', '응답 재작성은 name 규칙으로 시작해야 합니다');
    case 'name':
      return nameRule(rest, typeTok);
    case 'class':
    case 'type': {
      if (rest.length !== 2)
        return err(typeTok, `${rule} rules must have exactly two arguments`, `${rule} 규칙에는 인수가 정확히 2개 필요합니다`);
      const known = rule === 'class' ? CLASSES : TYPES;
      for (const t of rest)
        if (!known.has(t.text.toUpperCase()))
          return err(
            t,
            `invalid ${rule} "${t.text.toUpperCase()}"`,
            `${rule === 'class' ? '클래스가' : '유형이'} 잘못되었습니다: "${t.text.toUpperCase()}"`,
          );
      return undefined;
    }
    case 'edns0':
      return edns0(rest, typeTok);
    case 'ttl':
    case 'cname':
    case 'rcode':
      return undefined;
    default:
      return err(args[0]!, `invalid rule type "${args[0]!.text}"`, `규칙 종류가 잘못되었습니다: "${args[0]!.text}"`);
  }
};
