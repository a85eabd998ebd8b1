/**
 * How the CNI schema (schema/cni.schema.json, draft-07) is compiled, at build time
 * (scripts/validators.ts writes the standalone validator generated/cniSchemaValidator.js) and in
 * tests (which compile it at run time to check that the generated code gives the same errors).
 * Nothing at run time imports this file, so ajv's compiler stays out of the bundles.
 */
import Ajv, { type Options } from 'ajv';
import schemaJson from '../../../schema/cni.schema.json';

/** The CNI schema as JSON data. */
export const CNI_SCHEMA: Record<string, unknown> = schemaJson as Record<string, unknown>;

/**
 * strictRequired off: the schema's `oneOf` says "plugins, and not type" with a `required` in a
 * `not`, which strict mode would refuse for naming a property that branch does not define.
 */
export const CNI_AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictRequired: false,
  strictTypes: false,
  allowUnionTypes: true,
  messages: false,
};

/** A new ajv instance configured for the CNI schema; `extra` adds options (code generation). */
export function newCniAjv(extra: Options = {}): Ajv {
  return new Ajv({ ...CNI_AJV_OPTIONS, ...extra });
}
