/** The DNS files in the editor, without VS Code: which file is which, their checkers, the outline as symbols. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dnsFileKind, DNS_LANGUAGES, zoneOrigin } from '../../../src/extension/language/dnsKinds';
import { checkerFor, resolverChecker, zoneChecker } from '../../../src/extension/language/diagnostics';
import { corefileSymbols, outlineSymbols } from '../../../src/extension/language/symbols';
import { zoneOutline } from '../../../src/core';

const none = () => undefined;

describe('extension language: DNS files', () => {
  it('knows each file by its language, else by its name while VS Code knows no other language for it', () => {
    assert.equal(dnsFileKind('/x/anything', 'dns-zone'), 'zone');
    assert.equal(dnsFileKind('/x/anything', 'resolv-conf'), 'resolv');
    assert.equal(dnsFileKind('/x/anything', 'nsswitch-conf'), 'nsswitch');
    assert.equal(dnsFileKind('/x/anything', 'hosts'), 'hosts');
    assert.equal(dnsFileKind('/etc/hosts', 'plaintext'), 'hosts');
    assert.equal(dnsFileKind('/etc/resolv.conf', 'plaintext'), 'resolv');
    assert.equal(dnsFileKind('/lab/db.example.org', 'plaintext'), 'zone');
    assert.equal(dnsFileKind('/lab/example.org.zone', 'plaintext'), 'zone');
    assert.equal(dnsFileKind('/src/db.js', 'javascript'), undefined);
    assert.equal(dnsFileKind('/lab/db.yaml', 'plaintext'), undefined);
    assert.equal(dnsFileKind('/ansible/hosts', 'ini'), undefined);
    assert.equal(dnsFileKind('/lab/lab.yaml', 'yaml'), undefined);
    assert.equal(zoneOrigin('/lab/db.example.org'), 'example.org');
  });

  it('contributes the languages its kinds name, with their files, in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      contributes: { languages: { id: string; filenames?: string[]; extensions?: string[]; configuration?: string }[] };
    };
    const byId = new Map(pkg.contributes.languages.map((l) => [l.id, l]));
    for (const id of Object.values(DNS_LANGUAGES)) {
      const l = byId.get(id);
      assert.ok(l, id);
      assert.doesNotThrow(() => JSON.parse(readFileSync(new URL(`../../../${l.configuration}`, import.meta.url), 'utf8')), id);
    }
    assert.deepEqual(byId.get('dns-zone')!.extensions, ['.zone']);
    assert.deepEqual(byId.get('hosts')!.filenames, ['hosts']);
    assert.deepEqual(byId.get('resolv-conf')!.filenames, ['resolv.conf']);
    assert.deepEqual(byId.get('nsswitch-conf')!.filenames, ['nsswitch.conf']);
  });

  it('checks a zone file with the zone of its name, as `knetlab check` does', () => {
    assert.equal(checkerFor('/lab/db.example.org', 'plaintext')?.id, 'zone');
    const text = '$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\nwww A 10.0.0.1\nbad A 10.0.0.300\n';
    assert.deepEqual(
      zoneChecker.check(text, { file: '/lab/db.example.org', readFile: none }).map((d) => `${d.line}:${d.column} ${d.code}`),
      ['4:7 zone-bad-rdata'],
    );
    // without a zone in its name, the owners have no origin
    assert.deepEqual(
      zoneChecker
        .check(text, { file: '/lab/zonefile', readFile: none, languageId: 'dns-zone' })
        .map((d) => `${d.line}:${d.column} ${d.code}`),
      ['2:1 zone-syntax', '3:1 zone-syntax', '4:1 zone-syntax', '1:1 zone-soa'],
    );
  });

  it('checks the resolver files as glibc reads them, before a .conf is taken for CNI', () => {
    assert.equal(checkerFor('/etc/cni/net.d/resolv.conf', 'plaintext')?.id, 'resolver');
    assert.equal(checkerFor('/etc/cni/net.d/10-bridge.conf', 'json')?.id, 'cni');
    assert.deepEqual(
      resolverChecker
        .check('nameserver 10.0.0.300\n', { file: '/etc/resolv.conf', readFile: none, languageId: 'plaintext' })
        .map((d) => d.code),
      ['resolv-bad-nameserver'],
    );
    assert.deepEqual(
      resolverChecker.check('10.0.0.1\n', { file: '/x/h', readFile: none, languageId: 'hosts' }).map((d) => d.code),
      ['hosts-no-name'],
    );
  });

  it("turns the core's outline into the editor's symbols (0-based spans)", () => {
    const s = outlineSymbols(zoneOutline('@ 300 IN A 10.0.0.1\n', 'db.example.org', 'example.org'));
    assert.deepEqual(s[0], {
      name: 'example.org.',
      detail: 'A',
      kind: 'owner',
      span: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } },
      selection: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      children: [
        {
          name: 'A',
          detail: '300 IN 10.0.0.1',
          kind: 'record',
          span: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } },
          selection: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          children: [],
        },
      ],
    });
    const c = corefileSymbols('.:53 {\n  forward . 1.1.1.1 {\n    max_fails 2\n  }\n}\n', 'ko');
    assert.deepEqual(
      [c[0]!.name, c[0]!.detail, c[0]!.kind, c[0]!.children[0]!.name, c[0]!.children[0]!.children[0]!.kind],
      ['.:53', 'dns://.:53', 'server', 'forward', 'property'],
    );
  });
});
