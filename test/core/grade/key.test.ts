/**
 * Grading with the instructor's key (grade/key.ts through gradeFiles): the key's exercises only,
 * whatever the student wrote under exercises:, and a note where the handout was altered.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { applySolution, gradeFiles, type GradingKey, keyExercises, readKey, splitLab } from '../../../src/core';
import { readTree } from '../../../src/cli/tree';

function build(dir: string) {
  const split = splitLab(readTree(dir), { displayPath: (p) => p });
  const solution = new Map([...split.key].filter(([rel]) => rel.startsWith('solution/')));
  const key: GradingKey = {
    ...readKey(split.key.get('key.yaml')!, 'key/key.yaml').key!,
    solution: new Map([...solution].map(([rel, text]) => [rel.slice('solution/'.length), text])),
    handoutLab: split.key.get('handout/lab.yaml')!,
  };
  return { split, key, solution };
}

const grade = (files: ReadonlyMap<string, string>, key: GradingKey) => gradeFiles(files, { displayPath: (p) => `s/${p}`, key });

describe('grade/key: grading with the key', () => {
  const lab02 = build(join('labs', '02-gateway'));
  const solved = applySolution(new Map([...lab02.split.handout, ...lab02.solution])).files;

  it("the solution laid over the handout scores every point; the handout as given scores as the instructor's starter does", () => {
    const g = grade(solved, lab02.key);
    assert.equal(g.score, 65);
    assert.equal(g.maxScore, 65);
    assert.deepEqual(g.diagnostics, []);
    const starter = gradeFiles(readTree(join('labs', '02-gateway')), { displayPath: (p) => p });
    assert.equal(grade(lab02.split.handout, lab02.key).score, starter.score);
  });

  it("a student's own exercises count for nothing: checks replaced by a reach that works, points 100", () => {
    const cheat = lab02.split.handout
      .get('lab.yaml')!
      .replace(
        /exercises:\n[\s\S]*$/,
        'exercises:\n  - id: r-on-lan3\n    points: 100\n    checks:\n      - reach: { from: a, to: 192.168.1.1 }\n',
      );
    const files = new Map(lab02.split.handout).set('lab.yaml', cheat);
    const g = grade(files, lab02.key);
    assert.equal(g.maxScore, 65);
    assert.equal(g.score, grade(lab02.split.handout, lab02.key).score);
    assert.deepEqual(
      g.exercises.map((e) => e.id),
      ['r-on-lan3', 'c-default-gateway', 'a-reaches-c', 'b-reaches-c', 'return-route', 'fix-d'],
    );
    const notes = g.diagnostics.filter((d) => d.code === 'handout-altered');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.severity, 'info');
    assert.equal(notes[0]!.file, 's/lab.yaml');
    assert.equal(notes[0]!.line, cheat.split('\n').indexOf('exercises:') + 1);
    assert.ok(!g.diagnostics.some((d) => d.severity === 'error'));
  });

  it('a broken exercises section of the student is not an error: the key grades', () => {
    const broken = solved.get('lab.yaml')!.replace(/exercises:\n[\s\S]*$/, 'exercises:\n  - id: BAD ID\n    checks: 7\n');
    const g = grade(new Map(solved).set('lab.yaml', broken), lab02.key);
    assert.equal(g.score, 65);
    assert.ok(!g.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(g.diagnostics));
  });

  it('an altered or missing handout file is a note that names it', () => {
    const files = new Map(solved);
    files.set('README.md', files.get('README.md') + '\nmine\n');
    files.delete('README.ko.md');
    const notes = grade(files, lab02.key).diagnostics.filter((d) => d.code === 'handout-altered');
    assert.deepEqual(notes.map((d) => [d.file, d.severity, d.message.en]).sort(), [
      ['s/README.ko.md', 'info', 'README.ko.md of the handout is missing.'],
      ['s/README.md', 'info', 'README.md differs from the handout as given.'],
    ]);
    // the lab's own edits (hosts, run lines) are the student's work, not a note
    assert.equal(notes.filter((d) => d.file === 's/lab.yaml').length, 0);
  });

  it('quiz answers in clear: the right answer, or its choice number, passes; a wrong one does not', () => {
    const answers = (a: string) => new Map(solved).set('answers.yaml', a);
    assert.equal(grade(answers('return-route: [3, 192.168.1.10]\nfix-d: 3\n'), lab02.key).score, 65);
    assert.equal(grade(answers('return-route: [a, 192.168.1.10]\nfix-d: 3\n'), lab02.key).score, 60);
  });

  it('a key with variables grades each student with their own values', () => {
    const text = `name: v
variables:
  net: { subnet: 10.0.0.0/8, prefix: 24 }
key:
  format: 1
  handout: { files: {} }
exercises:
  - id: q
    checks:
      - quiz: { ask: "Your subnet?", answer: "{{ net }}" }
`;
    const key = readKey(text, 'key.yaml').key!;
    const a = keyExercises(key, 'alice').exercises[0]!.checks[0]!.args as { answer: { sha256: string } };
    const b = keyExercises(key, 'bob').exercises[0]!.checks[0]!.args as { answer: { sha256: string } };
    assert.notEqual(a.answer.sha256, b.answer.sha256);
    assert.deepEqual(keyExercises(key, 'alice').diagnostics, []);
  });

  it('readKey: a file that is not a key is a bad-key error, never a throw', () => {
    assert.equal(readKey('name: x\n', 'k.yaml').diagnostics[0]?.code, 'bad-key');
    assert.equal(readKey('key: [\n', 'k.yaml').diagnostics[0]?.code, 'bad-key');
    assert.equal(readKey('key: { format: 2 }\n', 'k.yaml').key, undefined);
  });

  it("who should answer comes from the key's solution: c's address served by r fails, whatever solution/ the student ships", () => {
    const cheat = solved
      .get('lab.yaml')!
      .replace(/( {4}c:\n[\s\S]*?run: \|\n)((?: {6}.*\n)+)/, '$1      true\n')
      .replace(
        '      sysctl -w net.ipv4.ip_forward=1\n',
        '      sysctl -w net.ipv4.ip_forward=1\n      ip addr add 192.168.4.10/32 dev lo\n    serve: [tcp/8080]\n',
      );
    assert.notEqual(cheat, solved.get('lab.yaml'));
    // the student's own solution/ says r owns the address: it must not count
    const files = new Map(lab02.split.handout).set('lab.yaml', cheat).set('solution/lab.yaml', cheat);
    const g = grade(files, lab02.key);
    const toC = g.exercises.flatMap((e) => e.checks.filter((c) => c.kind === 'reach' && /answered by/.test(c.feedback.en)));
    assert.ok(toC.length > 0, JSON.stringify(g.exercises.map((e) => e.checks.map((c) => c.feedback.en))));
    for (const c of toC) assert.match(c.feedback.en, /192\.168\.4\.10 answered by r, not c$/);
    assert.ok(g.score < 55, `score ${g.score}`);
    // without the key's solution, nobody is held to the address, and the result says so
    const blind = grade(files, { ...lab02.key, solution: new Map() });
    assert.ok(blind.score >= g.score);
  });

  it("the reference is the handout's lab with the key's solution: a host the student adds with c's address is not who should answer", () => {
    assert.ok(lab02.key.handoutLab, 'the key keeps the handout lab');
    // c left unconfigured; a new host x on lan3 takes c's address and serves c's port
    const cheat = solved
      .get('lab.yaml')!
      .replace(/( {4}c:\n[\s\S]*?run: \|\n)((?: {6}.*\n)+)/, '$1      true\n')
      .replace(
        /^hosts:\n/m,
        'hosts:\n  x:\n    interfaces: { eth0: lan3 }\n    run: |\n      ip addr add 192.168.4.10/24 dev eth0\n      ip route add default via 192.168.4.1\n    serve: [tcp/8080]\n',
      );
    const g = grade(new Map(lab02.split.handout).set('lab.yaml', cheat), lab02.key);
    const toC = g.exercises.flatMap((e) => e.checks.filter((c) => c.kind === 'reach' && /answered by/.test(c.feedback.en)));
    assert.ok(toC.length > 0, JSON.stringify(g.exercises.map((e) => e.checks.map((c) => c.feedback.en))));
    for (const c of toC) assert.match(c.feedback.en, /192\.168\.4\.10 answered by x, not c$/);
    // with the student's own lab as the reference's base, x would be there too
    const { handoutLab: _, ...older } = lab02.key;
    assert.ok(grade(new Map(lab02.split.handout).set('lab.yaml', cheat), older).score >= g.score);
  });
});
