/**
 * Reading `name:` and `variables:` from a lab file's raw text, before substitution (placeholders
 * elsewhere may make the file invalid YAML until they are replaced): the top-level blocks are
 * found by their lines alone and only those two are parsed. Also rewrites a block in place,
 * keeping the line count, for the `variant:` record a student's copy carries.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, SourceRange } from '../../text/diag';
import { loc } from '../../text/i18n';
import type { VariableSpec } from '../types';
import { diag, type VariableValue } from './defs';
import { normaliseStudent } from './rng';
import type { GivenDigests } from './digest';

/** A top-level block of a YAML file: lines [start, end), 0-based, trailing blank and comment lines excluded. */
export interface TopBlock {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Finds the top-level keys of a block-mapping YAML file by its lines alone (placeholders may make it invalid YAML). */
export function topLevelBlocks(text: string): TopBlock[] {
  const lines = text.split('\n');
  const blocks: { key: string; start: number; end: number }[] = [];
  let cur: { key: string; start: number; end: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue; // blank or comment: neither extends nor ends
    if (/^\s/.test(l) || /^[}\]]/.test(l)) {
      if (cur) cur.end = i + 1; // content of the current block
      continue;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(l)) {
      cur = undefined;
      continue;
    }
    const m = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"][^:#]*?))\s*:(?:\s|$)/.exec(l);
    cur = m ? { key: m[1] ?? m[2] ?? m[3]!, start: i, end: i + 1 } : undefined;
    if (cur) blocks.push(cur);
  }
  return blocks;
}

/** The text with only the given blocks kept; every other line blanked, so places stay the same. */
function mask(text: string, blocks: readonly TopBlock[]): string {
  const lines = text.split('\n');
  return lines.map((l, i) => (blocks.some((b) => i >= b.start && i < b.end) ? l : '')).join('\n');
}

export interface ReadVariablesResult {
  readonly variables: VariableSpec[];
  /** The lab's `name:` (part of every seed). */
  readonly labName: string;
  /** The `variables:` block's lines, if there is one. */
  readonly block?: TopBlock;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads `name:` and `variables:` from a lab file's raw text, before substitution: only those two
 * top-level blocks are parsed, so placeholders elsewhere cannot break them. Never throws.
 */
export function readVariables(text: string, file: string): ReadVariablesResult {
  const diagnostics: Diagnostic[] = [];
  const blocks = topLevelBlocks(text);
  const block = blocks.find((b) => b.key === 'variables');
  const nameBlock = blocks.find((b) => b.key === 'name');
  const kept = [block, nameBlock].filter((b): b is TopBlock => b !== undefined);
  if (!kept.length) return { variables: [], labName: '', diagnostics };
  try {
    const lc = new LineCounter();
    const masked = mask(text, kept);
    const doc = parseDocument(masked, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const range = (node: Node | null | undefined): SourceRange => {
      const [a, b] = node?.range ?? [block ? offsetOfLine(masked, block.start) : 0, 0];
      const pa = lc.linePos(a);
      const pb = lc.linePos(Math.max(a, b));
      return { file, line: pa.line, column: pa.col, endLine: pb.line, endColumn: pb.col };
    };
    for (const e of doc.errors) {
      const pa = lc.linePos(e.pos[0]);
      const pb = lc.linePos(e.pos[1]);
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(
        diag(
          'error',
          e.code === 'DUPLICATE_KEY' ? 'duplicate-name' : 'yaml-syntax',
          { file, line: pa.line, column: pa.col, endLine: pb.line, endColumn: pb.col },
          loc(`YAML: ${msg}`, `YAML 오류: ${msg}`),
        ),
      );
    }
    if (doc.errors.length) return { variables: [], labName: '', ...(block ? { block } : {}), diagnostics };
    const root = doc.contents;
    if (!isMap(root)) return { variables: [], labName: '', ...(block ? { block } : {}), diagnostics };
    const nameNode = root.get('name', true);
    const labName = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : '';
    const varsNode = root.get('variables', true);
    const variables: VariableSpec[] = [];
    if (varsNode !== undefined && !(isScalar(varsNode) && varsNode.value === null)) {
      if (!isMap(varsNode)) {
        diagnostics.push(
          diag(
            'error',
            'wrong-type',
            range(varsNode as Node),
            loc(
              'variables must map names to definitions, e.g. net1: { subnet: 10.0.0.0/8, prefix: 24 }.',
              'variables는 net1: { subnet: 10.0.0.0/8, prefix: 24 }처럼 이름을 정의에 매핑해야 합니다.',
            ),
          ),
        );
      } else {
        for (const pair of varsNode.items) {
          const k = pair.key as Node | null;
          const name = isScalar(k) ? String(k.value) : '';
          const value = pair.value as Node | null;
          let def: unknown;
          try {
            def = value === null ? null : value.toJS(doc);
          } catch {
            def = undefined;
          }
          variables.push({ name, range: range(k), def });
        }
      }
    }
    return { variables, labName, ...(block ? { block } : {}), diagnostics };
  } catch (e) {
    diagnostics.push(
      diag(
        'error',
        'yaml-syntax',
        { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
        loc(`Internal error while reading variables: ${String(e)}`, `변수를 읽는 중 내부 오류: ${String(e)}`),
      ),
    );
    return { variables: [], labName: '', diagnostics };
  }
}

function offsetOfLine(text: string, line0: number): number {
  let off = 0;
  for (let i = 0; i < line0; i++) {
    const n = text.indexOf('\n', off);
    if (n < 0) return text.length;
    off = n + 1;
  }
  return off;
}

/** Replaces lines [block.start, block.end) by `replacement` (one line) and blank lines, keeping the count. */
export function replaceBlock(text: string, block: TopBlock, replacement: string): string {
  const lines = text.split('\n');
  const cr = /\r$/.test(lines[block.start] ?? '') ? '\r' : '';
  for (let i = block.start; i < block.end; i++) lines[i] = i === block.start ? replacement + cr : cr;
  return lines.join('\n');
}

/**
 * The `variant:` record a variant copy's lab.yaml carries instead of `variables:`. One line; with
 * `given`, the digests of the copy's files (`handout: { exercises, files }`) before the seal.
 */
export function variantRecord(student: string, values: ReadonlyMap<string, VariableValue>, seal?: string, given?: GivenDigests): string {
  const parts = [...values].map(([k, v]) => `${k}: ${v.kind === 'int' ? v.text : JSON.stringify(v.text)}`);
  const handout = given
    ? `, handout: { ${[
        ...(given.exercises !== undefined ? [`exercises: ${JSON.stringify(given.exercises)}`] : []),
        `files: { ${[...given.files].map(([rel, d]) => `${JSON.stringify(rel)}: ${JSON.stringify(d)}`).join(', ')} }`,
      ].join(', ')} }`
    : '';
  const sealed = seal !== undefined ? `, seal: ${JSON.stringify(seal)}` : '';
  return `variant: { student: ${JSON.stringify(normaliseStudent(student))}, values: { ${parts.join(', ')} }${handout}${sealed} }`;
}
