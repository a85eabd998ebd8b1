/**
 * The template engine: `{{ name }}` and `{{ name.selector }}` placeholders replaced by the values
 * of one student, in any text file of the lab; `{{ '{{' }}` and `{{ '}}' }}` for literal braces.
 * Other `{{ ... }}` (Go templates) are left alone. Values never hold a new line, so every line
 * keeps its number; each problem is a diagnostic at the placeholder's line and column.
 */
import type { Diagnostic, DiagnosticCode } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { didYouMean } from '../../text/didyoumean';
import { BITS, formatAddr, maskOf } from '../../net/addr';
import { diag, SUBNET_SELECTORS, type VariableValue } from './defs';
import { eulreul, eunneun } from '../../text/particle';

export function renderValue(name: string, v: VariableValue, selector: string): { text: string } | { error: Localized } {
  if (v.kind !== 'subnet') {
    if (selector === '') return { text: v.text };
    return {
      error: loc(
        `${name} is a ${v.kind} variable: write {{ ${name} }}, without ".${selector}".`,
        `${eunneun(name)} ${v.kind} 변수입니다: ".${selector}" 없이 {{ ${name} }}로 쓰세요.`,
      ),
    };
  }
  const p = v.prefix;
  const family = p.addr.family;
  const size = 1n << BigInt(BITS[family] - p.len);
  const at = (offset: bigint, what: string): { text: string } | { error: Localized } => {
    if (offset < 0n || offset >= size) {
      return {
        error: loc(
          `{{ ${name}.${selector} }}: ${what} is outside ${v.text} (it has ${size} addresses, indexes 0 to ${size - 1n}, or -1 back from the broadcast).`,
          `{{ ${name}.${selector} }}: ${eunneun(what)} ${v.text} 밖입니다 (주소 ${size}개, 인덱스 0부터 ${size - 1n}까지, 또는 브로드캐스트에서 거꾸로 -1부터).`,
        ),
      };
    }
    return { text: formatAddr({ family, value: p.addr.value + offset }) };
  };
  switch (selector) {
    case '':
    case 'cidr':
      return { text: v.text };
    case 'net':
    case 'network':
      return { text: formatAddr(p.addr) };
    case 'len':
    case 'prefix':
      return { text: String(p.len) };
    case 'mask':
      return { text: formatAddr({ family, value: maskOf(family, p.len) }) };
    case 'bcast':
    case 'broadcast':
      return { text: formatAddr({ family, value: p.addr.value + size - 1n }) };
    case 'first':
      return at(1n, 'the first host');
    case 'last':
      return at(size - 2n, 'the last host');
  }
  if (/^-?[0-9]+$/.test(selector)) {
    const k = BigInt(selector);
    return at(k >= 0n ? k : size - 1n + k, `address ${selector}`);
  }
  const hint = didYouMean(selector, SUBNET_SELECTORS);
  return {
    error: loc(
      `Unknown part ".${selector}" of the subnet ${name}${hint ? `; did you mean ".${hint}"?` : ''}. Use .net, .len, .mask, .bcast, .first, .last, or a host number like .10 or .-1.`,
      `서브넷 ${name}에 ".${selector}"라는 부분은 없습니다${hint ? `. ${eulreul(`".${hint}"`)} 뜻했나요?` : ''}. .net, .len, .mask, .bcast, .first, .last나 .10, .-1 같은 호스트 번호를 쓰세요.`,
    ),
  };
}

const PLACEHOLDER_RE = /\{\{\s*'(\{\{|\}\})'\s*\}\}|\{\{([^{}\r\n]*)\}\}/g;
const REF_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.(-?[0-9]+|[A-Za-z][A-Za-z0-9_]*))?$/;

export interface SubstituteOptions {
  /** Variables declared but unresolved (already diagnosed): their placeholders are left as written. */
  readonly skip?: ReadonlySet<string>;
  /**
   * A YAML file: an int variable's placeholder quoted alone (`port: "{{ port }}"`, as YAML needs a
   * value that starts with `{{` quoted) becomes the bare number (`port: 8123`), so that YAML reads a
   * number where a number is asked for. The columns after it on its line move back by two.
   */
  readonly yaml?: boolean;
}

/** Replaces every placeholder in `text`. Line numbers are kept; problems are diagnosed where they are. */
export function substitute(
  text: string,
  values: ReadonlyMap<string, VariableValue>,
  file: string,
  opts: SubstituteOptions = {},
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let out = '';
  let last = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const posOf = (offset: number) => {
    for (let i = text.indexOf('\n', scanned); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = Math.max(scanned, offset);
    return { line, column: offset - lineStart + 1 };
  };
  const known = [...values.keys(), ...(opts.skip ?? [])];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    let replacement: string | undefined;
    if (m[1] !== undefined) replacement = m[1];
    else {
      const content = m[2]!.trim();
      const ref = REF_RE.exec(content);
      const lead = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(content)?.[1];
      const report = (code: DiagnosticCode, message: Localized) => {
        const p = posOf(start);
        // A placeholder never spans lines: the end is on the same line.
        diagnostics.push(
          diag('error', code, { file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + (end - start) }, message),
        );
      };
      if (ref) {
        const name = ref[1]!;
        const v = values.get(name);
        if (v) {
          const r = renderValue(name, v, ref[2] ?? '');
          if ('text' in r) replacement = r.text;
          else report('bad-placeholder', r.error);
        } else if (!opts.skip?.has(name)) {
          const hint = didYouMean(name, known);
          report(
            'unknown-variable',
            loc(
              `No variable "${name}" is declared under variables:${hint ? ` (did you mean "${hint}"?)` : ''}. For literal braces, write {{ '{{' }}.`,
              `variables: 아래에 "${name}" 변수가 선언되지 않았습니다${hint ? ` (${eulreul(`"${hint}"`)} 뜻했나요?)` : ''}. 중괄호를 그대로 쓰려면 {{ '{{' }}로 쓰세요.`,
            ),
          );
        }
      } else if (lead !== undefined && known.includes(lead)) {
        report(
          'bad-placeholder',
          loc(
            `"${m[0]}" is not a placeholder: write {{ ${lead} }} or {{ ${lead}.PART }} (one part, no spaces inside).`,
            `${eunneun(`"${m[0]}"`)} 올바른 자리표시자가 아닙니다: {{ ${lead} }}나 {{ ${lead}.PART }}로 쓰세요 (부분 하나, 안쪽에 공백 없이).`,
          ),
        );
      }
    }
    if (replacement !== undefined) {
      const q = text[start - 1];
      const number =
        opts.yaml && (q === '"' || q === "'") && text[end] === q && values.get(REF_RE.exec(m[2]?.trim() ?? '')?.[1] ?? '')?.kind === 'int';
      out += text.slice(last, number ? start - 1 : start) + replacement;
      last = number ? end + 1 : end;
    }
  }
  out += text.slice(last);
  return { text: out, diagnostics };
}
