/**
 * Korean that reads as Korean: no fallback particle (이(가), 을(를), 은(는), (으)로, 와(과)) in the
 * Korean output of every bundled lab's `check`, `trace` (each reach and noreach check's trace, on the
 * lab as given and on its solution) and `grade`, nor in any Korean string of the source.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runWith } from '../support/cli';

const FALLBACK = /이\(가\)|가\(이\)|은\(는\)|는\(은\)|을\(를\)|를\(을\)|\(으\)로|와\(과\)|과\(와\)|\(이\)|\(과\)|\(와\)/;
const LABS = 'labs';

function ko(...argv: string[]): { out: string; err: string; code: number } {
  return runWith({ LANG: 'C', KNETLAB_NO_RECORD: '1' }, '--lang', 'ko', ...argv);
}

function assertKorean(what: string, text: string): void {
  const m = FALLBACK.exec(text);
  assert.equal(m, null, `${what}: a fallback particle "${m?.[0]}" in\n${text}`);
}

function labDirs(): string[] {
  return readdirSync(LABS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LABS, d.name, 'lab.yaml')))
    .map((d) => join(LABS, d.name))
    .sort();
}

/** Each reach and noreach check of a lab file, as the arguments of `knetlab trace`. */
function reachChecks(labFile: string): string[][] {
  const out: string[][] = [];
  for (const m of readFileSync(labFile, 'utf8').matchAll(/-\s*(?:no)?reach:\s*\{([^}]*)\}/g)) {
    const fields = new Map(
      m[1]!.split(',').map((kv) => {
        const i = kv.indexOf(':');
        return [kv.slice(0, i).trim(), kv.slice(i + 1).trim()] as const;
      }),
    );
    const args = ['--from', fields.get('from')!, '--to', fields.get('to')!];
    if (fields.has('proto')) args.push('--proto', fields.get('proto')!);
    if (fields.has('port')) args.push('--port', fields.get('port')!);
    out.push(args);
  }
  return out;
}

/** Each resolve check of a lab file, as the arguments of `knetlab resolve`. */
function resolveChecks(labFile: string): string[][] {
  const lab = parse(readFileSync(labFile, 'utf8')) as { exercises?: { checks?: Record<string, Record<string, string>>[] }[] };
  return (lab.exercises ?? []).flatMap((e) =>
    (e.checks ?? [])
      .map((c) => c['resolve'])
      .filter((r): r is Record<string, string> => r !== undefined)
      .map((r) => [
        '--from',
        r['from']!,
        r['name']!,
        ...(r['tool'] ? ['--tool', r['tool']] : []),
        ...(r['type'] ? ['--type', r['type']] : []),
      ]),
  );
}

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('Korean without fallback particles', () => {
  const labs = labDirs();

  it('finds the bundled labs and their reach (or, for the DNS labs, resolve) checks', () => {
    assert.ok(labs.length >= 3);
    for (const lab of labs) assert.ok(reachChecks(join(lab, 'lab.yaml')).length + resolveChecks(join(lab, 'lab.yaml')).length > 0, lab);
    assert.ok(labs.filter((lab) => resolveChecks(join(lab, 'lab.yaml')).length > 0).length >= 2, 'the DNS labs');
  });

  for (const lab of labs) {
    const solution = join(lab, 'solution');
    const worlds = existsSync(join(solution, 'lab.yaml')) ? [lab, solution] : [lab];

    it(`${lab}: check and grade, as given and with the solution`, () => {
      for (const dir of worlds) {
        const r = ko('check', dir);
        assert.ok(r.out + r.err, `check ${dir} printed nothing`);
        assertKorean(`check ${dir}`, r.out + r.err);
      }
      for (const extra of [[], ['--solution']]) {
        const r = ko('grade', lab, ...extra);
        assert.match(r.out, /통과|실패/, `grade ${lab} ${extra.join(' ')} shows no Korean verdict:\n${r.out}${r.err}`);
        assertKorean(`grade ${lab} ${extra.join(' ')}`, r.out + r.err);
      }
    });

    it(`${lab}: the trace of every reach and noreach check, as given and with the solution`, () => {
      const checks = reachChecks(join(lab, 'lab.yaml'));
      for (const dir of worlds) {
        for (const args of checks) {
          const r = ko('trace', dir, ...args);
          const text = r.out + r.err;
          assert.ok(text.trim(), `trace ${dir} ${args.join(' ')} printed nothing`);
          // The verdict is in the course's words, not the English id.
          assert.doesNotMatch(text, /\b(REPLIED|DROPPED|REFUSED|NO-ROUTE|HOST-UNREACHABLE)\b/, `trace ${dir} ${args.join(' ')}`);
          assertKorean(`trace ${dir} ${args.join(' ')}`, text);
        }
      }
    });

    it(`${lab}: the lookup of every resolve check, as given and with the solution`, () => {
      const checks = resolveChecks(join(lab, 'lab.yaml'));
      for (const dir of worlds) {
        for (const args of checks) {
          const r = ko('resolve', dir, ...args);
          const text = r.out + r.err;
          assert.ok(text.trim(), `resolve ${dir} ${args.join(' ')} printed nothing`);
          // The status is in the course's words, not nsswitch.conf's.
          assert.doesNotMatch(text.split('\n')[0]!, /\b(SUCCESS|NOTFOUND|NODATA|TRYAGAIN|UNAVAIL)\b/, `resolve ${dir} ${args.join(' ')}`);
          assertKorean(`resolve ${dir} ${args.join(' ')}`, text);
        }
      }
    });
  }

  it('the source has no fallback particle in a Korean string', () => {
    const files = [...sources('src'), ...sources('webview'), 'package.nls.ko.json', ...readdirSync('l10n').map((f) => join('l10n', f))];
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // particle.ts names the forms it never prints, in its comment.
          if (file.endsWith(join('text', 'particle.ts')) && /^\s*(\*|\/\/|\/\*\*)/.test(line)) return;
          if (FALLBACK.test(line) && /[\uac00-\ud7a3]/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(found, []);
  });
});
