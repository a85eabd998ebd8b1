/**
 * host-local's ranges (src/core/cni/hostLocal.ts, with cidr.ts): subnets, addresses in them,
 * overlaps, families, versions (cni-ipam).
 */
import { strict as assert } from 'node:assert';
import { checkCniConfig } from '../../../src/core/cni/config';
import { colOf, only, rows, withIpam } from '../../support/cni';

describe('CNI configurations', () => {
  describe('cni-ipam', () => {
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
  });
});
