/**
 * `exercises:`: a list of exercises, each with an id, a title and task, points, hints and the
 * checks that grade it. The loader keeps each check's kind and arguments with their places; the
 * check kinds (grade/checks) read the arguments.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import type { CauseHint, CheckSpec, ExerciseSpec, QuestionSpec } from '../types';
import { isTraceCause, TRACE_CAUSES } from '../../datapath/causes';
import { didYouMean } from '../../text/didyoumean';
import { eulreul, eunneun, iga } from '../../text/particle';
import { EXERCISE_ID_RE } from './names';
import { checkKeys, keyOf, localized, plain, type Reader, str } from './reader';

const EXERCISE_KEYS = ['id', 'title', 'task', 'points', 'hints', 'checks', 'questions'] as const;

/** A handout exercise's `questions:` (each { ask, choices }); the schema reports their shape. */
function readQuestions(rd: Reader, node: unknown, fallback: SourceRange): QuestionSpec[] {
  if (!isSeq(node)) return [];
  const out: QuestionSpec[] = [];
  for (const q of node.items) {
    if (!isMap(q)) continue;
    const range = rd.nodeRange(q as Node, fallback);
    const ask = localized(rd, q.get('ask', true), loc('ask', 'ask'), range);
    if (!ask) continue;
    const c = q.get('choices', true);
    const choices = isSeq(c)
      ? c.items.map((x) => localized(rd, x, loc('a choice', '선택지'), range)).filter((x): x is Localized => !!x)
      : [];
    out.push({ ask, choices, range });
  }
  return out;
}

/**
 * The exercises of the lab (`top`: the start of the file, for places the node lacks). In a
 * handout (`handout: true`, written by knetlab build) exercises have no checks: the key grades them.
 */
export function readExercises(rd: Reader, node: unknown, top: SourceRange, handout = false): ExerciseSpec[] {
  const out: ExerciseSpec[] = [];
  if (node === undefined || (isScalar(node) && node.value === null)) return out;
  if (!isSeq(node)) {
    rd.error(
      'wrong-type',
      rd.nodeRange(node as Node, top),
      loc('exercises must be a list of exercises.', 'exercises는 실습 과제의 리스트여야 합니다.'),
    );
    return out;
  }
  for (const item of node.items) {
    const ir = rd.nodeRange(item as Node, top);
    if (!isMap(item)) {
      rd.error(
        'wrong-type',
        ir,
        loc('Each exercise must be a mapping with id, points and checks.', '각 과제는 id, points, checks를 가진 매핑이어야 합니다.'),
      );
      continue;
    }
    checkKeys(rd, item, EXERCISE_KEYS, loc('an exercise', '과제'));
    const idNode = item.get('id', true);
    const id = idNode === undefined ? undefined : str(rd, idNode, loc('id', 'id'), ir);
    if (idNode === undefined) {
      rd.error('missing-key', ir, loc('An exercise needs an "id".', '과제에 "id"가 필요합니다.'));
      continue;
    }
    if (id === undefined) continue;
    const idRange = rd.nodeRange(idNode as Node, ir);
    if (!EXERCISE_ID_RE.test(id)) {
      rd.error(
        'bad-name',
        idRange,
        loc(
          `"${id}" is not a valid exercise id: lower-case letters, digits, "-" and "_".`,
          `${eunneun(`"${id}"`)} 올바른 과제 id가 아닙니다: 소문자, 숫자, "-", "_".`,
        ),
      );
      continue;
    }
    if (out.some((e) => e.id === id)) {
      rd.error(
        'duplicate-name',
        idRange,
        loc(`The exercise id "${id}" is used twice.`, `과제 id ${iga(`"${id}"`)} 두 번 쓰였습니다.`),
        true,
      );
      continue;
    }
    const titleNode = item.get('title', true);
    const taskNode = item.get('task', true);
    const pointsNode = item.get('points', true);
    let points = 1;
    if (pointsNode !== undefined) {
      const v = isScalar(pointsNode) ? pointsNode.value : undefined;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) points = v;
      else
        rd.error(
          'wrong-type',
          rd.nodeRange(pointsNode as Node, ir),
          loc('points must be a number, 0 or more.', 'points는 0 이상의 숫자여야 합니다.'),
        );
    }
    const hints: Localized[] = [];
    const causeHints: CauseHint[] = [];
    const hintsNode = item.get('hints', true);
    if (hintsNode !== undefined && !(isScalar(hintsNode) && hintsNode.value === null)) {
      if (!isSeq(hintsNode))
        rd.error('wrong-type', rd.nodeRange(hintsNode as Node, ir), loc('hints must be a list.', 'hints는 리스트여야 합니다.'));
      else
        for (const h of hintsNode.items) {
          if (isMap(h) && h.has('when')) {
            const c = readCauseHint(rd, h, ir);
            if (c) causeHints.push(c);
            continue;
          }
          const t = localized(rd, h, loc('a hint', '힌트'), ir);
          if (t) hints.push(t);
        }
    }
    const checks: CheckSpec[] = [];
    const checksNode = item.get('checks', true);
    if (checksNode === undefined || (isScalar(checksNode) && checksNode.value === null)) {
      if (!handout)
        rd.add(
          'warning',
          'missing-key',
          idRange,
          loc(`Exercise "${id}" has no checks: it cannot be graded.`, `과제 "${id}"에 checks가 없어 채점할 수 없습니다.`),
          true,
        );
    } else if (!isSeq(checksNode)) {
      rd.error(
        'wrong-type',
        rd.nodeRange(checksNode as Node, ir),
        loc(
          'checks must be a list, e.g. - reach: { from: a, to: 10.0.0.1 }.',
          'checks는 - reach: { from: a, to: 10.0.0.1 }처럼 리스트여야 합니다.',
        ),
      );
    } else {
      for (const c of checksNode.items) {
        const cr = rd.nodeRange(c as Node, ir);
        if (!isMap(c) || c.items.length !== 1) {
          rd.error(
            'wrong-type',
            cr,
            loc(
              'Each check is a mapping with one key, its kind: reach, noreach, route, output, rule, resolve or quiz.',
              '각 검사는 종류(reach, noreach, route, output, rule, resolve, quiz) 하나를 키로 가진 매핑입니다.',
            ),
          );
          continue;
        }
        const pair = c.items[0]!;
        const { key: kind } = keyOf(pair);
        const argNode = pair.value as Node | null;
        const argRanges: Record<string, SourceRange> = {};
        if (isMap(argNode)) {
          for (const ap of argNode.items) {
            const { key } = keyOf(ap);
            argRanges[key] = rd.nodeRange(ap.value as Node, rd.nodeRange(ap.key as Node, cr));
          }
        }
        checks.push({ kind, args: plain(argNode), range: rd.nodeRange((pair.key as Node) ?? (c as Node), cr), extent: cr, argRanges });
      }
    }
    const questions = readQuestions(rd, item.get('questions', true), ir);
    out.push({
      id,
      range: idRange,
      ...(titleNode !== undefined ? { title: localized(rd, titleNode, loc('title', 'title'), ir) } : {}),
      ...(taskNode !== undefined ? { task: localized(rd, taskNode, loc('task', 'task'), ir) } : {}),
      points,
      hints,
      ...(causeHints.length ? { causeHints } : {}),
      checks,
      ...(questions.length ? { questions } : {}),
    });
  }
  return out;
}

/** `{ when: CAUSE, text: ... }`: a hint shown when a failed check's trace shows that cause. */
function readCauseHint(rd: Reader, h: YAMLMap, ir: SourceRange): CauseHint | undefined {
  const hr = rd.nodeRange(h as Node, ir);
  checkKeys(rd, h, ['when', 'text'], loc('a hint', '힌트'));
  const whenNode = h.get('when', true);
  const when = str(rd, whenNode, loc('when', 'when'), hr);
  const textNode = h.get('text', true);
  if (textNode === undefined) {
    rd.error('missing-key', hr, loc('A hint with "when" needs a "text".', '"when"이 있는 힌트에는 "text"가 필요합니다.'));
    return undefined;
  }
  const text = localized(rd, textNode, loc('a hint', '힌트'), hr);
  if (when === undefined || !text) return undefined;
  if (!isTraceCause(when)) {
    const near = didYouMean(when, TRACE_CAUSES);
    const at = rd.nodeRange(whenNode as Node, hr);
    // The schema's "must be one of" at the same place says less: this finding takes its place.
    const same = rd.diagnostics.findIndex((d) => d.code === 'schema' && d.line === at.line && d.column === at.column);
    if (same >= 0) rd.diagnostics.splice(same, 1);
    const list = TRACE_CAUSES.join(', ');
    rd.error(
      'unknown-cause',
      at,
      loc(
        `Unknown cause "${when}"${near ? `; did you mean "${near}"?` : '.'} Causes: ${list}.`,
        `알 수 없는 원인 "${when}"입니다.${near ? ` ${eulreul(`"${near}"`)} 뜻했나요?` : ''} 원인: ${list}.`,
      ),
    );
    return undefined;
  }
  return { when, text, range: hr };
}
