import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/template/setup.go templateParse */
const ROWS: Row[] = [
  [
    'template IN A example.org {\n  match "^(?P<a>[0-9]+)[.]example[.]org[.]$"\n  answer "{{ .Name }} 60 IN A 10.0.0.{{ .Group.a }}"\n  fallthrough\n}',
    ok,
  ],
  ['template ANY ANY {\n  rcode NXDOMAIN\n}', ok],
  ['template IN', [2, 12, "plugin/template: Error during parsing: Wrong argument count or unexpected line ending after 'IN'"]],
  ['template XX A', [2, 12, 'plugin/template: Error during parsing: invalid query class XX']],
  ['template IN BOGUS', [2, 15, 'plugin/template: Error during parsing: invalid RR class BOGUS']],
  ['template IN A {\n  match "(unclosed"\n}', [3, 11, 'plugin/template: Error during parsing: could not parse regex: (unclosed']],
  ['template IN A {\n  rcode NOPE\n}', [3, 11, 'plugin/template: Error during parsing: unknown rcode NOPE']],
  [
    'template IN A {\n  answer\n}',
    [3, 5, "plugin/template: Error during parsing: Wrong argument count or unexpected line ending after 'answer'"],
  ],
  [
    'template IN A {\n  bogus\n}',
    [3, 5, "plugin/template: Error during parsing: Wrong argument count or unexpected line ending after 'bogus'"],
  ],
];

describe('Corefile plugin template', () => table(ROWS));
