// Writes schema/lab.schema.json, the lab schema VS Code and ajv read: schema/lab.base.json with the
// check kinds' argument schemas and docs (src/core/grade/checks, assembled by src/core/grade/schema.ts).
// Run it after changing either; `--check` only says whether the file is up to date (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { tsImport } from 'tsx/esm/api';

const { labSchema, LAB_SCHEMA_BASE, LAB_SCHEMA_FILE, LAB_SCHEMA_COMMAND } = await tsImport('../src/core/grade/schema.ts', import.meta.url);

const base = JSON.parse(readFileSync(LAB_SCHEMA_BASE, 'utf8'));
const options = { ...(await resolveConfig(LAB_SCHEMA_FILE)), filepath: LAB_SCHEMA_FILE };
// One line in, so prettier lays every object out on one line where it fits the print width.
const text = await format(JSON.stringify(labSchema(base)), options);

let current = '';
try {
  current = readFileSync(LAB_SCHEMA_FILE, 'utf8');
} catch {
  // not there yet: written below
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${LAB_SCHEMA_FILE} is not up to date: run ${LAB_SCHEMA_COMMAND}`);
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(LAB_SCHEMA_FILE, text);
  console.log(`wrote ${LAB_SCHEMA_FILE}`);
}
