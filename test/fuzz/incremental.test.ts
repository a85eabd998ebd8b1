/**
 * The incremental checker (src/core/check/incremental.ts) against a fresh check: after any edit, or
 * any few edits in a row, its diagnostics and its loaded lab are exactly checkLab's and
 * loadLabFor's on the new text. And the fast path is really taken for typing inside run blocks.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import { checkLab, IncrementalLabChecker, IncrementalLabParser, loadLabFor, parseLabText } from '../../src/core/index';
import { generateCheckLab } from '../../bench/check';
import { bundledLabs } from './helpers';

const FILE = 'fuzz/lab.yaml';
const opts = { file: FILE, readFile: (rel: string) => (rel === 'Corefile' ? '.:53 {\n}\n' : undefined) };

interface Base {
  readonly name: string;
  readonly text: string;
  /** Offsets inside run blocks' content (after a line's indentation, up to its end). */
  readonly runPlaces: number[];
}

/** Offsets in the content of `run: |` blocks: from the first character after the indentation to the end of the line. */
function runPlaces(text: string): number[] {
  const out: number[] = [];
  const lines = text.split('\n');
  let at = 0;
  let header = -1; // indentation of the `run: |` line we are in, or -1
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (header >= 0 && line.trim() !== '' && indent <= header) header = -1;
    if (header >= 0 && line.trim() !== '') for (let c = indent; c <= line.length; c++) out.push(at + c);
    if (/^\s*run:\s*[|>][+-]?\s*(#.*)?$/.test(line)) header = indent;
    at += raw.length + 1;
  }
  return out;
}

function base(name: string, text: string): Base {
  return { name, text, runPlaces: runPlaces(text) };
}

const BASES: Base[] = [...bundledLabs().map((l) => base(l.dir, l.text)), base('generated-1000', generateCheckLab(1000))];
const SMALL = BASES.filter((b) => b.text.length < 20_000);
const BIG = BASES.filter((b) => b.text.length >= 20_000);
const CRLF = SMALL.map((b) => base(`${b.name} (CRLF)`, b.text.replace(/\r?\n/g, '\r\n')));

/** Edits that change YAML structure as well as ones that do not. */
const INSERTS = [
  'a',
  'x',
  'Z',
  '0',
  '7',
  ' ',
  '  ',
  '\n',
  '\n      ',
  '\r\n',
  '\t',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  '-',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\\',
  '.',
  '/',
  '---\n',
  '...',
  '=',
  '~',
  ';',
  '$',
  'ip a',
  '한',
];
const edit = fc.record({
  where: fc.oneof(fc.constant('run' as const), fc.constant('any' as const)),
  at: fc.nat(),
  del: fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 3 })),
  ins: fc.oneof(fc.constantFrom(...INSERTS), fc.constant(''), fc.string({ maxLength: 3 })),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(b: Base, text: string, e: Edit): string {
  const places = e.where === 'run' && text === b.text ? b.runPlaces : [];
  const at = places.length ? places[e.at % places.length]! : e.at % (text.length + 1);
  return text.slice(0, at) + e.ins + text.slice(at + e.del);
}

/** A document as plain data: every node's own properties (its place, value, flags, comments), recursively. */
function shape(n: unknown): unknown {
  if (isPair(n)) return { pair: [shape(n.key), shape(n.value)] };
  if (n === null || typeof n !== 'object') return n;
  const out: Record<string, unknown> = { kind: n.constructor.name };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'srcToken') continue;
    out[k] =
      k === 'items' && (isMap(n) || isSeq(n))
        ? (v as unknown[]).map(shape)
        : k === 'contents'
          ? shape(v)
          : k === 'schema' || k === 'directives' || k === 'options'
            ? undefined
            : v;
  }
  return out;
}

/** Parses a row of edits with one incremental parser: every step's document and line index are a fresh parse's. */
function parseRow(b: Base, edits: Edit[]): void {
  const p = new IncrementalLabParser();
  p.parse(b.text);
  let text = b.text;
  for (const e of edits) {
    text = apply(b, text, e);
    const got = p.parse(text);
    const want = parseLabText(text);
    const show = `${b.name}, after ${JSON.stringify(edits)} (${p.lastPath})`;
    assert.deepStrictEqual(got.lineCounter.lineStarts, want.lineCounter.lineStarts, `line index differs: ${show}`);
    assert.deepStrictEqual(shape(got.doc), shape(want.doc), `document differs: ${show}`);
  }
}

/** Checks a row of edits with one incremental checker, comparing every step with a fresh check. */
function checkRow(b: Base, edits: Edit[]): void {
  const inc = new IncrementalLabChecker();
  assert.deepStrictEqual(inc.check(b.text, opts), checkLab(b.text, opts));
  let text = b.text;
  for (const e of edits) {
    // Edits after the first land in run blocks of the edited text only by chance: `any`.
    text = apply(b, text, e);
    const show = () => `${b.name}, after ${JSON.stringify(edits)} (${inc.lastPath})`;
    assert.deepStrictEqual(inc.check(text, opts), checkLab(text, opts), `diagnostics differ: ${show()}`);
    assert.deepStrictEqual(inc.load(text, opts), loadLabFor(text, opts), `loaded lab differs: ${show()}`);
  }
}

describe('fuzz: incremental checker', function () {
  this.timeout(120_000);

  it('one edit anywhere in the bundled labs: the same as a full check', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), edit, (b, e) => checkRow(b, [e])),
      { numRuns: 300 },
    );
  });

  it('several edits in a row in the bundled labs: the same as a full check after each', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), fc.array(edit, { minLength: 2, maxLength: 6 }), (b, es) => checkRow(b, es)),
      { numRuns: 150 },
    );
  });

  it('the patched document is node for node the document a full parse makes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL, ...CRLF), fc.array(edit, { minLength: 1, maxLength: 5 }), (b, es) => parseRow(b, es)),
      { numRuns: 300 },
    );
  });

  it('edits of a generated 1,000-line lab: the same as a full check', () => {
    assert.ok(BIG.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...BIG), fc.array(edit, { minLength: 1, maxLength: 3 }), (b, es) => checkRow(b, es)),
      { numRuns: 40 },
    );
  });

  it('CRLF line ends: the same as a full check', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CRLF), fc.array(edit, { minLength: 1, maxLength: 3 }), (b, es) => checkRow(b, es)),
      { numRuns: 100 },
    );
  });

  /**
   * Typing in a run block's commands: a character anywhere in a command, a space inside one, Enter
   * (with the line's indentation) anywhere, a backspace inside a command; each keystroke at a new
   * place or where the last one left the cursor (so: Enter at the end of a block, then a new
   * command typed on the new line). A space or a backspace at the very start of a command can
   * change the block's indentation, and a block followed by a comment line takes no new line
   * below it on the fast path: those are not typed here.
   */
  const typing = fc.record({
    at: fc.nat(),
    here: fc.boolean(),
    key: fc.constantFrom('char', 'char', 'space', 'enter', 'backspace'),
    ch: fc.constantFrom('a', 'q', 'Z', '0', '9', '.', '/', '-', '#', ':', '"', "'", '{', '|', '&', '한'),
  });

  it('typing inside run blocks takes the fast path, and still gives the full check', () => {
    const bases = [...BASES, ...CRLF];
    let typed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(typing, { minLength: 1, maxLength: 6 }), (b, keys) => {
        const inc = new IncrementalLabChecker();
        inc.check(b.text, opts);
        let text = b.text;
        let cursor: number | undefined;
        for (const k of keys) {
          const places = runPlaces(text);
          assert.ok(places.length > 0, b.name);
          const at = k.here && cursor !== undefined ? cursor : places[k.at % places.length]!;
          const lineStart = text.lastIndexOf('\n', at - 1) + 1;
          const nl = text.indexOf('\n', at);
          const lineEnd = nl < 0 ? text.length : nl;
          const crlf = text[lineEnd - 1] === '\r';
          const indent = /^ */.exec(text.slice(lineStart))![0].length;
          const content = lineStart + indent;
          // The next line that is not blank, when it is a comment: the block cannot take a line below its last.
          const rest = text
            .slice(lineEnd + 1)
            .split('\n')
            .find((l) => l.trim() !== '');
          const beforeComment = rest !== undefined && rest.trimStart().startsWith('#') && /^ */.exec(rest)![0].length < indent;
          let next: string;
          let promised = true;
          if (k.key === 'char') {
            next = text.slice(0, at) + k.ch + text.slice(at);
            cursor = at + k.ch.length;
          } else if (k.key === 'space' && at > content) {
            next = text.slice(0, at) + ' ' + text.slice(at);
            cursor = at + 1;
          } else if (k.key === 'enter') {
            const eol = crlf ? '\r\n' : '\n';
            next = text.slice(0, at) + eol + ' '.repeat(indent) + text.slice(at);
            cursor = at + eol.length + indent;
            promised = !beforeComment;
          } else if (k.key === 'backspace' && at - 1 > content) {
            next = text.slice(0, at - 1) + text.slice(at);
            cursor = at - 1;
            promised = !beforeComment;
          } else continue;
          // A character typed on a blank line below a block's last line joins the block only at its indentation.
          if (text.slice(lineStart, lineEnd).trim() === '' && beforeComment) promised = false;
          assert.deepStrictEqual(inc.check(next, opts), checkLab(next, opts));
          if (promised) {
            assert.equal(
              inc.lastPath,
              'incremental',
              `${b.name}: ${k.key} ${JSON.stringify(k.ch)} after ${JSON.stringify(text.slice(lineStart, at))}`,
            );
            typed++;
          }
          text = next;
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(typed > 150, `only ${typed} keystrokes typed on the fast path`);
  });

  /**
   * Values (not keys) written as one plain or quoted scalar on one line, with simple characters;
   * not those of `variables:`, whose edit draws other values for the whole lab (a full check), nor
   * then the lab's name.
   */
  function inlineValues(text: string): { start: number; end: number; quoted: boolean }[] {
    const out: { start: number; end: number; quoted: boolean }[] = [];
    const doc = parseDocument(text);
    const vars = doc.get('variables', true) as { range?: [number, number, number] } | undefined;
    // the lab's name keys the seal of the instructor's drawn view: with variables, it redraws too
    const name = vars ? (doc.get('name', true) as { range?: [number, number, number] } | undefined) : undefined;
    const outside = (v: { start: number }) =>
      (!vars?.range || v.start < vars.range[0] || v.start >= vars.range[2]) && v.start !== name?.range?.[0];
    visit(doc, {
      Pair(_, pair) {
        const v = pair.value;
        if (!isScalar(v) || !v.range) return;
        const src = text.slice(v.range[0], v.range[1]);
        if (v.type === Scalar.PLAIN && /^[A-Za-z0-9_][A-Za-z0-9_./ -]*$/.test(src))
          out.push({ start: v.range[0], end: v.range[1], quoted: false });
        // A variable's placeholder ("{{ port }}") is drawn before the lab is read (a number's becomes a
        // number), so typing inside one re-reads the lab: not a value typed in place.
        if ((v.type === Scalar.QUOTE_DOUBLE || v.type === Scalar.QUOTE_SINGLE) && /^.[^\n\r"'\\]*.$/.test(src) && !src.includes('{{'))
          out.push({ start: v.range[0], end: v.range[1], quoted: true });
      },
      Seq(_, seq) {
        for (const v of seq.items) {
          if (
            isScalar(v) &&
            v.range &&
            v.type === Scalar.PLAIN &&
            /^[A-Za-z0-9_][A-Za-z0-9_./ -]*$/.test(text.slice(v.range[0], v.range[1]))
          )
            out.push({ start: v.range[0], end: v.range[1], quoted: false });
        }
      },
    });
    return out.filter(outside);
  }

  it('typing a letter or digit inside a one-line plain or quoted value takes the fast path', () => {
    let typed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.nat(), fc.nat(), fc.constantFrom('a', 'k', 'Z', '1', '0', '_'), (b, i, j, ch) => {
        const values = inlineValues(b.text);
        assert.ok(values.length > 0, b.name);
        const v = values[i % values.length]!;
        // Strictly inside: after the first character (or quote), up to the end (or the closing quote).
        const from = v.start + 1;
        const to = v.quoted ? v.end - 1 : v.end;
        const at = from + (j % (to - from + 1));
        const next = b.text.slice(0, at) + ch + b.text.slice(at);
        const inc = new IncrementalLabChecker();
        inc.check(b.text, opts);
        assert.deepStrictEqual(inc.check(next, opts), checkLab(next, opts));
        assert.deepStrictEqual(inc.load(next, opts), loadLabFor(next, opts));
        assert.equal(
          inc.parser.counts.incremental,
          1,
          `${b.name}: ${JSON.stringify(ch)} into ${JSON.stringify(b.text.slice(v.start, v.end))}`,
        );
        typed++;
      }),
      { numRuns: 150 },
    );
    assert.equal(typed, 150);
  });
});
