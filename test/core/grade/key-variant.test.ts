/**
 * A variant copy graded with the key: the copy was written from the handout for its student, so
 * every file with an address differs from the handout; its sealed record carries the digests of
 * the files as written for the student, and the key compares the copy with those
 * (lab/variant/digest.ts, grade/key.ts handoutNotes).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { gradeFiles, type GradingKey, readKey, readVariantRecord, splitLab, studentCopy, verifySeal } from '../../../src/core';
import { givenDigests } from '../../../src/core/lab/variant';
import { readTree } from '../../../src/cli/tree';

const SECRET = 'the instructor';

function build(dir: string) {
  const split = splitLab(readTree(dir), { displayPath: (p) => p });
  const solution = new Map([...split.key].filter(([rel]) => rel.startsWith('solution/')));
  const key: GradingKey = {
    ...readKey(split.key.get('key.yaml')!, 'key/key.yaml').key!,
    solution: new Map([...solution].map(([rel, text]) => [rel.slice('solution/'.length), text])),
  };
  return { split, key };
}

describe('grade/key: a variant copy of the handout', () => {
  const lab = build(join('labs', '02-gateway'));
  const copy = studentCopy(lab.split.handout, 's1', { secret: SECRET });
  const grade = (files: ReadonlyMap<string, string>, student = 's1', secret: string | undefined = SECRET) =>
    gradeFiles(files, { displayPath: (p) => `s1/${p}`, key: lab.key, student, ...(secret ? { secret } : {}) });
  const notes = (files: ReadonlyMap<string, string>) =>
    grade(files)
      .diagnostics.filter((d) => d.code === 'handout-altered')
      .map((d) => [d.file, d.line]);

  it('differs from the handout in its files with addresses (the defect this fixes)', () => {
    assert.deepEqual(
      copy.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    for (const rel of ['README.md', 'README.ko.md']) assert.notEqual(copy.files.get(rel), lab.split.handout.get(rel), rel);
    assert.notDeepEqual(givenDigests(copy.files).exercises, lab.key.exercises);
  });

  it("its record carries the digests of the copy's files as written, under the seal", () => {
    const rec = readVariantRecord(copy.files.get('lab.yaml')!)!;
    assert.deepEqual(rec.given, givenDigests(copy.files));
    assert.deepEqual([...rec.given!.files.keys()], ['README.ko.md', 'README.md']);
    assert.equal(verifySeal(rec, 'gateway', SECRET), 'ok');
    const other = new Map(rec.given!.files).set('README.md', '0'.repeat(64));
    assert.equal(verifySeal({ ...rec, given: { ...rec.given!, files: other } }, 'gateway', SECRET), 'broken');
    assert.equal(verifySeal({ ...rec, given: { ...rec.given!, exercises: '0'.repeat(64) } }, 'gateway', SECRET), 'broken');
    const { given: _dropped, ...stripped } = rec;
    assert.equal(verifySeal(stripped, 'gateway', SECRET), 'broken');
  });

  it('untouched: graded with the key, no handout-altered note', () => {
    const g = grade(copy.files);
    assert.deepEqual(notes(copy.files), []);
    assert.ok(!g.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(g.diagnostics));
    // the same without the secret: a secret seal is taken on trust, its digests too
    assert.deepEqual(
      grade(copy.files, 's1', undefined).diagnostics.filter((d) => d.code === 'handout-altered'),
      [],
    );
  });

  it("the student's work in lab.yaml (hosts, run lines) is no note either", () => {
    const text = copy.files.get('lab.yaml')!.replace(/( {4}run: \|\n)/, '$1      ip link set lo up\n');
    assert.notEqual(text, copy.files.get('lab.yaml'));
    assert.deepEqual(notes(new Map(copy.files).set('lab.yaml', text)), []);
  });

  it('an edited README, a missing one, an edited exercise: each a note where it is', () => {
    const files = new Map(copy.files);
    files.set('README.md', files.get('README.md')!.replace('lan3', 'lan9'));
    files.delete('README.ko.md');
    assert.deepEqual(notes(files).sort(), [
      ['s1/README.ko.md', 1],
      ['s1/README.md', 1],
    ]);
    const text = copy.files.get('lab.yaml')!;
    const edited = text.replace(/points: 15/, 'points: 100');
    assert.notEqual(edited, text);
    const line = text.split('\n').indexOf('exercises:') + 1;
    assert.deepEqual(notes(new Map(copy.files).set('lab.yaml', edited)), [['s1/lab.yaml', line]]);
  });

  it('a digest of the record edited to hide an edit breaks the seal: the copy scores 0', () => {
    const readme = copy.files.get('README.md')! + '\nmine\n';
    const rec = readVariantRecord(copy.files.get('lab.yaml')!)!;
    const forged = copy.files
      .get('lab.yaml')!
      .replace(rec.given!.files.get('README.md')!, givenDigests(new Map([['README.md', readme]])).files.get('README.md')!);
    const g = grade(new Map(copy.files).set('README.md', readme).set('lab.yaml', forged));
    assert.deepEqual([g.score, g.diagnostics.map((d) => d.code)], [0, ['variant-tampered']]);
  });
});
