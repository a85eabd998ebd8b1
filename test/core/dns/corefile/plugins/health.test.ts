import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/health/setup.go parse */
const ROWS: Row[] = [
  ['health', ok],
  ['health :8080', ok],
  ['health 127.0.0.1:8080 {\n  lameduck 5s\n}', ok],
  ['health :8080 foo', [2, 16, "plugin/health: Error during parsing: Wrong argument count or unexpected line ending after 'foo'"]],
  ['health 8080', [2, 10, 'plugin/health: address 8080: missing port in address']],
  ['health {\n  lameduck x\n}', [3, 14, 'plugin/health: unable to parse lameduck duration value: \'x\' : time: invalid duration "x"']],
  [
    'health {\n  lameduck\n}',
    [3, 5, "plugin/health: Error during parsing: Wrong argument count or unexpected line ending after 'lameduck'"],
  ],
  ['health {\n  bogus\n}', [3, 5, "plugin/health: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin health', () => table(ROWS));
