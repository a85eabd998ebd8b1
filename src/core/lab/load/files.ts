/**
 * A host's `files:`: absolute paths mapped to their text, or to `{ from: FILE }`, a file of the
 * lab folder (inside it: no leading "/" and no "..") read through LoadOptions.readFile.
 */
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import type { FileSpec } from '../types';
import { checkKeys, keyOf, type LoadOptions, type Reader, str } from './reader';
import { eunneun } from '../../text/particle';

/** Why a file of the lab that leads outside its folder is not read. */
export function outsideLab(rel: string): Localized {
  return loc(
    `"${rel}" leads outside the lab folder (a symbolic link out of it): a lab reads only files inside its folder, so it was not read.`,
    `"${rel}" 파일은 실습 폴더 밖을 가리킵니다(폴더 밖으로 나가는 심볼릭 링크). 실습은 자기 폴더 안의 파일만 읽으므로 이 파일을 읽지 않았습니다.`,
  );
}

/** The files of a host (`range`: the host's name, for places the node lacks). */
export function readFiles(rd: Reader, files: unknown, range: SourceRange, opts: LoadOptions): FileSpec[] {
  const out: FileSpec[] = [];
  if (files === undefined || (isScalar(files) && files.value === null)) return out;
  if (!isMap(files))
    rd.error(
      'wrong-type',
      rd.nodeRange(files as Node, range),
      loc('files must map absolute paths to contents.', 'files는 절대 경로를 내용에 매핑해야 합니다.'),
    );
  else {
    for (const pair of files.items) {
      const { key, node: kn } = keyOf(pair);
      const kr = rd.nodeRange(kn, range);
      if (!key.startsWith('/')) {
        rd.error(
          'bad-file',
          kr,
          loc(`"${key}" must be an absolute path, like /etc/hosts.`, `${eunneun(`"${key}"`)} /etc/hosts처럼 절대 경로여야 합니다.`),
        );
        continue;
      }
      const v = pair.value as Node | null;
      if (isScalar(v) && (typeof v.value === 'string' || v.value === null)) {
        out.push({ path: key, content: String(v.value ?? ''), range: kr, ...blockBody(rd, v) });
      } else if (isMap(v)) {
        checkKeys(rd, v, ['from'], loc(`file ${key}`, `파일 ${key}`));
        const from = v.get('from', true);
        const fr = rd.nodeRange(from as Node, kr);
        const rel = str(rd, from, loc('from', 'from'), kr);
        if (rel === undefined) continue;
        if (rel.startsWith('/') || rel.split(/[\\/]/).includes('..')) {
          rd.error(
            'bad-file',
            fr,
            loc(`"${rel}" must be a path inside the lab folder.`, `${eunneun(`"${rel}"`)} 실습 폴더 안의 경로여야 합니다.`),
          );
          continue;
        }
        const content = opts.readFile?.(rel);
        if (content !== undefined && typeof content !== 'string') {
          rd.error('file-outside-lab', fr, outsideLab(rel));
          continue;
        }
        if (content === undefined) {
          rd.error('file-not-found', fr, loc(`The lab folder has no file "${rel}".`, `실습 폴더에 "${rel}" 파일이 없습니다.`));
          continue;
        }
        out.push({ path: key, content, range: kr });
      } else {
        rd.error(
          'wrong-type',
          rd.nodeRange(v, kr),
          loc(`File ${key} must be its text or { from: FILE }.`, `파일 ${eunneun(key)} 텍스트나 { from: FILE }이어야 합니다.`),
        );
      }
    }
  }
  return out;
}

/** A block scalar's first line of text (the line after its `|`) and its indentation. */
function blockBody(rd: Reader, v: Scalar): { body?: { line: number; column: number } } {
  if (v.type !== 'BLOCK_LITERAL' || typeof v.value !== 'string' || v.value === '') return {};
  const line = rd.nodeRange(v).line + 1;
  const text = rd.sourceLine(line);
  return { body: { line, column: text.length - text.trimStart().length + 1 } };
}
