/** The lab panel keeps failed attempts in the lab's .knetlab/attempts.json, the file `knetlab grade` keeps too. */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { addLab, labUri, memento, panelOf, posted, shown, start, until, withFakeExtension } from '../../support/panels';
import { VIEW_TYPES } from '../../../src/protocol/panels';
import { parseAttempts } from '../../../src/core';

const FILE = '/ws/labs/02-gateway/.knetlab/attempts.json';

describe('panels (fake vscode): attempts shared with the CLI', () => {
  withFakeExtension();

  async function gradeOnce(): Promise<ReturnType<typeof shown>> {
    await fake.commands.executeCommand('knetlab.openLab', labUri());
    const p = panelOf(VIEW_TYPES.lab);
    const before = posted(p, 'busy').length;
    p.webview.send({ type: 'grade' });
    await until(() => posted(p, 'busy').length === before + 2 && shown(p).type === 'lab', 'graded');
    return shown(p);
  }

  it('writes the failed attempts to the lab folder after a grade', async () => {
    addLab('02-gateway');
    start(true, memento());
    await gradeOnce();
    const saved = parseAttempts(fake.files.get(FILE));
    assert.equal(saved.get('r-on-lan3'), 1);
  });

  it('counts the attempts made in a terminal: the next grade shows one hint more', async () => {
    addLab('02-gateway');
    fake.files.set(FILE, JSON.stringify({ version: 1, failed: { 'r-on-lan3': 1 } }));
    start(true, memento());
    const m = await gradeOnce();
    assert.ok(m.type === 'lab' && m.view.exercises[0]!.hints.length === 2);
    assert.equal(parseAttempts(fake.files.get(FILE)).get('r-on-lan3'), 2);
  });
});
