/**
 * The trace panel (webview/trace) in headless Chromium names IPv6's mechanisms by their own names:
 * neighbour discovery (a solicitation to the solicited-node multicast MAC, an advertisement), not
 * ARP; the hop limit and net.ipv6.conf.all.forwarding, not the TTL and ip_forward; IPv6 headers.
 */
import { strict as assert } from 'node:assert';
import { buildWorld, loadLab, tracePacket } from '../../src/core/index';
import { topologyModel } from '../../src/core/view/topology';
import { traceView } from '../../src/core/view/trace';
import type { HostMessage } from '../../src/protocol/panels';
import type { Lang } from '../../src/core/text/i18n';
import { useBrowser } from './trace-helpers';

const LAB = `name: v6
switches: [lan1, lan2]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip -6 addr add 2001:db8:1::10/64 dev eth0
      ip route add default via 2001:db8:1::1
  r:
    interfaces: { eth0: lan1, eth1: lan2 }
    run: |
      ip -6 addr add 2001:db8:1::1/64 dev eth0
      ip -6 addr add 2001:db8:2::1/64 dev eth1
      sysctl -w net.ipv6.conf.all.forwarding=1
  b:
    interfaces: { eth0: lan2 }
    run: |
      ip -6 addr add 2001:db8:2::20/64 dev eth0
      ip route add default via 2001:db8:2::1
`;

function v6Message(lang: Lang): HostMessage {
  const loaded = loadLab(LAB, { file: 'lab.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  const world = buildWorld(loaded.lab).world;
  const trace = tracePacket(world, { from: { host: 'a', netns: '' }, to: '2001:db8:2::20', proto: 'icmp' });
  assert.equal(trace.verdict, 'replied');
  const model = topologyModel(loaded.lab, world);
  return { type: 'trace', lang, labDir: 'file:///tmp/v6', model, view: traceView(model, trace, 'a -> 2001:db8:2::20 icmp') };
}

describe('trace panel (webview/trace) in Chromium: IPv6 in its own words', function () {
  this.timeout(120_000);
  const open = useBrowser();

  it('shows neighbour discovery, the hop limit and IPv6 headers', async () => {
    const msg = v6Message('en');
    const p = await open(msg);
    await p.page.waitForSelector('.verdict-badge');
    const steps = msg.type === 'trace' ? msg.view.trace.request.steps : [];
    const nd = steps.findIndex((s) => s.stage === 'neigh');
    assert.ok(nd >= 0, 'a neighbour step');
    await p.page.click(`#step-0-${nd}`);
    const exchange = await p.page.getAttribute('#detail .arp', 'aria-label');
    assert.equal(exchange, 'Neighbour discovery on eth0');
    // the solicitation goes to 33:33:ff and the target's last 24 bits (2001:db8:1::1 -> 00:00:01)
    assert.match(
      (await p.page.textContent('#detail .arp')) ?? '',
      /neighbour solicitation for 2001:db8:1::1 from 2001:db8:1::10 \(33:33:ff:00:00:01\).*neighbour advertisement: 2001:db8:1::1 is at [0-9a-f:]{17}/,
    );
    assert.equal(await p.page.textContent('#detail .stage'), 'ND');
    const fwd = steps.findIndex((s) => s.stage === 'forward');
    assert.ok(fwd >= 0, 'a forwarding step');
    await p.page.click(`#step-0-${fwd}`);
    assert.match((await p.page.textContent('#detail')) ?? '', /Hop limit 64 → 63 \(net\.ipv6\.conf\.all\.forwarding = 1\)/);
    const fields = await p.page.$$eval('#detail .packet tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')));
    assert.deepEqual(fields.slice(0, 4), ['ip6.src', 'ip6.dst', 'ip6.hop limit', 'ip6.proto']);
    assert.ok(!((await p.page.textContent('#detail')) ?? '').includes('TTL'), 'no TTL in an IPv6 step');
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('says the same in Korean', async () => {
    const msg = v6Message('ko');
    const p = await open(msg);
    await p.page.waitForSelector('.verdict-badge');
    const steps = msg.type === 'trace' ? msg.view.trace.request.steps : [];
    await p.page.click(`#step-0-${steps.findIndex((s) => s.stage === 'neigh')}`);
    assert.equal(await p.page.getAttribute('#detail .arp', 'aria-label'), 'eth0의 이웃 탐색(neighbour discovery)');
    await p.page.click(`#step-0-${steps.findIndex((s) => s.stage === 'forward')}`);
    assert.match((await p.page.textContent('#detail')) ?? '', /hop limit 64 → 63/);
    assert.deepEqual(p.errors, []);
    await p.close();
  });
});
