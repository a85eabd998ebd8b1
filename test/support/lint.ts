/** What the lint tests share: lint a small lab given as YAML text, pick codes, find lines; two lab templates. */
import { strict as assert } from 'node:assert';
import type { Diagnostic, DiagnosticCode } from '../../src/core/text/diag';
import { lintWorld } from '../../src/core/lint/lint';
import { loadLab } from '../../src/core/lab/load';
import { buildWorld } from '../../src/core/world/build';

/** Loads and builds the lab (both must succeed) and lints it: warnings only, each in both languages. */
export function lint(text: string): Diagnostic[] {
  const loaded = loadLab(text, { file: 'lab.yaml' });
  assert.ok(loaded.lab, JSON.stringify(loaded.diagnostics));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'the test lab loads');
  const built = buildWorld(loaded.lab);
  assert.deepEqual(
    built.diagnostics.map((d) => d.message.en),
    [],
    'the test lab builds',
  );
  const diags = lintWorld(loaded.lab, built.world);
  for (const d of diags) {
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.en && d.message.ko && d.message.en !== d.message.ko, `${d.code}: both languages`);
  }
  return diags;
}

export function codes(diags: Diagnostic[], code?: DiagnosticCode): Diagnostic[] {
  return code ? diags.filter((d) => d.code === code) : diags;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`no line with ${needle}`);
}

export const TWO = (aRun: string, bRun: string, extra = ''): string => `name: t
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
${aRun
  .trim()
  .split('\n')
  .map((l) => '      ' + l.trim())
  .join('\n')}
  b:
    interfaces:
      eth0: lan1
    run: |
${bRun
  .trim()
  .split('\n')
  .map((l) => '      ' + l.trim())
  .join('\n')}
${extra}`;

/** Lab 02 of the course: a and b talk through r. */
export const GATEWAY = (rExtra: string): string => `name: gw
switches: [lan1, lan2]
hosts:
  a:
    interfaces:
      eth0: lan1
    run: |
      ip addr add 192.168.1.10/24 dev eth0
      ip route add 192.168.2.0/24 via 192.168.1.1
  r:
    interfaces:
      eth0: lan1
      eth1: lan2
    run: |
      ip addr add 192.168.1.1/24 dev eth0
      ip addr add 192.168.2.1/24 dev eth1
      ${rExtra}
  b:
    interfaces:
      eth0: lan2
    run: |
      ip addr add 192.168.2.10/24 dev eth0
      ip route add 192.168.1.0/24 via 192.168.2.1
`;
