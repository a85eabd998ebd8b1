/**
 * The panels' messages handled against a fake `vscode` (reveal, runTrace, grade, answer, export,
 * showTopology, ready), and anything that is not the protocol's ignored.
 */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { addLab, api, bootstrapOf, LAB, labUri, panelOf, posted, shown, start, until, withFakeExtension } from '../../support/panels';
import { VIEW_TYPES } from '../../../src/protocol/panels';

describe('panels (fake vscode): messages from the panels', () => {
  withFakeExtension();

  async function labPanel(): Promise<fake.FakeWebviewPanel> {
    addLab('02-gateway');
    start();
    await fake.commands.executeCommand('knetlab.openLab', labUri());
    return panelOf(VIEW_TYPES.lab);
  }

  it('reveal opens the lab file at the range a panel names', async () => {
    const p = await labPanel();
    p.webview.send({ type: 'reveal', source: { file: 'labs/02-gateway/lab.yaml', line: 12, column: 7, endLine: 12, endColumn: 20 } });
    const d = await until(() => fake.shownDocuments[0], 'the document shown');
    assert.equal(d.uri.path, `${LAB}/lab.yaml`);
    assert.equal(d.options?.selection?.start.line, 11);
    assert.equal(d.options?.selection?.start.character, 6);
    assert.equal(d.options?.selection?.end.character, 19);
    // A path relative to the lab folder, and an absolute path, are found too; a missing file is said.
    p.webview.send({ type: 'reveal', source: { file: 'solution/lab.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 } });
    await until(() => fake.shownDocuments[1], 'the second document');
    assert.equal(fake.shownDocuments[1]!.uri.path, `${LAB}/solution/lab.yaml`);
    p.webview.send({ type: 'reveal', source: { file: `${LAB}/README.md`, line: 3, column: 1, endLine: 3, endColumn: 1 } });
    await until(() => fake.shownDocuments[2], 'the third document');
    assert.equal(fake.shownDocuments[2]!.uri.path, `${LAB}/README.md`);
    p.webview.send({ type: 'reveal', source: { file: 'nowhere.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 } });
    await until(() => fake.messages.find((m) => m.kind === 'warning'), 'a warning');
    assert.match(fake.messages.find((m) => m.kind === 'warning')!.text, /Cannot find nowhere\.yaml/);
  });

  it('runTrace traces the packet in the trace panel (beside the lab panel), busy meanwhile', async () => {
    const p = await labPanel();
    assert.equal(p.viewColumn, fake.ViewColumn.Active, 'no editor open: the lab panel opens in the active group');
    p.active = true; // the user clicks its Trace button
    p.webview.send({ type: 'runTrace', args: { from: 'a', to: '192.168.4.10', proto: 'icmp' } });
    const trace = await until(() => fake.webviewPanels.find((x) => x.viewType === VIEW_TYPES.trace), 'the trace panel');
    assert.equal(trace.viewColumn, fake.ViewColumn.Beside, 'next to the lab panel, not over it');
    const m = shown(trace);
    assert.equal(m.type, 'trace');
    if (m.type !== 'trace') return;
    assert.equal(m.view.trace.replied, false, 'the starter lab has no route to lan3');
    await until(() => posted(p, 'busy').length === 2, 'busy, then not busy');
    assert.deepEqual(
      p.webview.posted.filter((x) => x.type === 'busy').map((x) => x['busy']),
      [true, false],
    );
  });

  it('grade grades the lab, the lab panel shows the score, one more hint after each failed attempt', async () => {
    const p = await labPanel();
    p.webview.send({ type: 'grade' });
    const graded = await until(() => {
      const m = shown(p);
      return m.type === 'lab' && m.view.score !== undefined ? m : undefined;
    }, 'a graded lab view');
    if (graded.type !== 'lab') return;
    assert.equal(graded.view.score, api().ctx.grades.get(labUri() as never)!.grade.score);
    assert.match(api().status.text, /\d+\/\d+/, 'the status bar shows the score too');
    const ex = graded.view.exercises.find((e) => e.id === 'r-on-lan3')!;
    assert.equal(ex.state, 'failed');
    assert.equal(ex.hints.length, 1);
    assert.equal(ex.hintCount, 2);
    // A second failed attempt at that exercise reveals the second hint.
    const before = p.webview.posted.length;
    p.webview.send({ type: 'grade', exercise: 'r-on-lan3' });
    const second = await until(() => {
      const m = shown(p);
      return p.webview.posted.length > before && m.type === 'lab' && m.view.exercises.find((e) => e.id === 'r-on-lan3')!.hints.length === 2
        ? m
        : undefined;
    }, 'the second hint');
    if (second.type !== 'lab') return;
    assert.equal(
      second.view.exercises.find((e) => e.id === 'c-default-gateway')!.hints.length,
      1,
      'only the exercise graded gets a hint more',
    );
  });

  it('a grade from elsewhere (the Testing view, knetlab.gradeLab) updates the lab panel', async () => {
    const p = await labPanel();
    await fake.commands.executeCommand('knetlab.gradeLab', labUri());
    await until(() => {
      const m = shown(p);
      return m.type === 'lab' && m.view.score !== undefined;
    }, 'the lab view with the score');
  });

  it('answer writes answers.yaml (keeping what is there) and sends the lab view again', async () => {
    const p = await labPanel();
    fake.files.set(`${LAB}/answers.yaml`, '# my answers\nother: x\n');
    p.webview.send({ type: 'answer', quiz: 'return-route#2', value: '192.168.1.10' });
    await until(() => fake.files.get(`${LAB}/answers.yaml`)?.includes('192.168.1.10'), 'answers.yaml written');
    const text = fake.files.get(`${LAB}/answers.yaml`)!;
    assert.match(text, /^# my answers/);
    assert.match(text, /other: x/);
    const m = await until(() => {
      const s = shown(p);
      return s.type === 'lab' && s.view.exercises.find((e) => e.id === 'return-route')!.checks[1]!.quiz?.answer === '192.168.1.10'
        ? s
        : undefined;
    }, 'the saved answer in the view');
    assert.equal(m.type, 'lab');
  });

  it('export saves the SVG text or the PNG bytes where the user picks, and refuses anything else', async () => {
    const p = await labPanel();
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>\n';
    fake.answers.push(fake.Uri.file('/ws/out/topology.svg'));
    p.webview.send({ type: 'export', format: 'svg', name: '02-gateway', data: svg });
    await until(() => fake.files.get('/ws/out/topology.svg'), 'the SVG file');
    assert.equal(fake.files.get('/ws/out/topology.svg'), svg);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    let written: Uint8Array | undefined;
    const writeFile = fake.workspace.fs.writeFile;
    fake.workspace.fs.writeFile = async (uri, bytes) => {
      if (uri.path.endsWith('.png')) written = bytes;
      return writeFile(uri, bytes);
    };
    try {
      fake.answers.push(fake.Uri.file('/ws/out/topology.png'));
      p.webview.send({ type: 'export', format: 'png', name: '02-gateway', data: dataUrl });
      await until(() => written, 'the PNG bytes');
      assert.deepEqual([...written!], [...png]);
      // Not a PNG: nothing asked, nothing written.
      p.webview.send({ type: 'export', format: 'png', name: 'x', data: 'data:image/png;base64,AAAA' });
      p.webview.send({ type: 'export', format: 'svg', name: 'x', data: '<html><script>1</script></html>' });
      await until(() => fake.messages.filter((m) => m.kind === 'error').length === 2, 'two refusals');
      assert.ok(!fake.files.has('/ws/labs/02-gateway/x.png') && !fake.files.has('/ws/labs/02-gateway/x.svg'));
      // The user cancels the dialog: nothing written.
      p.webview.send({ type: 'export', format: 'svg', name: 'cancelled', data: svg });
      await new Promise((r) => setTimeout(r, 20));
      assert.ok(![...fake.files.keys()].some((k) => k.includes('cancelled')));
    } finally {
      fake.workspace.fs.writeFile = writeFile;
    }
  });

  it("ignores messages that are not the protocol's", async () => {
    const p = await labPanel();
    const files = new Map(fake.files);
    const postedBefore = p.webview.posted.length;
    for (const m of [
      null,
      'grade',
      42,
      {},
      { type: 'nope' },
      { type: 'reveal' },
      { type: 'reveal', source: { file: 1, line: 1, column: 1 } },
      { type: 'runTrace', args: { from: 'a', to: '192.168.2.10', proto: 'sctp' } },
      { type: 'answer', quiz: 'return-route#1' },
      { type: 'export', format: 'gif', name: 'x', data: '' },
      { type: 'grade', exercise: 7 },
      { type: '__proto__' },
    ])
      p.webview.send(m);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(fake.webviewPanels.length, 1, 'no trace panel');
    assert.equal(p.webview.posted.length, postedBefore, 'nothing sent back');
    assert.deepEqual(fake.shownDocuments, []);
    assert.deepEqual(new Map(fake.files), files, 'no file written');
    assert.equal(api().ctx.grades.all().length, 0, 'nothing graded');
  });

  it('showTopology from a panel opens the topology of its lab', async () => {
    const p = await labPanel();
    p.webview.send({ type: 'showTopology' });
    const t = await until(() => fake.webviewPanels.find((x) => x.viewType === VIEW_TYPES.topology), 'the topology panel');
    assert.equal(bootstrapOf(t.webview.html).type, 'topology');
  });

  it('a page that loads again (shown after being hidden) gets what it shows now on ready', async () => {
    const p = await labPanel();
    p.webview.send({ type: 'ready' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(p.webview.posted.length, 0, 'the first ready: the page has its data already');
    assert.equal(api().panels.info('lab', labUri() as never)?.ready, true);
    p.webview.send({ type: 'ready' });
    await until(() => p.webview.posted.length === 1, 'the data sent again');
    assert.equal(p.webview.posted[0]!.type, 'lab');
  });
});
