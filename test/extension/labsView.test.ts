/**
 * The Labs view (src/extension/labsView.ts) against the fake `vscode`: course -> labs -> exercises
 * -> checks, each node's label, description, icon, id and command, before and after grading, in
 * English and Korean, and the refreshes.
 */
import * as fake from '../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionContext, TreeItem } from 'vscode';
import { activate } from '../../src/extension/extension';
import type { LabsNode, LabsProvider } from '../../src/extension/labsView';

const MINI = `name: mini
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan }
    run: ip addr add 10.0.0.2/24 dev eth0
exercises:
  - id: same-lan
    title: { en: "Same LAN", ko: "같은 LAN" }
    task: { en: "a reaches b.", ko: "a가 b와 통신합니다." }
    points: 10
    checks:
      - reach: { from: a, to: 10.0.0.2 }
  - id: far
    title: { en: "Far away", ko: "먼 곳" }
    task: { en: "a reaches 10.9.0.1.", ko: "a가 10.9.0.1과 통신합니다." }
    points: 5
    hints:
      - { en: "a needs a route.", ko: "a에 라우트가 필요합니다." }
    checks:
      - reach: { from: a, to: 10.0.0.2 }
      - reach: { from: a, to: 10.9.0.1 }
`;

function start(): LabsProvider {
  const context = { subscriptions: [] as { dispose(): void }[] } as unknown as ExtensionContext;
  return activate(context).labsView;
}

/** A TreeItem as the fake builds it, with the fields the view sets. */
type Item = TreeItem & { iconPath?: { id: string }; resourceUri?: { path: string } };
const item = (v: LabsProvider, n: LabsNode) => v.getTreeItem(n) as Item;

describe('Labs view (fake vscode)', () => {
  beforeEach(() => fake.reset());

  it('lists a lab not in a course at the root, not graded until it is expanded', async () => {
    fake.files.set('/ws/labs/mini/lab.yaml', MINI);
    const v = start();
    const root = await v.getChildren();
    assert.deepEqual(
      root.map((n) => n.kind),
      ['lab'],
    );
    const lab = item(v, root[0]!);
    assert.equal(lab.label, 'mini');
    assert.equal(lab.description, 'not graded');
    assert.equal(lab.iconPath?.id, 'beaker');
    assert.equal(lab.contextValue, 'knetlab.lab');
    assert.equal(lab.collapsibleState, fake.TreeItemCollapsibleState.Collapsed);
    assert.equal(lab.id, 'lab:file:///ws/labs/mini');
    assert.equal(lab.resourceUri?.path, '/ws/labs/mini');
  });

  it('expanding a lab grades it: its exercises with their state and score, then its checks', async () => {
    fake.files.set('/ws/labs/mini/lab.yaml', MINI);
    const v = start();
    let changes = 0;
    v.onDidChangeTreeData(() => changes++);
    const [labNode] = await v.getChildren();
    const exercises = await v.getChildren(labNode);
    assert.ok(changes > 0, 'the new grade refreshes the view');
    assert.deepEqual(
      exercises.map((n) => n.kind),
      ['exercise', 'exercise'],
    );
    const lab = item(v, labNode!);
    assert.equal(lab.description, '12.5/15');
    assert.equal(lab.iconPath?.id, 'circle-large-outline', 'not full marks');

    const [same, far] = exercises.map((n) => item(v, n));
    assert.equal(same!.label, 'same-lan: Same LAN');
    assert.equal(same!.description, 'passed · 10/10');
    assert.equal(same!.iconPath?.id, 'pass');
    assert.equal(same!.tooltip, undefined, 'no hints, no tooltip');
    assert.equal(same!.id, 'exercise:file:///ws/labs/mini#same-lan');
    assert.equal(far!.label, 'far: Far away');
    assert.equal(far!.description, 'failed · 2.5/5');
    assert.equal(far!.iconPath?.id, 'error');
    assert.equal(far!.tooltip, 'Hint: a needs a route.');

    const checks = await v.getChildren(exercises[1]);
    assert.deepEqual(await v.getChildren(checks[0]), []);
    const [ok, bad] = checks.map((n) => item(v, n));
    assert.equal(ok!.label, 'reach #1');
    assert.equal(ok!.iconPath?.id, 'check');
    assert.equal(bad!.label, 'reach #2');
    assert.equal(bad!.iconPath?.id, 'close');
    assert.equal(bad!.collapsibleState, fake.TreeItemCollapsibleState.None);
    assert.match(String(bad!.description), /10\.9\.0\.1/);
    assert.equal(bad!.tooltip, bad!.description);
    // the check opens its line of lab.yaml
    const line = MINI.split('\n').findIndex((l) => l.includes('to: 10.9.0.1'));
    assert.equal(bad!.command?.command, 'vscode.open');
    const [uri, opts] = bad!.command!.arguments as [{ path: string }, { selection: { start: { line: number } } }];
    assert.equal(uri.path, '/ws/labs/mini/lab.yaml');
    assert.equal(opts.selection.start.line, line);
  });

  it('a lab with full marks shows a filled pass icon', async () => {
    fake.files.set('/ws/labs/mini/lab.yaml', MINI.replace('to: 10.9.0.1', 'to: 10.0.0.1'));
    const v = start();
    const [labNode] = await v.getChildren();
    await v.getChildren(labNode);
    const lab = item(v, labNode!);
    assert.equal(lab.description, '15/15');
    assert.equal(lab.iconPath?.id, 'pass-filled');
  });

  it('a course lists its labs under it, titled, with the sum of their scores once graded', async () => {
    fake.files.set('/ws/labs/course.yaml', readFileSync(join(__dirname, '..', '..', 'labs', 'course.yaml'), 'utf8'));
    for (const l of ['01-switching-routing', '02-gateway', '05-network-namespaces', '06-docker-networking']) fake.addLab(l);
    fake.files.set('/ws/other/lab.yaml', MINI);
    const v = start();
    const root = await v.getChildren();
    assert.deepEqual(
      root.map((n) => n.kind),
      ['course', 'lab'],
      'a lab of the course is not listed again at the root',
    );
    const course = item(v, root[0]!);
    assert.equal(course.label, 'Linux and Kubernetes networking');
    assert.equal(course.iconPath?.id, 'book');
    assert.equal(course.contextValue, 'knetlab.course');
    assert.equal(course.collapsibleState, fake.TreeItemCollapsibleState.Expanded);
    assert.equal(course.description, undefined, 'nothing graded yet');
    const labs = await v.getChildren(root[0]);
    assert.deepEqual(
      labs.map((n) => item(v, n).label),
      [
        'Switching and routing (01-switching-routing)',
        'Gateways (02-gateway)',
        'Name resolution and DNS (03-dns)',
        'CoreDNS (04-coredns)',
        'Network namespaces (05-network-namespaces)',
        'Docker networking (06-docker-networking)',
      ],
    );
    await v.getChildren(labs[1]);
    const g = String(item(v, labs[1]!).description);
    assert.match(g, /^[\d.]+\/[\d.]+$/);
    assert.equal(item(v, root[0]!).description, `score ${g}`, 'one lab graded: its score');
    await v.getChildren(labs[0]);
    const both = [labs[0]!, labs[1]!].map((n) => String(item(v, n).description).split('/').map(Number));
    const sum = (i: number) => Math.round((both[0]![i]! + both[1]![i]!) * 100) / 100;
    assert.equal(item(v, root[0]!).description, `score ${sum(0)}/${sum(1)}`, 'the course sums its graded labs');
  });

  it('speaks Korean when knetlab.language is ko', async () => {
    fake.settings.set('knetlab.language', 'ko');
    fake.files.set('/ws/labs/course.yaml', readFileSync(join(__dirname, '..', '..', 'labs', 'course.yaml'), 'utf8'));
    fake.files.set('/ws/labs/01-switching-routing/lab.yaml', MINI);
    const v = start();
    const [courseNode] = await v.getChildren();
    assert.equal(item(v, courseNode!).label, '리눅스와 쿠버네티스 네트워킹');
    const [labNode] = await v.getChildren(courseNode);
    assert.equal(item(v, labNode!).label, '스위칭과 라우팅 (01-switching-routing)');
    const exercises = await v.getChildren(labNode);
    assert.equal(item(v, exercises[1]!).label, 'far: 먼 곳');
    assert.match(String(item(v, exercises[1]!).tooltip), /a에 라우트가 필요합니다\./);
    const checks = await v.getChildren(exercises[1]);
    assert.match(String(item(v, checks[1]!).description), /[가-힣]/);
  });

  it('refresh() and a grade made elsewhere fire onDidChangeTreeData', async () => {
    fake.files.set('/ws/labs/mini/lab.yaml', MINI);
    const v = start();
    const fired: unknown[] = [];
    v.onDidChangeTreeData((e) => fired.push(e));
    v.refresh();
    assert.deepEqual(fired, [undefined]);
    await fake.commands.executeCommand('knetlab.gradeLab', fake.Uri.file('/ws/labs/mini'));
    assert.ok(fired.length > 1, 'the grade of the command reached the view');
    const [labNode] = await v.getChildren();
    assert.equal(item(v, labNode!).description, '12.5/15', 'and the view shows it without grading again');
  });
});
