/**
 * iptables-save and iptables-restore as a lab's run lines use them (commands/iptablesSave.ts): a
 * restore from a lab file through `< FILE` or as an argument, its failure as a diagnostic on the run
 * line with the real tool's message, and the options the tools read.
 */
import { strict as assert } from 'node:assert';
import { checkLab, execCommand } from '../../../src/core';
import { labWorld } from '../../support/world';

const RULES = `        *filter
        :INPUT DROP [0:0]
        :WEB - [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -p tcp --dport 80 -j WEB
        -A WEB -s 10.0.0.0/8 -j ACCEPT
        COMMIT
`;

function lab(run: string, rules = RULES): string {
  return `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    files:
      /etc/iptables/rules.v4: |
${rules}    run: |
      ip addr add 10.0.0.1/24 dev eth0
      ${run}
`;
}

describe('iptables-restore in run lines', () => {
  it('reads a lab file through `< FILE` and as its argument; iptables-save prints what it loaded', () => {
    for (const line of ['iptables-restore < /etc/iptables/rules.v4', 'iptables-restore /etc/iptables/rules.v4']) {
      const w = labWorld(lab(line));
      const out = execCommand(w, { host: 'a', netns: '' }, 'iptables-save -t filter');
      assert.match(
        out.stdout,
        /\n\*filter\n:INPUT DROP \[0:0\]\n:FORWARD ACCEPT \[0:0\]\n:OUTPUT ACCEPT \[0:0\]\n:WEB - \[0:0\]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 80 -j WEB\n-A WEB -s 10\.0\.0\.0\/8 -j ACCEPT\nCOMMIT\n/,
        line,
      );
    }
  });

  it("a failed restore is an error on its run line with the tool's message, at the file it read", () => {
    const text = lab('iptables-restore /etc/iptables/rules.v4', RULES.replace('-j WEB', '-j WBE'));
    const all = checkLab(text, { file: 'lab.yaml', readFile: () => undefined }).filter((x) => x.severity === 'error');
    assert.equal(all.length, 2, JSON.stringify(all));
    const d = all.filter((x) => x.line > 15);
    assert.equal(d[0]!.code, 'command-failed');
    const src = text.split('\n');
    assert.equal(src[d[0]!.line - 1]!.trim(), 'iptables-restore /etc/iptables/rules.v4');
    assert.equal(src[d[0]!.line - 1]!.slice(d[0]!.column - 1, d[0]!.endColumn - 1), '/etc/iptables/rules.v4');
    assert.match(d[0]!.message.en, /iptables-restore v1\.8\.9 \(nf_tables\): Chain 'WBE' does not exist\nError occurred at line: 7/);
    assert.match(d[0]!.message.ko, /Chain 'WBE' does not exist/);
    // and at the file's own line that names the missing chain (the tool counts to COMMIT's)
    const inFile = all.find((x) => x.line < 15)!;
    assert.equal(src[inFile.line - 1]!.slice(inFile.column - 1, inFile.endColumn - 1), '-A INPUT -p tcp --dport 80 -j WBE');
    assert.match(
      inFile.message.en,
      /^Line 5 of \/etc\/iptables\/rules\.v4: "iptables-restore \/etc\/iptables\/rules\.v4" fails here \(exit status 2\): /,
    );
    assert.match(
      inFile.message.ko,
      /^\/etc\/iptables\/rules\.v4의 5번째 줄: "iptables-restore \/etc\/iptables\/rules\.v4" 명령이 여기서 실패합니다 \(종료 상태 2\): /,
    );
  });

  it('through `< FILE` too: the line of a word it cannot read, in the lab file', () => {
    const text = lab('iptables-restore -n < /etc/iptables/rules.v4', RULES.replace('--dport 80', '--dprot 80'));
    const all = checkLab(text, { file: 'lab.yaml', readFile: () => undefined }).filter((x) => x.severity === 'error');
    const src = text.split('\n');
    assert.deepEqual(
      all.map((x) => src[x.line - 1]!.slice(x.column - 1, x.endColumn - 1)),
      ['iptables-restore -n < /etc/iptables/rules.v4', '-A INPUT -p tcp --dprot 80 -j WEB'],
    );
  });

  it('its own options and files fail as the tool does', () => {
    const w = labWorld(lab('true'));
    const run = (line: string) => {
      const r = execCommand(w, { host: 'a', netns: '' }, line);
      return [r.status, r.stderr];
    };
    const hint = "Try `iptables-restore -h' for more information.\n";
    assert.deepEqual(run('iptables-restore -x'), [1, `iptables-restore: invalid option -- 'x'\n${hint}`]);
    assert.deepEqual(run('iptables-restore --bogus'), [1, `iptables-restore: unrecognized option '--bogus'\n${hint}`]);
    assert.deepEqual(run('iptables-restore a b'), [1, 'Unknown arguments found on commandline\n']);
    assert.deepEqual(run('iptables-restore /nonexist'), [1, "Can't open /nonexist: No such file or directory\n"]);
    assert.deepEqual(run('iptables-restore -V'), [0, '']);
    assert.deepEqual(run('iptables-restore < /dev/null'), [0, '']);
    assert.deepEqual(run('iptables-restore -n -T nat --noflush /etc/iptables/rules.v4'), [0, '']);
    assert.equal(execCommand(w, { host: 'a', netns: '' }, 'iptables-save').stdout, '');
  });
});
