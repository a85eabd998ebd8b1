/** docker-proxy as an App: it opens its own connection to the container, and answers as that one ended. */
import { strict as assert } from 'node:assert';
import { dockerProxy } from '../../../src/core/docker/proxy';
import type { AppContext } from '../../../src/core/datapath/seams';

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
