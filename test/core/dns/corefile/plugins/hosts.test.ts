import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/hosts/setup.go hostsParse */
const ROWS: Row[] = [
  ['hosts', ok],
  ['hosts /etc/hosts example.org', ok],
  ['hosts {\n  10.0.0.1 a.example.org a\n  fdfd::1 v6.example.org\n  ttl 60\n  no_reverse\n  reload 0\n  fallthrough\n}', ok],
  ['hosts {\n  10.0.0.1 a\n  fallthrough\n  10.0.0.2 b\n}', [5, 5, "plugin/hosts: Error during parsing: unknown property '10.0.0.2'"]],
  ['hosts {\n  ttl\n}', [3, 5, 'plugin/hosts: Error during parsing: ttl needs a time in second']],
  ['hosts {\n  ttl x\n}', [3, 9, 'plugin/hosts: Error during parsing: ttl needs a number of second']],
  ['hosts {\n  ttl 0\n}', [3, 9, 'plugin/hosts: Error during parsing: ttl provided is invalid']],
  ['hosts {\n  ttl 65536\n}', [3, 9, 'plugin/hosts: Error during parsing: ttl provided is invalid']],
  ['hosts {\n  reload 1x\n}', [3, 12, "plugin/hosts: Error during parsing: invalid duration for reload '1x'"]],
  ['hosts {\n  reload -5s\n}', [3, 12, "plugin/hosts: Error during parsing: invalid negative duration for reload '-5s'"]],
  ['hosts {\n  fallthrough_unsupported\n}', [4, 3, 'plugin/hosts: Error during parsing: fallthrough_unsupported requires fallthrough']],
];

describe('Corefile plugin hosts', () => table(ROWS));
