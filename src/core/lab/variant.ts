/**
 * Per-student variants (Packet Tracer's Variable Manager): a lab declares `variables:` with ranges,
 * every student gets their own values, and placeholders in the lab's text files take them.
 *
 * Declarations (top level of lab.yaml, one mapping per variable, exactly one kind key):
 *
 *     variables:
 *       net1: { subnet: 10.0.0.0/8, prefix: 24 }            # a random /24 inside 10.0.0.0/8
 *       net2: { subnet: 10.0.0.0/8, prefix: 24, exclude: [10.0.0.0/16] }
 *       port: { int: [8000, 8999] }                          # both ends included
 *       name: { choice: [web, db, api] }
 *       mac:  { mac: true }                                  # locally administered, unicast
 *
 * Subnet variables never overlap each other (nor their own `exclude:` prefixes); they are drawn
 * largest first (then in declaration order), each uniformly among the subnets still free.
 *
 * Placeholders, anywhere in any text file of the lab (lab.yaml, README*.md, solution/...):
 *
 *     {{ net1 }}        10.23.4.0/24      {{ net1.cidr }}   the same
 *     {{ net1.net }}    10.23.4.0         {{ net1.len }}    24
 *     {{ net1.mask }}   255.255.255.0     {{ net1.bcast }}  10.23.4.255
 *     {{ net1.10 }}     10.23.4.10 (network + 10)
 *     {{ net1.first }}  10.23.4.1         {{ net1.last }}   10.23.4.254 (= {{ net1.-1 }})
 *     {{ net1.-2 }}     10.23.4.253 (broadcast - 2)
 *     {{ port }}  {{ name }}  {{ mac }}
 *     {{ '{{' }}  {{ '}}' }}              literal braces (for Go templates such as {{end}})
 *
 * `{{ ... }}` whose content is not `NAME` or `NAME.SELECTOR` (e.g. Go templates, `{{ .Name }}`,
 * `{{ range .items }}`) is left alone. An unknown variable, an unknown selector or an address
 * outside the subnet is a diagnostic at the placeholder's exact line and column. Values never
 * contain a new line, so substitution keeps every line number.
 *
 * Values are deterministic: each variable draws from a SHA-256 counter-mode stream seeded by
 * (lab name, student id, variable name). The same id gives the same values on every platform and
 * every run. The instructor's own view (`knetlab check`, no student) uses the student id ''.
 *
 * A `default:` is the value of the lab as written; literal text follows a subnet's default (its
 * addresses) and a choice's default that is a name (the name, Korean particles after it refitted)
 * into each copy: variant/rewrite.ts.
 *
 * The parts: variant/defs.ts (declarations), variant/rng.ts (the streams), variant/draw.ts (the
 * values), variant/template.ts (placeholders), variant/rawText.ts (`variables:` read from raw
 * text, blocks rewritten in place), variant/rewrite.ts (literal addresses and names). This file makes one student's copy of a whole lab.
 */
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { iga } from '../text/particle';
import { diag, MOVABLE_NAME_RE, type VariableValue } from './variant/defs';
import { resolveVariables } from './variant/draw';
import { readVariables, replaceBlock, topLevelBlocks, variantRecord } from './variant/rawText';
import { substitute } from './variant/template';
import { followQuizzes } from './variant/quizzes';
import { normaliseStudent } from './variant/rng';
import { sealOf } from './variant/seal';
import { defaultMoves, idsNaming, moveAddresses, moveNames, nameMoves } from './variant/rewrite';
import { givenDigests } from './variant/digest';

export {
  parseCidr,
  parseVariableDef,
  SUBNET_SELECTORS,
  VARIABLE_KINDS,
  VARIABLE_NAME_RE,
  type VariableDef,
  type VariableValue,
} from './variant/defs';
export { resolveVariables, type ResolveResult } from './variant/draw';
export { readVariables, type ReadVariablesResult, type TopBlock, topLevelBlocks, variantRecord } from './variant/rawText';
export { normaliseStudent, VariantRng } from './variant/rng';
export { followQuizzes } from './variant/quizzes';
export { digestText, exercisesData, exercisesDigest, type GivenDigests, givenDigests } from './variant/digest';
export { readVariantRecord, sealOf, type SealKind, type VariantRecord, verifySeal } from './variant/seal';
export { renderValue, substitute, type SubstituteOptions } from './variant/template';

/** Whether a lab's text declares per-student variables (a top-level `variables:` key). */
export function declaresVariables(labText: string): boolean {
  return /^variables\s*:/m.test(labText);
}

export interface InstantiateOptions {
  /** How a lab-relative path appears in diagnostics (default: as is). */
  readonly displayPath?: (relPath: string) => string;
  /** The instructor's secret: mixed into the draw and the record's seal (see variant/seal.ts). */
  readonly secret?: string;
  /**
   * Seal into the record the digests of the files as written for the student (variant/digest.ts;
   * solution/ and answers.yaml left out): a copy given to a student (studentCopy) does.
   */
  readonly digests?: boolean;
}

export interface InstantiateResult {
  /** Every file, placeholders substituted; lab.yaml carries `variant:` instead of `variables:`. */
  readonly files: Map<string, string>;
  readonly values: Map<string, VariableValue>;
  readonly labName: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * One student's copy of a lab. `files` maps lab-relative paths ('lab.yaml', 'README.md',
 * 'solution/lab.yaml', ...) to text; every file is substituted, the solution's too, so apply the
 * solution overlay (overlay.ts) after this. A lab without `variables:` comes back unchanged.
 * `student` '' is the instructor's view. Never throws.
 */
export function instantiateLab(files: ReadonlyMap<string, string>, student: string, opts: InstantiateOptions = {}): InstantiateResult {
  const show = opts.displayPath ?? ((p: string) => p);
  const out = new Map(files);
  const labText = files.get('lab.yaml');
  if (labText === undefined) {
    return {
      files: out,
      values: new Map(),
      labName: '',
      diagnostics: [
        diag(
          'error',
          'file-not-found',
          { file: show('lab.yaml'), line: 1, column: 1, endLine: 1, endColumn: 1 },
          loc('The lab folder has no lab.yaml.', '실습 폴더에 lab.yaml이 없습니다.'),
        ),
      ],
    };
  }
  const rv = readVariables(labText, show('lab.yaml'));
  const diagnostics = [...rv.diagnostics];
  if (!rv.block) return { files: out, values: new Map(), labName: rv.labName, diagnostics };
  const secret = opts.secret ? { secret: opts.secret } : {};
  const { values, failed, defaults, diagnostics: rd } = resolveVariables(rv.variables, { lab: rv.labName, student, ...secret });
  const moves = defaultMoves(defaults, values);
  const names = nameMoves(defaults, values);
  diagnostics.push(...rd);
  if (normaliseStudent(student) === '') diagnostics.push(...namedIdWarnings(labText, defaults, values, show('lab.yaml')));
  const seal = sealOf(
    rv.labName,
    student,
    [...values].map(([k, v]) => [k, v.text] as const),
    opts.secret,
  );
  for (const [path, text] of files) {
    let t = text;
    if (path === 'lab.yaml') t = replaceBlock(t, rv.block, variantRecord(student, values, seal));
    else if (path === 'solution/lab.yaml') {
      const sb = topLevelBlocks(t).find((b) => b.key === 'variables');
      if (sb) {
        diagnostics.push(
          diag(
            'warning',
            'bad-variable',
            { file: show(path), line: sb.start + 1, column: 1, endLine: sb.start + 1, endColumn: 10 },
            loc(
              'Declare variables in the starter lab.yaml only; the solution uses the same values. This block is ignored.',
              '변수는 시작 lab.yaml에만 선언하세요. 해법은 같은 값을 씁니다. 이 블록은 무시됩니다.',
            ),
          ),
        );
        t = replaceBlock(t, sb, '');
      }
    }
    const s = substitute(t, values, show(path), { skip: failed, yaml: /\.ya?ml$/.test(path) });
    diagnostics.push(...s.diagnostics);
    out.set(path, moveNames(moveAddresses(s.text, moves), names));
  }
  // Quiz answers follow the variables when they are choices (variant/quizzes.ts): hashed answers only
  // (a grading key's answers are in clear, and follow the variables as any text does).
  if (normaliseStudent(student) !== '' && /\bsha256\b/.test(labText) && !diagnostics.some((d) => d.severity === 'error')) {
    const written = resolveVariables(rv.variables, { lab: rv.labName, student: '' });
    const asWritten = substitute(labText, written.values, show('lab.yaml'), { skip: written.failed, yaml: true }).text;
    out.set('lab.yaml', followQuizzes(asWritten, out.get('lab.yaml')!));
  }
  // What the student is given, sealed with the values: a key compares the copy with it (grade/key.ts).
  if (opts.digests && !diagnostics.some((d) => d.severity === 'error')) {
    const lab = out.get('lab.yaml')!;
    const at = topLevelBlocks(lab).find((b) => b.key === 'variant');
    const given = givenDigests(out);
    const rendered = [...values].map(([k, v]) => [k, v.text] as const);
    const sealed = sealOf(rv.labName, student, rendered, opts.secret, given);
    if (at) out.set('lab.yaml', replaceBlock(lab, { ...at, end: at.start + 1 }, variantRecord(student, values, sealed, given)));
  }
  return { files: out, values, labName: rv.labName, diagnostics };
}

/** An exercise id naming a name variable's default would differ in every copy: a warning at the id (the lab as written). */
function namedIdWarnings(
  labText: string,
  defaults: ReadonlyMap<string, string>,
  values: ReadonlyMap<string, VariableValue>,
  file: string,
): Diagnostic[] {
  const names = [...defaults].filter(([k, d]) => values.get(k)?.kind === 'choice' && MOVABLE_NAME_RE.test(d)).map(([, d]) => d);
  return idsNaming(labText, names).map((h) =>
    diag(
      'warning',
      'bad-variable',
      { file, line: h.line, column: h.column, endLine: h.line, endColumn: h.column + h.id.length },
      loc(
        `The exercise id "${h.id}" contains "${h.name}", the default of a choice variable: each student's copy would rename it, and the key, the answers and the class report match exercises by id. Use an id without the name.`,
        `과제 id "${h.id}"에 choice 변수의 기본값 ${iga(`"${h.name}"`)} 들어 있습니다. 학생마다 사본에서 id가 바뀌는데, 채점 키, 답안, 반 보고서는 과제를 id로 맞춥니다. 이름이 들어가지 않은 id를 쓰세요.`,
      ),
    ),
  );
}

/** Whether a lab-relative path is part of the lab's solution (never in a student's copy). */
export function isSolutionPath(rel: string): boolean {
  return rel === 'solution' || rel.startsWith('solution/');
}

/**
 * A student's copy of a lab folder (`knetlab variant`): drawn for the student, sealed, without
 * its solution. The one place a handout filter (the key/handout split) plugs in: it takes the
 * files this returns. Never throws; errors are in `diagnostics` (and then write nothing).
 */
export function studentCopy(files: ReadonlyMap<string, string>, student: string, opts: InstantiateOptions = {}): InstantiateResult {
  const inst = instantiateLab(files, student, { ...opts, digests: true });
  const out = new Map([...inst.files].filter(([rel]) => !isSolutionPath(rel)));
  return { ...inst, files: out };
}
