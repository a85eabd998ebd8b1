/**
 * CNI network configurations (src/core/cni/config.ts), as a whole: real configurations pass, the
 * configuration read out of them, which files are CNI configurations, and every message in both
 * languages at a place inside the text. Each concern of the checker has its tests beside this file.
 */
import { strict as assert } from 'node:assert';
import { checkCniConfig, isCniConfigPath } from '../../../src/core/cni/config';
import { DUAL_STACK, FLANNEL, SINGLE, SPEC_EXAMPLE, WEAVE } from '../../support/cni';

describe('CNI configurations', () => {
  it('the spec example, weave, flannel, a dual-stack podman list and a single .conf: no diagnostics', () => {
    for (const [text, file] of [
      [SPEC_EXAMPLE, '10-dbnet.conflist'],
      [WEAVE, '10-weave.conflist'],
      [FLANNEL, '10-flannel.conflist'],
      [DUAL_STACK, '87-podman.conflist'],
      [SINGLE, '/etc/cni/net.d/10-mynet.conf'],
    ] as const) {
      assert.deepEqual(checkCniConfig(text, file).diagnostics, [], file);
    }
  });

  it('reads the configuration: kind, name, version, plugins in order', () => {
    const r = checkCniConfig(SPEC_EXAMPLE, '10-dbnet.conflist');
    assert.equal(r.config?.kind, 'list');
    assert.equal(r.config?.name, 'dbnet');
    assert.equal(r.config?.cniVersion, '1.0.0');
    assert.deepEqual(
      r.config?.plugins.map((p) => p.type),
      ['bridge', 'tuning', 'portmap'],
    );
    assert.equal(r.config?.plugins[0]!.range.line, 6);
    assert.equal((r.config?.plugins[0]!.value['ipam'] as Record<string, unknown>)['subnet'], '10.1.0.0/16');
    const s = checkCniConfig(SINGLE, '/etc/cni/net.d/10-mynet.conf');
    assert.equal(s.config?.kind, 'single');
    assert.deepEqual(
      s.config?.plugins.map((p) => p.type),
      ['bridge'],
    );
    assert.equal(checkCniConfig('{ "a": ', 'x.conflist').config, undefined);
  });

  it('which files it reads', () => {
    assert.ok(isCniConfigPath('/x/10-mynet.conflist'));
    assert.ok(isCniConfigPath('/etc/cni/net.d/10-mynet.conf'));
    assert.ok(isCniConfigPath('/home/s/lab/cni/net.d/99-loopback.conf'));
    assert.ok(isCniConfigPath('C:\\lab\\net.d\\10-x.conf'));
    assert.ok(!isCniConfigPath('/etc/resolv.conf'));
    assert.ok(!isCniConfigPath('/x/net.d/sub/10-x.conf'));
    assert.ok(!isCniConfigPath('/x/lab.yaml'));
  });

  it('names of Object.prototype are plain text: a type, a key, a value', () => {
    for (const w of ['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = `{ "cniVersion": "1.0.0", "name": "n", "${w}": 1, "plugins": [{ "type": "${w}", "${w}": "${w}", "ipam": { "type": "${w}" } }] }`;
      const r = checkCniConfig(text, 'x.conflist');
      assert.deepEqual(
        r.diagnostics.map((d) => d.code),
        ['cni-unknown-plugin', 'cni-unknown-plugin'],
        w,
      );
      assert.equal(r.config?.plugins[0]!.type, w);
    }
  });

  it('every message in English and Korean; places inside the text', () => {
    const texts = [
      SPEC_EXAMPLE.replace('"cni0"', '"a-bridge-name-too-long"').replace('10.1.0.1"', '10.2.0.1"'),
      '{ "x": [1,] }',
      '{}',
      '{ "cniVersion": "0.0.1", "name": "?", "plugins": [{ "type": "sbr" }, { "type": "sbr" }] }',
    ];
    for (const t of texts) {
      const ds = checkCniConfig(t, 'x.conflist').diagnostics;
      assert.ok(ds.length > 0);
      for (const d of ds) {
        assert.ok(d.message.en.trim() && /[\uac00-\ud7a3]/.test(d.message.ko), JSON.stringify(d));
        assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || d.endColumn > d.column), JSON.stringify(d));
      }
    }
  });
});
