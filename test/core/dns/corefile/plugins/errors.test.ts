import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/errors/setup.go errorsParse and parseConsolidate */
const ROWS: Row[] = [
  ['errors', ok],
  ['errors stdout {\n  stacktrace\n  consolidate 5m ".* timeout$" warning show_first\n}', ok],
  ['errors stderr', [2, 10, 'plugin/errors: Error during parsing: invalid log file: stderr']],
  ['errors stdout x', [2, 17, "plugin/errors: Error during parsing: Wrong argument count or unexpected line ending after 'x'"]],
  [
    'errors {\n  consolidate 5m\n}',
    [3, 17, "plugin/errors: Error during parsing: Wrong argument count or unexpected line ending after '5m'"],
  ],
  [
    'errors {\n  consolidate 5m x show_first warning\n}',
    [3, 33, 'plugin/errors: Error during parsing: log level must come before show_first in consolidate'],
  ],
  [
    'errors {\n  consolidate 5m x info debug\n}',
    [3, 27, 'plugin/errors: Error during parsing: multiple log levels specified in consolidate'],
  ],
  ['errors {\n  consolidate 5m x loud\n}', [3, 22, 'plugin/errors: Error during parsing: unknown option in consolidate: loud']],
  ['errors {\n  bogus\n}', [3, 5, "plugin/errors: Syntax error: Unexpected token 'bogus', expecting 'Unknown field bogus'"]],
];

describe('Corefile plugin errors', () => table(ROWS));
