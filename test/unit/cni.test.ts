/** CNI network configurations: what the runtime and the reference plugins would refuse, at its place. */
import { strict as assert } from 'node:assert';
import { checkCniConfig, isCniConfigPath } from '../../src/core/cni/config';
import { CHAINED_ONLY, CNI_VERSIONS, KNOWN_IPAM, KNOWN_PLUGINS } from '../../src/core/cni/plugins';
import type { Diagnostic } from '../../src/core';

/** The example of the CNI spec (1.0.0), without its comments: bridge + host-local, tuning, portmap. */
const SPEC_EXAMPLE = `{
  "cniVersion": "1.0.0",
  "name": "dbnet",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "keyA": ["some more", "plugin specific", "configuration"],
      "ipam": {
        "type": "host-local",
        "subnet": "10.1.0.0/16",
        "gateway": "10.1.0.1",
        "routes": [
            {"dst": "0.0.0.0/0"}
        ]
      },
      "dns": {
        "nameservers": [ "10.1.0.1" ]
      }
    },
    {
      "type": "tuning",
      "capabilities": {
        "mac": true
      },
      "sysctl": {
        "net.core.somaxconn": "500"
      }
    },
    {
        "type": "portmap",
        "capabilities": {"portMappings": true}
    }
  ]
}
`;

/** What weave-kube writes to /etc/cni/net.d/10-weave.conflist. */
const WEAVE = `{
    "cniVersion": "0.3.0",
    "name": "weave",
    "plugins": [
        {
            "name": "weave",
            "type": "weave-net",
            "hairpinMode": true
        },
        {
            "type": "portmap",
            "capabilities": {"portMappings": true},
            "snat": true
        }
    ]
}
`;

/** kube-flannel's 10-flannel.conflist. */
const FLANNEL = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

/** A dual-stack bridge with host-local's "ranges" form, as podman writes it. */
const DUAL_STACK = `{
  "cniVersion": "0.4.0",
  "name": "podman",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni-podman0",
      "isGateway": true,
      "ipMasq": true,
      "mtu": 1450,
      "ipam": {
        "type": "host-local",
        "routes": [{ "dst": "0.0.0.0/0" }, { "dst": "::/0" }],
        "ranges": [
          [{ "subnet": "10.88.0.0/16", "gateway": "10.88.0.1" }],
          [{ "subnet": "fd00:88::/64", "rangeStart": "fd00:88::10", "rangeEnd": "fd00:88::ff", "gateway": "fd00:88::1" }]
        ]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } },
    { "type": "firewall" },
    { "type": "tuning" }
  ]
}
`;

/** A single-plugin .conf, the old form. */
const SINGLE = `{
  "cniVersion": "0.2.0",
  "name": "mynet",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipMasq": true,
  "ipam": {
    "type": "host-local",
    "subnet": "10.22.0.0/16",
    "rangeStart": "10.22.1.1",
    "rangeEnd": "10.22.1.254",
    "routes": [{ "dst": "0.0.0.0/0" }]
  }
}
`;

type Row = [code: string, line: number, column: number, severity: string];

function rows(text: string, file = '10-test.conflist'): Row[] {
  return checkCniConfig(text, file).diagnostics.map((d) => [d.code, d.line, d.column, d.severity]);
}

function only(text: string, file = '10-test.conflist'): Diagnostic {
  const ds = checkCniConfig(text, file).diagnostics;
  assert.equal(
    ds.length,
    1,
    JSON.stringify(
      ds.map((d) => [d.code, d.line, d.column, d.message.en]),
      null,
      1,
    ),
  );
  return ds[0]!;
}

/** A conflist with one bridge plugin whose ipam is `ipam` (JSON text, on one line). */
function withIpam(ipam: string, version = '1.0.0'): string {
  return `{\n  "cniVersion": "${version}",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge",\n      "ipam": ${ipam} }\n  ]\n}\n`;
}

/** The column of the n-th occurrence of `needle` on a line of `text` (1-based, both). */
function colOf(text: string, line: number, needle: string, nth = 1): number {
  const l = text.split('\n')[line - 1]!;
  let at = -1;
  for (let i = 0; i < nth; i++) at = l.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not on line ${line}: ${l}`);
  return at + 1;
}

describe('CNI configurations', () => {
  it('the spec example, weave, flannel, a dual-stack podman list and a single .conf: no diagnostics', () => {
    for (const [text, file] of [
      [SPEC_EXAMPLE, '10-dbnet.conflist'],
      [WEAVE, '10-weave.conflist'],
      [FLANNEL, '10-flannel.conflist'],
      [DUAL_STACK, '87-podman.conflist'],
      [SINGLE, '/etc/cni/net.d/10-mynet.conf'],
    ] as const) {
      assert.deepEqual(checkCniConfig(text, file).diagnostics, [], file);
    }
  });

  it('reads the configuration: kind, name, version, plugins in order', () => {
    const r = checkCniConfig(SPEC_EXAMPLE, '10-dbnet.conflist');
    assert.equal(r.config?.kind, 'list');
    assert.equal(r.config?.name, 'dbnet');
    assert.equal(r.config?.cniVersion, '1.0.0');
    assert.deepEqual(
      r.config?.plugins.map((p) => p.type),
      ['bridge', 'tuning', 'portmap'],
    );
    assert.equal(r.config?.plugins[0]!.range.line, 6);
    assert.equal((r.config?.plugins[0]!.value['ipam'] as Record<string, unknown>)['subnet'], '10.1.0.0/16');
    const s = checkCniConfig(SINGLE, '/etc/cni/net.d/10-mynet.conf');
    assert.equal(s.config?.kind, 'single');
    assert.deepEqual(
      s.config?.plugins.map((p) => p.type),
      ['bridge'],
    );
    assert.equal(checkCniConfig('{ "a": ', 'x.conflist').config, undefined);
  });

  it('which files it reads', () => {
    assert.ok(isCniConfigPath('/x/10-mynet.conflist'));
    assert.ok(isCniConfigPath('/etc/cni/net.d/10-mynet.conf'));
    assert.ok(isCniConfigPath('/home/s/lab/cni/net.d/99-loopback.conf'));
    assert.ok(isCniConfigPath('C:\\lab\\net.d\\10-x.conf'));
    assert.ok(!isCniConfigPath('/etc/resolv.conf'));
    assert.ok(!isCniConfigPath('/x/net.d/sub/10-x.conf'));
    assert.ok(!isCniConfigPath('/x/lab.yaml'));
  });

  describe('cni-syntax', () => {
    it('a comment, at its place: Go refuses it', () => {
      const text = '{\n  // the network\n  "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endLine, d.endColumn, d.severity], ['cni-syntax', 2, 3, 2, 17, 'error']);
      assert.match(d.message.en, /Comments are not allowed.*encoding\/json/);
      assert.match(d.message.ko, /주석/);
      assert.deepEqual(rows('{ /* a */ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }'), [
        ['cni-syntax', 1, 3, 'error'],
      ]);
    });

    it('trailing commas, each at its comma', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{ "type": "bridge", }, ],\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-syntax', 4, colOf(text, 4, ',', 1), 'error'],
        ['cni-syntax', 4, colOf(text, 4, ',', 2), 'error'],
        ['cni-syntax', 4, colOf(text, 4, ',', 3), 'error'],
      ]);
      assert.match(checkCniConfig(text, 'x.conflist').diagnostics[0]!.message.en, /trailing comma before "\}"/);
    });

    it('the first real syntax error only, at its offset; nothing else is checked', () => {
      assert.deepEqual(rows('{\n  "cniVersion": "1.0.0"\n  "name": "n"\n}\n'), [['cni-syntax', 3, 3, 'error']]);
      const d = only('{\n  "name": \'n\'\n}\n');
      assert.deepEqual([d.line, d.column], [2, 11]);
      assert.match(d.message.en, /double quotes/);
      assert.deepEqual(rows('{ "name": "n", "plugins": [ { "type": "bridge" } }'), [['cni-syntax', 1, 50, 'error']]);
      assert.deepEqual(rows('{ "a": 1 } { "b": 2 }'), [['cni-syntax', 1, 12, 'error']]);
      assert.match(only('').message.en, /empty/);
      assert.match(only('{ "name": "a\tb" }').message.en, /control character/);
    });

    it('a byte order mark, and a key given twice (a warning: Go keeps the last)', () => {
      const bom = '\uFEFF' + SPEC_EXAMPLE;
      assert.deepEqual(rows(bom, 'x.conflist'), [['cni-syntax', 1, 1, 'error']]);
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "a",\n  "name": "b",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-syntax', 3, 3, 'warning']);
      assert.match(d.message.en, /given again at line 4/);
      assert.equal(checkCniConfig(text, 'x.conflist').config?.name, 'b');
    });

    it('nesting: Go stops at 10000 levels; knetlab does not check past 256', () => {
      const deep = checkCniConfig('['.repeat(300) + ']'.repeat(300), 'x.conflist').diagnostics;
      assert.deepEqual(
        deep.map((d) => [d.code, d.column, d.severity]),
        [['cni-syntax', 257, 'warning']],
      );
      const tooDeep = checkCniConfig('['.repeat(10001), 'x.conflist').diagnostics;
      assert.deepEqual(
        tooDeep.map((d) => [d.code, d.column, d.severity]),
        [['cni-syntax', 10001, 'error']],
      );
    });
  });

  describe('cni-schema', () => {
    it('a value of the wrong type, at the value', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "isGateway": "yes" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-schema', 5, colOf(text, 5, '"yes"'), colOf(text, 5, '"yes"') + 5, 'error'],
      );
      assert.match(d.message.en, /^plugins\[0\]\.isGateway must be true or false, not the string "yes"/);
      assert.ok(d.message.ko.length > 0);
    });

    it('a range, a required key of a route, a capability that is not a boolean', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "vlan", "master": "eth0", "vlan": 5000,\n      "ipam": { "type": "host-local", "subnet": "10.0.0.0/24", "routes": [{ "gw": "10.0.0.1" }] },\n      "capabilities": { "portMappings": "yes" } }\n  ]\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-schema', 5, colOf(text, 5, '5000'), 'error'],
        ['cni-schema', 6, colOf(text, 6, '{ "gw"'), 'error'],
        ['cni-schema', 7, colOf(text, 7, '"yes"'), 'error'],
      ]);
      const ds = checkCniConfig(text, 'x.conflist').diagnostics;
      assert.match(ds[0]!.message.en, /vlan must be from 0 to 4094, not 5000/);
      assert.match(ds[1]!.message.en, /routes\[0\] needs "dst"/);
    });

    it('not an object at all', () => {
      const d = only('[ { "type": "bridge" } ]');
      assert.deepEqual([d.code, d.line, d.column], ['cni-schema', 1, 1]);
      assert.match(d.message.en, /one JSON object/);
    });

    it('no unknown-key diagnostics: plugins take any key; disableCheck may be "true" as libcni reads it', () => {
      assert.deepEqual(
        rows(
          '{ "cniVersion": "1.0.0", "name": "n", "disableCheck": "true", "extra": 1, "plugins": [{ "type": "bridge", "myOwnKey": [1] }] }',
        ),
        [],
      );
    });
  });

  describe('cni-version', () => {
    it('missing, at the opening brace; with cniVersions, the highest is used', () => {
      const d = only('{\n  "name": "n",\n  "plugins": [{ "type": "bridge" }]\n}\n');
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-version', 1, 1, 'error']);
      assert.deepEqual(rows('{ "cniVersions": ["0.4.0", "1.0.0"], "name": "n", "plugins": [{ "type": "bridge" }] }'), []);
      assert.match(
        only('{ "cniversion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }').message.en,
        /You wrote "cniversion": did you mean "cniVersion"\?/,
      );
    });

    it('not a spec version, with the close one; not a string', () => {
      const text = '{\n  "cniVersion": "1.0",\n  "name": "n",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endColumn, d.severity], ['cni-version', 2, 17, 22, 'error']);
      assert.match(d.message.en, /"1.0" is not a CNI spec version; did you mean "1.0.0"\?/);
      assert.deepEqual(rows('{ "cniVersion": 1, "name": "n", "plugins": [{ "type": "bridge" }] }'), [['cni-version', 1, 17, 'error']]);
    });

    it("cniVersions entries and a plugin's own cniVersion", () => {
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "cniVersions": [1, "x", "9.9.9"], "name": "n", "plugins": [{ "type": "bridge" }] }'),
        [
          ['cni-version', 1, 42, 'error'],
          ['cni-version', 1, 45, 'error'],
          ['cni-version', 1, 50, 'warning'],
        ],
      );
      const own = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "cniVersion": "2.0.0" }] }';
      assert.deepEqual(rows(own), [['cni-version', 1, colOf(own, 1, '"2.0.0"'), 'warning']]);
    });
  });

  describe('cni-name', () => {
    it('missing, not matching the spec, not a string', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 1, 'error']]);
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "my net",\n  "plugins": [{ "type": "bridge" }]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.endColumn], ['cni-name', 3, 11, 19]);
      assert.match(d.message.en, /must start with a letter or a digit/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "-n", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "", "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": ["n"], "plugins": [{ "type": "bridge" }] }'), [['cni-name', 1, 34, 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "k8s-pod-network_1.v2", "plugins": [{ "type": "bridge" }] }'), []);
    });
  });

  describe('cni-plugins', () => {
    it('a .conflist without plugins, with empty plugins, with a plugin without type', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n" }'), [['cni-plugins', 1, 1, 'error']]);
      assert.match(only('{ "cniVersion": "1.0.0", "name": "n", "plugin": [] }').message.en, /did you mean "plugins"\?/);
      const empty = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [] }';
      assert.deepEqual(rows(empty), [['cni-plugins', 1, colOf(empty, 1, '[]'), 'error']]);
      const notList = '{ "cniVersion": "1.0.0", "name": "n", "plugins": {} }';
      assert.deepEqual(rows(notList), [['cni-plugins', 1, colOf(notList, 1, '{}'), 'error']]);
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge" },\n    { "typo": "portmap" },\n    "loopback"\n  ]\n}\n';
      assert.deepEqual(rows(text), [
        ['cni-plugins', 6, 5, 'error'],
        ['cni-plugins', 7, 5, 'error'],
      ]);
      const emptyType = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "" }] }';
      assert.deepEqual(rows(emptyType), [['cni-plugins', 1, colOf(emptyType, 1, '""'), 'error']]);
    });

    it('a single .conf: needs type; a list in a .conf; a single plugin in a .conflist; ignored keys', () => {
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n" }', '/etc/cni/net.d/10-n.conf'), [['cni-plugins', 1, 1, 'error']]);
      const list = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }] }';
      const d = only(list, '/etc/cni/net.d/10-n.conf');
      assert.deepEqual([d.code, d.column, d.severity], ['cni-plugins', colOf(list, 1, '"plugins"'), 'error']);
      assert.match(d.message.en, /Name the file \.conflist/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "bridge" }', '10-n.conflist'), [['cni-plugins', 1, 1, 'error']]);
      const both = '{ "cniVersion": "1.0.0", "name": "n", "type": "bridge", "plugins": [{ "type": "ptp" }] }';
      assert.deepEqual(rows(both, '10-n.conflist'), [['cni-plugins', 1, colOf(both, 1, '"type"'), 'warning']]);
      assert.deepEqual(rows(both, 'net.d/10-n.conf'), [['cni-plugins', 1, colOf(both, 1, '"plugins"'), 'warning']]);
    });
  });

  describe('cni-unknown-plugin', () => {
    it('a warning with did-you-mean, at the type; IPAM types too', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "brdige", "ipam": { "type": "host-lcal", "subnet": "10.0.0.0/24" } },\n    { "type": "my-own-plugin" }\n  ]\n}\n';
      const ds = checkCniConfig(text, 'x.conflist').diagnostics;
      assert.deepEqual(
        ds.map((d) => [d.code, d.line, d.column, d.severity]),
        [
          ['cni-unknown-plugin', 5, colOf(text, 5, '"brdige"'), 'warning'],
          ['cni-unknown-plugin', 5, colOf(text, 5, '"host-lcal"'), 'warning'],
          ['cni-unknown-plugin', 6, colOf(text, 6, '"my-own-plugin"'), 'warning'],
        ],
      );
      assert.match(ds[0]!.message.en, /did you mean "bridge"\?/);
      assert.match(ds[1]!.message.en, /did you mean "host-local"\?/);
      assert.doesNotMatch(ds[2]!.message.en, /did you mean/);
      assert.match(ds[0]!.message.ko, /"bridge"을\(를\) 뜻했나요/);
    });

    it('knows the reference plugins and the common providers', () => {
      for (const t of [
        'bridge',
        'ipvlan',
        'macvlan',
        'ptp',
        'host-device',
        'vlan',
        'loopback',
        'dummy',
        'tap',
        'vrf',
        'portmap',
        'bandwidth',
        'firewall',
        'sbr',
        'tuning',
        'flannel',
        'calico',
        'cilium-cni',
        'weave-net',
        'multus',
        'aws-cni',
        'azure-vnet',
      ]) {
        assert.ok(KNOWN_PLUGINS.includes(t), t);
      }
      for (const t of ['host-local', 'static', 'dhcp', 'calico-ipam', 'whereabouts']) assert.ok(KNOWN_IPAM.includes(t), t);
      assert.deepEqual(CNI_VERSIONS, ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0']);
    });
  });

  describe('cni-plugin-order', () => {
    it('a chained-only plugin first in a list, or alone in a .conf', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "portmap", "capabilities": { "portMappings": true } },\n    { "type": "bridge" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-plugin-order', 5, 15, 'warning']);
      assert.match(d.message.en, /comes first/);
      const tuning = '{ "cniVersion": "1.0.0", "name": "n", "type": "tuning" }';
      assert.deepEqual(rows(tuning, 'net.d/99-t.conf'), [['cni-plugin-order', 1, colOf(tuning, 1, '"tuning"'), 'warning']]);
      for (const t of CHAINED_ONLY)
        assert.deepEqual(
          rows(`{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "ptp", "ipam": { "type": "dhcp" } }, { "type": "${t}" }] }`),
          [],
          t,
        );
    });
  });

  describe('cni-duplicate-plugin', () => {
    it('the same type twice, at the second', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge" },\n    { "type": "portmap" },\n    { "type": "portmap" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-duplicate-plugin', 7, 15, 'warning']);
      assert.match(d.message.en, /already in this list \(plugins\[1\]\)/);
    });
  });

  describe('cni-ipam', () => {
    it('ipam without type; host-local without subnet or ranges (unless ranges come at runtime)', () => {
      assert.deepEqual(rows(withIpam('{ "subnet": "10.0.0.0/24" }')), [['cni-ipam', 6, 7, 'error']]);
      assert.deepEqual(rows(withIpam('{ "type": "host-local" }')), [['cni-ipam', 6, 7, 'error']]);
      assert.match(only(withIpam('{ "type": "host-local" }')).message.en, /no IP ranges specified/);
      const runtime =
        '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "capabilities": { "ipRanges": true }, "ipam": { "type": "host-local" } }] }';
      assert.deepEqual(rows(runtime), []);
    });

    it('a subnet that is not a CIDR, too small, or with host bits set', () => {
      const c = (s: string) => colOf(withIpam(s), 6, '"subnet": ') + 10;
      for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0/24', 'fd00::/129', 'x']) {
        const ipam = `{ "type": "host-local", "subnet": "${bad}" }`;
        assert.deepEqual(rows(withIpam(ipam)), [['cni-ipam', 6, c(ipam), 'error']], bad);
      }
      const small = '{ "type": "host-local", "subnet": "10.0.0.0/31" }';
      assert.match(only(withIpam(small)).message.en, /too small to allocate from/);
      assert.deepEqual(rows(withIpam('{ "type": "host-local", "subnet": "10.0.0.0/30" }')), []);
      assert.deepEqual(
        rows(withIpam('{ "type": "host-local", "subnet": "fd00::/127" }')).map((r) => r[0]),
        ['cni-ipam'],
      );
      const hostBits = only(withIpam('{ "type": "host-local", "subnet": "10.1.2.3/16" }'));
      assert.match(hostBits.message.en, /host bits set: for a \/16 the network address is 10\.1\.0\.0, so write "10\.1\.0\.0\/16"/);
    });

    it('gateway, rangeStart, rangeEnd outside the subnet (errors) or its network/broadcast address (warnings)', () => {
      const ipam =
        '{ "type": "host-local", "subnet": "10.0.0.0/24", "gateway": "10.0.1.1", "rangeStart": "10.0.0.0", "rangeEnd": "10.0.0.255" }';
      const text = withIpam(ipam);
      assert.deepEqual(rows(text), [
        ['cni-ipam', 6, colOf(text, 6, '"10.0.1.1"'), 'error'],
        ['cni-ipam', 6, colOf(text, 6, '"10.0.0.0"'), 'warning'],
        ['cni-ipam', 6, colOf(text, 6, '"10.0.0.255"'), 'warning'],
      ]);
      const ds = checkCniConfig(text, 'x.conflist').diagnostics;
      assert.match(ds[0]!.message.en, /gateway 10\.0\.1\.1 is not in the subnet 10\.0\.0\.0\/24/);
      assert.match(ds[1]!.message.en, /the network address/);
      assert.match(ds[2]!.message.en, /the broadcast address/);
      const outside = withIpam('{ "type": "host-local", "subnet": "10.0.0.0/24", "rangeStart": "10.0.2.1" }');
      assert.match(only(outside).message.en, /RangeStart 10\.0\.2\.1 not in network 10\.0\.0\.0\/24/);
      const family = withIpam('{ "type": "host-local", "subnet": "10.0.0.0/24", "gateway": "fd00::1" }');
      assert.match(only(family).message.en, /IPv6 in an IPv4 subnet/);
      assert.match(
        only(withIpam('{ "type": "host-local", "subnet": "10.0.0.0/24", "gateway": "10.0.0.1/24" }')).message.en,
        /not an IP address/,
      );
    });

    it('rangeStart after rangeEnd, at rangeEnd', () => {
      const text = withIpam('{ "type": "host-local", "subnet": "10.0.0.0/24", "rangeStart": "10.0.0.200", "rangeEnd": "10.0.0.100" }');
      const d = only(text);
      assert.deepEqual([d.code, d.line, d.column, d.severity], ['cni-ipam', 6, colOf(text, 6, '"10.0.0.100"'), 'error']);
      assert.match(d.message.en, /rangeEnd 10\.0\.0\.100 comes before rangeStart 10\.0\.0\.200/);
    });

    it('the ranges form: overlaps within and across range sets, mixed families, an empty set; IPv6', () => {
      const within = withIpam(
        '{ "type": "host-local", "ranges": [[{ "subnet": "10.0.0.0/24", "rangeEnd": "10.0.0.100" }, { "subnet": "10.0.0.0/24", "rangeStart": "10.0.0.50" }]] }',
      );
      assert.deepEqual(rows(within), [['cni-ipam', 6, colOf(within, 6, '"10.0.0.0/24"', 2), 'error']]);
      const disjoint = withIpam(
        '{ "type": "host-local", "ranges": [[{ "subnet": "10.0.0.0/24", "rangeEnd": "10.0.0.100" }, { "subnet": "10.0.0.0/24", "rangeStart": "10.0.0.101" }]] }',
      );
      assert.deepEqual(rows(disjoint), []);
      const across = withIpam('{ "type": "host-local", "subnet": "10.0.0.0/16", "ranges": [[{ "subnet": "10.0.5.0/24" }]] }');
      assert.deepEqual(rows(across), [['cni-ipam', 6, colOf(across, 6, '"10.0.5.0/24"'), 'error']]);
      const mixed = withIpam('{ "type": "host-local", "ranges": [[{ "subnet": "10.0.0.0/24" }, { "subnet": "fd00::/64" }]] }');
      assert.deepEqual(rows(mixed), [['cni-ipam', 6, colOf(mixed, 6, '"fd00::/64"'), 'error']]);
      const empty = withIpam('{ "type": "host-local", "ranges": [[{ "subnet": "10.0.0.0/24" }], []] }');
      assert.deepEqual(rows(empty), [['cni-ipam', 6, colOf(empty, 6, '[]'), 'error']]);
      const v6 = withIpam(
        '{ "type": "host-local", "ranges": [[{ "subnet": "fd00::/64", "gateway": "fd00::", "rangeEnd": "fd00::ffff:ffff:ffff:ffff" }]] }',
      );
      assert.deepEqual(rows(v6), [['cni-ipam', 6, colOf(v6, 6, '"fd00::"'), 'warning']]);
    });

    it('two addresses of a family need cniVersion 0.3.0 or later', () => {
      const ipam = '{ "type": "host-local", "ranges": [[{ "subnet": "10.0.0.0/24" }], [{ "subnet": "10.1.0.0/24" }]] }';
      assert.deepEqual(rows(withIpam(ipam, '0.2.0')), [['cni-ipam', 6, colOf(withIpam(ipam), 6, '"10.1.0.0/24"'), 'error']]);
      assert.deepEqual(rows(withIpam(ipam, '0.3.0')), []);
    });

    it('static addresses and routes; an IPAM plugin as a plugin and the reverse (warnings)', () => {
      const stat = withIpam(
        '{ "type": "static", "addresses": [{ "address": "10.10.0.1", "gateway": "10.10.0.254" }], "routes": [{ "dst": "default" }] }',
      );
      assert.deepEqual(rows(stat), [
        ['cni-ipam', 6, colOf(stat, 6, '"10.10.0.1"'), 'error'],
        ['cni-ipam', 6, colOf(stat, 6, '"default"'), 'error'],
      ]);
      assert.deepEqual(rows(withIpam('{ "type": "static", "addresses": [{ "address": "10.10.0.1/24" }] }')), []);
      const asPlugin = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "host-local" }] }';
      assert.deepEqual(rows(asPlugin), [['cni-ipam', 1, colOf(asPlugin, 1, '"host-local"'), 'warning']]);
      assert.deepEqual(
        rows(withIpam('{ "type": "bridge" }')).map((r) => r.slice(0, 2).concat(r[3])),
        [['cni-ipam', 6, 'warning']],
      );
    });
  });

  describe('cni-ifname', () => {
    it('a bridge name longer than 15 characters, at the value; other interface fields', () => {
      const text =
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "bridge": "cni-bridge-of-lab1" }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-ifname', 5, colOf(text, 5, '"cni-bridge'), colOf(text, 5, '"cni-bridge') + 20, 'error'],
      );
      assert.match(d.message.en, /18 characters, and Linux allows at most 15/);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "bridge": "cni-bridge-lab1" }] }'), []);
      const master = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "macvlan", "master": "eth0:1" }] }';
      assert.deepEqual(rows(master), [['cni-ifname', 1, colOf(master, 1, '"eth0:1"'), 'error']]);
      const device = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "host-device", "device": ".." }] }';
      assert.deepEqual(rows(device), [['cni-ifname', 1, colOf(device, 1, '".."'), 'error']]);
      // Another plugin's "bridge" key is not an interface name.
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "ptp", "bridge": "a-very-long-name-indeed" }] }'),
        [],
      );
    });
  });

  describe('cni-mtu', () => {
    it('outside 68..65535, at the value; 0 keeps the default', () => {
      const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge", "mtu": 40 }\n  ]\n}\n';
      const d = only(text);
      assert.deepEqual(
        [d.code, d.line, d.column, d.endColumn, d.severity],
        ['cni-mtu', 5, colOf(text, 5, '40'), colOf(text, 5, '40') + 2, 'error'],
      );
      const big = '{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 70000 }';
      assert.deepEqual(rows(big, 'net.d/n.conf'), [['cni-mtu', 1, colOf(big, 1, '70000'), 'error']]);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 0 }', 'net.d/n.conf'), []);
      assert.deepEqual(rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": 68 }', 'net.d/n.conf'), []);
      assert.deepEqual(
        rows('{ "cniVersion": "1.0.0", "name": "n", "type": "ptp", "mtu": "1500" }', 'net.d/n.conf').map((r) => r[0]),
        ['cni-schema'],
      );
    });
  });

  it('names of Object.prototype are plain text: a type, a key, a value', () => {
    for (const w of ['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = `{ "cniVersion": "1.0.0", "name": "n", "${w}": 1, "plugins": [{ "type": "${w}", "${w}": "${w}", "ipam": { "type": "${w}" } }] }`;
      const r = checkCniConfig(text, 'x.conflist');
      assert.deepEqual(
        r.diagnostics.map((d) => d.code),
        ['cni-unknown-plugin', 'cni-unknown-plugin'],
        w,
      );
      assert.equal(r.config?.plugins[0]!.type, w);
    }
  });

  it('every message in English and Korean; places inside the text', () => {
    const texts = [
      SPEC_EXAMPLE.replace('"cni0"', '"a-bridge-name-too-long"').replace('10.1.0.1"', '10.2.0.1"'),
      '{ "x": [1,] }',
      '{}',
      '{ "cniVersion": "0.0.1", "name": "?", "plugins": [{ "type": "sbr" }, { "type": "sbr" }] }',
    ];
    for (const t of texts) {
      const ds = checkCniConfig(t, 'x.conflist').diagnostics;
      assert.ok(ds.length > 0);
      for (const d of ds) {
        assert.ok(d.message.en.trim() && /[\uac00-\ud7a3]/.test(d.message.ko), JSON.stringify(d));
        assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || d.endColumn > d.column), JSON.stringify(d));
      }
    }
  });
});
