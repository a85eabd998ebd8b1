/** errors (plugin/errors/setup.go errorsParse): `errors [stdout] { stacktrace; consolidate DURATION REGEXP [LEVEL] [show_first] }`. */
import { argErr, duration, err, lastOf, parseErr, type PluginCheck, type Problem } from './api';
import type { Prop } from '../tree';

const LEVELS = ['warning', 'error', 'info', 'debug'];
const MAX_REGEXP = 10000;

function consolidate(p: Prop): Problem | undefined {
  if (p.args.length < 2 || p.args.length > 4) return argErr(lastOf(p));
  const t = duration(p.args[0]!);
  if ('problem' in t) return parseErr(lastOf(p), t.problem.en, t.problem.ko);
  const re = p.args[1]!;
  if (re.text.length > MAX_REGEXP)
    return parseErr(
      lastOf(p),
      `regex pattern too long: ${re.text.length} > ${MAX_REGEXP}`,
      `정규식이 너무 깁니다: ${re.text.length} > ${MAX_REGEXP}`,
    );
  let level = false;
  let showFirst = false;
  for (const a of p.args.slice(2)) {
    if (LEVELS.includes(a.text)) {
      if (level) return parseErr(lastOf(p), 'multiple log levels specified in consolidate', 'consolidate에 로그 수준이 여러 개입니다');
      if (showFirst)
        return parseErr(
          lastOf(p),
          'log level must come before show_first in consolidate',
          'consolidate에서 로그 수준은 show_first보다 앞에 와야 합니다',
        );
      level = true;
    } else if (a.text === 'show_first') showFirst = true;
    else return parseErr(lastOf(p), `unknown option in consolidate: ${a.text}`, `consolidate의 알 수 없는 옵션: ${a.text}`);
  }
  return undefined;
}

export const check: PluginCheck = (d) => {
  if (d.args.length > 1) return argErr(lastOf(d));
  if (d.args[0] && d.args[0].text !== 'stdout')
    return parseErr(d.args[0], `invalid log file: ${d.args[0].text}`, `로그 파일이 잘못되었습니다: ${d.args[0].text} (stdout만 됩니다)`);
  for (const p of d.block ?? []) {
    if (p.name.text === 'stacktrace') continue;
    if (p.name.text === 'consolidate') {
      const problem = consolidate(p);
      if (problem) return problem;
      continue;
    }
    return err(
      p.name,
      `Syntax error: Unexpected token '${p.name.text}', expecting 'Unknown field ${p.name.text}'`,
      `알 수 없는 필드: ${p.name.text}`,
    );
  }
  return undefined;
};
