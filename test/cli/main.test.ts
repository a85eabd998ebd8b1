import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knownOptions, main } from '../../src/cli/main';
import type { Command } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { traceJson, traceText } from '../../src/cli/commands/trace';
import { hashAnswer } from '../../src/core/grade/quiz';
import type { Step, TraceResult } from '../../src/core';

function run(...argv: string[]): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) }, { LANG: 'C' });
  return { out, err, code };
}

function tmpLab(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-cli-'));
  writeFileSync(join(dir, 'lab.yaml'), text);
  return dir;
}

describe('knetlab CLI', () => {
  it('check: a good lab has no errors and exits 0', () => {
    const r = run('check', 'labs/02-gateway');
    assert.equal(r.code, 0, r.out + r.err);
  });

  it('check: file:line:col: severity code: message, exit 1 on errors', () => {
    const dir = tmpLab('switches: [lan]\nhosts:\n  a:\n    interfaces:\n      eth0: lan\n    run: |\n      ip addr add 10.0.0.1/24 dev eth0\n      ip route add 10.9.0.0/24 via 10.1.0.1\n');
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

  it('check reads CNI configurations: .conflist and .conf, text and JSON, exit 1 on errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knetlab-cni-'));
    const bad = '{\n  "cniVersion": "1.0.0",\n  "name": "mynet",\n  "plugins": [\n    { "type": "bridge", "bridge": "cni0", "ipam": { "type": "host-local", "subnet": "10.22.0.0/16", "gateway": "10.23.0.1" } },\n    { "type": "portmp" }\n  ]\n}\n';
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
    assert.deepEqual(arr.map((d) => [d.code, d.line, d.column, d.endColumn, d.severity]), [['cni-ipam', 5, 112, 123, 'error'], ['cni-unknown-plugin', 6, 15, 23, 'warning']]);
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
    assert.deepEqual((JSON.parse(folder.out) as { file: string; code: string }[]).map((d) => [d.file.split(/[\\/]/).pop(), d.code]), [
      ['10-mynet.conflist', 'cni-unknown-plugin'],
      ['20-broken.conflist', 'cni-syntax'],
    ]);
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
    const r = spawnSync(process.execPath, ['dist/cli.js', 'trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /REPLIED/);
  });
});

describe('knetlab grade, variant, quiz-hash', () => {
  it('grade: text by default, exit 0 whatever the score', () => {
    const r = run('grade', 'labs/02-gateway');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Lab gateway: [0-9.]+\/55/);
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
    assert.equal(j.labs.length, 3);
    assert.equal(j.score, j.maxScore);
    const x = run('grade', 'labs/course.yaml', '--format', 'junit');
    assert.match(x.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="knetlab" tests="\d+" failures="\d+">/);
    assert.equal((x.out.match(/<testsuite /g) ?? []).length, 3);
    assert.equal(run('grade', 'labs/02-gateway', '--min-score', '100%').code, 1);
    assert.equal(run('grade', 'labs/02-gateway', '--solution', '--min-score', '100%').code, 0);
    assert.equal(run('grade', 'labs/02-gateway', '--min-score', 'lots').code, 2);
  });

  it('grade speaks Korean with --lang ko', () => {
    const r = run('grade', 'labs/02-gateway', '--lang', 'ko');
    assert.match(r.out, /^랩 gateway: [0-9.]+\/55/);
    assert.match(r.out, /실패 r-on-lan3/);
  });

  it('quiz-hash prints the line to paste', () => {
    const r = run('quiz-hash', 'On', 'b', '--salt', 'demo');
    assert.equal(r.out, `answer: { sha256: "${hashAnswer('On b', 'demo')}", salt: "demo" }\n`);
  });

  it('variant writes a student copy; grading it as someone else is refused', () => {
    const src = mkdtempSync(join(tmpdir(), 'knetlab-var-'));
    writeFileSync(join(src, 'lab.yaml'), `name: v
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
`);
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
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
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
      for (const c of COMMANDS.filter((x) => x.listing === 'option')) assert.match(r.out, new RegExp(`\\n  ${c.usage[lang]} +${c.help[lang]}\\n`));
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

describe('knetlab trace: legs', () => {
  const step = (host: string, stage: Step['stage'], en: string): Step => ({
    host,
    netns: '',
    stage,
    packet: { ip: { src: '10.0.0.1', dst: '10.0.0.2', ttl: 64, proto: 'udp' } },
    detail: { en, ko: `${en} (ko)` },
  });

  it('JSON: legs holds every leg, in the same form as request.steps; request and reply stay as they were', () => {
    const j = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10', '--format', 'json');
    const obj = JSON.parse(j.out);
    assert.deepEqual(Object.keys(obj), ['replied', 'verdict', 'reason', 'request', 'reply', 'legs']);
    assert.deepEqual(obj.legs, [
      { kind: 'request', steps: obj.request.steps },
      { kind: 'reply', answers: 0, steps: obj.reply.steps },
    ]);
    // A trace that got no reply has one leg.
    const none = JSON.parse(run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.4.10', '--format', 'json').out);
    assert.equal(none.replied, false);
    assert.deepEqual(none.legs.map((l: { kind: string }) => l.kind), none.reply.steps.length ? ['request', 'reply'] : ['request']);
  });

  it('text: a plain trace prints Request then Reply, as before', () => {
    const t = run('trace', 'labs/02-gateway', '--from', 'a', '--to', '192.168.2.10');
    const blocks = t.out.split('\n\n');
    assert.equal(blocks.length, 3, t.out);
    assert.match(blocks[1]!, /^Request:\n {2}1\. \[a\] send: /);
    assert.match(blocks[2]!, /^Reply:\n {2}1\. \[b eth0\] /);
  });

  // A name lookup before the connection, and a proxied connection: the legs a walk may give.
  const query = { kind: 'query' as const, label: { en: 'DNS query for web', ko: 'web의 DNS 질의' }, steps: [step('a', 'send', 'a asks the resolver.')] };
  const answer = { kind: 'answer' as const, answers: 0, steps: [step('dns', 'deliver', 'dns answers 10.0.0.2.')] };
  const request = { kind: 'request' as const, steps: [step('a', 'send', 'a sends.'), step('lb', 'deliver', 'lb accepts.')] };
  const proxied = { kind: 'request' as const, label: { en: 'proxied to 10.0.0.9:80', ko: '10.0.0.9:80으로 전달' }, parent: 2, steps: [step('lb', 'send', 'lb connects.')] };
  const proxiedReply = { kind: 'reply' as const, answers: 3, steps: [step('web', 'deliver', 'web answers.')] };
  const reply = { kind: 'reply' as const, answers: 2, steps: [step('lb', 'send', 'lb answers.'), step('a', 'deliver', 'a gets it.')] };
  const res: TraceResult = {
    replied: true,
    verdict: 'replied',
    reason: { en: 'a got its answer.', ko: 'a가 답을 받았습니다.' },
    request,
    reply,
    legs: [query, answer, request, proxied, proxiedReply, reply],
  };

  it('text prints every leg in walk order, with its label', () => {
    const text = traceText(res, 'a', 'web', 'tcp', 80, 'en');
    assert.equal(
      text,
      [
        'a -> web tcp/80: REPLIED: a got its answer.',
        '',
        'Query (DNS query for web):',
        '  1. [a] send: a asks the resolver.',
        '',
        'Answer:',
        '  1. [dns] deliver: dns answers 10.0.0.2.',
        '',
        'Request:',
        '  1. [a] send: a sends.',
        '  2. [lb] deliver: lb accepts.',
        '',
        'Request (proxied to 10.0.0.9:80):',
        '  1. [lb] send: lb connects.',
        '',
        'Reply:',
        '  1. [web] deliver: web answers.',
        '',
        'Reply:',
        '  1. [lb] send: lb answers.',
        '  2. [a] deliver: a gets it.',
        '',
      ].join('\n'),
    );
    const ko = traceText(res, 'a', 'web', 'tcp', 80, 'ko');
    assert.match(ko, /\n질의 \(web의 DNS 질의\):\n/);
    assert.match(ko, /\n답변:\n/);
    assert.match(ko, /\n요청 \(10\.0\.0\.9:80으로 전달\):\n/);
  });

  it('JSON gives each leg its kind, label, answers, parent and steps', () => {
    const j = JSON.parse(JSON.stringify(traceJson(res, 'ko')));
    assert.deepEqual(
      j.legs.map((l: Record<string, unknown>) => ({ ...l, steps: (l['steps'] as { detail: string }[]).map((s) => s.detail) })),
      [
        { kind: 'query', label: 'web의 DNS 질의', steps: ['a asks the resolver. (ko)'] },
        { kind: 'answer', answers: 0, steps: ['dns answers 10.0.0.2. (ko)'] },
        { kind: 'request', steps: ['a sends. (ko)', 'lb accepts. (ko)'] },
        { kind: 'request', label: '10.0.0.9:80으로 전달', parent: 2, steps: ['lb connects. (ko)'] },
        { kind: 'reply', answers: 3, steps: ['web answers. (ko)'] },
        { kind: 'reply', answers: 2, steps: ['lb answers. (ko)', 'a gets it. (ko)'] },
      ],
    );
    assert.deepEqual(j.request.steps, j.legs[2].steps);
    assert.deepEqual(j.reply.steps, j.legs[5].steps);
    // Legs without a kind (written before legs had kinds): the first is the request, the rest replies.
    const old = traceJson({ ...res, legs: [{ steps: request.steps }, { steps: reply.steps }] }, 'en');
    assert.deepEqual(old.legs.map((l) => l.kind), ['request', 'reply']);
  });
});
