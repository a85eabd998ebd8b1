/** Lab texts for the language-feature tests, and a generator of big labs for the timing test. */
import { readFileSync } from 'node:fs';
import { analyzeLab, type LabAnalysis } from '../../src/extension/language/analysis';
import type { Pos } from '../../src/extension/language/span';

export function readLab(dir: string): string {
  return readFileSync(new URL(`../../labs/${dir}/lab.yaml`, import.meta.url), 'utf8');
}

export function analyze(text: string): LabAnalysis {
  return analyzeLab(text, { file: 'lab.yaml' });
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function posOf(text: string, needle: string, delta = 0, nth = 0): Pos {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/**
 * A lab of about `lines` lines: pairs of /24 LANs joined by a router each, every leaf host with an
 * address and a default route, every router forwarding; one reach check per LAN pair.
 */
export function bigLab(lines: number): string {
  const out = ['name: big', 'switches:'];
  const pairs = Math.max(1, Math.round(lines / 49));
  for (let p = 0; p < pairs; p++) out.push(`  - l${p}a`, `  - l${p}b`);
  out.push('hosts:');
  for (let p = 0; p < pairs; p++) {
    const a = `10.${p}.1`;
    const b = `10.${p}.2`;
    out.push(
      `  r${p}:`,
      '    interfaces:',
      `      eth0: l${p}a`,
      `      eth1: l${p}b`,
      '    run: |',
      `      ip addr add ${a}.1/24 dev eth0`,
      `      ip addr add ${b}.1/24 dev eth1`,
      '      sysctl -w net.ipv4.ip_forward=1',
    );
    for (const [side, net] of [
      ['a', a],
      ['b', b],
    ] as const) {
      for (let k = 0; k < 3; k++) {
        out.push(
          `  h${p}${side}${k}:`,
          '    interfaces:',
          `      eth0: l${p}${side}`,
          '    run: |',
          `      ip addr add ${net}.${10 + k}/24 dev eth0`,
          `      ip route add default via ${net}.1`,
        );
      }
    }
  }
  out.push('exercises:');
  for (let p = 0; p < pairs; p++) out.push(`  - id: e${p}`, '    checks:', `      - reach: { from: h${p}a0, to: 10.${p}.2.10 }`);
  return out.join('\n') + '\n';
}
