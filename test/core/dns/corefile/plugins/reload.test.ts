import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/reload/setup.go */
const ROWS: Row[] = [
  ['reload', ok],
  ['reload 30s 15s', ok],
  ['reload 2s 0', ok],
  ['reload 1s', [2, 10, 'plugin/reload: interval value must be greater or equal to 2s']],
  ['reload 10s 500ms', [2, 14, 'plugin/reload: jitter value must be 0 or greater or equal to 1s']],
  ['reload 10', [2, 10, 'plugin/reload: time: missing unit in duration "10"']],
  ['reload 1m 2s 3s', [2, 16, "plugin/reload: Error during parsing: Wrong argument count or unexpected line ending after '3s'"]],
];

describe('Corefile plugin reload', () => table(ROWS));
