import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/ready/setup.go parse */
const ROWS: Row[] = [
  ['ready', ok],
  ['ready :8181 {\n  monitor continuously\n}', ok],
  ['ready localhost', [2, 9, 'plugin/ready: address localhost: missing port in address']],
  ['ready :8181 :8182', [2, 15, "plugin/ready: Error during parsing: Wrong argument count or unexpected line ending after ':8182'"]],
  ['ready {\n  monitor sometimes\n}', [3, 13, "plugin/ready: Error during parsing: monitor type 'sometimes' not supported"]],
  ['ready {\n  bogus\n}', [3, 5, "plugin/ready: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin ready', () => table(ROWS));
