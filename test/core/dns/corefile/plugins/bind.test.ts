import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/bind/setup.go */
const ROWS: Row[] = [
  ['bind 127.0.0.1 ::1 lo', ok],
  ['bind 0.0.0.0 {\n  except 10.0.0.1 eth1\n}', ok],
  ['bind', [2, 3, 'plugin/bind: at least one address or interface name is expected']],
  ['bind 10.0.0.0/8', [2, 8, 'plugin/bind: not a valid IP address or interface name: "10.0.0.0/8"']],
  ['bind 127.0.0.1 {\n  except\n}', [3, 5, 'plugin/bind: at least one address or interface must be given to except subdirective']],
  ['bind 127.0.0.1 {\n  bogus\n}', [3, 5, 'plugin/bind: invalid option "bogus"']],
];

describe('Corefile plugin bind', () => table(ROWS));
