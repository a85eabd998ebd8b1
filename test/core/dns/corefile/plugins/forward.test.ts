import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/forward/setup.go parseStanza and parseBlock */
const ROWS: Row[] = [
  ['forward . 8.8.8.8', ok],
  ['forward . 8.8.8.8:5353 [2001:db8::1]:53 /etc/resolv.conf', ok],
  ['forward example.org dns.example.net', [2, 23, 'plugin/forward: not an IP address or file: "dns.example.net"']],
  ['forward . tls://1.1.1.1 tls://1.0.0.1 {\n  tls_servername cloudflare-dns.com\n  health_check 5s no_rec domain example.org\n}', ok],
  [
    'forward . 8.8.8.8 {\n  except example.org example.net\n  policy sequential\n  max_fails 3\n  force_tcp\n  expire 10s\n  max_concurrent 1000\n}',
    ok,
  ],
  ['forward', [2, 3, "plugin/forward: Error during parsing: Wrong argument count or unexpected line ending after 'forward'"]],
  ['forward .', [2, 11, "plugin/forward: Error during parsing: Wrong argument count or unexpected line ending after '.'"]],
  [
    'forward . https://host/path',
    [
      2,
      13,
      'plugin/forward: paths are not allowed in HTTPS upstream addresses (the /dns-query path is used by default): https://host/path',
    ],
  ],
  ['forward . grpc://1.2.3.4', [2, 13, "plugin/forward: 'grpc' is not supported as a destination protocol in forward: grpc://1.2.3.4:443"]],
  ['forward . a..b', [2, 13, 'plugin/forward: not an IP address or file: "a..b"']],
  ['forward . notanaddress', [2, 13, 'plugin/forward: not an IP address or file: "notanaddress"']],
  ['forward . dns://ns.example:53', [2, 13, 'plugin/forward: not an IP address or file: "ns.example:53"']],
  ['forward . 8.8.8.8 {\n  policy fastest\n}', [3, 12, "plugin/forward: Error during parsing: unknown policy 'fastest'"]],
  [
    'forward . 8.8.8.8 {\n  policy\n}',
    [3, 5, "plugin/forward: Error during parsing: Wrong argument count or unexpected line ending after 'policy'"],
  ],
  ['forward . 8.8.8.8 {\n  max_fails -1\n}', [3, 15, 'plugin/forward: strconv.ParseUint: parsing "-1": invalid syntax']],
  [
    'forward . 8.8.8.8 {\n  force_tcp yes\n}',
    [3, 15, "plugin/forward: Error during parsing: Wrong argument count or unexpected line ending after 'yes'"],
  ],
  ['forward . 8.8.8.8 {\n  expire -1s\n}', [3, 12, "plugin/forward: expire can't be negative: -1s"]],
  ['forward . 8.8.8.8 {\n  expire 10\n}', [3, 12, 'plugin/forward: time: missing unit in duration "10"']],
  ['forward . 8.8.8.8 {\n  health_check 0.5s bogus\n}', [3, 23, 'plugin/forward: health_check: unknown option bogus']],
  [
    'forward . 8.8.8.8 {\n  except\n}',
    [3, 5, "plugin/forward: Error during parsing: Wrong argument count or unexpected line ending after 'except'"],
  ],
  ['forward . 8.8.8.8 {\n  bogus 1\n}', [3, 5, "plugin/forward: Error during parsing: unknown property 'bogus'"]],
];

describe('Corefile plugin forward', () => table(ROWS));
