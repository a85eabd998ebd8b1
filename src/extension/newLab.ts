/** `knetlab.newLab`: a lab folder from a template (lab.yaml, README.md, README.ko.md). */
import * as vscode from 'vscode';
import { exists, writeText } from './labfs';
import { uriOf } from './pickers';

export function labTemplate(name: string): Map<string, string> {
  return new Map([
    [
      'lab.yaml',
      `# ${name}: two hosts on one switch. Edit the run lines, then grade with knetlab.
name: ${name}
title: { en: "${name}", ko: "${name}" }
switches: [lan1]
hosts:
  a:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.1/24 dev eth0
  b:
    interfaces: { eth0: lan1 }
    run: |
      ip addr add 10.0.0.2/24 dev eth0
    serve: [tcp/80]

exercises:
  - id: a-reaches-b
    title: { en: "a reaches b", ko: "a가 b와 통신하기" }
    task:
      en: "Make a reach b's web server on tcp/80."
      ko: "a가 tcp/80으로 b의 웹 서버에 접근할 수 있게 하세요."
    points: 10
    hints:
      - { en: "Both hosts need an address in the same subnet.", ko: "두 호스트 모두 같은 서브넷의 주소가 필요합니다." }
    checks:
      - reach: { from: a, to: 10.0.0.2 }
`,
    ],
    [
      'README.md',
      `# ${name}\n\nTwo hosts, \`a\` and \`b\`, on the switch \`lan1\`.\n\n## Exercises\n\n- **a-reaches-b**: make \`a\` reach \`b\`.\n\nGrade with *knetlab: Grade Lab* or \`knetlab grade ${name}\`.\n`,
    ],
    [
      'README.ko.md',
      `# ${name}\n\n스위치 \`lan1\`에 연결된 두 호스트 \`a\`와 \`b\`.\n\n## 실습\n\n- **a-reaches-b**: \`a\`가 \`b\`와 통신할 수 있게 하세요.\n\n*knetlab: 실습 채점* 또는 \`knetlab grade ${name}\`으로 채점하세요.\n`,
    ],
  ]);
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export async function newLab(arg?: unknown): Promise<vscode.Uri | undefined> {
  let parent = uriOf(arg);
  if (parent) {
    try {
      if (!((await vscode.workspace.fs.stat(parent)).type & vscode.FileType.Directory)) parent = vscode.Uri.joinPath(parent, '..');
    } catch {
      parent = undefined;
    }
  }
  parent ??= vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!parent) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: a new lab is created inside it.'));
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Name of the new lab folder'),
    placeHolder: '06-my-lab',
    validateInput: (v) => (NAME.test(v) ? undefined : vscode.l10n.t('Lower-case letters, digits, ".", "_" and "-" only.')),
  });
  if (!name) return undefined;
  const dir = vscode.Uri.joinPath(parent, name);
  if (await exists(dir)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(dir, false)));
    return undefined;
  }
  for (const [rel, text] of labTemplate(name)) await writeText(vscode.Uri.joinPath(dir, rel), text);
  const labFile = vscode.Uri.joinPath(dir, 'lab.yaml');
  await vscode.window.showTextDocument(labFile);
  return dir;
}
