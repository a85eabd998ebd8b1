/**
 * How the lab schema is compiled, at build time (scripts/validators.ts writes the standalone
 * validator ../generated/labSchemaValidator.js) and in tests (which compile it at run time to
 * check that the generated code gives the same errors). Nothing at run time imports this file, so
 * ajv's compiler stays out of the bundles.
 *
 * `$ref`s to `$defs` are inlined first, so that an error's schemaPath is its full path from the
 * root (ajv gives paths relative to a referenced definition otherwise, which would hide the
 * `oneOf` branch an error comes from). Annotations beside a `$ref` (description...) override the
 * definition's; a validation keyword beside it that the definition has too keeps both (allOf).
 */
import Ajv2020, { type Options } from 'ajv/dist/2020';
import { LAB_SCHEMA, SCHEMA_VOCABULARY } from './forms';
import type { SchemaObj } from './types';

const REF_PREFIX = '#/$defs/';
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated']);

/** The schema with every `#/$defs/...` reference replaced by (a copy of) its definition. */
export function inlineRefs(root: SchemaObj): SchemaObj {
  const defs = (root['$defs'] ?? {}) as Record<string, SchemaObj>;
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((x) => walk(x, depth));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as SchemaObj;
    const ref = obj['$ref'];
    const out: SchemaObj = {};
    const def = typeof ref === 'string' && ref.startsWith(REF_PREFIX) && depth < 32 ? defs[ref.slice(REF_PREFIX.length)] : undefined;
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$ref' && def) continue;
      if (k === '$defs' && obj === root) continue;
      out[k] = k === 'enum' || k === 'const' || k === 'examples' ? v : walk(v, depth);
    }
    if (!def) return out;
    const inlined = walk(def, depth + 1) as SchemaObj;
    if (Object.keys(out).some((k) => !ANNOTATIONS.has(k) && k in inlined)) {
      out['allOf'] = [...((out['allOf'] as unknown[] | undefined) ?? []), inlined];
      return out;
    }
    return { ...inlined, ...out };
  };
  const out = walk(root, 0) as SchemaObj;
  // The definitions stay, for any `$ref` left (none in the bundled schema).
  out['$defs'] = defs;
  return out;
}

/** The options of the lab schema's ajv: strict mode, union types allowed, every error, verbose. */
export const LAB_AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, messages: false };

/** A new ajv instance configured for the lab schema; `extra` adds options (code generation). */
export function newLabAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...LAB_AJV_OPTIONS, ...extra });
  ajv.addVocabulary(SCHEMA_VOCABULARY);
  return ajv;
}

/** The schema the validator is compiled from: LAB_SCHEMA with its `$ref`s inlined. */
export function labValidatorSchema(): SchemaObj {
  return inlineRefs(LAB_SCHEMA);
}
