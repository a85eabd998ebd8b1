/**
 * The loader's reading desk: the Reader (the file, its line index, the diagnostics found so far,
 * and which of them the JSON Schema already reports), and the small readers every part of the
 * loader shares: a key's text, unknown keys with did-you-mean, a string, an { en, ko } text.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import type { Lab } from '../types';
import { eulreul, eunneun, iga } from '../../text/particle';

/** What a lab folder's reader answers for a file that resolves outside the folder (a symbolic link out of it). */
export const OUTSIDE_LAB = Object.freeze({ outside: true as const });

export interface LoadOptions {
  /** The lab file's path as it should appear in diagnostics. */
  readonly file: string;
  /**
   * Reads a file of the lab folder (path relative to the folder) for `files: { from: ... }`:
   * its text, undefined when there is none, or OUTSIDE_LAB when it resolves (symbolic links
   * followed) outside the lab folder and was refused.
   */
  readonly readFile?: (relPath: string) => string | undefined | typeof OUTSIDE_LAB;
}

export interface LoadResult {
  readonly lab?: Lab;
  readonly diagnostics: Diagnostic[];
}

/** Codes whose every loader finding the schema reports too (see Reader.add). */
const SCHEMA_COVERED = new Set<DiagnosticCode>([
  'unknown-key',
  'wrong-type',
  'missing-key',
  'bad-name',
  'bad-mac',
  'bad-serve',
  'bad-file',
  'duplicate-name',
  'lab-not-mapping',
]);

export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private lineTexts?: string[];

  /** The source text of a 1-based line. */
  sourceLine(n: number): string {
    this.lineTexts ??= this.text.split(/\r?\n/);
    return this.lineTexts[n - 1] ?? '';
  }

  constructor(
    readonly file: string,
    readonly text: string,
    readonly lines: LineCounter,
  ) {}

  range(start: number, end: number): SourceRange {
    const a = this.lines.linePos(Math.max(0, Math.min(start, this.text.length)));
    const b = this.lines.linePos(Math.max(0, Math.min(Math.max(end, start), this.text.length)));
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  nodeRange(node: Node | null | undefined, fallback?: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback ?? this.range(0, 0);
    return this.range(r[0], r[1]);
  }

  /**
   * The JSON Schema (schema.ts) reports the file's shape; the loader's own structural findings are
   * then dropped, except those the schema cannot see (`force`).
   */
  schemaChecked = false;

  add(severity: Severity, code: DiagnosticCode, range: SourceRange, message: Localized, force = false): void {
    if (this.schemaChecked && !force && SCHEMA_COVERED.has(code)) return;
    this.diagnostics.push({ ...range, severity, code, message });
  }

  error(code: DiagnosticCode, range: SourceRange, message: Localized, force = false): void {
    this.add('error', code, range, message, force);
  }
}

export function typeName(node: unknown): Localized {
  if (isMap(node)) return loc('a mapping', '매핑');
  if (isSeq(node)) return loc('a list', '리스트');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return loc('empty', '빈 값');
    if (typeof v === 'number') return loc('a number', '숫자');
    if (typeof v === 'boolean') return loc('a boolean', '불리언');
    return loc('a string', '문자열');
  }
  return loc('empty', '빈 값');
}

export function keyOf(pair: Pair): { key: string; node: Node | null } {
  const k = pair.key as Node | null;
  if (isScalar(k)) return { key: String(k.value), node: k };
  return { key: '', node: k };
}

export function checkKeys(rd: Reader, map: YAMLMap, known: readonly string[], where: Localized, ignored: readonly string[] = []): void {
  for (const pair of map.items) {
    const { key, node } = keyOf(pair);
    if (known.includes(key) || ignored.includes(key)) continue;
    const hint = didYouMean(key, known);
    rd.add(
      'warning',
      'unknown-key',
      rd.nodeRange(node),
      loc(
        `Unknown key "${key}" in ${where.en}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.`,
        `${where.ko}에 알 수 없는 키 ${iga(`"${key}"`)} 있습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''}. 알려진 키: ${known.join(', ')}.`,
      ),
    );
  }
}

export function str(rd: Reader, node: unknown, what: Localized, fallback: SourceRange): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && node.value !== '') return String(node.value);
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(
      `${what.en} must be a string, not ${typeName(node).en}.`,
      `${eunneun(what.ko)} ${iga(typeName(node).ko)} 아니라 문자열이어야 합니다.`,
    ),
  );
  return undefined;
}

export function localized(rd: Reader, node: unknown, what: Localized, fallback: SourceRange): Localized | undefined {
  if (isScalar(node) && typeof node.value === 'string') return { en: node.value, ko: node.value };
  if (isMap(node)) {
    checkKeys(rd, node, ['en', 'ko'], what);
    const en = node.get('en', true);
    const ko = node.get('ko', true);
    const enS = isScalar(en) ? String(en.value ?? '') : undefined;
    const koS = isScalar(ko) ? String(ko.value ?? '') : undefined;
    if (enS === undefined || koS === undefined) {
      rd.add(
        'warning',
        'missing-key',
        rd.nodeRange(node, fallback),
        loc(`${what.en} should have both "en" and "ko".`, `${what.ko}에는 "en"과 "ko"가 모두 있어야 합니다.`),
      );
    }
    return { en: enS ?? koS ?? '', ko: koS ?? enS ?? '' };
  }
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(`${what.en} must be a string or { en, ko }.`, `${eunneun(what.ko)} 문자열이나 { en, ko }여야 합니다.`),
  );
  return undefined;
}

/** A node as plain data (check arguments, variable definitions); undefined if it cannot be. */
export function plain(node: unknown): unknown {
  try {
    return node && typeof (node as { toJSON?: unknown }).toJSON === 'function'
      ? (node as { toJSON(): unknown }).toJSON()
      : isScalar(node)
        ? node.value
        : node;
  } catch {
    return undefined;
  }
}
