/**
 * Issue 3's figures: checking a generated 5,000-line lab (target < 50 ms), side by side with
 * yaml-language-server validating the same text against the same JSON schema; and grading the
 * whole bundled course (target < 1 s). Then the editor's case: checking a lab again after one
 * keystroke in a run block, through the incremental checker (target < 50 ms).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Core = typeof import('../src/core/index');

/** A lab of about `lines` lines: hosts on switches with run blocks, and exercises with checks. */
export function generateCheckLab(lines = 5000): string {
  const out: string[] = ['name: check-bench', 'title: { en: "Checker benchmark", ko: "검사기 벤치마크" }', 'switches:'];
  const hosts = Math.max(2, Math.floor(lines / 60));
  for (let i = 0; i < hosts; i++) out.push(`  - s${i}`);
  out.push('hosts:');
  for (let i = 0; i < hosts; i++) {
    const a = i % 250;
    const b = Math.floor(i / 250);
    out.push(
      `  h${i}:`,
      '    interfaces:',
      `      eth0: s${i}`,
      `      eth1: { switch: s${(i + 1) % hosts}, mac: "02:00:00:${(b & 255).toString(16).padStart(2, '0')}:${a.toString(16).padStart(2, '0')}:01" }`,
    );
    out.push('    run: |');
    out.push(`      ip addr add 10.${b}.${a}.1/24 dev eth0`);
    out.push(`      ip addr add 10.${b + 100}.${(a + 1) % 250}.2/24 dev eth1`);
    out.push('      sysctl -w net.ipv4.ip_forward=1');
    for (let k = 0; k < 36; k++) out.push(`      ip route add 172.${16 + (k % 16)}.${a}.${k * 4}/30 via 10.${b}.${a}.${2 + (k % 200)}`);
    out.push('    serve: [tcp/80]');
  }
  out.push('exercises:');
  let n = 0;
  while (out.length < lines - 12) {
    out.push(
      `  - id: ex-${n}`,
      `    title: { en: "Exercise ${n}", ko: "과제 ${n}" }`,
      '    points: 5',
      '    hints: [ { en: "Look at the routes.", ko: "경로를 보세요." } ]',
      '    checks:',
    );
    out.push(`      - reach: { from: h${n % hosts}, to: 10.${Math.floor(((n + 1) % hosts) / 250)}.${((n + 1) % hosts) % 250}.1 }`);
    out.push(`      - route: { on: h${n % hosts}, to: 172.16.0.1 }`);
    out.push(`      - output: { on: h${n % hosts}, run: "ip -br link show eth0", match: "UP" }`);
    n++;
  }
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface CheckFigures {
  readonly lines: number;
  readonly knetlabMs: number;
  readonly ylsMs: number;
  readonly ylsDiagnostics: number;
  readonly knetlabDiagnostics: number;
}

/** Median time of checkLab and of yaml-language-server's doValidation on the same text and schema. */
export async function benchCheck(core: Core, runs = 9): Promise<CheckFigures> {
  const text = generateCheckLab();
  const lines = text.split('\n').length - 1;
  const ours: number[] = [];
  let knetlabDiagnostics = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const d = core.checkLab(text, { file: 'bench/check-lab.yaml' });
    const t = performance.now() - t0;
    if (i >= 2) ours.push(t);
    knetlabDiagnostics = d.length;
  }
  // yaml-language-server, configured with the same JSON schema.
  const schemaText = readFileSync(join(__dirname, '..', 'schema', 'lab.schema.json'), 'utf8');
  const schema = JSON.parse(schemaText) as object;
  const yls = await import('yaml-language-server');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const uri = 'file:///knetlab/lab.schema.json';
  const ls = yls.getLanguageService({
    schemaRequestService: (u: string) => (u === uri ? Promise.resolve(schemaText) : Promise.reject(new Error(`no schema ${u}`))),
    workspaceContext: { resolveRelativePath: (rel: string) => rel },
  });
  ls.configure({ validate: true, completion: false, hover: false, format: false, schemas: [{ uri, fileMatch: ['*lab.yaml'], schema }] });
  const theirs: number[] = [];
  let ylsDiagnostics = 0;
  for (let i = 0; i < runs + 2; i++) {
    const doc = TextDocument.create(`file:///bench/${i}/lab.yaml`, 'yaml', 1, text);
    const t0 = performance.now();
    const d = await ls.doValidation(doc, false);
    const t = performance.now() - t0;
    if (i >= 2) theirs.push(t);
    ylsDiagnostics = d.length;
  }
  return { lines, knetlabMs: median(ours), ylsMs: median(theirs), ylsDiagnostics, knetlabDiagnostics };
}

export interface KeystrokeFigures {
  readonly lines: number;
  /** Median of a full checkLab of the lab. */
  readonly fullMs: number;
  /** Median of the incremental checker's check after one keystroke. */
  readonly keystrokeMs: number;
  readonly keystrokes: number;
  /** Keystrokes whose check patched the previous parse (the others parsed in full). */
  readonly fastPath: number;
  /** Whether every checked keystroke gave exactly checkLab's diagnostics (a sample of them is compared). */
  readonly same: boolean;
}

/**
 * A student typing in the run blocks of a generated lab: at `keystrokes` places spread over the
 * file (in the middle of a command, at its end, at its start), one keystroke each: a character,
 * a backspace, or Enter with the line's indentation. Each is checked by one incremental checker,
 * as the editor does; the figure is the median time of those checks.
 */
export function benchKeystroke(core: Core, lines: number, keystrokes = 120): KeystrokeFigures {
  let text = generateCheckLab(lines);
  const opts = { file: 'bench/check-lab.yaml' };
  const full: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    core.checkLab(text, opts);
    if (i >= 2) full.push(performance.now() - t0);
  }
  const inc = new core.IncrementalLabChecker();
  inc.check(text, opts);
  const times: number[] = [];
  let fastPath = 0;
  let same = true;
  for (let k = 0; k < keystrokes; k++) {
    // The k-th place: a run line spread over the file, a column in it.
    const places = runLines(text);
    const line = places[Math.floor(((k * 0.618034) % 1) * places.length)]!;
    const col = [(line.end - line.start) >> 1, line.end - line.start, 0, 4][k % 4]!;
    const at = line.start + col;
    const kind = k % 10;
    if (kind === 7) text = text.slice(0, at) + '\n' + ' '.repeat(line.indent) + text.slice(at);
    else if (kind === 8 && col > 1) text = text.slice(0, at - 1) + text.slice(at);
    else text = text.slice(0, at) + 'x1 '[k % 3] + text.slice(at);
    const t0 = performance.now();
    const d = inc.check(text, opts);
    times.push(performance.now() - t0);
    if (inc.lastPath === 'incremental') fastPath++;
    if (k % 15 === 0 && JSON.stringify(d) !== JSON.stringify(core.checkLab(text, opts))) same = false;
  }
  return {
    lines: generateCheckLab(lines).split('\n').length - 1,
    fullMs: median(full),
    keystrokeMs: median(times),
    keystrokes,
    fastPath,
    same,
  };
}

/** The commands of the lab's run blocks: where each starts (after its indentation) and ends. */
function runLines(text: string): { start: number; end: number; indent: number }[] {
  const out: { start: number; end: number; indent: number }[] = [];
  let inRun = false;
  let at = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (inRun && indent < 6 && line.trim()) inRun = false;
    if (inRun && line.trim()) out.push({ start: at + indent, end: at + line.length, indent });
    if (line === '    run: |') inRun = true;
    at += line.length + 1;
  }
  return out;
}

/** Median time to grade every lab of the bundled course (labs/course.yaml), solutions applied. */
export async function benchGradeCourse(runs = 5): Promise<{ labs: number; ms: number; score: number; maxScore: number }> {
  const { gradeFolder } = await import('../src/cli/grade');
  const { loadCourse } = await import('../src/core/grade/course');
  const root = join(__dirname, '..', 'labs');
  const course = loadCourse(readFileSync(join(root, 'course.yaml'), 'utf8'), 'labs/course.yaml').course;
  if (!course) throw new Error('labs/course.yaml does not load');
  const times: number[] = [];
  let score = 0;
  let maxScore = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    score = 0;
    maxScore = 0;
    for (const l of course.labs) {
      const g = gradeFolder(join(root, l.path), { solution: true }, 'en');
      score += g.score;
      maxScore += g.maxScore;
    }
    const t = performance.now() - t0;
    if (i >= 1) times.push(t);
  }
  return { labs: course.labs.length, ms: median(times), score, maxScore };
}
