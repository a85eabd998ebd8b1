/**
 * The README's examples are knetlab's real output (scripts/readme-examples.ts): each marked block
 * is what the command prints today, so an example cannot drift from the tool. `npm run readme`
 * writes them again after a change of output.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { countExamples, READMES, renderExamples } from '../../scripts/readme-examples';

describe('README examples are generated from the real output', () => {
  for (const { file, lang } of READMES) {
    it(`${file}: every example block is what knetlab prints (npm run readme to update)`, () => {
      const text = readFileSync(file, 'utf8');
      const made = renderExamples(text, lang);
      if (made !== text) {
        const a = text.split('\n');
        const b = made.split('\n');
        const i = a.findIndex((l, k) => l !== b[k]);
        assert.fail(`${file} differs from knetlab's output at line ${i + 1}:\n  README: ${a[i]}\n  knetlab: ${b[i]}\nRun npm run readme.`);
      }
    });
  }

  it('README.md shows check, trace, exec and grade, text and JSON, from the bundled labs and docs/examples', () => {
    const text = readFileSync('README.md', 'utf8');
    assert.ok(countExamples(text) >= 9, String(countExamples(text)));
    for (const cmd of [
      'check labs',
      'check docs/examples/broken --format json',
      'trace labs/02-gateway',
      'exec labs/',
      'grade labs/02-gateway --format json',
    ])
      assert.ok(text.includes(`<!-- example: knetlab ${cmd}`), cmd);
    // Fields the output does not have are not shown (the examples are the output).
    assert.doesNotMatch(text, /message\s+in both languages/);
  });

  it('a block that drifted is made again; a text without blocks is left as it is', () => {
    const stale = '<!-- example: knetlab check labs -->\n```\n$ knetlab check labs\n3 error(s), 0 warning(s)\n```\n<!-- /example -->\n';
    assert.equal(
      renderExamples(stale, 'en'),
      '<!-- example: knetlab check labs -->\n```\n$ knetlab check labs\n0 error(s), 0 warning(s)\n```\n<!-- /example -->\n',
    );
    assert.equal(renderExamples(stale, 'ko').split('\n')[3], '오류 0개, 경고 0개');
    assert.equal(renderExamples('no examples here\n', 'en'), 'no examples here\n');
  });
});
