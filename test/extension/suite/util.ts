/** Helpers for the extension-host tests: waiting for conditions (never fixed sleeps), lab files. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'knetlab.knetlab';

/** Resolves with the first value of `event` that satisfies `test`, or rejects after `ms`. */
export function waitForEvent<T>(event: vscode.Event<T>, test: (e: T) => boolean, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event((e) => {
      if (!test(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `test` (checks now, then on every change). */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  test: (d: readonly vscode.Diagnostic[]) => boolean,
  ms: number,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  const mine = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'knetlab');
  const pending = waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && test(mine()),
    ms,
    what,
  );
  if (test(mine())) {
    pending.catch(() => undefined);
    return mine();
  }
  await pending;
  return mine();
}

/** Polls `probe` until it returns a value (for state that has no event), bounded by `ms`. */
export async function poll<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** The workspace folder the tests write into (the runner opens a scratch folder). */
export function scratchFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the extension tests need a workspace folder');
  return f.uri;
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The bundled labs of the repository (the extension's own folder holds them). */
export function bundledLab(name: string): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return vscode.Uri.joinPath(ext.extensionUri, 'labs', name, 'lab.yaml');
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * A valid lab of `lines` lines: one switch and hosts of five lines each on 10.0.0.0/16.
 * Returns the text and the line (0-based) of the last host's `ip addr add` command.
 */
export function bigLab(lines: number): { text: string; addrLine: number } {
  const out = ['# A 1,000-line lab for the keystroke-to-diagnostics measurement.', 'name: big', 'switches: [lan]', 'hosts:'];
  let addrLine = -1;
  for (let i = 1; out.length + 5 <= lines; i++) {
    out.push(`  h${i}:`, '    interfaces: { eth0: lan }', '    run: |');
    addrLine = out.length;
    out.push(`      ip addr add 10.0.${Math.floor(i / 250)}.${(i % 250) + 1}/16 dev eth0`, `      ip link set eth0 mtu 1400`);
  }
  while (out.length < lines) out.push('# padding');
  return { text: out.join('\n') + '\n', addrLine };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Measurements go to the log as one line each (`knetlab-measure NAME VALUE UNIT`), for the runner. */
export function report(name: string, value: number, unit: string, note = ''): void {
  console.log(`knetlab-measure ${name} ${value.toFixed(1)} ${unit}${note ? ' ' + note : ''}`);
}
