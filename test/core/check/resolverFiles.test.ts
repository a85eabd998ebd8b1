import { strict as assert } from 'node:assert';
import { checkLab } from '../../../src/core/check/check';

const lab = (files: string) => `name: t
switches: [lan]
hosts:
  a:
    interfaces: { eth0: lan }
    files:
${files}`;

const found = (text: string, readFile: (p: string) => string | undefined = () => undefined) =>
  checkLab(text, { file: 'lab.yaml', readFile })
    .filter((d) => /^(hosts|resolv|nsswitch)-/.test(d.code))
    .map((d) => [d.file, d.line, d.column, d.endColumn, d.code, d.message.en, d.message.ko]);

describe('check: the resolver files a lab gives its hosts', () => {
  it('an inline block: each diagnostic at its own line and column of lab.yaml', () => {
    assert.deepEqual(found(lab('      /etc/nsswitch.conf: |\n        passwd: files\n\n        hosts:  file dns\n')), [
      [
        'lab.yaml',
        10,
        17,
        21,
        'nsswitch-unknown-source',
        'No source "file" exists for hosts (did you mean "files"?): glibc finds no libnss_file.so.2, counts it UNAVAIL and goes on.',
        'hosts에 쓸 수 있는 소스에 "file"가 없습니다("files"를 뜻했나요?). glibc는 libnss_file.so.2를 찾지 못해 UNAVAIL로 보고 다음으로 넘어갑니다.',
      ],
    ]);
  });

  it('a from: file or a quoted string: at the file key, the line named in both languages', () => {
    assert.deepEqual(
      found(lab('      /etc/hosts: { from: h }\n'), (p) => (p === 'h' ? '127.0.0.1 localhost\n10.0.0.300 db\n' : undefined)),
      [
        [
          'lab.yaml',
          7,
          7,
          17,
          'hosts-bad-address',
          'Line 2 of /etc/hosts: "10.0.0.300" is not an IPv4 or IPv6 address as glibc reads one (inet_pton): glibc skips this line.',
          '/etc/hosts의 2번째 줄: "10.0.0.300"은 glibc가 읽는 IPv4나 IPv6 주소(inet_pton)가 아닙니다. glibc는 이 줄을 건너뜁니다.',
        ],
      ],
    );
  });

  it('the copies ip netns exec mounts (/etc/netns/NAME/) are checked too; other paths are not', () => {
    assert.deepEqual(
      found(lab('      /etc/netns/blue/resolv.conf: "options ndots:99\\n"\n      /srv/resolv.conf: "options ndots:99\\n"\n')).map((d) => [
        d[1],
        d[4],
      ]),
      [[7, 'resolv-option-capped']],
    );
  });
});
