/**
 * A class roster: a CSV file with a header line naming at least the columns `id` and `name` (in
 * any order, any case; other columns are kept). RFC 4180 quoting ("a, b", "say ""hi""", quoted
 * fields over several lines), a UTF-8 BOM, CRLF or LF, blank lines skipped. Every problem is a
 * diagnostic at its line and column: a missing column, a row with too many or too few fields, an
 * empty id, an id that cannot be a folder name, an id given twice. Never throws.
 */
import type { Diagnostic } from '../text/diag';
import { type Localized, loc } from '../text/i18n';

export interface RosterStudent {
  /** The id, trimmed and in Unicode NFC (as variants normalise it). */
  readonly id: string;
  readonly name: string;
  /** Every column of the row, by the header's (lower-cased) names. */
  readonly fields: Readonly<Record<string, string>>;
  readonly line: number;
}

export interface RosterResult {
  readonly students: RosterStudent[];
  readonly diagnostics: Diagnostic[];
}

/** An id that is also a safe folder name: letters, digits, and . _ @ + - inside; at most 64 characters. */
export const STUDENT_ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._@+-]{0,63}$/u;

interface Row {
  readonly fields: string[];
  readonly line: number;
  /** The column (1-based) where each field starts. */
  readonly columns: number[];
}

/** Splits CSV text into rows; an unterminated quote is reported at its opening. */
function rows(text: string, file: string, out: Diagnostic[]): Row[] {
  const result: Row[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < text.length) {
    const fields: string[] = [];
    const columns: number[] = [];
    const rowLine = line;
    let blank = true;
    for (;;) {
      columns.push(i - lineStart + 1);
      let field = '';
      if (text[i] === '"') {
        const openLine = line;
        const openCol = i - lineStart + 1;
        i++;
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
          }
          field += text[i++];
        }
        if (!closed) {
          out.push(
            at(
              file,
              openLine,
              openCol,
              loc('This quoted field is never closed (a " is missing).', '따옴표로 시작한 필드가 닫히지 않았습니다 (" 하나가 빠졌습니다).'),
            ),
          );
          return result;
        }
        blank = false;
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
        if (field.trim() !== '') blank = false;
      }
      fields.push(field);
      if (text[i] === ',') {
        blank = false;
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      lineStart = i;
      break;
    }
    if (!blank) result.push({ fields, line: rowLine, columns });
  }
  return result;
}

function at(file: string, line: number, column: number, message: Localized, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { file, line, column, endLine: line, endColumn: column + 1, severity, code: 'bad-roster', message };
}

/** Reads a roster. Students are in the file's order; a row with a problem is left out. */
export function parseRoster(text: string, file: string): RosterResult {
  const diagnostics: Diagnostic[] = [];
  const students: RosterStudent[] = [];
  const all = rows(text, file, diagnostics);
  const head = all[0];
  if (!head) {
    if (!diagnostics.length)
      diagnostics.push(
        at(
          file,
          1,
          1,
          loc(
            'The roster is empty: it needs a header line such as "id,name".',
            '명단이 비어 있습니다: "id,name" 같은 머리글 줄이 필요합니다.',
          ),
        ),
      );
    return { students, diagnostics };
  }
  const names = head.fields.map((f) => f.trim().toLowerCase());
  for (const want of ['id', 'name']) {
    if (!names.includes(want)) {
      diagnostics.push(
        at(
          file,
          head.line,
          1,
          loc(
            `The header line has no "${want}" column (it has: ${names.join(', ')}). The first line names the columns, e.g. id,name.`,
            `머리글 줄에 "${want}" 열이 없습니다 (있는 열: ${names.join(', ')}). 첫 줄에는 id,name처럼 열 이름을 씁니다.`,
          ),
        ),
      );
    }
  }
  names.forEach((n, k) => {
    if (names.indexOf(n) !== k)
      diagnostics.push(at(file, head.line, head.columns[k]!, loc(`The column "${n}" is named twice.`, `"${n}" 열이 두 번 나옵니다.`)));
  });
  if (diagnostics.length) return { students, diagnostics };
  const idCol = names.indexOf('id');
  const nameCol = names.indexOf('name');
  const seen = new Map<string, number>();
  for (const row of all.slice(1)) {
    if (row.fields.length !== names.length) {
      diagnostics.push(
        at(
          file,
          row.line,
          1,
          loc(
            `This row has ${row.fields.length} fields, the header ${names.length}. A comma inside a field needs quotes: "Kim, Minsu".`,
            `이 줄의 필드는 ${row.fields.length}개인데 머리글은 ${names.length}개입니다. 필드 안의 쉼표는 "Kim, Minsu"처럼 따옴표로 감싸야 합니다.`,
          ),
        ),
      );
      continue;
    }
    const id = row.fields[idCol]!.normalize('NFC').trim();
    const col = row.columns[idCol]!;
    if (id === '') {
      diagnostics.push(at(file, row.line, col, loc('This row has no id.', '이 줄에 id가 없습니다.')));
      continue;
    }
    if (!STUDENT_ID_RE.test(id)) {
      diagnostics.push(
        at(
          file,
          row.line,
          col,
          loc(
            `The id "${id}" cannot name a folder: use letters, digits and . _ @ + - (starting with a letter or digit, at most 64).`,
            `id "${id}": 폴더 이름으로 쓸 수 없습니다. 글자, 숫자, . _ @ + -만 쓰세요 (글자나 숫자로 시작, 64자 이하).`,
          ),
        ),
      );
      continue;
    }
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push({
        ...at(
          file,
          row.line,
          col,
          loc(
            `The id "${id}" is already on line ${first} (ids differing only in case would share a folder).`,
            `id "${id}": 이미 ${first}번째 줄에 있습니다 (대소문자만 다른 id도 같은 폴더가 됩니다).`,
          ),
        ),
        code: 'duplicate-name',
      });
      continue;
    }
    seen.set(key, row.line);
    const fields: Record<string, string> = {};
    names.forEach((n, k) => (fields[n] = row.fields[k]!.trim()));
    students.push({ id, name: row.fields[nameCol]!.trim(), fields, line: row.line });
  }
  return { students, diagnostics };
}
