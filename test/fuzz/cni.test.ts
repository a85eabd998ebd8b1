/**
 * Fuzzing the CNI configuration checker: whatever the text (arbitrary strings, arbitrary JSON
 * values, CNI-shaped documents, edits of real configurations), checkCniConfig returns within a
 * time bound, never throws, and every diagnostic is well formed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkCniConfig } from '../../src/core/cni/config';
import { assertWellFormed, timed, TIME_LIMIT_MS } from './helpers';

const NUM_RUNS = 200;
const FILES = ['fuzz/10-net.conflist', 'fuzz/net.d/10-net.conf', 'fuzz/cni.json'];

function checkAll(text: string, limit = TIME_LIMIT_MS): void {
  for (const file of FILES) {
    const r = timed('checkCniConfig', () => checkCniConfig(text, file), limit);
    assert.ok(Array.isArray(r.diagnostics));
    for (const d of r.diagnostics) {
      assertWellFormed(d, file);
      // The checker's own catch-all must never be what answers.
      assert.ok(!d.message.en.startsWith('Internal error'), `${d.message.en}\n${JSON.stringify(text.slice(0, 300))}`);
    }
    if (r.config) assert.ok(['list', 'single'].includes(r.config.kind));
  }
}

const REAL = [
  `{ "cniVersion": "1.0.0", "name": "dbnet", "plugins": [ { "type": "bridge", "bridge": "cni0", "ipam": { "type": "host-local", "subnet": "10.1.0.0/16", "gateway": "10.1.0.1", "routes": [ {"dst": "0.0.0.0/0"} ] }, "dns": { "nameservers": [ "10.1.0.1" ] } }, { "type": "tuning", "capabilities": { "mac": true }, "sysctl": { "net.core.somaxconn": "500" } }, { "type": "portmap", "capabilities": {"portMappings": true} } ] }`,
  `{\n  "cniVersion": "0.4.0",\n  "name": "podman",\n  "plugins": [\n    {\n      "type": "bridge",\n      "bridge": "cni-podman0",\n      "isGateway": true,\n      "ipam": {\n        "type": "host-local",\n        "routes": [{ "dst": "0.0.0.0/0" }],\n        "ranges": [[{ "subnet": "10.88.0.0/16", "gateway": "10.88.0.1" }], [{ "subnet": "fd00::/64", "rangeStart": "fd00::10" }]]\n      }\n    },\n    { "type": "portmap", "capabilities": { "portMappings": true } }\n  ]\n}\n`,
  `{\n  "cniVersion": "0.2.0",\n  "name": "mynet",\n  "type": "bridge",\n  "bridge": "cni0",\n  "ipam": { "type": "host-local", "subnet": "10.22.0.0/16", "rangeStart": "10.22.1.1", "rangeEnd": "10.22.1.254" }\n}\n`,
];

// The words of CNI configurations, so that random documents often get past the first checks.
const KEYS = [
  'cniVersion',
  'cniVersions',
  'name',
  'plugins',
  'type',
  'bridge',
  'isGateway',
  'ipMasq',
  'mtu',
  'master',
  'device',
  'vlan',
  'ipam',
  'subnet',
  'rangeStart',
  'rangeEnd',
  'gateway',
  'ranges',
  'routes',
  'dst',
  'gw',
  'addresses',
  'address',
  'capabilities',
  'ipRanges',
  'disableCheck',
  'dns',
  'sysctl',
  '__proto__',
  'constructor',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 }));
const scalar = fc.oneof(
  fc.constantFrom(
    '1.0.0',
    '0.2.0',
    '9.9.9',
    '1.0',
    'bridge',
    'portmap',
    'host-local',
    'static',
    'tuning',
    'brige',
    '10.0.0.0/24',
    '10.0.0.5/24',
    '10.0.0.1',
    '10.0.0.255',
    'fd00::/64',
    'fd00::1',
    '0.0.0.0/0',
    '10.0.0.0/31',
    'cni0',
    'a-very-long-bridge-name',
    'eth0:1',
    '',
    'x',
    'valueOf',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
}));
const range = fc.record({ subnet: scalar, rangeStart: scalar, rangeEnd: scalar, gateway: scalar }, { requiredKeys: ['subnet'] });
const ipam = fc.record(
  {
    type: fc.oneof(fc.constantFrom('host-local', 'static', 'dhcp', 'bridge'), scalar),
    subnet: scalar,
    rangeStart: scalar,
    rangeEnd: scalar,
    gateway: scalar,
    ranges: fc.oneof(jsonish, fc.array(fc.array(range, { maxLength: 3 }), { maxLength: 3 })),
    routes: fc.array(fc.record({ dst: scalar, gw: scalar }), { maxLength: 2 }),
    addresses: fc.array(fc.record({ address: scalar }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const plugin = fc.record(
  {
    type: fc.oneof(fc.constantFrom('bridge', 'ptp', 'macvlan', 'host-device', 'vrf', 'portmap', 'tuning', 'host-local', 'flannel'), scalar),
    bridge: scalar,
    master: scalar,
    device: scalar,
    mtu: fc.oneof(fc.integer({ min: -10, max: 70000 }), scalar),
    ipam: fc.oneof(ipam, jsonish),
    capabilities: jsonish,
  },
  { requiredKeys: [] },
);
const cniLike = fc.record(
  {
    cniVersion: fc.oneof(fc.constantFrom('1.0.0', '0.2.0', '0.3.1'), scalar),
    cniVersions: jsonish,
    name: scalar,
    plugins: fc.oneof(fc.array(fc.oneof(plugin, jsonish), { maxLength: 4 }), jsonish),
    type: scalar,
    ipam,
    mtu: scalar,
  },
  { requiredKeys: [] },
);

const edit = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 6 }),
  ins: fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '//', '/*', '\\', '\uFEFF', '\u0000', '\n', 'x', '1', 'null'),
});
function applyEdits(text: string, edits: { at: number; del: number; ins: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % (t.length + 1) : 0;
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}

describe('fuzz: checkCniConfig', function () {
  this.timeout(60_000);

  before(() => {
    // Warm up: the schema compiles on the first call, which must not count against the bound.
    for (const t of REAL) checkAll(t, 5000);
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => checkAll(s)),
      { numRuns: NUM_RUNS },
    );
  });

  it('arbitrary unicode and binary-ish text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) =>
        checkAll(s),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('arbitrary JSON values, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (v, pretty) =>
        checkAll(JSON.stringify(v, null, pretty ? 2 : undefined) ?? 'null'),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('random JSON with the words of CNI configurations', () => {
    fc.assert(
      fc.property(jsonish, (v) => checkAll(JSON.stringify(v) ?? 'null')),
      { numRuns: NUM_RUNS },
    );
  });

  it('random CNI-shaped configurations', () => {
    fc.assert(
      fc.property(cniLike, fc.boolean(), (v, pretty) => checkAll(JSON.stringify(v, null, pretty ? 2 : undefined))),
      { numRuns: NUM_RUNS },
    );
  });

  it('character edits of real configurations', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.array(edit, { minLength: 1, maxLength: 6 }), (t, edits) => checkAll(applyEdits(t, edits))),
      { numRuns: NUM_RUNS },
    );
  });

  it('every prefix of a real configuration (as typed)', () => {
    for (const t of REAL) for (let i = 0; i <= t.length; i += 3) checkAll(t.slice(0, i));
  });

  it('huge and deeply nested input: no throw, a bounded time', () => {
    const BIG = 2000;
    checkAll('['.repeat(100_000), BIG);
    checkAll('{"a":'.repeat(5000) + '1' + '}'.repeat(5000), BIG);
    checkAll('[' + '1,'.repeat(50_000) + '1]', BIG);
    checkAll(
      `{ "cniVersion": "1.0.0", "name": "n", "plugins": [${Array.from({ length: 500 }, (_, i) => `{ "type": "bridge", "ipam": { "type": "host-local", "ranges": [[{ "subnet": "10.${i % 256}.0.0/24" }]] } }`).join(',')}] }`,
      BIG,
    );
    checkAll('"' + 'x'.repeat(100_000) + '"', BIG);
    checkAll('/*'.repeat(10_000), BIG);
  });
});
