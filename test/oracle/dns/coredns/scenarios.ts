/**
 * The scenarios of the CoreDNS oracle (COREDNS.md): each a Corefile (with `@DIR@` for the folder of
 * its files: /tmp/cdns-run/NAME on the real side, /etc/coredns in the simulator), its files, and the
 * dig questions a client (10.53.0.10) asks the server (10.53.0.1, port 1053). The upstream (10.53.0.2,
 * port 5300) is CoreDNS serving up.test from a zone file; 10.53.0.3 drops every packet.
 * `starts` are Corefiles only started: what CoreDNS prints and its exit status.
 */
export interface CdnsScenario {
  readonly name: string;
  readonly about: string;
  readonly corefile: string;
  readonly files?: Readonly<Record<string, string>>;
  /** dig's arguments after `@10.53.0.1 -p 1053` (or `@ADDR -p PORT ...` when they start with @). */
  readonly digs: readonly string[];
  readonly upstream?: boolean;
}

export const UP_COREFILE = `up.test:5300 {
    bind 10.53.0.2
    file @DIR@/db.up.test
}
`;
export const UP_ZONE = `$TTL 3600
@   IN SOA ns.up.test. admin.up.test. ( 1 7200 3600 1209600 300 )
    IN NS  ns.up.test.
ns  IN A   10.53.0.2
www IN A   10.53.0.80
skip.up.test. IN A 10.53.0.81
`;

const LAB_ZONE = `$ORIGIN lab.test.
$TTL 3600
@       IN SOA  ns.lab.test. admin.lab.test. ( 2026120501 7200 3600 1209600 300 )
        IN NS   ns.lab.test.
        IN MX   10 mail.lab.test.
        IN TXT  "v=spf1 -all" "second string"
ns      IN A    10.53.0.1
web     IN A    10.53.0.20
web     IN AAAA 2001:db8::20
mail    IN A    10.53.0.25
www     IN CNAME web
ext     IN CNAME www.up.test.
_http._tcp IN SRV 0 5 80 web
*.w     IN A    10.53.0.30
sub     IN NS   ns.sub.lab.test.
ns.sub  IN A    10.53.0.40
`;

export const SCENARIOS: readonly CdnsScenario[] = [
  {
    name: 'hosts-inline',
    about: 'hosts with inline entries and ttl: A, AAAA, AAAA of an IPv4-only name, an unknown name, PTR, a name outside the zone',
    corefile: `lab.test:1053 10.53.0.0/24:1053 {
    hosts {
        10.53.0.20 web.lab.test web
        2001:db8::20 web.lab.test
        10.53.0.21 db.lab.test
        ttl 60
    }
}
`,
    digs: ['web.lab.test A', 'web.lab.test AAAA', 'db.lab.test AAAA', 'nope.lab.test A', '-x 10.53.0.20', 'other.test A', 'web A'],
  },
  {
    name: 'hosts-file-fallthrough',
    about: '.:1053 with hosts FILE { no_reverse fallthrough } and forward . UPSTREAM: a name in the file, one forwarded, a PTR forwarded',
    upstream: true,
    corefile: `.:1053 {
    log
    hosts @DIR@/hosts {
        no_reverse
        fallthrough
    }
    forward . 10.53.0.2:5300
}
`,
    files: { hosts: '10.53.0.20 web.lab.test web\n10.53.0.21 db.lab.test\n' },
    digs: ['web.lab.test A', 'web A', 'www.up.test A', 'nope.up.test A', '-x 10.53.0.20', 'db.lab.test MX'],
  },
  {
    name: 'file-zone',
    about:
      'file: SOA, NS, A, AAAA, CNAME in and out of the zone, MX, SRV, TXT, wildcard, delegation, NXDOMAIN and NODATA, outside the zone',
    corefile: `lab.test:1053 {
    file @DIR@/db.lab.test
}
`,
    files: { 'db.lab.test': LAB_ZONE },
    digs: [
      'lab.test SOA',
      'lab.test NS',
      'web.lab.test A',
      'web.lab.test AAAA',
      'www.lab.test A',
      'ext.lab.test A',
      'lab.test MX',
      '_http._tcp.lab.test SRV',
      'lab.test TXT',
      'x.w.lab.test A',
      'x.w.lab.test TXT',
      'host.sub.lab.test A',
      'nope.lab.test A',
      'web.lab.test TXT',
      'other.test A',
    ],
  },
  {
    name: 'forward-sequential-except',
    about: 'forward to a silent upstream then the real one, policy sequential, except skip.up.test',
    upstream: true,
    corefile: `.:1053 {
    forward . 10.53.0.3:5300 10.53.0.2:5300 {
        policy sequential
        except skip.up.test
    }
}
`,
    digs: ['+tries=1 +time=10 www.up.test A', '+tries=1 +time=10 skip.up.test A'],
  },
  {
    name: 'forward-silent',
    about: 'forward to an upstream that never answers: SERVFAIL, after how long, and what log and errors print',
    corefile: `.:1053 {
    log
    errors
    forward . 10.53.0.3:5300
}
`,
    digs: ['+tries=1 +time=15 www.up.test A'],
  },
  {
    name: 'forward-refused',
    about: 'forward to a port nothing listens on (ICMP port unreachable): SERVFAIL, and after how long',
    upstream: true,
    corefile: `.:1053 {
    errors
    forward . 10.53.0.2:5399
}
`,
    digs: ['+tries=1 +time=15 www.up.test A'],
  },
  {
    name: 'tcp',
    about: 'dig +tcp: whoami names _tcp in its SRV, hosts answers the same over TCP',
    corefile: `.:1053 {
    whoami
}
lab.test:1053 {
    hosts {
        10.53.0.20 web.lab.test
    }
}
`,
    digs: ['+tcp anything.test A', '+tcp web.lab.test A'],
  },
  {
    name: 'cache',
    about: 'cache 30 in front of forward: the same question twice',
    upstream: true,
    corefile: `.:1053 {
    cache 30
    forward . 10.53.0.2:5300
}
`,
    digs: ['www.up.test A', 'www.up.test A', 'nope.up.test A', 'nope.up.test A'],
  },
  {
    name: 'rewrite',
    about: 'rewrite name exact, and name regex with answer auto, before hosts',
    corefile: `.:1053 {
    rewrite name exact alias.lab.test web.lab.test
    rewrite name regex (.*)\\.r\\.lab\\.test {1}.lab.test answer auto
    hosts {
        10.53.0.20 web.lab.test
    }
}
`,
    digs: ['alias.lab.test A', 'web.r.lab.test A', 'web.lab.test A'],
  },
  {
    name: 'template',
    about: 'template IN A with a regex and the groups in the answer',
    corefile: `t.test:1053 {
    template IN A t.test {
        match ^ip-(\\d+)-(\\d+)-(\\d+)-(\\d+)[.]t[.]test[.]$
        answer "{{ .Name }} 60 IN A {{ index .Match 1 }}.{{ index .Match 2 }}.{{ index .Match 3 }}.{{ index .Match 4 }}"
    }
}
`,
    digs: ['ip-10-1-2-3.t.test A', 'nomatch.t.test A', 'ip-10-1-2-3.t.test AAAA'],
  },
  {
    name: 'loadbalance',
    about: 'loadbalance over hosts with three addresses for a name (the order is random)',
    corefile: `.:1053 {
    loadbalance
    hosts {
        10.53.0.31 many.lab.test
        10.53.0.32 many.lab.test
        10.53.0.33 many.lab.test
    }
}
`,
    digs: ['many.lab.test A'],
  },
  {
    name: 'whoami',
    about: 'whoami: the client address in additional, A and SRV',
    corefile: `.:1053 {
    whoami
}
`,
    digs: ['anything.test A', 'x.test AAAA'],
  },
  {
    name: 'chaos',
    about: 'chaos with a version and authors: version.bind, authors.bind, version.server TXT CH, and an IN question',
    corefile: `.:1053 {
    chaos CoreDNS-lab admin@lab.test
}
`,
    digs: ['version.bind TXT CH', 'authors.bind TXT CH', 'version.server TXT CH', 'web.lab.test A'],
  },
  {
    name: 'log-errors',
    about: 'log and errors: the line printed on stdout for a query',
    corefile: `.:1053 {
    log
    errors
    hosts {
        10.53.0.20 web.lab.test
    }
}
`,
    digs: ['web.lab.test A', 'nope.lab.test A'],
  },
  {
    name: 'two-ports',
    about: 'two server blocks on two ports: a zone asked on the other port is REFUSED',
    corefile: `a.test:1053 {
    hosts {
        10.53.0.51 x.a.test
    }
}
b.test:1054 {
    hosts {
        10.53.0.52 x.b.test
    }
}
`,
    digs: ['x.a.test A', '@10.53.0.1 -p 1054 x.b.test A', '@10.53.0.1 -p 1054 x.a.test A', 'x.b.test A'],
  },
];

/** Corefiles that are only started: what CoreDNS prints and its exit status. */
export const STARTS: readonly { name: string; corefile: string; files?: Record<string, string> }[] = [
  { name: 'banner', corefile: 'lab.test example.org:1053 10.in-addr.arpa {\n    whoami\n}\n.:1054 {\n    whoami\n}\n' },
  { name: 'unknown-directive', corefile: '.:1053 {\n    hots {\n    }\n}\n' },
  { name: 'unknown-directive-far', corefile: '.:1053 {\n    foobarbaz\n}\n' },
  { name: 'zone-twice', corefile: 'lab.test:1053 {\n    whoami\n}\nlab.test:1053 {\n    whoami\n}\n' },
  { name: 'hosts-bad-ttl', corefile: '.:1053 {\n    hosts {\n        ttl 0\n    }\n}\n' },
  { name: 'hosts-bad-option', corefile: '.:1053 {\n    hosts {\n        reload\n    }\n}\n' },
  { name: 'forward-no-to', corefile: '.:1053 {\n    forward .\n}\n' },
  { name: 'forward-bad-policy', corefile: '.:1053 {\n    forward . 10.53.0.2 {\n        policy fastest\n    }\n}\n' },
  { name: 'forward-bad-upstream', corefile: '.:1053 {\n    forward . notanaddress\n}\n' },
  { name: 'cache-bad-ttl', corefile: '.:1053 {\n    cache abc\n}\n' },
  { name: 'reload-bad', corefile: '.:1053 {\n    reload 1s\n}\n' },
  { name: 'health-bad', corefile: '.:1053 {\n    health :8080 extra\n}\n' },
  { name: 'file-no-args', corefile: '.:1053 {\n    file\n}\n' },
  { name: 'rewrite-bad', corefile: '.:1053 {\n    rewrite name\n}\n' },
  { name: 'template-bad', corefile: '.:1053 {\n    template IN A {\n        answer "{{ .Name }} 60 IN A"\n    }\n}\n' },
  { name: 'unclosed-block', corefile: '.:1053 {\n    whoami\n' },
  { name: 'missing-zone-file', corefile: 'lab.test:1053 {\n    file @DIR@/db.missing\n}\n' },
];
