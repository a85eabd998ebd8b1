/**
 * The check kinds' part of the lab schema (src/core/grade/schema.ts): the committed
 * schema/lab.schema.json is exactly the base plus what the kinds say, and a new kind brings its own
 * `$defs` entry. (test/core/lab/schema.test.ts checks the schema itself: ajv, descriptions, diagnostics.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loc } from '../../../src/core/text/i18n';
import { checkKinds } from '../../../src/core/grade/registry';
import { checkSchemaDefs, LAB_SCHEMA_BASE, LAB_SCHEMA_COMMAND, LAB_SCHEMA_FILE, labSchema } from '../../../src/core/grade/schema';
import type { CheckKind } from '../../../src/core/grade/types';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('grade: the lab schema from the check kinds', () => {
  it(`${LAB_SCHEMA_FILE} is up to date with ${LAB_SCHEMA_BASE} and the check kinds`, () => {
    const committed = JSON.stringify(readJson(LAB_SCHEMA_FILE), null, 1);
    const assembled = JSON.stringify(labSchema(readJson(LAB_SCHEMA_BASE)), null, 1);
    assert.ok(committed === assembled, `${LAB_SCHEMA_FILE} is not what the base and the check kinds make: run ${LAB_SCHEMA_COMMAND}`);
  });

  it('puts $defs/check and the kinds where the base has its placeholder', () => {
    const base = readJson(LAB_SCHEMA_BASE);
    const defs = Object.keys(labSchema(base)['$defs'] as object);
    const baseDefs = Object.keys(base['$defs'] as object);
    const i = baseDefs.indexOf('check');
    assert.ok(i > 0);
    const kindDefs = Object.keys(checkSchemaDefs());
    assert.deepEqual(defs, [...baseDefs.slice(0, i), ...kindDefs, ...baseDefs.slice(i + 1)]);
    assert.deepEqual(kindDefs, [
      'check',
      'packetArgs',
      'reachCheck',
      'noreachCheck',
      'routeCheck',
      'outputCheck',
      'ruleCheck',
      'resolveCheck',
      'quizCheck',
    ]);
  });

  it('describes each kind with its docs, in both languages, with its example in Markdown', () => {
    const defs = checkSchemaDefs();
    for (const k of checkKinds()) {
      const d = defs[`${k.kind}Check`]!;
      assert.equal(d['description'], `${k.docs.text.en} / ${k.docs.text.ko}`);
      if (k.docs.example) assert.ok((d['markdownDescription'] as string).endsWith(`\`\`\`yaml\n${k.docs.example}\n\`\`\``));
    }
    assert.match(
      defs['check']!['description'] as string,
      /\(reach, noreach, route, output, rule, resolve or quiz\)\. \/ .*\(reach, noreach, route, output, rule, resolve, quiz\)/,
    );
  });

  it('gives a new kind its $defs entry, and refuses two kinds that share a def but disagree on it', () => {
    const [reach] = checkKinds();
    const ping: CheckKind = {
      ...reach!,
      kind: 'ping',
      docs: { text: loc('Pings.', '핑.') },
      schema: { args: { type: 'object', examples: [{}] } },
    };
    const defs = checkSchemaDefs([...checkKinds(), ping]);
    assert.deepEqual(defs['pingCheck'], { description: 'Pings. / 핑.', type: 'object', examples: [{}] });
    assert.deepEqual((defs['check']!['properties'] as Record<string, unknown>)['ping'], { $ref: '#/$defs/pingCheck' });
    const other: CheckKind = { ...ping, kind: 'pong', schema: { defs: { packetArgs: { type: 'string' } }, args: { type: 'object' } } };
    assert.throws(() => checkSchemaDefs([...checkKinds(), other]), /\$defs\/packetArgs differs/);
  });
});
