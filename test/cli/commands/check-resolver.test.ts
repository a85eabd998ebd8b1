/**
 * `knetlab check` on the resolver's files: standalone by their name (hosts, resolv.conf,
 * nsswitch.conf) or `--as`, and inside a lab at the place in lab.yaml of an inline file's line.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tmpLab } from '../../support/cli';

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-resolver-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const json = (out: string) => JSON.parse(out) as { line: number; column: number; code: string; severity: string; message: string }[];

describe('knetlab check: the resolver files', () => {
  it('resolv.conf by its name (not read as a CNI .conf): each diagnostic with its place and code', () => {
    const file = tmpFile('resolv.conf', 'nameserver 10.0.0.1\noptions ndots:20 rotate\n');
    const r = run('check', file, '--format', 'json');
    assert.equal(r.code, 0);
    assert.deepEqual(
      json(r.out).map((d) => [d.line, d.column, d.code, d.severity]),
      [[2, 9, 'resolv-option-capped', 'warning']],
    );
    assert.match(json(r.out)[0]!.message, /ndots:20 is more than glibc allows: it uses 15\./);
  });

  it('nsswitch.conf by its name: a wrong action item is an error (exit 1), in text and in Korean', () => {
    const file = tmpFile('nsswitch.conf', 'hosts: files [NOTFOUND=retrun] dns\n');
    const r = run('check', file);
    assert.equal(r.code, 1);
    assert.match(r.out, /nsswitch\.conf:1:24: error nsswitch-bad-action: "retrun" is no action \(return, continue, merge\)/);
    const ko = run('--lang', 'ko', 'check', file);
    assert.match(ko.out, /"retrun"은 동작이 아닙니다\(return, continue, merge\)/);
  });

  it('--as reads any file name as the kind given; an unknown kind is a usage error', () => {
    const file = tmpFile('myhosts.txt', '10.0.0.256 web\n');
    const r = run('check', file, '--as', 'hosts', '--format', 'json');
    assert.deepEqual(
      json(r.out).map((d) => [d.line, d.column, d.code]),
      [[1, 1, 'hosts-bad-address']],
    );
    const bad = run('check', file, '--as', 'host');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown file kind "host" \(hosts, resolv, nsswitch, zone or corefile\)/);
  });

  it('in a lab: an inline file at its own line and column of lab.yaml; a from: file at its key, the line named', () => {
    const dir = tmpLab(`name: dns
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    files:
      /etc/resolv.conf: |
        nameserver 10.0.0.53
        search lab.example
          options ndots:2
      /etc/hosts: { from: hosts.txt }
      /etc/nsswitch.conf: "hosts: files dns\\n"
`);
    writeFileSync(join(dir, 'hosts.txt'), '127.0.0.1 localhost\n10.0.0.7\n');
    const r = run('check', dir, '--format', 'json');
    assert.deepEqual(
      json(r.out).map((d) => [d.line, d.column, d.code]),
      [
        [10, 11, 'resolv-unknown-keyword'],
        [11, 7, 'hosts-no-name'],
      ],
    );
    assert.match(json(r.out)[1]!.message, /^Line 2 of \/etc\/hosts: The address 10\.0\.0\.7 has no name/);
  });
});
