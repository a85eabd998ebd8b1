/**
 * Checks the structure of `lab.yaml` against its JSON Schema (schema/lab.schema.json, draft
 * 2020-12) and turns the errors into diagnostics at exact YAML places, in both languages, at most
 * one per node. Never throws.
 *
 * The validator is ajv's standalone code, generated at build time (scripts/validators.ts, from
 * schema/compile.ts) into generated/labSchemaValidator.js: starting knetlab compiles no schema.
 * The parts: schema/forms.ts (the schema, and its patterns in words), schema/locate.ts (JSON
 * pointer -> YAML node), schema/collapse.ts (oneOf/anyOf), schema/mapper.ts (errors ->
 * diagnostics) with its keyword handlers, schema/words.ts (the wording).
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import validate from './generated/labSchemaValidator';
import { Mapper } from './schema/mapper';
import type { SchemaError } from './schema/types';

export { LAB_SCHEMA, SCHEMA_VOCABULARY, patternsWithoutForm } from './schema/forms';
export { formatPath } from './schema/words';

function internal(file: string, what: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    code: 'schema',
    message: loc(`Internal error while checking the lab against its schema: ${what}`, `실습을 스키마로 검사하는 중 내부 오류: ${what}`),
  };
}

/**
 * Validates a parsed `lab.yaml` against the lab schema. Diagnostics are at exact places: the
 * `lineCounter` must be the one the document was parsed with. Never throws.
 */
export function validateLabSchema(doc: Document.Parsed, lineCounter: LineCounter, file: string): Diagnostic[] {
  try {
    let data: unknown;
    const logLevel = doc.options.logLevel;
    try {
      // Keys that are collections become strings, as the loader reads them; no console warning.
      doc.options.logLevel = 'error';
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // The loader refuses an alias bomb or a document nested too deep before this (load/bounds.ts):
      // whatever else stops toJS is said, never a schema check silently skipped.
      return [internal(file, String(e))];
    } finally {
      doc.options.logLevel = logLevel;
    }
    if (validate(data)) return [];
    const errors = (validate.errors ?? []) as SchemaError[];
    return new Mapper(doc, lineCounter, file).diagnostics(errors);
  } catch (e) {
    return [internal(file, String(e))];
  }
}
