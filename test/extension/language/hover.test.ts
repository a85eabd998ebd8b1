/** Hovers on Corefile directives (CoreDNS plugins), CNI config keys and the words of iptables lines, in English and Korean. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { cniHover, cniSchema } from '../../../src/extension/language/cniDocs';
import { COREFILE_DOCS, corefileHover } from '../../../src/extension/language/corefileDocs';
import { splitDescription } from '../../../src/extension/language/schemaDocs';
import { hoverAt } from '../../../src/extension/language/hover';
import { textIn } from '../../../src/extension/language/span';
import { analyze, posOf } from '../../support/language';

const HANGUL = /[\uac00-\ud7a3]/;

const COREFILE = `# forward in a comment
.:53 {
    errors
    health {
        lameduck 5s
    }
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        pods insecure
        fallthrough in-addr.arpa ip6.arpa
    }
    forward . {$UPSTREAM} /etc/resolv.conf
    cache 30
    loop
    reload
    frobnicate on
}
example.org {
    file db.example.org {
        reload 30s
    }
}
`;

/** The offset of the `nth` occurrence of `word` in `text`, plus `inside` characters. */
function at(text: string, word: string, nth = 0, inside = 1): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  assert.ok(i >= 0, word);
  return i + inside;
}

describe('extension language: Corefile and CNI hovers', () => {
  it('documents a Corefile directive in English and Korean', () => {
    const off = at(COREFILE, 'forward', 1);
    const en = corefileHover(COREFILE, off, 'en');
    const ko = corefileHover(COREFILE, off, 'ko');
    assert.ok(en && ko);
    assert.equal(COREFILE.slice(en.start, en.end), 'forward');
    assert.match(en.markdown, /\*\*forward\*\* — CoreDNS plugin/);
    assert.match(en.markdown, /upstream resolvers/);
    assert.match(en.markdown, /forward FROM TO/);
    assert.match(en.markdown, /coredns\.io\/plugins\/forward\//);
    assert.match(ko.markdown, /CoreDNS 플러그인/);
    assert.match(ko.markdown, /상위 리졸버/);
    assert.doesNotMatch(ko.markdown, /upstream resolvers/);
    for (const w of ['errors', 'health', 'kubernetes', 'cache', 'loop', 'reload']) {
      const h = corefileHover(COREFILE, at(COREFILE, `    ${w}`, 0, 5), 'en');
      assert.ok(h, w);
      assert.equal(COREFILE.slice(h.start, h.end), w);
    }
    // the end of the word hovers too
    assert.ok(corefileHover(COREFILE, at(COREFILE, 'cache', 0, 5), 'en'));
  });

  it('gives nothing for an unknown word, a comment, a zone key, {$ENV} or a plugin option', () => {
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'frobnicate'), 'en'), undefined);
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'forward', 0), 'en'), undefined); // in the comment
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'example.org'), 'en'), undefined);
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'UPSTREAM'), 'en'), undefined);
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'lameduck'), 'en'), undefined);
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'reload 30s'), 'en'), undefined); // file's own option
    assert.equal(corefileHover(COREFILE, at(COREFILE, 'cache 30', 0, 7), 'en'), undefined); // on the number
    assert.equal(corefileHover('', 0, 'en'), undefined);
  });

  it('has every plugin of the task and the grammar, each in both languages with a usage line', () => {
    const grammar = readFileSync(new URL('../../../syntaxes/corefile.tmLanguage.json', import.meta.url), 'utf8');
    const listed = /\\\\b\(([a-z0-9_|]+)\)\\\\b/.exec(grammar)?.[1]?.split('|') ?? [];
    assert.ok(listed.length > 40);
    const required =
      'errors health ready kubernetes forward cache loop reload loadbalance hosts log prometheus file rewrite template whoami bind auto etcd acl any debug dnssec local minimal nsid root secondary sign trace tls view metadata k8s_external'.split(
        ' ',
      );
    for (const p of [...required, ...listed.filter((p) => p !== 'multisite')]) {
      const doc = COREFILE_DOCS[p];
      assert.ok(doc, p);
      assert.ok(doc.en.length > 10 && !HANGUL.test(doc.en), p);
      assert.ok(HANGUL.test(doc.ko), p);
      assert.ok(doc.usage.startsWith(p), p);
    }
  });

  it('documents a CNI key in English and Korean, in a plugin list and a single plugin', () => {
    const conflist = JSON.stringify(
      {
        cniVersion: '1.0.0',
        name: 'mynet',
        plugins: [{ type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, ipam: { type: 'host-local', subnet: '10.244.1.0/24' } }],
      },
      null,
      2,
    );
    const en = cniHover(conflist, at(conflist, '"ipMasq"', 0, 2), 'en');
    const ko = cniHover(conflist, at(conflist, '"ipMasq"', 0, 2), 'ko');
    assert.ok(en && ko);
    assert.equal(conflist.slice(en.start, en.end), '"ipMasq"');
    assert.match(en.markdown, /\*\*ipMasq\*\* — `plugins\[0\]\.ipMasq`/);
    assert.match(en.markdown, /Masquerade \(SNAT\)/);
    assert.ok(!HANGUL.test(en.markdown));
    assert.match(ko.markdown, /마스커레이드/);
    assert.doesNotMatch(ko.markdown, /Masquerade/);

    const subnetEn = cniHover(conflist, at(conflist, '"subnet"', 0, 2), 'en');
    const subnetKo = cniHover(conflist, at(conflist, '"subnet"', 0, 2), 'ko');
    assert.match(subnetEn?.markdown ?? '', /plugins\[0\]\.ipam\.subnet[\s\S]*CIDR to allocate from/);
    assert.match(subnetKo?.markdown ?? '', /할당할 CIDR/);

    const conf =
      '{\n  "cniVersion": "0.4.0",\n  "name": "n",\n  "type": "bridge",\n  "ipam": { "type": "host-local", "subnet": "10.0.0.0/24" }\n}\n';
    assert.match(cniHover(conf, at(conf, '"subnet"', 0, 2), 'en')?.markdown ?? '', /ipam\.subnet/);
    assert.match(cniHover(conf, at(conf, '"cniVersion"', 0, 2), 'ko')?.markdown ?? '', /CNI 스펙 버전/);
    // a value, an unknown key and broken JSON give nothing
    assert.equal(cniHover(conf, at(conf, 'host-local'), 'en'), undefined);
    assert.equal(cniHover('{ "frobnicate": 1 }', 4, 'en'), undefined);
    assert.doesNotThrow(() => cniHover('{ "ipMasq": ', 4, 'en'));
  });

  it('every CNI schema description has English first, then Korean', () => {
    let count = 0;
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'description' && typeof v === 'string') {
            count++;
            const en = splitDescription(v, 'en');
            const ko = splitDescription(v, 'ko');
            assert.ok(en !== v && ko !== v, `${where}: not "English / 한국어"`);
            assert.ok(en.length > 3 && !HANGUL.test(en), `${where}: English`);
            assert.ok(HANGUL.test(ko), `${where}: Korean`);
          } else walk(v, `${where}.${k}`);
        }
      }
    };
    walk(cniSchema, '#');
    assert.ok(count >= 20);
  });
});

describe('extension language: hovers on iptables words', () => {
  const lab = `name: nat
switches: [lan]
hosts:
  r:
    interfaces: { eth0: lan }
    run: |
      ip netns add red
      iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE
      ip netns exec red iptables -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT
      iptables -A FORWARD -j NOPE
`;
  const hover = (needle: string, delta: number, lang: 'en' | 'ko' = 'en') => hoverAt(analyze(lab), posOf(lab, needle, delta), lang);

  it('says what a target, a table, a match module and a chain are, in the display language', () => {
    const masq = hover('-j MASQUERADE', 5)!;
    assert.match(masq.markdown, /^\*\*`-j MASQUERADE`\*\*\n\nSource NAT to the address of the interface/);
    assert.equal(textIn(lab, masq.span), 'MASQUERADE');
    assert.match(hover('-j MASQUERADE', 5, 'ko')!.markdown, /출발지 NAT/);
    assert.match(hover('-t nat', 1)!.markdown, /^\*\*`-t nat`\*\*\n\nThe nat table/);
    assert.match(hover('-m conntrack', 5)!.markdown, /^\*\*`-m conntrack`\*\*/);
    assert.match(hover('POSTROUTING', 2, 'ko')!.markdown, /^\*\*`POSTROUTING \(nat\)`\*\*\n\nnat 테이블의 POSTROUTING 체인/);
    assert.match(hover('-A INPUT', 4)!.markdown, /The filter table's INPUT chain/, 'inside ip netns exec');
  });

  it('keeps the command hover on the command name, and on a failed line says it fails', () => {
    assert.match(hover('iptables -t nat', 2)!.markdown, /^`iptables -t nat -A POSTROUTING \.\.\.`/);
    const nope = hover('-j NOPE', 4)!;
    assert.match(nope.markdown, /^\*\*`-j NOPE`\*\*\n\nJumps to a chain\. A user chain/);
    assert.match(nope.markdown, /In the simulator this line fails \(exit status 2\)\.$/);
    assert.doesNotMatch(hover('-j MASQUERADE', 5)!.markdown, /fails/);
  });
});
