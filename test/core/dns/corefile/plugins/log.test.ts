import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/log/setup.go logParse */
const ROWS: Row[] = [
  ['log', ok],
  ['log . "{remote} {type} {name}"', ok],
  ['log example.org {\n  class denial error\n}', ok],
  ['log {\n  class bogus\n}', [3, 11, 'plugin/log: invalid Class: bogus']],
  ['log {\n  class\n}', [3, 5, "plugin/log: Error during parsing: Wrong argument count or unexpected line ending after 'class'"]],
  ['log {\n  bogus\n}', [3, 5, "plugin/log: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin log', () => table(ROWS));
