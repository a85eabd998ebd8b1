/**
 * Splitting an instructor's lab into the student's handout and the instructor's grading key
 * (`knetlab build`). The handout keeps the starter files and what a student reads of each
 * exercise (id, title, task, points, its quizzes' questions and choices); it has no check, hint,
 * answer (in any form: not even the salted hash, which 2-4 choices make trivial to reverse), no
 * `solution/`, and no README paragraph that points at `--solution`. The key (grade/key.ts) keeps
 * the exercises with their checks and points, the quiz answers in clear, the solution, and the
 * SHA-256 of every handout file as given. Never throws: problems are diagnostics.
 */
import { Document, isMap, isScalar, isSeq, type Node, Pair, parseDocument, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { loadLab, OUTSIDE_LAB } from '../lab/load';
import { declaresVariables, instantiateLab } from '../lab/variant';
import { parseAnswers } from './answers';
import { SOLUTION_DIR } from './overlay';
import { checkAnswer, type AnswerHash, SHA256_HEX_RE } from '../net/answer';
import { digestText, exercisesDigest, KEY_FILE, KEY_FORMAT, KEY_HANDOUT_LAB } from './key';

export interface SplitOptions {
  /** How a file of the lab folder is named in diagnostics. */
  readonly displayPath: (rel: string) => string;
  /** Files of the folder that lead outside it: refused. */
  readonly outside?: ReadonlySet<string>;
}

export interface SplitResult {
  /** The student's handout (relative path → text); empty when the lab has errors. */
  readonly handout: Map<string, string>;
  /** The instructor's key: key.yaml and solution/. */
  readonly key: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** A README paragraph that points at the reference solution, which the handout does not have. */
const SOLUTION_POINTER = /--solution\b|`solution\/`|\bsolution\//;

/** A README without the sentences that point at the solution (a paragraph left empty goes too). */
export function handoutReadme(text: string): string {
  const paras = text.split(/(\n[ \t]*\n)/);
  const out: string[] = [];
  for (let i = 0; i < paras.length; i += 2) {
    let para = paras[i]!;
    if (SOLUTION_POINTER.test(para)) {
      const parts = para.split(/(?<=[.!?])(\s+)/);
      const kept: string[] = [];
      for (let j = 0; j < parts.length; j += 2) if (!SOLUTION_POINTER.test(parts[j]!)) kept.push(parts[j]!, parts[j + 1] ?? '');
      const rest = kept.join('').trimEnd();
      if (!rest.trim()) continue;
      para = rest + (para.endsWith('\n') ? '\n' : '');
    }
    out.push(para, paras[i + 1] ?? '');
  }
  return out.join('').replace(/\n{3,}/g, '\n\n');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** What a student reads of the exercises: id, title, task, points, and each quiz's question and choices. */
export function studentExercises(exercises: unknown): Record<string, unknown>[] {
  if (!Array.isArray(exercises)) return [];
  return exercises.filter(isRecord).map((ex) => {
    const out: Record<string, unknown> = { id: ex['id'] };
    for (const k of ['title', 'task', 'points']) if (ex[k] !== undefined && ex[k] !== null) out[k] = ex[k];
    const questions = (Array.isArray(ex['checks']) ? ex['checks'] : [])
      .filter((c): c is Record<string, unknown> => isRecord(c) && isRecord(c['quiz']))
      .map((c) => {
        const q = c['quiz'] as Record<string, unknown>;
        return { ask: q['ask'], ...(Array.isArray(q['choices']) ? { choices: q['choices'] } : {}) };
      });
    if (questions.length) out['questions'] = questions;
    return out;
  });
}

function hashOf(v: unknown): AnswerHash | undefined {
  if (!isRecord(v)) return undefined;
  const sha = v['sha256'];
  const salt = v['salt'];
  if (typeof sha !== 'string' || !SHA256_HEX_RE.test(sha.trim())) return undefined;
  if (typeof salt !== 'string' && typeof salt !== 'number') return undefined;
  return { sha256: sha, salt: String(salt) };
}

function texts(v: unknown): string[] {
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  if (isRecord(v)) return ['en', 'ko'].map((k) => v[k]).filter((x): x is string => typeof x === 'string');
  return [];
}

/** The answer in clear of a hashed quiz: the solution's answer (or the choice it numbers), else the choice that matches. */
function clearAnswer(hash: AnswerHash, given: string | undefined, choices: unknown[]): string | undefined {
  const candidates: string[] = [];
  if (given !== undefined) {
    candidates.push(given);
    if (/^\s*\d+\s*$/.test(given)) candidates.push(...texts(choices[Number(given) - 1]));
  }
  for (const c of choices) candidates.push(...texts(c));
  return candidates.find((c) => checkAnswer(c, hash));
}

/** Turns every hashed quiz answer of the key's exercises into its answer in clear, where it can be found. */
function clearQuizAnswers(node: unknown, solved: ReadonlyMap<string, readonly string[]>): void {
  if (!isSeq(node)) return;
  for (const ex of node.items) {
    if (!isMap(ex)) continue;
    const id = String((ex.get('id', true) as Node | undefined)?.toJSON() ?? '');
    const checks = ex.get('checks', true);
    if (!isSeq(checks)) continue;
    let n = 0;
    for (const c of checks.items) {
      const quiz = isMap(c) ? c.get('quiz', true) : undefined;
      if (!isMap(quiz)) continue;
      const answer = quiz.get('answer', true) as Node | undefined;
      const hash = hashOf(answer?.toJSON());
      const choices = (quiz.get('choices', true) as Node | undefined)?.toJSON();
      if (hash) {
        const clear = clearAnswer(hash, solved.get(id)?.[n], Array.isArray(choices) ? choices : []);
        if (clear !== undefined) quiz.set('answer', clear);
      }
      n++;
    }
  }
}

/** The handout's lab.yaml: the lab with `handout: true` and the exercises a student reads. */
function handoutLab(doc: Document.Parsed, root: YAMLMap): string {
  const students = studentExercises(root.get('exercises', false) !== undefined ? doc.toJS()['exercises'] : undefined);
  const hadExercises = root.has('exercises');
  if (hadExercises) root.set('exercises', doc.createNode(students));
  const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'exercises');
  if (!root.has('handout'))
    root.items.splice(at >= 0 ? at : root.items.length, 0, new Pair(doc.createNode('handout'), doc.createNode(true)));
  return doc.toString({ lineWidth: 0 });
}

/** Splits one instructor's lab folder (relative path → text) into handout and key. */
export function splitLab(files: ReadonlyMap<string, string>, opts: SplitOptions): SplitResult {
  const shown = opts.displayPath;
  const outside = opts.outside ?? new Set<string>();
  const handout = new Map<string, string>();
  const key = new Map<string, string>();
  const labText = files.get('lab.yaml');
  const fail = (d: Diagnostic[]): SplitResult => ({ handout: new Map(), key: new Map(), diagnostics: d });
  const at = (rel: string) => ({ file: shown(rel), line: 1, column: 1, endLine: 1, endColumn: 1 });
  if (labText === undefined)
    return fail([
      {
        ...at('lab.yaml'),
        severity: 'error',
        code: 'file-not-found',
        message: loc('This folder has no lab.yaml.', '이 폴더에는 lab.yaml이 없습니다.'),
      },
    ]);
  // Checked as drawn with the variables' defaults (a number's placeholder is a number then); written as given.
  const drawn = declaresVariables(labText) ? (instantiateLab(files, '').files.get('lab.yaml') ?? labText) : labText;
  const loaded = loadLab(drawn, { file: shown('lab.yaml'), readFile: (rel) => (outside.has(rel) ? OUTSIDE_LAB : files.get(rel)) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.lab || errors.length) return fail(errors);
  const doc = parseDocument(labText, { prettyErrors: false, uniqueKeys: true });
  const root = doc.contents;
  if (!isMap(root)) return fail([]);
  if (isScalar(root.get('handout', true)) && (root.get('handout', true) as { value: unknown }).value === true)
    return fail([
      {
        ...at('lab.yaml'),
        severity: 'error',
        code: 'bad-key',
        message: loc(
          "This lab is a handout already (handout: true): build from the instructor's lab, which has the checks.",
          '이 실습은 이미 배포본입니다(handout: true). 검사가 들어 있는 강사용 실습에서 만드세요.',
        ),
      },
    ]);
  const exercisesNode = root.get('exercises', true);
  const keyExercises = isSeq(exercisesNode) ? exercisesNode.clone() : undefined;
  const solvedText = files.get(SOLUTION_DIR + 'answers.yaml');
  const solved = solvedText !== undefined ? parseAnswers(solvedText, shown(SOLUTION_DIR + 'answers.yaml')).answers.byExercise : new Map();
  clearQuizAnswers(keyExercises, solved);
  const variables = root.get('variables', true);
  const name = loaded.lab.name;

  for (const [rel, text] of files) {
    if (rel.startsWith(SOLUTION_DIR)) key.set(rel, text);
    else if (rel === 'answers.yaml' || rel === KEY_FILE) continue;
    else if (rel === 'lab.yaml') handout.set(rel, handoutLab(doc, root));
    else if (/(^|\/)README[^/]*\.md$/i.test(rel)) handout.set(rel, handoutReadme(text));
    else handout.set(rel, text);
  }
  const kd = new Document({});
  const kroot = kd.contents as YAMLMap;
  kd.commentBefore =
    ` The grading key of lab "${name}" (knetlab build): keep it away from students.\n` +
    " Grade a student's folder with it: knetlab grade STUDENT_DIR --key KEY_DIR";
  kroot.set('name', name);
  if (variables !== undefined) kroot.set('variables', (variables as Node).clone());
  const digests: Record<string, string> = {};
  for (const [rel, text] of [...handout].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) digests[rel] = digestText(text);
  const handoutDoc = parseDocument(handout.get('lab.yaml') ?? '');
  kroot.set(
    'key',
    kd.createNode({ format: KEY_FORMAT, handout: { exercises: exercisesDigest(handoutDoc.toJS()?.['exercises']), files: digests } }),
  );
  if (keyExercises) kroot.set('exercises', keyExercises);
  key.set(KEY_FILE, kd.toString({ lineWidth: 0 }));
  // The handout's lab as given: with the solution laid over it, the world that says who should answer
  // a reach check, whatever the student adds to their own lab.
  const given = handout.get('lab.yaml');
  if (given !== undefined) key.set(KEY_HANDOUT_LAB, given);
  return { handout, key, diagnostics: loaded.diagnostics.filter((d) => d.severity !== 'info') };
}
