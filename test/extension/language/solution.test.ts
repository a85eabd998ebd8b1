/**
 * A solution's lab.yaml in the editor (solutionChecker, src/extension/language/diagnostics.ts): the
 * patch is checked as the lab it makes with the starter beside it, its problems at its own lines;
 * it is never checked as a lab of its own while the starter is there.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { checkerFor, labChecker, solutionChecker } from '../../../src/extension/language/diagnostics';

const starter = readFileSync('labs/02-gateway/lab.yaml', 'utf8');
const solution = readFileSync('labs/02-gateway/solution/lab.yaml', 'utf8');
const ctx = (files: Record<string, string>) => ({ file: 'labs/02-gateway/solution/lab.yaml', readFile: (rel: string) => files[rel] });

describe('extension language: a solution is its starter’s patch', () => {
  it('solution/lab.yaml gets the solution checker, which asks for the starter beside it; lab.yaml the lab checker', () => {
    assert.equal(checkerFor('/ws/labs/02-gateway/solution/lab.yaml', 'yaml'), solutionChecker);
    assert.equal(checkerFor('C:\\labs\\02\\solution\\lab.yml', 'yaml'), solutionChecker);
    assert.equal(checkerFor('/ws/labs/02-gateway/lab.yaml', 'yaml'), labChecker);
    assert.deepEqual(solutionChecker.filesWanted(solution), ['../lab.yaml']);
  });

  it('the bundled solution has no diagnostic (as a lab of its own it had a dozen errors)', () => {
    assert.deepEqual(solutionChecker.check(solution, ctx({ '../lab.yaml': starter })), []);
    assert.ok(labChecker.check(solution, ctx({})).filter((d) => d.severity === 'error').length >= 10);
  });

  it("a mistake of the solution is at the solution's line; the starter's own problems are not repeated here", () => {
    const wrong = solution.replace('ip route add 192.168.4.0/24 via 192.168.1.1', 'ip route add 192.168.4.0/24 via 192.168.7.1');
    const ds = solutionChecker.check(wrong, ctx({ '../lab.yaml': starter }));
    const line = wrong.split('\n').findIndex((l) => l.includes('via 192.168.7.1')) + 1;
    assert.deepEqual(
      ds.map((d) => [d.file, d.line, d.code]),
      [['labs/02-gateway/solution/lab.yaml', line, 'command-failed']],
    );
  });
});
