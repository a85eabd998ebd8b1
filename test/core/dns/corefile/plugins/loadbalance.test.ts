import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/loadbalance/setup.go parse */
const ROWS: Row[] = [
  ['loadbalance', ok],
  ['loadbalance round_robin {\n  prefer 10.0.0.0/8 fd00::/8\n}', ok],
  ['loadbalance weighted /etc/weights {\n  reload 10s\n}', ok],
  ['loadbalance random', [2, 15, 'plugin/loadbalance: unknown policy: random']],
  ['loadbalance round_robin x', [2, 27, 'plugin/loadbalance: Error during parsing: unknown property for round_robin']],
  ['loadbalance weighted', [2, 15, 'plugin/loadbalance: Error during parsing: missing weight file argument']],
  ['loadbalance weighted /w {\n  reload soon\n}', [3, 12, "plugin/loadbalance: Error during parsing: invalid reload duration 'soon'"]],
  [
    'loadbalance {\n  prefer 10.0.0.0/33\n}',
    [3, 12, 'plugin/loadbalance: Error during parsing: invalid CIDR "10.0.0.0/33": invalid CIDR address: 10.0.0.0/33'],
  ],
];

describe('Corefile plugin loadbalance', () => table(ROWS));
