import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/metrics/setup.go parse */
const ROWS: Row[] = [
  ['prometheus', ok],
  ['prometheus :9153 {\n  runtime_metrics\n}', ok],
  ['prometheus 9153', [2, 14, 'plugin/prometheus: address 9153: missing port in address']],
  ['prometheus {\n  bogus\n}', [3, 5, 'plugin/prometheus: Error during parsing: unknown option: bogus']],
];

describe('Corefile plugin prometheus', () => table(ROWS));
