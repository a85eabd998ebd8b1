/**
 * The hovers' table of commands (src/extension/language/commandDocs.ts): read from the commands'
 * specs in the core's registry, each command's summary under its names, then its forms, and the
 * longest matching pattern wins.
 */
import { strict as assert } from 'node:assert';
import { commandSpecs } from '../../../src/core/commands/registry';
import { commandDocs, describeCommand, normaliseCommand } from '../../../src/extension/language/commandDocs';

const doc = (line: string) => describeCommand(line.split(' '));

describe('extension language: command docs from the command specs', () => {
  it('has every name and form of every spec, with its manual page', () => {
    const docs = commandDocs();
    for (const s of commandSpecs()) {
      for (const n of s.names) assert.deepEqual(docs.find((d) => d.pattern === n)?.doc, s.summary, n);
      for (const f of s.forms ?? []) {
        const d = docs.find((x) => x.pattern === f.pattern);
        assert.deepEqual(d?.doc, f.doc, f.pattern);
        assert.equal(d?.link, s.link, f.pattern);
      }
    }
  });

  it('picks the longest pattern, with iproute2 short forms spelled out', () => {
    assert.deepEqual(normaliseCommand(['ip', 'a', 'a', '10.0.0.1/24', 'dev', 'eth0']), ['ip', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0']);
    assert.equal(doc('ip a a 10.0.0.1/24 dev eth0')?.pattern, 'ip addr add');
    assert.equal(doc('ip -n red link set veth0 up')?.pattern, 'ip link set ... up');
    assert.equal(doc('ip -n red neigh')?.pattern, 'ip -n', 'the first of equal length');
    assert.equal(doc('ip xfrm state')?.pattern, 'ip');
    assert.match(doc('ip')!.doc.en, /^iproute2: /);
    assert.equal(doc('ip link')?.link, 'https://man7.org/linux/man-pages/man8/ip.8.html');
    assert.equal(doc('sysctl -w net.ipv4.ip_forward=1')?.pattern, 'sysctl -w net.ipv4.ip_forward=1');
    assert.equal(doc('sysctl net.ipv4.ip_forward')?.pattern, 'sysctl');
    assert.equal(doc('echo 1 > /proc/sys/net/ipv4/ip_forward')?.pattern, 'echo 1 > /proc/sys/net/ipv4/ip_forward');
    assert.equal(doc(': nothing')?.pattern, ':');
    assert.match(doc('bridge fdb show')!.doc.ko, /포워딩 데이터베이스/);
    assert.equal(doc('ping -c 1 b')?.pattern, 'ping -c * *');
    assert.equal(doc('ping b')?.pattern, 'ping');
    assert.equal(doc('curl http://b/'), undefined);
  });
});
