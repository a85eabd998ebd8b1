/**
 * The lint rule registry (src/core/lint/rules/index.ts): every module in rules/ is registered,
 * once, under its own code; each has a test next to this one, and its one-line summary is the one
 * docs/diagnostics.md gives for its code.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { LINT_RULES } from '../../../../src/core/lint/rules/index';
import type { LintRule } from '../../../../src/core/lint/rule';

const RULES_DIR = new URL('../../../../src/core/lint/rules/', import.meta.url);
const modules = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('lint rules: the registry', () => {
  it('holds every rule module once, each with a code of its own', async () => {
    assert.ok(modules.length >= 6, modules.join(', '));
    const exported: LintRule[] = [];
    for (const m of modules) {
      const mod = (await import(new URL(`${m}.ts`, RULES_DIR).href)) as Record<string, LintRule>;
      const rules = Object.values(mod).filter((v) => typeof v === 'object' && v !== null && 'check' in v);
      assert.equal(rules.length, 1, `${m}.ts exports one rule`);
      exported.push(rules[0]!);
    }
    assert.deepEqual(new Set(LINT_RULES), new Set(exported), 'rules/index.ts lists every module');
    assert.equal(LINT_RULES.length, exported.length);
    assert.equal(new Set(LINT_RULES.map((r) => r.code)).size, LINT_RULES.length, 'codes are unique');
  });

  it('each rule module has its test file', () => {
    for (const m of modules) assert.ok(existsSync(new URL(`${m}.test.ts`, import.meta.url)), `test/core/lint/rules/${m}.test.ts`);
  });

  it("each rule's summary is its line in docs/diagnostics.md, in English and Korean", () => {
    const docs = readFileSync(new URL('../../../../docs/diagnostics.md', import.meta.url), 'utf8');
    for (const r of LINT_RULES) {
      const m = new RegExp(`^### ${r.code}\\n(.+)$`, 'm').exec(docs);
      assert.ok(m, `docs/diagnostics.md has no "### ${r.code}"`);
      assert.equal(m[1], `${r.summary.en} / ${r.summary.ko}`, r.code);
    }
  });
});
