/** The world keeps what the lab's lines removed (Netns.removed), with the line that removed it and why. */
import { strict as assert } from 'node:assert';
import { lastDetach, removedAddrs, removedRoutesFor } from '../../../src/core/sim/history';
import { parseAddr } from '../../../src/core/net/addr';
import type { SourceRef } from '../../../src/core/sim/model';
import { fixture } from '../../support/commands';

const at = (line: number): SourceRef => ({ file: 'lab.yaml', line, column: 7, endLine: line, endColumn: 40 });

describe('sim: the history of removals', () => {
  it('records each removal with its cause and the run line, and the link state with its line', () => {
    const f = fixture(['eth0', 'eth1']);
    const ns = f.host.netns.get('')!;
    const run = (line: number, text: string) => {
      f.host.runOrigin = at(line);
      f.ok(text);
      f.host.runOrigin = undefined;
    };
    run(1, 'ip link set eth0 up');
    run(2, 'ip link set eth1 up');
    run(3, 'ip addr add 10.1.0.1/24 dev eth0');
    run(4, 'ip addr add 10.2.0.1/24 dev eth1');
    run(5, 'ip route add 10.9.0.0/24 via 10.2.0.2');
    run(6, 'ip link set eth1 down');
    run(7, 'ip link add br0 type bridge');
    run(8, 'ip link add v0 type veth peer name v1');
    run(9, 'ip link set v0 master br0');
    run(10, 'ip link set v0 nomaster');
    run(11, 'ip addr del 10.1.0.1/24 dev eth0');
    assert.equal(ns.links.get('eth1')!.stateOrigin?.line, 6);
    assert.equal(ns.links.get('br0')!.stateOrigin, undefined);
    const rm = removedRoutesFor(ns, parseAddr('10.9.0.5')!, () => false);
    assert.equal(rm.length, 1);
    assert.equal(rm[0]!.cause, 'link-down');
    assert.equal(rm[0]!.origin?.line, 6);
    assert.equal(rm[0]!.route?.origin?.line, 5);
    const connected = removedRoutesFor(ns, parseAddr('10.1.0.7')!, () => false)[0]!;
    assert.equal(connected.cause, 'addr-del');
    assert.equal(connected.because, '10.1.0.1/24');
    assert.equal(removedAddrs(ns, parseAddr('10.1.0.1')!)[0]?.origin?.line, 11);
    const d = lastDetach(ns, 'v0')!;
    assert.equal(d.master, 'br0');
    assert.equal(d.origin?.line, 10);
    // The kernel's local routes come back with their address: they are not kept.
    assert.ok(!ns.removed!.some((x) => x.route?.table === 255));
  });

  it('a route still there (the same prefix added again) is not reported as removed', () => {
    const f = fixture(['eth0']);
    const ns = f.host.netns.get('')!;
    f.ok('ip link set eth0 up', 'ip addr add 10.1.0.1/24 dev eth0', 'ip route add 10.9.0.0/24 via 10.1.0.2', 'ip route del 10.9.0.0/24');
    const dst = parseAddr('10.9.0.5')!;
    assert.equal(removedRoutesFor(ns, dst, () => false).length, 1);
    assert.equal(removedRoutesFor(ns, dst, () => true).length, 0);
  });
});
