/**
 * A host's `run:` block cut into command lines, each with its exact place in the lab file: block
 * literals (`run: |`) line by line with backslash continuations joined, folded blocks (`run: >`)
 * by finding where each command starts, plain and quoted scalars, and lists of commands.
 */
import { isScalar, isSeq, type Node, Scalar } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import type { RunLine } from '../types';
import { type Reader, typeName } from './reader';
import { iga } from '../../text/particle';

/** Cuts a `run:` value into lines, each with its place in the lab file. */
export function runLines(rd: Reader, node: unknown, fallback: SourceRange): RunLine[] {
  const out: RunLine[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string') out.push(...scalarLines(rd, item));
      else
        rd.error(
          'wrong-type',
          rd.nodeRange(item as Node, fallback),
          loc('Each run item must be a command string.', 'run의 각 항목은 명령 문자열이어야 합니다.'),
        );
    }
    return out;
  }
  if (isScalar(node) && typeof node.value === 'string') return scalarLines(rd, node);
  if (isScalar(node) && node.value === null) return out;
  rd.error(
    'wrong-type',
    rd.nodeRange(node as Node, fallback),
    loc(
      `run must be a block of commands (run: |), not ${typeName(node).en}.`,
      `run은 ${iga(typeName(node).ko)} 아니라 명령 블록(run: |)이어야 합니다.`,
    ),
  );
  return out;
}

function scalarLines(rd: Reader, node: Scalar): RunLine[] {
  const value = String(node.value);
  const [start, end] = node.range ?? [0, 0, 0];
  const out: RunLine[] = [];
  const push = (text: string, lineNo: number, col: number, endLineNo = lineNo, endCol = col + text.length) => {
    if (!text.trim() || /^\s*#/.test(text)) return;
    out.push({ text, range: { file: rd.file, line: lineNo, column: col, endLine: endLineNo, endColumn: endCol } });
  };
  const joinContinuations = (lines: { text: string; line: number; col: number }[]) => {
    for (let i = 0; i < lines.length; i++) {
      let { text } = lines[i]!;
      const first = lines[i]!;
      let last = first;
      while (/\\$/.test(text) && i + 1 < lines.length) {
        i++;
        last = lines[i]!;
        text = text.slice(0, -1) + ' ' + last.text.trimStart();
      }
      push(text, first.line, first.col, last.line, last.col + last.text.length);
    }
  };
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // Content lines are the source lines after the header, in order; indentation is stripped.
    const header = rd.lines.linePos(start).line;
    const valueLines = value.split('\n');
    const lines: { text: string; line: number; col: number }[] = [];
    for (let i = 0; i < valueLines.length; i++) {
      const v = valueLines[i]!;
      const lineNo = header + 1 + i;
      const src = rd.sourceLine(lineNo);
      const idx = v ? src.lastIndexOf(v) : -1;
      lines.push({ text: v, line: lineNo, col: idx >= 0 ? idx + 1 : 1 });
    }
    if (node.type === Scalar.BLOCK_FOLDED) {
      // Folding joined some source lines with spaces; each remaining line is one command. Find
      // where each starts in the source, in order.
      let from = header + 1;
      for (const v of value.split('\n')) {
        const text = v.trim();
        if (!text) continue;
        const head = text.slice(0, 20);
        let lineNo = from;
        const starts = (n: number) => {
          const t = rd.sourceLine(n).trim();
          return t !== '' && (t.startsWith(head) || head.startsWith(t.slice(0, 20)));
        };
        while (lineNo <= rd.lines.lineStarts.length && !starts(lineNo)) lineNo++;
        if (lineNo > rd.lines.lineStarts.length) lineNo = from;
        const src = rd.sourceLine(lineNo);
        const col = src.length - src.trimStart().length + 1;
        push(text, lineNo, col, lineNo, src.length + 1);
        from = lineNo + 1;
      }
      return out;
    }
    joinContinuations(lines);
    return out;
  }
  // A plain or quoted scalar: one command, or several separated by new lines that YAML folded.
  const r = rd.range(start, end);
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const parts = value.split('\n');
  if (parts.length === 1) push(value, r.line, r.column + quoted, r.endLine, r.endColumn - quoted);
  else for (const p of parts) push(p, r.line, r.column, r.endLine, r.endColumn);
  return out;
}
