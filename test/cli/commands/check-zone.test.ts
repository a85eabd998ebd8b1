/**
 * `knetlab check` on zone files: a file named db.ZONE or ZONE.zone is read as CoreDNS's file
 * plugin reads it, with the zone from its name; any other file with `--as zone` (the zone from
 * `--origin` or its $ORIGIN). Exit 1 on errors, 0 on warnings only.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zoneFileOrigin } from '../../../src/cli/commands/check';
import { run, runWith } from '../../support/cli';

const GOOD = '$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n  IN NS ns1\nns1 IN A 10.0.0.53\n';

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knetlab-zone-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('knetlab check: zone files', () => {
  it('knows a zone file and its zone by name', () => {
    assert.deepEqual(['db.example.org', 'example.org.zone', 'db.yaml', 'lab.yaml', 'zonefile', 'net.conf'].map(zoneFileOrigin), [
      'example.org',
      'example.org',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('db.ZONE: clean exits 0; errors in miekg/dns words at their places, exit 1', () => {
    assert.equal(run('check', file('db.example.org', GOOD)).code, 0);
    const p = file('db.example.org', GOOD + 'www IN A 10.0.0.300\nweb IN CNAMES www\n');
    const r = run('check', p);
    assert.equal(r.code, 1, r.out + r.err);
    assert.deepEqual(
      r.out
        .trim()
        .split('\n')
        .map((l) => l.slice(l.indexOf('db.example.org:'))),
      [
        'db.example.org:5:10: error zone-bad-rdata: Bad A record: "10.0.0.300" is not an IPv4 address (CoreDNS: dns: bad A A: "10.0.0.300").',
        'db.example.org:6:8: error zone-unknown-type: Unknown record type "CNAMES"; did you mean CNAME? (CoreDNS: dns: not a TTL: "CNAMES").',
      ],
    );
    assert.match(r.err, /2 error\(s\), 0 warning\(s\)/);
  });

  it('ZONE.zone with warnings only exits 0; JSON and Korean', () => {
    const p = file('example.org.zone', GOOD + 'www IN CNAME ns1\nwww IN A 10.0.0.1\n');
    const r = run('check', p, '--format', 'json');
    assert.equal(r.code, 0);
    const d = JSON.parse(r.out) as { code: string; severity: string; line: number }[];
    assert.deepEqual(
      d.map((x) => [x.code, x.severity, x.line]),
      [['zone-cname-conflict', 'warning', 5]],
    );
    const ko = runWith({ LANG: 'ko_KR.UTF-8' }, 'check', p);
    assert.match(ko.out, /warning zone-cname-conflict: www\.example\.org\.에 CNAME과 다른 레코드\(6번째 줄의 A\)가 함께 있습니다/);
  });

  it('--as zone (or --lang zone) reads any file as a zone, with --origin or its $ORIGIN', () => {
    const p = file('zonefile', GOOD);
    assert.equal(run('check', p, '--as', 'zone', '--origin', 'example.org').code, 0);
    assert.equal(run('check', file('zonefile', '$ORIGIN example.org.\n' + GOOD), '--lang', 'zone').code, 0);
    const r = run('check', p, '--as', 'zone');
    assert.equal(r.code, 1);
    assert.match(r.out, /zonefile:2:1: error zone-syntax: The owner is relative \(or `@`\) and the zone has no origin/);
  });
});
