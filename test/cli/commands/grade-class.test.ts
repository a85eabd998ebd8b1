/**
 * `knetlab grade --roster --submissions --key`: a class graded with the key, from the folders
 * `knetlab variant --roster --out` writes (src/cli/class.ts, classReport.ts, classRun.ts).
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySolution, instantiateLab, parseRoster, readVariantRecord } from '../../../src/core';
import { main } from '../../../src/cli/main';
import { readTree } from '../../../src/cli/tree';
import { csvField, displayWidth } from '../../../src/cli/classReport';
import { run } from '../../support/cli';

const SECRET = 'the instructor of the class';
const LABS = ['01-switching-routing', '02-gateway', '03-dns', '04-coredns', '05-network-namespaces', '06-docker-networking'];

interface ReportJson {
  maxScore: number;
  labs: { path: string; maxScore: number; exercises: { id: string; maxScore: number }[] }[];
  students: {
    id: string;
    name: string;
    status: string;
    score: number;
    maxScore: number;
    notes: string[];
    labs: { path: string; score: number; exercises: { id: string; score: number; passed: boolean }[]; grade?: { score: number } }[];
  }[];
}

/** A student who solved their own copy: the key's solution drawn for them, laid over it, the record kept. */
function solve(copy: string, student: string): void {
  for (const lab of LABS) {
    const dir = join(copy, lab);
    const drawn = instantiateLab(readTree(join('labs', lab)), student, { secret: SECRET });
    const solution = [...drawn.files].filter(([rel]) => rel.startsWith('solution/'));
    const record = readFileSync(join(dir, 'lab.yaml'), 'utf8').match(/^variant:.*$/m)![0];
    for (const [rel, text] of applySolution(new Map([...readTree(dir), ...solution])).files) {
      writeFileSync(join(dir, rel), rel === 'lab.yaml' ? `${text.replace(/^variant:.*\n?/m, '').trimEnd()}\n${record}\n` : text);
    }
  }
}

/** Every file under a folder, hidden ones too (a grading must write none). */
function listAll(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe('knetlab grade --roster: a class', () => {
  let tmp: string;
  let subs: string;
  let key: string;
  let roster: string;
  let secret: string;
  let untouched: string[];
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'knetlab-class-'));
    const handout = join(tmp, 'handout');
    key = join(tmp, 'key');
    subs = join(tmp, 'subs');
    roster = join(tmp, 'roster.csv');
    secret = join(tmp, 'secret');
    writeFileSync(secret, SECRET + '\n');
    writeFileSync(roster, 'id,name,email\ns1,Kim Minsu,k@x\ns2,"Lee, Jiwoo",l@x\ns3,박지민,p@x\ns4,Choi,c@x\n');
    assert.equal(run('build', 'labs', '--handout', handout, '--key', key).code, 0);
    const v = run('variant', handout, '--roster', roster, '--out', subs, '--secret', secret);
    assert.equal(v.code, 0, v.err);
    solve(join(subs, 's1'), 's1');
    rmSync(join(subs, 's3'), { recursive: true }); // s3 handed in nothing
    rmSync(join(subs, 's4'), { recursive: true });
    cpSync(join(subs, 's2'), join(subs, 's4'), { recursive: true }); // s4 hands in s2's copy
    mkdirSync(join(subs, 'stranger'));
    untouched = listAll(subs);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const grade = (...more: string[]) => run('grade', '--roster', roster, '--submissions', subs, '--key', key, '--secret', secret, ...more);

  it('writes grades.csv, exercises.csv, grades.json and junit/ID.xml; a row per student, in the roster order', () => {
    const out = join(tmp, 'report');
    const r = grade('--out', out);
    assert.equal(r.code, 1, 's4 handed in a copy not their own: exit 1');
    assert.match(r.err, /1 scored 0: a copy not their own, or a variant: record edited: s4/);
    assert.match(r.err, /1 folder\(s\) of no student on the roster: stranger/);
    assert.deepEqual(readdirSync(out).sort(), ['exercises.csv', 'grades.csv', 'grades.json', 'junit']);
    assert.deepEqual(readdirSync(join(out, 'junit')).sort(), ['s1.xml', 's2.xml', 's3.xml', 's4.xml']);

    const csv = readFileSync(join(out, 'grades.csv'), 'utf8');
    assert.ok(
      csv.startsWith(
        '\ufeffid,name,01-switching-routing,02-gateway,03-dns,04-coredns,05-network-namespaces,06-docker-networking,total,status,notes\r\n',
      ),
      csv,
    );
    const rows = parseRoster(csv, 'grades.csv');
    assert.deepEqual(rows.diagnostics, []);
    assert.deepEqual(
      rows.students.map((s) => [s.id, s.name, s.fields['total'], s.fields['status']]),
      [
        ['s1', 'Kim Minsu', '470', 'graded'],
        ['s2', 'Lee, Jiwoo', rows.students[1]!.fields['total'], 'graded'],
        ['s3', '박지민', '0', 'missing'],
        ['s4', 'Choi', '0', 'refused'],
      ],
    );
    assert.deepEqual(
      LABS.map((l) => rows.students[0]!.fields[l]),
      ['60', '65', '80', '75', '105', '85'],
    );
    assert.ok(Number(rows.students[1]!.fields['total']) < 470);
    assert.match(rows.students[2]!.fields['notes']!, /no folder .*s3: nothing handed in/);
    assert.match(rows.students[3]!.fields['notes']!, /not this student's copy/);
    assert.equal(rows.students[0]!.fields['notes'], '', 'a solved copy, its handout untouched: no note');
    assert.equal(rows.students[1]!.fields['notes'], '', 'an untouched copy: no handout-altered note');

    const ex = readFileSync(join(out, 'exercises.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(ex[0], 'id,name,lab,exercise,score,max_score,passed,status');
    assert.equal(ex.length, 1 + 4 * 32);
    assert.ok(ex.includes('s1,Kim Minsu,02-gateway,a-reaches-c,15,15,yes,graded'), ex.join('\n'));
    assert.ok(ex.includes('s3,박지민,02-gateway,a-reaches-c,0,15,no,missing'));

    const json = JSON.parse(readFileSync(join(out, 'grades.json'), 'utf8')) as ReportJson;
    assert.equal(json.maxScore, 470);
    assert.deepEqual(
      json.labs.map((l) => [l.path, l.maxScore, l.exercises.length]),
      [
        ['01-switching-routing', 60, 5],
        ['02-gateway', 65, 6],
        ['03-dns', 80, 4],
        ['04-coredns', 75, 3],
        ['05-network-namespaces', 105, 9],
        ['06-docker-networking', 85, 5],
      ],
    );
    const [s1, s2, s3, s4] = json.students;
    assert.deepEqual([s1!.score, s1!.maxScore, s1!.status], [470, 470, 'graded']);
    assert.ok(s1!.labs.every((l) => l.grade && l.exercises.every((e) => e.passed)));
    // The total is the labs' scores summed, to the hundredth as every score is shown.
    assert.equal(s2!.score, Math.round(s2!.labs.reduce((a, l) => a + l.score, 0) * 100) / 100);
    assert.deepEqual([s3!.status, s3!.score, s3!.labs.every((l) => l.grade === undefined && l.score === 0)], ['missing', 0, true]);
    assert.deepEqual([s4!.status, s4!.score], ['refused', 0]);

    const j1 = readFileSync(join(out, 'junit', 's1.xml'), 'utf8');
    assert.match(j1, /<testsuites name="s1" tests="\d+" failures="0">/);
    const j3 = readFileSync(join(out, 'junit', 's3.xml'), 'utf8');
    assert.match(j3, /<testsuites name="s3" tests="6" failures="6">/);
    assert.match(j3, /<failure message="no folder [^"]*s3: nothing handed in">/);
  });

  it("never writes into students' folders (no attempts recorded), even without KNETLAB_NO_RECORD", () => {
    let err = '';
    const code = main(
      ['grade', '--roster', roster, '--submissions', subs, '--key', key, '--secret', secret],
      { out: () => {}, err: (s) => (err += s) },
      { LANG: 'C' },
    );
    assert.equal(code, 1, err);
    assert.deepEqual(listAll(subs), untouched);
    assert.ok(!existsSync(join(subs, 's2', '02-gateway', '.knetlab')));
  });

  it('the terminal table: a row per student, the maximum, each exercise, a summary', () => {
    const r = grade();
    const lines = r.out.split('\n');
    assert.match(
      lines[0]!,
      /^id +name +01-switching-routing +02-gateway +03-dns +04-coredns +05-network-namespaces +06-docker-networking +total +notes$/,
    );
    assert.match(lines[1]!, /^ +\(max\) +60 +65 +80 +75 +105 +85 +470$/);
    assert.match(lines[2]!, /^s1 +Kim Minsu +60 +65 +80 +75 +105 +85 +470$/);
    assert.match(lines[4]!, /^s3 +박지민 +- +- +- +- +- +- +0 +no folder .*s3: nothing handed in$/);
    // Korean names take two columns each: the columns stay aligned
    const end = (line: string, token: string) => displayWidth(line.slice(0, line.indexOf(token) + token.length));
    assert.equal(end(lines[2]!, ' 60'), end(lines[4]!, ' -'));
    assert.match(r.out, /\n02-gateway\/a-reaches-c +1\/4 +3\.75 +15\n/);
    assert.match(r.out, /\n4 students: 2 graded, 1 without a folder, 1 scored 0 for a copy not their own; mean [\d.]+\/470\n$/);
    const ko = grade('--lang', 'ko');
    assert.match(ko.out, /^id +이름 .* 합계 +참고\n +\(만점\)/);
    assert.match(ko.out, /s3 +박지민 .* 폴더가 없습니다\. 제출하지 않았습니다/);
    assert.match(ko.out, /학생 4명: 채점 2명, 폴더 없음 1명, 자기 사본이 아니어서 0점 1명\. 평균/);
    assert.doesNotMatch(ko.out + ko.err, /이\(가\)|을\(를\)|은\(는\)|\(으\)로/);
  });

  it('--format json and csv print the report; a progress bar only on a terminal, never with json', () => {
    const tty = (...more: string[]) => {
      let out = '';
      let err = '';
      const code = main(
        ['grade', '--roster', roster, '--submissions', subs, '--key', key, '--secret', secret, ...more],
        { out: (s) => (out += s), err: (s) => (err += s), errTty: true },
        { LANG: 'C' },
      );
      return { out, err, code };
    };
    const text = tty();
    const esc = '\u001b[K';
    assert.ok(text.err.includes(`\r[${'#'.repeat(6)}${'-'.repeat(18)}] 1/4 s1${esc}`), JSON.stringify(text.err));
    assert.ok(text.err.includes(`\r[${'#'.repeat(24)}] 4/4 s4${esc}\r${esc}`), JSON.stringify(text.err));
    assert.doesNotMatch(text.out, /\r/);
    const json = tty('--format', 'json');
    assert.doesNotMatch(json.err, /\r|#/);
    assert.equal((JSON.parse(json.out) as ReportJson).students.length, 4);
    const csv = tty('--format', 'csv');
    assert.match(csv.err, /\r\[/);
    const plain = grade('--format', 'csv', '--out', join(tmp, 'csv-report'));
    assert.doesNotMatch(plain.err, /\r/);
    assert.equal(plain.out, readFileSync(join(tmp, 'csv-report', 'grades.csv'), 'utf8').replace(/^\ufeff/, ''));
  });

  it('usage errors exit 2, in both languages', () => {
    const cases: [string[], RegExp][] = [
      [['grade', '--roster', roster, '--key', key], /needs --roster FILE, --submissions DIR and --key DIR/],
      [['grade', '--roster', roster, '--submissions', subs], /needs --roster FILE/],
      [['grade', 'labs', '--roster', roster, '--submissions', subs, '--key', key], /and no lab or course folder/],
      [['grade', '--roster', roster, '--submissions', subs, '--key', key, '--student', 's1'], /--student does not go with --roster/],
      [['grade', '--roster', roster, '--submissions', subs, '--key', key, '--format', 'junit'], /written with --out DIR/],
      [['grade', '--roster', roster, '--submissions', subs, '--key', key, '--out', join(subs, 's1', 'r')], /inside --submissions/],
      [['grade', '--roster', join(tmp, 'nope.csv'), '--submissions', subs, '--key', key], /no such file or folder/],
      [['grade', '--roster', roster, '--submissions', subs, '--key', tmp], /no key\.yaml nor course\.yaml/],
    ];
    for (const [args, want] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, want);
      const ko = run(...args, '--lang', 'ko');
      assert.equal(ko.code, 2);
      assert.doesNotMatch(ko.err, /needs|does not go|is inside/);
    }
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'id,name\ns1,Kim\ns1,Again\n');
    const r = run('grade', '--roster', bad, '--submissions', subs, '--key', key);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.csv:3:1: error duplicate-name: .*\nknetlab: the roster .*bad\.csv has errors\n$/);
  });

  it('--min-score: exit 1 and the students below it', () => {
    const r = grade('--min-score', '50%');
    assert.equal(r.code, 1);
    assert.match(r.err, /3 below the minimum 50%: s2 \([\d.]+%\), s3 \(0%\), s4 \(0%\)/);
    // above the most points there are: a usage error, as for one student's grade
    const over = grade('--min-score', '471');
    assert.equal(over.code, 2);
    assert.match(over.err, /--min-score 471 is above the most points there are \(470\): nobody could pass/);
  });

  it('CSV fields: quoted when they hold a comma, a quote, a line break or an outer space', () => {
    assert.deepEqual(['a', 'a,b', 'say "hi"', 'x\ny', ' pad', 3.5].map(csvField), [
      'a',
      '"a,b"',
      '"say ""hi"""',
      '"x\ny"',
      '" pad"',
      '3.5',
    ]);
  });
});

describe('knetlab grade --roster: forty students, one lab', () => {
  let tmp: string;
  before(() => (tmp = mkdtempSync(join(tmpdir(), 'knetlab-class40-'))));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('every copy has subnets of its own; the report lists 40 rows; exit 0', () => {
    const roster = join(tmp, 'roster.csv');
    const ids = Array.from({ length: 40 }, (_, i) => `2024${String(i).padStart(3, '0')}`);
    writeFileSync(roster, ['id,name', ...ids.map((id, i) => `${id},Student ${i}`)].join('\n') + '\n');
    writeFileSync(join(tmp, 'secret'), 'forty\n');
    assert.equal(run('build', 'labs/02-gateway', '--handout', join(tmp, 'h'), '--key', join(tmp, 'k')).code, 0);
    const v = run('variant', join(tmp, 'h'), '--roster', roster, '--out', join(tmp, 'subs'), '--secret', join(tmp, 'secret'));
    assert.equal(v.code, 0, v.err);
    const subnets = ids.flatMap((id) =>
      readVariantRecord(readFileSync(join(tmp, 'subs', id, 'lab.yaml'), 'utf8'))!.values.map(([, value]) => value),
    );
    assert.equal(new Set(subnets).size, subnets.length, 'no two students share a subnet');
    const out = join(tmp, 'report');
    const r = run(
      'grade',
      '--roster',
      roster,
      '--submissions',
      join(tmp, 'subs'),
      '--key',
      join(tmp, 'k'),
      '--secret',
      join(tmp, 'secret'),
      '--out',
      out,
    );
    assert.equal(r.code, 0, r.err);
    const rows = parseRoster(readFileSync(join(out, 'grades.csv'), 'utf8'), 'grades.csv').students;
    assert.deepEqual(
      rows.map((s) => s.id),
      ids,
    );
    assert.ok(rows.every((s) => s.fields['status'] === 'graded' && s.fields['notes'] === '' && s.fields['gateway'] === s.fields['total']));
    assert.equal(readdirSync(join(out, 'junit')).length, 40);
  });
});
