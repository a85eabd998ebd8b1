import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knownOptions, main } from '../../src/cli/main';
import type { Command } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { hashAnswer } from '../../src/core/net/answer';

import { run, tmpLab } from '../support/cli';

describe('knetlab CLI', () => {
  it('check: a good lab has no errors and exits 0', () => {
    const r = run('check', 'labs/02-gateway');
    assert.equal(r.code, 0, r.out + r.err);
  });

  it('check: file:line:col: severity code: message, exit 1 on errors', () => {
    const dir = tmpLab(
      'switches: [lan]\nhosts:\n  a:\n    interfaces:\n      eth0: lan\n    run: |\n      ip addr add 10.0.0.1/24 dev eth0\n      ip route add 10.9.0.0/24 via 10.1.0.1\n',
    );
    const r = run('check', dir);
    assert.equal(r.code, 1);
    const line = r.out.split('\n').find((l) => l.includes('command-failed'))!;
    assert.match(line, /lab\.yaml:8:36: error command-failed: .*Error: Nexthop has invalid gateway\./);
  });

  it('check reads a Corefile too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-cf-'));
    writeFileSync(join(dir, 'Corefile'), '.:53 {\n  forwrd . 8.8.8.8\n}\n');
    const r = run('check', join(dir, 'Corefile'));
    assert.equal(r.code, 1);
    assert.match(r.out, /Corefile:2:3: error corefile-unknown-plugin: Unknown plugin "forwrd"; did you mean "forward"\?/);
  });

  it('check reads NAME.Corefile, with what CoreDNS refuses at start-up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-cf-'));
    writeFileSync(join(dir, 'broken.Corefile'), '.:53 {\n  cache 0\n  reload 1s\n}\n');
    const r = run('check', join(dir, 'broken.Corefile'));
    assert.equal(r.code, 1);
    assert.match(r.out, /broken\.Corefile:2:9: error corefile-plugin-args: plugin\/cache: cache TTL can not be zero or negative: 0/);
    assert.match(r.out, /broken\.Corefile:3:10: error corefile-plugin-args: plugin\/reload: interval value must be greater or equal to 2s/);
  });

  it('check reads any file as a Corefile with --as corefile (or --lang corefile)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-cf-'));
    writeFileSync(join(dir, 'dns.conf.txt'), '.:53 {\n  health :8080 foo\n}\n');
    for (const opt of ['--as', '--lang']) {
      const r = run('check', join(dir, 'dns.conf.txt'), opt, 'corefile');
      assert.equal(r.code, 1, opt);
      assert.match(r.out, /dns\.conf\.txt:2:\d+: error corefile-plugin-args: /, opt);
    }
  });

  it('check reads CNI configurations: .conflist and .conf, text and JSON, exit 1 on errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-cni-'));
    const bad =
      '{\n  "cniVersion": "1.0.0",\n  "name": "mynet",\n  "plugins": [\n    { "type": "bridge", "bridge": "cni0", "ipam": { "type": "host-local", "subnet": "10.22.0.0/16", "gateway": "10.23.0.1" } },\n    { "type": "portmp" }\n  ]\n}\n';
    writeFileSync(join(dir, '10-mynet.conflist'), bad);
    const r = run('check', join(dir, '10-mynet.conflist'));
    assert.equal(r.code, 1, r.out + r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2, r.out);
    assert.match(lines[0]!, /10-mynet\.conflist:5:112: error cni-ipam: gateway 10\.23\.0\.1 is not in the subnet 10\.22\.0\.0\/16/);
    assert.match(lines[1]!, /10-mynet\.conflist:6:15: warning cni-unknown-plugin: Unknown plugin type "portmp"; did you mean "portmap"\?/);
    assert.match(r.err, /1 error\(s\), 1 warning\(s\)/);
    const j = run('check', join(dir, '10-mynet.conflist'), '--format', 'json');
    assert.equal(j.code, 1);
    const arr = JSON.parse(j.out) as { code: string; line: number; column: number; endColumn: number; severity: string; message: string }[];
    assert.deepEqual(
      arr.map((d) => [d.code, d.line, d.column, d.endColumn, d.severity]),
      [
        ['cni-ipam', 5, 112, 123, 'error'],
        ['cni-unknown-plugin', 6, 15, 23, 'warning'],
      ],
    );
    const ko = run('check', join(dir, '10-mynet.conflist'), '--lang', 'ko');
    assert.match(ko.out, /서브넷 10\.22\.0\.0\/16 안에 있지 않습니다/);
    // A single-plugin .conf, and a warning only: exit 0.
    writeFileSync(join(dir, '99-loopback.conf'), '{ "cniVersion": "1.0.0", "name": "lo", "type": "loopback" }\n');
    assert.equal(run('check', join(dir, '99-loopback.conf')).code, 0);
    writeFileSync(join(dir, '10-mynet.conflist'), bad.replace('10.23.0.1', '10.22.0.1'));
    const w = run('check', join(dir, '10-mynet.conflist'));
    assert.equal(w.code, 0, w.out);
    assert.match(w.err, /0 error\(s\), 1 warning\(s\)/);
    // A folder of CNI configurations (no lab.yaml in it): every .conflist and .conf in it.
    writeFileSync(join(dir, '20-broken.conflist'), '{ "cniVersion": "1.0.0", "name": "b", "plugins": [ { "type": "bridge" }, ] }');
    const folder = run('check', dir, '--format', 'json');
    assert.equal(folder.code, 1);
    assert.deepEqual(
      (JSON.parse(folder.out) as { file: string; code: string }[]).map((d) => [d.file.split(/[\\/]/).pop(), d.code]),
      [
        ['10-mynet.conflist', 'cni-unknown-plugin'],
        ['20-broken.conflist', 'cni-syntax'],
      ],
    );
  });

  it('check --format json prints 1-based positions', () => {
    const dir = tmpLab('hosts:\n  a:\n    interface: {}\n');
    const r = run('check', dir, '--format', 'json');
    const arr = JSON.parse(r.out);
    const d = arr.find((x: { code: string }) => x.code === 'unknown-key');
    assert.equal(d.line, 3);
    assert.equal(d.column, 5);
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
  });

  it('trace: the answer first, then the steps; JSON has the documented shape', () => {
    const t = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10');
    assert.equal(t.code, 0, t.err);
    assert.match(t.out.split('\n')[0]!, /^a -> 192\.168\.2\.10 ping: REPLIED/);
    const j = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10', '--proto', 'tcp', '--port', '80', '--format', 'json');
    const obj = JSON.parse(j.out);
    assert.equal(obj.replied, true);
    assert.equal(obj.verdict, 'replied');
    assert.equal(typeof obj.reason, 'string');
    assert.ok(Array.isArray(obj.request.steps) && obj.request.steps.length > 0);
    assert.ok(Array.isArray(obj.reply.steps) && obj.reply.steps.length > 0);
    for (const s of obj.request.steps) assert.ok(s.host && s.stage && s.packet && typeof s.detail === 'string');
  });

  it('trace in Korean', () => {
    const t = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10', '--lang', 'ko');
    assert.match(t.out, /요청:/);
  });

  it('exec prints what the real tool prints', () => {
    const r = run('exec', 'labs/02-gateway', '--on', 'a', '--', 'ip', 'route', 'get', '192.168.2.10');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '192.168.2.10 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache \n');
  });

  it('bad input: one line on stderr and exit 2', () => {
    for (const argv of [
      ['trace', 'no/such/lab', '--from', 'a', '--to', '1.2.3.4'],
      ['trace', 'labs/02-gateway', '--from', 'zz', '--to', '1.2.3.4'],
      ['trace', 'labs/02-gateway', '--from', 'a/red', '--to', '1.2.3.4'],
      ['trace', 'labs/02-gateway', '--from', 'a', '--to', '1.2.3'],
      ['trace', 'labs/02-gateway', '--from', 'a', '--to', '1.2.3.4', '--port', 'x'],
      ['exec', 'labs/02-gateway', '--on', 'q', '--', 'ip', 'route'],
      ['frobnicate'],
      ['check', '--bogus'],
    ]) {
      const r = run(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, /^knetlab: /);
    }
  });

  it('the built CLI runs as a program', function () {
    if (!existsSync('dist/cli.js')) this.skip();
    const r = spawnSync(process.execPath, ['dist/cli.js', 'trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /REPLIED/);
  });
});

describe('knetlab grade, variant, quiz-hash', () => {
  it('grade: text by default, exit 0 whatever the score', () => {
    const r = run('grade', 'labs/02-gateway');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Lab gateway: [0-9.]+\/65/);
    assert.match(r.out, /FAIL r-on-lan3/);
  });

  it('grade --solution --format json: the documented shape, full marks', () => {
    const r = run('grade', 'labs/02-gateway', '--solution', '--format', 'json');
    const g = JSON.parse(r.out);
    assert.equal(g.score, g.maxScore);
    for (const k of ['lab', 'score', 'maxScore', 'exercises']) assert.ok(k in g, k);
    for (const e of g.exercises) for (const k of ['id', 'score', 'maxScore', 'checks']) assert.ok(k in e, k);
    for (const c of g.exercises[0].checks) for (const k of ['kind', 'passed', 'feedback']) assert.ok(k in c, k);
  });

  it('grade a course: sums the labs; JUnit XML; --min-score', () => {
    const j = JSON.parse(run('grade', 'labs', '--solution', '--format', 'json').out);
    assert.equal(j.labs.length, 6);
    assert.equal(j.score, j.maxScore);
    const x = run('grade', 'labs/course.yaml', '--format', 'junit');
    assert.match(x.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="knetlab" tests="\d+" failures="\d+">/);
    assert.equal((x.out.match(/<testsuite /g) ?? []).length, 6);
    assert.equal(run('grade', 'labs/02-gateway', '--min-score', '100%').code, 1);
    assert.equal(run('grade', 'labs/02-gateway', '--solution', '--min-score', '100%').code, 0);
    assert.equal(run('grade', 'labs/02-gateway', '--min-score', 'lots').code, 2);
  });

  it('grade speaks Korean with --lang ko', () => {
    const r = run('grade', 'labs/02-gateway', '--lang', 'ko');
    assert.match(r.out, /^실습 gateway: [0-9.]+\/65/);
    assert.match(r.out, /실패 r-on-lan3/);
  });

  it('quiz-hash prints the line to paste', () => {
    const r = run('quiz-hash', 'On', 'b', '--salt', 'demo');
    assert.equal(r.out, `answer: { sha256: "${hashAnswer('On b', 'demo')}", salt: "demo" }\n`);
  });

  it('variant writes a student copy; grading it as someone else is refused', () => {
    const src = mkdtempSync(join(tmpdir(), 'knetlab-var-'));
    writeFileSync(
      join(src, 'lab.yaml'),
      `name: v
variables:
  net: { subnet: 10.0.0.0/8, prefix: 24 }
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    run: |
      ip addr add {{ net.1 }}/{{ net.len }} dev eth0
exercises:
  - id: own
    points: 1
    checks:
      - route: { on: a, to: "{{ net.9 }}", dev: eth0 }
`,
    );
    mkdirSync(join(src, 'solution'));
    writeFileSync(join(src, 'solution', 'answers.yaml'), 'own: x\n');
    const out = join(mkdtempSync(join(tmpdir(), 'knetlab-var-out-')), 'alice');
    const v = run('variant', src, '--student', 'alice', '--out', out);
    assert.equal(v.code, 0, v.err);
    const text = readFileSync(join(out, 'lab.yaml'), 'utf8');
    assert.match(text, /variant: \{ student: "alice"/);
    assert.doesNotMatch(text, /\{\{/);
    assert.ok(!existsSync(join(out, 'solution')));
    assert.equal(JSON.parse(run('grade', out, '--format', 'json').out).score, 1);
    const other = JSON.parse(run('grade', out, '--student', 'bob', '--format', 'json').out);
    assert.ok(other.diagnostics.some((d: { code: string }) => d.code === 'variant-mismatch'));
    const again = join(out, '..', 'alice2');
    run('variant', src, '--student', 'alice', '--out', again);
    assert.equal(readFileSync(join(again, 'lab.yaml'), 'utf8'), text, 'same student, same variant');
    assert.equal(run('variant', src, '--student', 'alice', '--out', out).code, 2, 'refuses a non-empty folder');
  });
});

describe('knetlab commands describe themselves', () => {
  it('every command has a unique name and aliases, a one-line summary, usage and help in both languages', () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    assert.equal(new Set(words).size, words.length, words.join(' '));
    for (const c of COMMANDS) {
      for (const lang of ['en', 'ko'] as const) {
        for (const text of [c.summary, c.usage, c.help]) assert.ok(text[lang].trim(), `${c.name}: ${lang}`);
        assert.doesNotMatch(c.summary[lang], /\n/, `${c.name}: the summary is one line`);
      }
      assert.match(c.summary.ko, /[가-힣]/, `${c.name}: the Korean summary is Korean`);
    }
    assert.equal(COMMANDS.filter((c) => c.isDefault).length, 1, 'one default command');
  });

  it('a command is one module of src/cli/commands, and the registry lists them all', () => {
    const dir = join(__dirname, '..', '..', 'src', 'cli', 'commands');
    const modules = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual(COMMANDS.map((c) => c.name).sort(), modules);
    // main.ts names no command: it only finds them in the registry.
    const mainText = readFileSync(join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), 'utf8');
    for (const c of COMMANDS) assert.doesNotMatch(mainText, new RegExp(`['"]${c.name}['"]`), c.name);
  });

  it('no option is a flag for one command and takes a value for another', () => {
    const { values, flags } = knownOptions(COMMANDS);
    for (const f of flags) assert.ok(!values.has(f), f);
    for (const c of COMMANDS) for (const o of c.options) assert.match(o.name, /^--?[a-z]/, `${c.name} ${o.name}`);
  });

  it('the help lists every command from its description, in English and Korean', () => {
    for (const lang of ['en', 'ko'] as const) {
      const r = run('--help', '--lang', lang);
      assert.equal(r.code, 0);
      for (const c of COMMANDS.filter((x) => x.listing === 'command')) {
        assert.ok(r.out.includes(`\n  knetlab ${c.usage[lang]}\n`), `${lang} ${c.name}`);
        for (const line of c.help[lang].split('\n')) assert.ok(r.out.includes(`\n      ${line}\n`), `${lang} ${c.name}: ${line}`);
      }
      for (const c of COMMANDS.filter((x) => x.listing === 'option'))
        assert.match(r.out, new RegExp(`\\n  ${c.usage[lang]} +${c.help[lang]}\\n`));
    }
    // No command is a usage error that prints the help; --help after any command prints it too.
    const none = run();
    assert.equal(none.code, 2);
    assert.equal(none.out, run('help').out);
    assert.equal(run('trace', '--help').out, none.out);
    assert.equal(run('--version').out, 'knetlab 0.1.0\n');
  });

  it('a new command is one more entry of the registry: main finds it and the help lists it', () => {
    const hello: Command = {
      name: 'hello',
      summary: { en: 'Say hello.', ko: '인사합니다.' },
      usage: { en: 'hello NAME [--loud]', ko: 'hello 이름 [--loud]' },
      help: { en: 'Say hello to NAME.', ko: '이름에게 인사합니다.' },
      listing: 'command',
      options: [{ name: '--loud' }],
      run: (p, { io }) => {
        io.out(`hello ${p.positional[0]}${p.options.has('--loud') ? '!' : ''}\n`);
        return 0;
      },
    };
    const commands = [...COMMANDS, hello];
    const call = (...argv: string[]) => {
      let out = '';
      const code = main(argv, { out: (s) => (out += s), err: (s) => (out += s) }, { LANG: 'C' }, commands);
      return { out, code };
    };
    assert.deepEqual(call('hello', 'you', '--loud'), { out: 'hello you!\n', code: 0 });
    assert.match(call('--help').out, /\n {2}knetlab hello NAME \[--loud\]\n {6}Say hello to NAME\.\n\nOptions:/);
    assert.equal(call('check', '--loud').code, 2, 'check still wants a path (its options are parsed as before)');
  });
});
