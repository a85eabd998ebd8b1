/**
 * The trace panel (webview/trace) in headless Chromium shows netfilter steps as rows of their own
 * (webview/trace/netfilter.ts): the hook as the stage badge, where in the tables, the rule's `-A`
 * text and what it decided, the addresses that changed before → after; in the detail the rule as a
 * button that reveals its lab line through the protocol, the before/after table with the changed
 * fields marked, a statistic rule's branches with the one taken and the seed; conntrack's un-NAT
 * of the reply. On real traces of the NAT lab of test/support/nfLab.ts, in English and Korean.
 */
import { strict as assert } from 'node:assert';
import { buildWorld, loadLab, type Step, tracePacket } from '../../src/core/index';
import { topologyModel } from '../../src/core/view/topology';
import { traceView } from '../../src/core/view/trace';
import type { HostMessage } from '../../src/protocol/panels';
import type { Lang } from '../../src/core/text/i18n';
import { NF_LAB, NF_LINES } from '../support/nfLab';
import { expectedRows, rows, useBrowser } from './trace-helpers';

function nfMessage(lang: Lang, seed: number): HostMessage {
  const loaded = loadLab(NF_LAB, { file: 'lab.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  const world = buildWorld(loaded.lab).world;
  const trace = tracePacket(world, { from: { host: 'c', netns: '' }, to: '192.168.62.1', proto: 'tcp', port: 8080, seed });
  assert.equal(trace.verdict, 'replied');
  const model = topologyModel(loaded.lab, world);
  return { type: 'trace', lang, labDir: 'file:///tmp/nf', model, view: traceView(model, trace, 'c -> 192.168.62.1 tcp/8080', [], seed) };
}

const legSteps = (m: HostMessage, leg: number): Step[] => (m.type === 'trace' ? [...(m.view.trace.legs[leg]?.steps ?? [])] : []);
const at = (steps: Step[], ok: (s: Step) => boolean): number => {
  const i = steps.findIndex(ok);
  assert.ok(i >= 0, 'no such step');
  return i;
};

describe('trace panel (webview/trace) in Chromium: netfilter rows', function () {
  this.timeout(120_000);
  const open = useBrowser();

  it('rows: the hook as the badge, the rule and its verdict, the changed addresses before → after', async () => {
    const msg = nfMessage('en', 1);
    const p = await open(msg);
    await p.page.waitForSelector('#events-0 [role=option]');
    const steps = legSteps(msg, 0);
    const jump = at(steps, (s) => s.data?.['chain'] === 'PREROUTING' && s.data?.['rule'] === 1);
    const dnat = at(steps, (s) => s.data?.['chain'] === 'WEB');
    const got = await rows(p, 0);
    assert.deepEqual(got[jump]!.slice(3), [
      'netfilter PREROUTING',
      'nat PREROUTING #1 → jump to WEB -A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j WEB',
    ]);
    assert.deepEqual(got[dnat]!.slice(3), [
      'netfilter PREROUTING',
      'nat WEB #2 → DNAT dst 192.168.62.1:8080 → 10.200.3.2:80 (changed at this step) -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80',
    ]);
    // What shows on screen: the hook alone in the badge, the new destination marked.
    assert.equal(await p.page.$eval(`#step-0-${dnat} .stage-hook`, (b) => b.lastChild?.textContent), 'PREROUTING');
    assert.equal(await p.page.getAttribute(`#step-0-${dnat} .stage-hook`, 'data-hook'), 'PREROUTING');
    assert.equal(await p.page.textContent(`#step-0-${dnat} mark.nf-changed`), '10.200.3.2:80');
    const stat = at(steps, (s) => s.data?.['statistic'] !== undefined);
    assert.match(got[stat]![4]!, /^statistic: drew 0\.\d{4} \(probability 50%\): not taken, on to the next rule$/);
    // Every row of both legs as the shared helper expects them (the bundled labs' rows are read with it).
    if (msg.type === 'trace') for (const leg of [0, 1]) assert.deepEqual(await rows(p, leg), expectedRows(msg.view.trace, leg, 'en'));
    // The accessible table names the hook too.
    assert.equal(await p.page.textContent(`#table-step-0-${dnat} td:nth-child(5)`), 'netfilter PREROUTING');
    // The rows stay options of the listbox, in order, each named by its text.
    assert.equal(await p.page.getAttribute(`#step-0-${dnat}`, 'role'), 'option');
    // The reply: conntrack un-NATs it, the source changed back.
    const reply = legSteps(msg, 1);
    const ct = at(reply, (s) => s.data?.['conntrack'] === 'reply');
    const back = (await rows(p, 1))[ct]!;
    assert.deepEqual(back.slice(3), [
      'netfilter POSTROUTING',
      "conntrack: the reply is un-NATed (the connection's NAT reversed) src 10.200.3.2:80 → 192.168.62.1:8080 (changed at this step)",
    ]);
  });

  it('detail: the rule reveals its lab line, the packet before and after, the changed fields marked', async () => {
    const msg = nfMessage('en', 1);
    const p = await open(msg);
    const steps = legSteps(msg, 0);
    const dnat = at(steps, (s) => s.data?.['chain'] === 'WEB');
    await p.page.click(`#step-0-${dnat}`);
    await p.page.waitForSelector('#detail .decision-netfilter');
    await p.shot('trace-netfilter-dnat');
    assert.deepEqual(p.errors, []);
    assert.equal(await p.page.textContent('#detail .nf-head'), 'netfilter PREROUTING nat WEB #2');
    const button = '#detail button.nf-rule';
    assert.equal(await p.page.textContent(button), '-A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80');
    assert.equal(
      await p.page.getAttribute(button, 'aria-label'),
      'Open lab.yaml:20 in the editor, the rule -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80',
    );
    assert.equal(await p.page.textContent('#detail .nf-rule-line .nf-verdict'), '→ DNAT');
    const table = await p.page.$$eval('#detail .nf-diff-table tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-field'), tr.classList.contains('changed'), ...[...tr.children].map((c) => c.textContent)]),
    );
    assert.deepEqual(table, [
      ['src', false, 'source', '192.168.62.2', '192.168.62.2'],
      ['sport', false, 'source port', '40000', '40000'],
      ['dst', true, 'destination', '192.168.62.1', '10.200.3.2 ● (changed at this step)'],
      ['dport', true, 'destination port', '8080', '80 ● (changed at this step)'],
    ]);
    assert.equal(await p.page.textContent('#detail .nf-diff-table caption'), 'The packet before and after this step');
    // A click (or Enter) on the rule opens its line in the editor, through the protocol.
    await p.page.click(button);
    const reveal = await p.waitForPost('reveal');
    assert.equal(reveal.source.line, NF_LINES.dnat);
    assert.deepEqual(reveal.source, steps[dnat]!.source);
  });

  it('Korean, and a statistic draw that takes its branch: the branches, the one taken, the seed', async () => {
    const msg = nfMessage('ko', 7);
    const p = await open(msg);
    await p.page.waitForSelector('#events-0 [role=option]');
    const steps = legSteps(msg, 0);
    const got = await rows(p, 0);
    const jump = at(steps, (s) => s.data?.['chain'] === 'PREROUTING' && s.data?.['rule'] === 1);
    assert.deepEqual(got[jump]!.slice(3), [
      '넷필터 PREROUTING',
      'nat 테이블 PREROUTING 체인 1번 규칙 → WEB 체인으로 점프 -A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j WEB',
    ]);
    const stat = at(steps, (s) => s.data?.['statistic'] !== undefined);
    assert.match(got[stat]![4]!, /^statistic: 뽑은 값 0\.\d{4} \(확률 50%\): 이 분기를 탐$/);
    await p.page.click(`#step-0-${stat}`);
    await p.page.waitForSelector('#detail .nf-branches');
    assert.equal(await p.page.getAttribute('#detail .nf-branches', 'aria-label'), 'statistic 규칙의 분기');
    const branches = await p.page.$$eval('#detail .nf-branches li', (lis) =>
      lis.map((li) => [li.getAttribute('aria-current'), li.textContent]),
    );
    assert.deepEqual(branches, [
      ['true', '이 규칙: 확률 50%선택됨'],
      [null, '다음 규칙으로: 확률 50%'],
    ]);
    const draw = (steps[stat]!.data!['statistic'] as { draw: number }).draw.toFixed(4);
    assert.equal(
      await p.page.textContent('#detail .nf-seed'),
      `시드 7에서 뽑은 값 ${draw}: 0.5000보다 작으면 이 규칙을 탑니다. 시드가 같으면 뽑는 값도 같습니다 (knetlab trace --seed N).`,
    );
    // The DNAT of the rule that was drawn: rule 1 of WEB.
    const dnat = at(steps, (s) => s.data?.['chain'] === 'WEB' && s.data?.['rule'] === 1);
    assert.match(
      got[dnat]![4]!,
      /^nat 테이블 WEB 체인 1번 규칙 → DNAT dst 192\.168\.62\.1:8080 → 10\.200\.3\.2:80 \(이 단계에서 바뀜\) -A WEB -p tcp -m statistic .* -j DNAT --to-destination 10\.200\.3\.2:80$/,
    );
    await p.page.click(`#step-0-${dnat}`);
    assert.equal(await p.page.getAttribute('#detail button.nf-rule', 'data-line'), String(NF_LINES.statistic));
    assert.deepEqual(await p.page.$$eval('#detail .nf-diff-table tr.changed th', (ths) => ths.map((th) => th.textContent)), [
      '목적지',
      '목적지 포트',
    ]);
  });
});
