/** The editor reads no symbolic link of a lab folder: it cannot tell where one leads (src/extension/labfs.ts). */
import { strict as assert } from 'node:assert';
import * as fake from '../support/vscode-fake';
import { readLabFile, readTree } from '../../src/extension/labfs';

describe('extension/labfs: symbolic links are not read', () => {
  beforeEach(() => fake.reset());

  it('readTree leaves a linked file out; readLabFile refuses it and reads the others', async () => {
    fake.files.set('/ws/lab/lab.yaml', 'name: x\n');
    fake.files.set('/ws/lab/h', 'the grader machine\n');
    fake.links.add('/ws/lab/h');
    const files = await readTree(fake.Uri.file('/ws/lab') as never);
    assert.deepEqual([...files.keys()], ['lab.yaml']);
    assert.equal(await readLabFile(fake.Uri.file('/ws/lab/h') as never), undefined);
    assert.equal(await readLabFile(fake.Uri.file('/ws/lab/lab.yaml') as never), 'name: x\n');
  });
});
