import { ok, table, type Row } from '../../../../support/corefile';

/** plugin/rewrite/setup.go rewriteParse, rewrite.go newRule, name.go, edns0.go */
const ROWS: Row[] = [
  ['rewrite name foo.example.com bar.example.com', ok],
  ['rewrite stop name regex (.*)\\.example\\.com {1}.other.com answer name (.*)\\.other\\.com {1}.example.com', ok],
  ['rewrite continue class CH IN', ok],
  ['rewrite type ANY HINFO', ok],
  ['rewrite edns0 local set 0xffee abcd', ok],
  ['rewrite {\n  name suffix .svc. .svc.cluster.local.\n}', ok],
  ['rewrite bogus a b', [2, 11, 'plugin/rewrite: invalid rule type "bogus"']],
  ['rewrite name', [2, 11, 'plugin/rewrite: too few arguments for a name rule']],
  ['rewrite class IN', [2, 11, 'plugin/rewrite: class rules must have exactly two arguments']],
  ['rewrite type A BOGUS', [2, 18, 'plugin/rewrite: invalid type "BOGUS"']],
  [
    'rewrite name fancy a b',
    [2, 16, 'plugin/rewrite: name rule supports only exact, prefix, suffix, substring, and regex name matching, received: fancy'],
  ],
  ['rewrite answer name a b', [2, 11, 'plugin/rewrite: response rewrites must begin with a name rule']],
  ['rewrite name regex (.* x', [2, 22, 'plugin/rewrite: invalid regex matching pattern: (.*']],
  ['rewrite name regex (.*) x answer bogus a b', [2, 36, 'plugin/rewrite: invalid type "bogus" for answer rule for regex rule']],
  ['rewrite edns0 local bogus 0xffee abcd', [2, 23, 'plugin/rewrite: invalid action: "bogus"']],
  ['rewrite edns0 nsid set x', [2, 11, 'plugin/rewrite: EDNS0 NSID rules can accept no more than one arg']],
];

describe('Corefile plugin rewrite', () => table(ROWS));
