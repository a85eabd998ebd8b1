/**
 * A lab's reference solution: the folder `solution/` is an overlay on the starter. Every file
 * under it replaces the starter's file at the same relative path (or adds it: `solution/answers.yaml`
 * gives the quiz answers), except `solution/lab.yaml`, which PATCHES the starter's lab.yaml:
 *
 * - mappings merge key by key, recursively: `hosts: { r: { run: ... } }` replaces only r's run;
 * - any other value (a scalar, a list, a block of commands) replaces the starter's value;
 * - a key whose value is null (`key: ~` or `key:` with nothing) is removed (RFC 7386 merge patch);
 * - keys the starter lacks are appended, in the patch's order.
 *
 * The starter's comments, order and styles are kept (yaml's Document API). Never throws: an
 * invalid solution lab.yaml is a diagnostic and leaves the starter's lab.yaml as it was.
 */
import { type Document, isAlias, isMap, isNode, isScalar, LineCounter, type Node, Pair, parseDocument, visit, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';

export const SOLUTION_DIR = 'solution/';

function norm(path: string): string {
  return path.split('\\').join('/').replace(/^\.\//, '');
}

/** Whether the lab has a reference solution (any file under `solution/`). */
export function hasSolution(files: ReadonlyMap<string, string>): boolean {
  for (const k of files.keys()) if (norm(k).startsWith(SOLUTION_DIR)) return true;
  return false;
}

export interface OverlayOptions {
  /** How a lab-relative path appears in diagnostics (default: as is). */
  readonly displayPath?: (relPath: string) => string;
}

export interface OverlayResult {
  /** The solved lab: starter files with the solution's applied; no `solution/` files. */
  readonly files: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** The starter with its solution applied. A lab without `solution/` comes back as it is (minus nothing). */
export function applySolution(files: ReadonlyMap<string, string>, opts: OverlayOptions = {}): OverlayResult {
  const show = opts.displayPath ?? ((p: string) => p);
  const out = new Map<string, string>();
  const overlay = new Map<string, string>();
  for (const [k, v] of files) {
    const p = norm(k);
    if (p.startsWith(SOLUTION_DIR)) {
      const rel = p.slice(SOLUTION_DIR.length);
      if (rel) overlay.set(rel, v);
    } else out.set(p, v);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [rel, text] of overlay) {
    if (rel !== 'lab.yaml') {
      out.set(rel, text);
      continue;
    }
    const starter = out.get('lab.yaml');
    if (starter === undefined) {
      out.set('lab.yaml', text); // nothing to patch: the solution's lab.yaml is the lab
      continue;
    }
    const r = patchYaml(starter, text, show('lab.yaml'), show(SOLUTION_DIR + 'lab.yaml'));
    diagnostics.push(...r.diagnostics);
    out.set('lab.yaml', r.text);
  }
  return { files: out, diagnostics };
}

function at(file: string, lc: LineCounter | undefined, a: number, b: number) {
  const pa = lc ? lc.linePos(a) : { line: 1, col: 1 };
  const pb = lc ? lc.linePos(Math.max(a, b)) : pa;
  return { file, line: pa.line, column: pa.col, endLine: pb.line, endColumn: pb.col };
}

/**
 * Merges `patchText` into `baseText` (both YAML mappings) as described in the module doc. On any
 * problem, returns `baseText` unchanged with a diagnostic.
 */
export function patchYaml(
  baseText: string,
  patchText: string,
  baseFile: string,
  patchFile: string,
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  try {
    const plc = new LineCounter();
    const patch = parseDocument(patchText, { lineCounter: plc, prettyErrors: false, uniqueKeys: true });
    for (const e of patch.errors) {
      const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push({
        ...at(patchFile, plc, e.pos[0], e.pos[1]),
        severity: 'error',
        code: 'bad-solution',
        message: loc(
          `The solution's lab.yaml is not valid YAML (${msg}); it was not applied.`,
          `해법의 lab.yaml이 올바른 YAML이 아닙니다 (${msg}). 적용하지 않았습니다.`,
        ),
      });
    }
    if (patch.errors.length) return { text: baseText, diagnostics };
    const pRoot = patch.contents;
    if (pRoot === null || (isScalar(pRoot) && pRoot.value === null)) return { text: baseText, diagnostics }; // empty patch
    if (!isMap(pRoot)) {
      const r = (pRoot as Node).range ?? [0, 0];
      diagnostics.push({
        ...at(patchFile, plc, r[0], r[1]),
        severity: 'error',
        code: 'bad-solution',
        message: loc(
          "The solution's lab.yaml must be a mapping of the keys it changes (e.g. hosts: { r: { run: ... } }); it was not applied.",
          '해법의 lab.yaml은 바꿀 키의 매핑이어야 합니다 (예: hosts: { r: { run: ... } }). 적용하지 않았습니다.',
        ),
      });
      return { text: baseText, diagnostics };
    }
    const base = parseDocument(baseText, { prettyErrors: false, uniqueKeys: true });
    const bRoot = base.contents;
    if (base.errors.length || !(isMap(bRoot) || bRoot === null || (isScalar(bRoot) && bRoot.value === null))) {
      diagnostics.push({
        ...at(baseFile, undefined, 0, 0),
        severity: 'error',
        code: 'bad-solution',
        message: loc(
          "The starter's lab.yaml is not a valid YAML mapping, so the solution could not be applied to it. Fix the starter first.",
          '시작 lab.yaml이 올바른 YAML 매핑이 아니어서 해법을 적용할 수 없습니다. 시작 파일부터 고치세요.',
        ),
      });
      return { text: baseText, diagnostics };
    }
    if (!isMap(bRoot)) {
      base.contents = importNode(base, patch, pRoot) as typeof base.contents;
    } else mergeMaps(base, bRoot, patch, pRoot);
    return { text: base.toString({ lineWidth: 0 }), diagnostics };
  } catch (e) {
    diagnostics.push({
      ...at(patchFile, undefined, 0, 0),
      severity: 'error',
      code: 'bad-solution',
      message: loc(`Internal error while applying the solution: ${String(e)}`, `해법을 적용하는 중 내부 오류: ${String(e)}`),
    });
    return { text: baseText, diagnostics };
  }
}

function keyText(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  if (isNode(k)) return k.toString();
  return String(k);
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || (isScalar(v) && v.value === null);
}

/** A copy of a patch node for the base document; aliases are resolved, since their anchors live in the patch. */
function importNode(base: Document, patch: Document, node: unknown): unknown {
  if (!isNode(node)) return node;
  let hasAlias = isAlias(node);
  if (!hasAlias) {
    visit(node, {
      Alias() {
        hasAlias = true;
        return visit.BREAK;
      },
    });
  }
  if (!hasAlias) return node.clone();
  return base.createNode(node.toJS(patch));
}

function mergeMaps(base: Document, target: YAMLMap, patch: Document, src: YAMLMap): void {
  for (const pair of src.items) {
    const key = keyText(pair.key);
    const idx = target.items.findIndex((p) => keyText(p.key) === key);
    const pv = pair.value;
    if (isNull(pv)) {
      if (idx >= 0) target.items.splice(idx, 1);
      continue;
    }
    if (idx >= 0) {
      const tp = target.items[idx]!;
      const tv = tp.value;
      if (isMap(tv) && isMap(pv)) mergeMaps(base, tv, patch, pv);
      else tp.value = importNode(base, patch, pv);
    } else {
      target.items.push(new Pair(importNode(base, patch, pair.key), importNode(base, patch, pv)));
    }
  }
}
