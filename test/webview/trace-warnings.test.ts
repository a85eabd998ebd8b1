/**
 * The trace panel (webview/trace) in headless Chromium: a trace whose answer could depend on lab
 * lines the simulator does not model shows them under its verdict (in the panel's language), each
 * line a link that reveals it; a trace without any shows nothing.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/text/diag';
import { traceView } from '../../src/core/view/trace';
import { fixture, message, useBrowser, viewOf } from './trace-helpers';

describe('trace panel (webview/trace) in Chromium: an answer that may be wrong says so', function () {
  this.timeout(120_000);
  const open = useBrowser();
  const f = fixture('02-gateway (solved)');
  const plain = f.traces[0]!;
  const warning: Diagnostic = {
    file: `${f.dir}/lab.yaml`,
    line: 12,
    column: 7,
    endLine: 12,
    endColumn: 9,
    severity: 'warning',
    code: 'command-not-simulated',
    message: { en: 'r: "tc" is not simulated; this line has no effect in the simulator.', ko: 'r: "tc" 부분은 시뮬레이션하지 않습니다.' },
  };
  const doubtful = traceView(f.model, { ...plain.trace, warnings: [warning] }, plain.title);

  it('lists each line under the verdict, in both languages; a click reveals the line', async () => {
    const p = await open(message(f, doubtful));
    await p.page.waitForSelector('#warnings:not([hidden])');
    assert.equal(
      await p.page.textContent('#warnings-head'),
      'This answer may be wrong: it could depend on these lines, which the simulator does not model.',
    );
    const items = await p.page.$$eval('#warnings li', (els) =>
      els.map((e) => ({ line: e.getAttribute('data-line'), code: e.getAttribute('data-code'), text: e.textContent })),
    );
    assert.deepEqual(items, [{ line: '12', code: 'command-not-simulated', text: `lab.yaml:12 ${warning.message.en}` }]);
    await p.page.click('#warnings li button');
    const posted = await p.waitForPost('reveal');
    assert.deepEqual(posted.source, { file: warning.file, line: 12, column: 7, endLine: 12, endColumn: 9 });
    await p.send(message(f, doubtful, 'ko'));
    await p.page.waitForFunction(() => document.getElementById('warnings-head')?.textContent?.startsWith('이 답은'));
    assert.equal(await p.page.textContent('#warnings li'), `lab.yaml:12 ${warning.message.ko}`);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('shows nothing when the trace has no such line', async () => {
    const p = await open(message(f, viewOf(f, 0)));
    await p.page.waitForSelector('.verdict-badge');
    assert.equal(await p.page.isHidden('#warnings'), true);
    assert.equal(await p.page.locator('#warnings li').count(), 0);
    await p.close();
  });
});
