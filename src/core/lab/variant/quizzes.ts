/**
 * Quiz answers that follow the variables. A quiz keeps only a salted hash of its answer, so a
 * variant cannot substitute into it; but when the answer is one of the quiz's choices, the
 * choice it names in the lab as written (student '', the defaults) is known, and a student's copy
 * gets the hash of the same choice as rendered for that student (same salt, same length, so every
 * line and column stays). The hash is the grader's (net/answer.ts): a stored hash may be of the
 * answer's `network` form or of its `text` form, so a choice is matched by either, and the moved hash
 * is of the same form.
 */
import { type AnswerKind, hashAnswer } from '../../net/answer';
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';

interface Quiz {
  readonly choices: { en: string; ko: string }[];
  readonly sha?: { value: string; range: [number, number] };
  readonly salt?: string;
}

function texts(n: unknown): { en: string; ko: string } | undefined {
  if (isScalar(n) && n.value !== null) return { en: String(n.value), ko: String(n.value) };
  if (isMap(n)) {
    const en = n.get('en');
    const ko = n.get('ko');
    if (en === undefined && ko === undefined) return undefined;
    return { en: String(en ?? ko), ko: String(ko ?? en) };
  }
  return undefined;
}

/** Every quiz of a lab text, in order (exercises, then checks). */
function quizzes(text: string): Quiz[] {
  const out: Quiz[] = [];
  const doc = parseDocument(text);
  if (doc.errors.length) return out;
  const exs = doc.get('exercises', true);
  if (!isSeq(exs)) return out;
  for (const ex of exs.items) {
    const checks = isMap(ex) ? ex.get('checks', true) : undefined;
    if (!isSeq(checks)) continue;
    for (const c of checks.items) {
      const q = isMap(c) ? (c.get('quiz', true) as Node | undefined) : undefined;
      if (!isMap(q)) continue;
      const choicesNode = (q as YAMLMap).get('choices', true);
      const choices = isSeq(choicesNode) ? choicesNode.items.map(texts).filter((x): x is { en: string; ko: string } => !!x) : [];
      const ans = (q as YAMLMap).get('answer', true);
      const sha = isMap(ans) ? ans.get('sha256', true) : undefined;
      const salt = isMap(ans) ? ans.get('salt') : undefined;
      out.push({
        choices,
        ...(isScalar(sha) && typeof sha.value === 'string' && sha.range
          ? { sha: { value: sha.value, range: [sha.range[0], sha.range[1]] } }
          : {}),
        ...(typeof salt === 'string' || typeof salt === 'number' ? { salt: String(salt) } : {}),
      });
    }
  }
  return out;
}

let lastWritten: { text: string; quizzes: Quiz[] } | undefined;

/**
 * `forStudent` (lab.yaml drawn for a student) with each quiz's answer hash moved to the choice the
 * lab as written (`asWritten`, drawn for '') answers with. Quizzes whose answer is no choice, or
 * whose choices do not change, are left alone.
 */
export function followQuizzes(asWritten: string, forStudent: string): string {
  if (!/\bquiz\s*:/.test(asWritten)) return forStudent;
  // A class is many students of one lab: the lab as written is read once.
  if (lastWritten?.text !== asWritten) lastWritten = { text: asWritten, quizzes: quizzes(asWritten) };
  const before = lastWritten.quizzes;
  const after = quizzes(forStudent);
  if (before.length !== after.length) return forStudent;
  const edits: { range: [number, number]; from: string; to: string }[] = [];
  before.forEach((b, i) => {
    const a = after[i]!;
    if (!b.sha || !a.sha || b.salt === undefined || b.choices.length !== a.choices.length) return;
    const want = b.sha.value.trim().toLowerCase();
    for (let k = 0; k < b.choices.length; k++) {
      for (const lang of ['en', 'ko'] as const)
        for (const kind of ['network', 'text'] as AnswerKind[]) {
          if (hashAnswer(b.choices[k]![lang], b.salt!, kind) !== want) continue;
          const to = hashAnswer(a.choices[k]![lang], b.salt!, kind);
          if (to !== want) edits.push({ range: a.sha!.range, from: a.sha!.value, to });
          return;
        }
    }
  });
  let out = forStudent;
  for (const e of edits.sort((x, y) => y.range[0] - x.range[0])) {
    const seg = out.slice(e.range[0], e.range[1]);
    out = out.slice(0, e.range[0]) + seg.replace(e.from, e.to) + out.slice(e.range[1]);
  }
  return out;
}
