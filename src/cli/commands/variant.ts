/** `knetlab variant`: writes one student's own copy of a lab, its variables drawn for that student. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { instantiateLab, type Localized } from '../../core';
import type { Command } from '../command';
import { fmt, formatDiag, t, UsageError } from '../common';
import { readTree } from '../grade';
import { usageError } from '../usage';

const M = {
  outNotEmpty: { en: '{0} is not empty (use --force to write into it)', ko: '{0}이(가) 비어 있지 않습니다 (덮어쓰려면 --force)' },
  written: { en: 'wrote {0} files to {1} (the variant of student {2})', ko: '{1}에 파일 {0}개를 썼습니다 ({2} 학생의 변형)' },
} satisfies Record<string, Localized>;

export const variant: Command = {
  name: 'variant',
  summary: { en: "Write a student's own variant of a lab.", ko: '학생 한 명의 랩 변형을 씁니다.' },
  usage: { en: 'variant LAB --student ID --out DIR [--force]', ko: 'variant 랩 --student ID --out 폴더 [--force]' },
  help: {
    en: "Write a student's own variant of a lab (its variables drawn for that student).",
    ko: '학생 한 명의 랩 변형을 씁니다 (그 학생에게 뽑힌 변수 값으로).',
  },
  listing: 'command',
  options: [{ name: '--student', value: 'ID' }, { name: '--out', value: 'DIR' }, { name: '--force' }],
  run(p, { lang, io }) {
    const path = p.positional[0];
    const student = p.options.get('--student');
    const out = p.options.get('--out');
    if (!path || p.positional.length > 1 || !student || !out) throw usageError(variant, lang);
    if (!existsSync(join(path, 'lab.yaml'))) throw new UsageError(t(lang, 'noLabYaml', path));
    if (existsSync(out) && readdirSync(out).length > 0 && !p.options.has('--force')) throw new UsageError(fmt(lang, M.outNotEmpty, out));
    const files = readTree(path);
    const inst = instantiateLab(files, student);
    for (const d of inst.diagnostics) io.err(formatDiag(d, lang) + '\n');
    if (inst.diagnostics.some((d) => d.severity === 'error')) return 1;
    let written = 0;
    for (const [rel, text] of inst.files) {
      if (rel === 'solution' || rel.startsWith('solution/')) continue; // the student's copy has no solution
      const target = join(out, rel);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      written++;
    }
    io.err(fmt(lang, M.written, String(written), out, student) + '\n');
    return 0;
  },
};
