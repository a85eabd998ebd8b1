/**
 * docker-proxy as an App: it opens its own connection to the container, and answers as that one ended;
 * bound to the address a `-p IP:HOST:CONT` names.
 */
import { strict as assert } from 'node:assert';
import { dockerProxy } from '../../../src/core/docker/proxy';
import type { AppContext } from '../../../src/core/datapath/seams';
import { tracePacket } from '../../../src/core/datapath/walk';
import { formatAddr } from '../../../src/core/net/addr';
import { dockerLab } from '../../support/docker';

describe('docker: docker-proxy', () => {
  const d = dockerProxy('172.17.0.2', 80, 'tcp').receive({} as AppContext);

  it('proxies to the container address and port, named in both languages', () => {
    assert.equal(d.kind, 'proxy');
    if (d.kind !== 'proxy') return;
    assert.equal(d.upstream.port, 80);
    assert.equal(d.upstream.proto, 'tcp');
    assert.equal(d.upstream.label?.ko, 'docker-proxy가 172.17.0.2:80으로 여는 연결');
  });

  it('relays an answer, and closes the connection when the container does not answer', () => {
    if (d.kind !== 'proxy') return assert.fail();
    assert.equal(d.then({ replied: true, verdict: 'replied', reason: { en: '', ko: '' } }).kind, 'accept');
    const p = { app: 'http', summary: 'HTTP/1.1 200 OK' };
    const withPayload = d.then({ replied: true, verdict: 'replied', reason: { en: '', ko: '' }, payload: p });
    assert.deepEqual(withPayload.kind === 'reply' && withPayload.payload, p);
    assert.equal(d.then({ replied: false, verdict: 'refused', reason: { en: '', ko: '' } }).kind, 'refuse');
  });
});

describe('docker: a port published on one address (-p 127.0.0.1:9090:80)', () => {
  const w = dockerLab(['docker run -d --name web -p 127.0.0.1:9090:80 -p 9091:80 nginx']);
  const verdict = (host: string, to: string, port: number) => tracePacket(w, { from: { host, netns: '' }, to, proto: 'tcp', port }).verdict;

  it('is reached on that address only: the DNAT names it, and docker-proxy listens there alone', () => {
    assert.equal(verdict('h', '127.0.0.1', 9090), 'replied');
    assert.equal(verdict('ext', '192.168.90.10', 9090), 'refused');
    assert.equal(verdict('h', '192.168.90.10', 9090), 'refused');
    // the same container's port published on every address
    assert.equal(verdict('ext', '192.168.90.10', 9091), 'replied');
    assert.equal(verdict('h', '127.0.0.1', 9091), 'replied');
    assert.equal(
      w.hosts
        .get('h')!
        .sockets.filter((s) => s.port === 9090 || s.port === 9091)
        .map((s) => `${s.addr ? formatAddr(s.addr) : '*'}:${s.port}`)
        .join(' '),
      '127.0.0.1:9090 *:9091',
    );
  });
});
