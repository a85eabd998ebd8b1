import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/loop/setup.go, plugin/whoami/setup.go, plugin/debug/debug.go: no argument */
const ROWS: Row[] = [
  ['loop', ok],
  ['whoami', ok],
  ['debug', ok],
  ['loop x', [2, 8, "plugin/loop: Error during parsing: Wrong argument count or unexpected line ending after 'x'"]],
  ['whoami x', [2, 10, "plugin/whoami: Error during parsing: Wrong argument count or unexpected line ending after 'x'"]],
  ['debug x y', [2, 9, "plugin/debug: Error during parsing: Wrong argument count or unexpected line ending after 'x'"]],
];

describe('Corefile plugin loop', () => table(ROWS));
