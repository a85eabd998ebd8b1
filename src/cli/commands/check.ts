/** `knetlab check`: the diagnostics of labs, Corefiles and CNI configurations, compiler style. */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCniConfig, checkLab, type Diagnostic, type Lang, parseCorefile, pick } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, t, UsageError, walkFiles } from '../common';
import { readerFor, readText } from '../lab';
import { usageError } from '../usage';

const SUMMARY = { en: '{0} error(s), {1} warning(s)', ko: '오류 {0}개, 경고 {1}개' };

/**
 * Every lab.yaml under a folder (a course), or the lab itself; for a folder of CNI configurations
 * with no lab (/etc/cni/net.d), its .conflist and .conf files, in name order.
 */
function findLabs(path: string, lang: Lang): string[] {
  if (!existsSync(path)) throw new UsageError(t(lang, 'noSuchPath', path));
  if (!statSync(path).isDirectory()) return [path];
  if (existsSync(join(path, 'lab.yaml'))) return [join(path, 'lab.yaml')];
  const out: string[] = [];
  walkFiles(path, 4, (p, name) => {
    if (name === 'lab.yaml') out.push(p);
  });
  if (!out.length) {
    walkFiles(path, 0, (p, name, st) => {
      if (st.isFile() && /\.(conflist|conf)$/.test(name)) out.push(p);
    });
  }
  if (!out.length) throw new UsageError(t(lang, 'noLabYaml', path));
  return out;
}

export const check: Command = {
  name: 'check',
  summary: { en: 'Check labs, Corefiles and CNI configurations.', ko: '랩, Corefile, CNI 설정을 검사합니다.' },
  usage: { en: 'check PATH... [--format text|json]', ko: 'check 경로... [--format text|json]' },
  help: {
    en: 'Check labs (a lab folder, a lab.yaml, or a folder of labs), Corefiles and CNI configurations\n(.conflist, .conf). Exit 1 when any error.',
    ko: '랩(랩 폴더, lab.yaml, 또는 랩들이 있는 폴더), Corefile, CNI 설정(.conflist, .conf)을 검사합니다.\n오류가 있으면 종료 상태 1.',
  },
  listing: 'command',
  options: [
    { name: '--format', value: 'text|json' },
    { name: '--student', value: 'ID' },
  ],
  run(p, { lang, io }) {
    if (!p.positional.length) throw usageError(check, lang);
    const format = p.options.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(t(lang, 'badFormat', format));
    const all: Diagnostic[] = [];
    for (const path of p.positional) {
      for (const file of findLabs(path, lang)) {
        const shown = relative(process.cwd(), file) || file;
        if (/(^|[\\/])Corefile$/.test(file)) all.push(...parseCorefile(readText(file, lang), shown).diagnostics);
        // CNI configurations: any .conflist or .conf named on the command line (not only in net.d/).
        else if (/\.(conflist|conf)$/.test(file)) all.push(...checkCniConfig(readText(file, lang), shown).diagnostics);
        else
          all.push(
            ...checkLab(readText(file, lang), {
              file: shown,
              readFile: readerFor(file),
              ...(p.options.has('--student') ? { student: p.options.get('--student')! } : {}),
            }),
          );
      }
    }
    if (format === 'json') {
      io.out(
        JSON.stringify(
          all.map((d) => ({
            file: d.file,
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            severity: d.severity,
            code: d.code,
            message: pick(d.message, lang),
          })),
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const d of all) io.out(formatDiag(d, lang) + '\n');
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.filter((d) => d.severity === 'warning').length;
      io.err(fmt(lang, SUMMARY, String(errors), String(warnings)) + '\n');
    }
    return all.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
