import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/root/root.go */
const ROWS: Row[] = [
  ['root /etc/coredns', ok],
  ['root', [2, 3, "plugin/root: Error during parsing: Wrong argument count or unexpected line ending after 'root'"]],
];

describe('Corefile plugin root', () => table(ROWS));
