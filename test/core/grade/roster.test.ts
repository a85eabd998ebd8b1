/** Class rosters (src/core/grade/roster.ts): CSV with a header, errors at their line. */
import { strict as assert } from 'node:assert';
import { parseRoster } from '../../../src/core/grade/roster';

const where = (text: string) => parseRoster(text, 'roster.csv').diagnostics.map((d) => [d.line, d.column, d.code, d.severity]);

describe('class rosters', () => {
  it('reads id and name in any column order, any case, with other columns kept', () => {
    const r = parseRoster('\ufeffEmail,Name,ID\r\nkim@x.kr,"Kim, Minsu",s01\r\n\r\nlee@x.kr,Lee Jiwoo,s02\r\n', 'roster.csv');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.students.map((s) => [s.id, s.name, s.fields['email'], s.line]),
      [
        ['s01', 'Kim, Minsu', 'kim@x.kr', 2],
        ['s02', 'Lee Jiwoo', 'lee@x.kr', 4],
      ],
    );
  });

  it('reads RFC 4180 quotes: doubled quotes, a field over two lines (the next row keeps its own line)', () => {
    const r = parseRoster('id,name\ns1,"say ""hi"""\ns2,"two\nlines"\ns3,c\n', 'r.csv');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.students.map((s) => [s.id, s.name, s.line]),
      [
        ['s1', 'say "hi"', 2],
        ['s2', 'two\nlines', 3],
        ['s3', 'c', 5],
      ],
    );
  });

  it('trims ids and puts them in NFC, as variants do', () => {
    const r = parseRoster('id,name\n  \u1100\u1161001 ,Ga\n', 'r.csv');
    assert.equal(r.students[0]!.id, '\uac00001');
  });

  it('reports each malformed row at its line and keeps the others', () => {
    assert.deepEqual(where('id,name\ns1,a\ns2,b,extra\ns3\n,d\ns1,e\nS1,f\n../x,g\ns4,h\n'), [
      [3, 1, 'bad-roster', 'error'],
      [4, 1, 'bad-roster', 'error'],
      [5, 1, 'bad-roster', 'error'],
      [6, 1, 'duplicate-name', 'error'],
      [7, 1, 'duplicate-name', 'error'],
      [8, 1, 'bad-roster', 'error'],
    ]);
    const r = parseRoster('id,name\ns1,a\ns2,b,extra\ns4,h\n', 'r.csv');
    assert.deepEqual(
      r.students.map((s) => s.id),
      ['s1', 's4'],
    );
    const dup = parseRoster('id,name\ns1,a\ns1,b\n', 'r.csv').diagnostics[0]!;
    assert.match(dup.message.en, /already on line 2/);
    assert.match(dup.message.ko, /2번째 줄/);
  });

  it('needs the id and name columns, named once, and a header at all', () => {
    assert.deepEqual(where('student,name\ns1,a\n'), [[1, 1, 'bad-roster', 'error']]);
    assert.deepEqual(where('id,name,id\ns1,a,b\n'), [[1, 9, 'bad-roster', 'error']]);
    assert.deepEqual(where(''), [[1, 1, 'bad-roster', 'error']]);
    assert.deepEqual(where('id,name\ns1,"never closed\n'), [[2, 4, 'bad-roster', 'error']]);
    assert.match(parseRoster('id\ns1\n', 'r.csv').diagnostics[0]!.message.ko, /"name" 열이 없습니다/);
  });
});
