import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/cache/setup.go cacheParse */
const ROWS: Row[] = [
  ['cache', ok],
  ['cache 30', ok],
  ['cache 30 example.org', ok],
  ['cache example.org', ok],
  [
    'cache 30 {\n  success 9984 30\n  denial 9984 5 1\n  prefetch 2 10m 10%\n  serve_stale 1h verify 5s\n  servfail 1m\n  disable denial example.org\n  keepttl\n}',
    ok,
  ],
  ['cache 0', [2, 9, 'plugin/cache: cache TTL can not be zero or negative: 0']],
  ['cache -5', [2, 9, 'plugin/cache: cache TTL can not be zero or negative: -5']],
  ['cache {\n  success 5000 0\n}', [3, 18, 'plugin/cache: cache TTL can not be zero or negative: 0']],
  ['cache {\n  denial 5000 30 -1\n}', [3, 20, 'plugin/cache: cache min TTL can not be negative: -1']],
  ['cache {\n  success\n}', [3, 5, "plugin/cache: Error during parsing: Wrong argument count or unexpected line ending after 'success'"]],
  ['cache {\n  success x\n}', [3, 13, 'plugin/cache: strconv.Atoi: parsing "x": invalid syntax']],
  ['cache {\n  prefetch 10 1m 5%\n}', [3, 20, 'plugin/cache: percentage should fall in range [10, 90]: 5']],
  ['cache {\n  prefetch 10 1m 50\n}', [3, 20, "plugin/cache: last character of percentage should be `%`, but is: '0'"]],
  ['cache {\n  prefetch -1\n}', [3, 14, 'plugin/cache: prefetch amount should be positive: -1']],
  ['cache {\n  serve_stale 1h bogus\n}', [3, 20, 'plugin/cache: invalid value for serve_stale refresh mode: bogus']],
  ['cache {\n  servfail 10m\n}', [3, 14, 'plugin/cache: caching SERVFAIL responses over 5 minutes is not permitted']],
  ['cache {\n  disable both\n}', [3, 13, 'plugin/cache: cache type for disable must be "success" or "denial"']],
  ['cache {\n  bogus\n}', [3, 5, "plugin/cache: Error during parsing: Wrong argument count or unexpected line ending after 'bogus'"]],
];

describe('Corefile plugin cache', () => table(ROWS));
