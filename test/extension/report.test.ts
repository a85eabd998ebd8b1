/** The output channel's trace text (src/extension/report.ts) prints netfilter steps as `knetlab trace` does. */
import '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { tracePacket } from '../../src/core/index';
import { traceText } from '../../src/extension/report';
import { NF_LAB, NF_LINES } from '../support/nfLab';
import { labWorld } from '../support/world';

describe('extension report: netfilter steps in the trace text', () => {
  it('the rule with its table, chain, verdict and line; the packet before → after on the next line', () => {
    const res = tracePacket(labWorld(NF_LAB), { from: { host: 'c', netns: '' }, to: '192.168.62.1', proto: 'tcp', port: 8080 });
    const lines = traceText(res, undefined, 'en').split('\n');
    const at = lines.findIndex((l) => l.includes('nat WEB #2: -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80 → DNAT'));
    assert.ok(at >= 0, lines.join('\n'));
    assert.ok(lines[at]!.endsWith(`(lab.yaml:${NF_LINES.dnat})`), lines[at]);
    assert.equal(
      lines[at + 1],
      '       192.168.62.2:40000 > 192.168.62.1:8080 → 192.168.62.2:40000 > 10.200.3.2:80 (destination, destination port changed)',
    );
    assert.ok(traceText(res, undefined, 'ko').includes('conntrack: 응답의 NAT를 되돌림 (역변환)'));
  });
});
