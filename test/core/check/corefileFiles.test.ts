import { strict as assert } from 'node:assert';
import { checkLab } from '../../../src/core/check/check';

const lab = (files: string, run = '') => `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
${run}    files:
${files}`;

const found = (text: string) =>
  checkLab(text, { file: 'lab.yaml', readFile: () => undefined })
    .filter((d) => /^(hosts|zone|corefile)-/.test(d.code))
    .map((d) => [d.line, d.column, d.code, d.message.en]);

describe('check: a lab host CoreDNS Corefile and the files it names', () => {
  it("the Corefile's own diagnostics at their lab lines", () => {
    assert.deepEqual(found(lab('      /etc/coredns/Corefile: |\n        .:53 {\n          cache 0\n        }\n')), [
      [9, 17, 'corefile-plugin-args', 'plugin/cache: cache TTL can not be zero or negative: 0'],
    ]);
  });

  it("a file plugin's zone file read with the block's zone as its origin", () => {
    const files = [
      '      /etc/coredns/Corefile: |',
      '        example.org {',
      '          root /zones',
      '          file db.example.org',
      '        }',
      '      /zones/db.example.org: |',
      '        @ 300 IN SOA ns root 1 2 3 4 5',
      '        www 300 IN A 10.0.0.300',
      '',
    ].join('\n');
    const d = found(lab(files));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.slice(0, 3), [14, 22, 'zone-bad-rdata']);
  });

  it('a Corefile named by coredns -conf in a run line; a zone file it names that the host lacks', () => {
    const files = '      /srv/dns.conf: |\n        example.org {\n          file /zones/none\n        }\n';
    const d = found(lab(files, '    run: coredns -conf /srv/dns.conf\n'));
    assert.deepEqual(d, [
      [
        10,
        11,
        'corefile-missing-file',
        'The file plugin reads /zones/none, which this host has no file for: CoreDNS serves its zone empty and answers SERVFAIL.',
      ],
    ]);
  });

  it("a hosts plugin's own file read as CoreDNS reads it", () => {
    const files = [
      '      /etc/coredns/Corefile: |',
      '        .:53 {',
      '          hosts /etc/coredns/hosts',
      '        }',
      '      /etc/coredns/hosts: |',
      '        10.0.0.1 web',
      '        fe80::1%eth0 ll',
      '        10.0.0.256 bad',
      '',
    ].join('\n');
    assert.deepEqual(found(lab(files)), [
      [
        14,
        9,
        'hosts-bad-address',
        `"10.0.0.256" is not an IP address as Go's net.ParseIP reads one: CoreDNS's hosts plugin skips this line.`,
      ],
    ]);
  });
});
