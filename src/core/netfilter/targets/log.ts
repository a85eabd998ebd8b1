/** `-j LOG [--log-prefix TEXT] [--log-level N]`: the kernel logs the packet and it goes on; the trace says so. */
import { loc } from '../../text/i18n';
import { defineTarget, type TargetModule } from '../module';
import { quoteArg } from '../quote';

interface LogData {
  prefix?: string;
  level?: string;
}

const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];

export const logTarget: TargetModule = defineTarget<LogData>({
  name: 'LOG',
  options: [
    { name: 'log-prefix', arg: true },
    { name: 'log-level', arg: true },
  ],
  init: () => ({}),
  parse(d, opt, arg) {
    const text = arg ?? '';
    if (opt === 'log-prefix') {
      if (text.length > 29) return 'Maximum prefix length 29 for --log-prefix';
      d.prefix = text;
      return undefined;
    }
    const n = /^[0-7]$/.test(text) ? Number(text) : LEVELS.indexOf(text === 'panic' ? 'emerg' : text === 'warn' ? 'warning' : text);
    if (n < 0) return `log-level \`${text}' unknown`;
    d.level = String(n);
    return undefined;
  },
  save: (d) =>
    (d.prefix ? ` --log-prefix ${quoteArg(d.prefix)}` : '') + (d.level !== undefined && d.level !== '4' ? ` --log-level ${d.level}` : ''),
  print: (d, numeric) => {
    const level = Number(d.level ?? 4);
    const lv = numeric
      ? ` flags 0 level ${level}`
      : ` level ${['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'][level]}`;
    return ` LOG${lv}${d.prefix ? ` prefix "${d.prefix}"` : ''}`;
  },
  apply: (d) => ({
    verdict: 'continue',
    detail: loc(
      `LOG: the kernel logs the packet${d.prefix ? ` with the prefix "${d.prefix}"` : ''} (dmesg) and it goes on to the next rule.`,
      `LOG: 커널이 패킷을 로그(dmesg)에 남기고${d.prefix ? ` (접두어 "${d.prefix}")` : ''} 다음 규칙으로 넘어갑니다.`,
    ),
  }),
});
