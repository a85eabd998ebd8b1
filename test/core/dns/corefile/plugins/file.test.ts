import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/file/setup.go fileParse */
const ROWS: Row[] = [
  ['file db.example.org example.org {\n  reload 30s\n  fallthrough\n}', ok],
  ['file', [2, 3, "plugin/file: Error during parsing: Wrong argument count or unexpected line ending after 'file'"]],
  ['file db {\n  reload 1x\n}', [3, 12, 'plugin/file: plugin/file: time: unknown unit "x" in duration "1x"']],
  ['file db {\n  reload\n}', [3, 5, 'plugin/file: reload duration value is expected']],
  ['file db {\n  bogus\n}', [3, 5, "plugin/file: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin file', () => table(ROWS));
