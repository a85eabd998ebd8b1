import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** Every JSON path of a schema (through properties, items, definitions), e.g. `properties.ipam`. */
function paths(node: unknown, at = '', out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return out;
  for (const key of ['properties', 'definitions'] as const) {
    const map = (node as Record<string, unknown>)[key];
    if (map && typeof map === 'object')
      for (const [k, v] of Object.entries(map)) paths(v, `${at}${key}.${k}.`, out.add(`${at}${key}.${k}`));
  }
  const items = (node as Record<string, unknown>)['items'];
  if (items) paths(items, `${at}items.`, out);
  return out;
}

describe('the CNI completion schema VS Code gets (dist/schema/cni.completion.json)', () => {
  const full = JSON.parse(readFileSync('schema/cni.schema.json', 'utf8'));
  const editor = JSON.parse(readFileSync('dist/schema/cni.completion.json', 'utf8'));
  const text = JSON.stringify(editor);

  it('is what package.json hands to jsonValidation', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.contributes.jsonValidation[0].url, './dist/schema/cni.completion.json');
  });

  it('keeps every key of the full schema, for completion', () => {
    assert.deepEqual(
      [...paths(full)].filter((p) => !paths(editor).has(p)),
      [],
    );
  });

  it('has no constraint and no description (knetlab reports and explains those itself)', () => {
    for (const k of ['"required"', '"enum"', '"minimum"', '"pattern"', '"description"', '"oneOf"']) assert.ok(!text.includes(k), k);
    // `type` is also a CNI key (a plugin's type): only the schema keyword must be gone.
    assert.doesNotMatch(text, /"type":"(string|object|array|number|integer|boolean|null)"/);
  });

  it('offers the spec versions as examples', () => {
    assert.ok(editor.definitions.cniVersion.examples.includes('1.0.0'));
  });
});
