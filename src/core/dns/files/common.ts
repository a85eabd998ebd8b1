/**
 * What the readers of /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf share: lines and their
 * words with columns, diagnostics, and the address readers glibc uses (inet_pton, inet_aton).
 */
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../../text/diag';
import type { Localized } from '../../text/i18n';

/** A word of a line: its text and its 1-based column. */
export interface Word {
  readonly text: string;
  readonly column: number;
}

/** The lines of a text, without their line ends (a final empty line after the last newline is dropped). */
export function linesOf(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The words of `line` split at blanks (space, tab), or with `space` at C's isspace characters. */
export function wordsOf(line: string, space = false): Word[] {
  const out: Word[] = [];
  const re = space ? /[^ \t\n\v\f\r]+/g : /[^ \t]+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 });
  return out;
}

/** A space or a tab: what resolv.conf's reader splits on. */
export const isBlank = (c: string): boolean => c === ' ' || c === '\t';
/** C's isspace in the C locale. */
export const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

export function rangeOf(file: string, line: number, column: number, length: number): SourceRange {
  return { file, line, column, endLine: line, endColumn: column + Math.max(length, 1) };
}

export function diag(range: SourceRange, severity: Severity, code: DiagnosticCode, message: Localized): Diagnostic {
  return { ...range, severity, code, message };
}

/** glibc's inet_pton(AF_INET): exactly four decimal parts of 0 to 255, no leading zero. */
export function isInetPton4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** glibc's inet_pton(AF_INET6): hex groups of up to four digits, one `::`, an IPv4 address at the end. */
export function isInetPton6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return false;
  const halves = dbl >= 0 ? [s.slice(0, dbl), s.slice(dbl + 2)] : [s];
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    const part = halves[h]!;
    if (part === '') continue;
    const gs = part.split(':');
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i]!;
      const last = h === halves.length - 1 && i === gs.length - 1;
      if (last && g.includes('.')) {
        if (!isInetPton4(g)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) groups += 1;
      else return false;
    }
  }
  return dbl >= 0 ? groups <= 7 : groups === 8;
}

/**
 * glibc's inet_aton, exactly (no trailing text): one to four parts, each decimal, octal (leading 0)
 * or hex (0x), the last filling the bytes left (`10.1` is 10.0.0.1). The address, or undefined.
 */
export function inetAtonExact(s: string): string | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  const vals: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9A-Fa-f]*$/.test(p)) v = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = p.length === 1 ? 0 : parseInt(p.slice(1), 8);
    else if (/^[1-9][0-9]*$/.test(p)) v = Number(p);
    else return undefined;
    if (!Number.isFinite(v) || v > 0xffffffff) return undefined;
    vals.push(v);
  }
  const last = vals[vals.length - 1]!;
  const heads = vals.slice(0, -1);
  if (heads.some((v) => v > 255)) return undefined;
  const room = 4 - heads.length;
  if (last >= 2 ** (8 * room)) return undefined;
  const bytes = [...heads];
  for (let i = room - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes.join('.');
}
