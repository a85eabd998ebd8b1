/**
 * What each word of an iptables line says (src/core/commands/iptablesDocs.ts), for hovers: a table,
 * a target, a match module, a chain (built-in in its table, or a user chain), a policy, an option
 * by any name iptables takes; in English and Korean.
 */
import { strict as assert } from 'node:assert';
import { explainIptablesWord } from '../../../src/core/commands/iptablesDocs';
import { iptablesSpec } from '../../../src/core/commands/iptables';
import { MATCHES } from '../../../src/core/netfilter/matches/index';
import { TARGETS } from '../../../src/core/netfilter/targets/index';
import { BUILTIN_CHAINS, TABLE_NAMES } from '../../../src/core/netfilter/model';

const HANGUL = /[\uac00-\ud7a3]/;

/** What `word` (its `nth` occurrence) of the line says. */
function said(line: string, word: string, nth = 0) {
  const words = line.split(' ');
  let i = -1;
  for (let k = 0; k <= nth; k++) i = words.indexOf(word, i + 1);
  assert.ok(i >= 0, word);
  const d = explainIptablesWord(words, i);
  if (d) {
    assert.ok(d.doc.en && HANGUL.test(d.doc.ko) && d.doc.en !== d.doc.ko, `${word}: both languages`);
  }
  return d;
}

describe('iptables: what its words say', () => {
  const masq = 'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE';

  it('a target, on its name or on -j', () => {
    const d = said(masq, 'MASQUERADE')!;
    assert.equal(d.title, '-j MASQUERADE');
    assert.match(d.doc.en, /^Source NAT to the address of the interface the packet leaves by/);
    assert.match(d.doc.ko, /출발지 NAT/);
    assert.equal(said(masq, '-j')?.title, '-j MASQUERADE');
    assert.equal(said('iptables -A INPUT --jump DROP', 'DROP')?.title, '-j DROP');
  });

  it('a table, on its name or on -t / --table', () => {
    assert.equal(said(masq, 'nat')?.title, '-t nat');
    assert.match(said(masq, '-t')!.doc.en, /^The nat table: address translation/);
    assert.match(said('iptables --table filter -L', 'filter')!.doc.ko, /^filter 테이블/);
  });

  it('a match module, on its name or on -m', () => {
    const line = 'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT';
    assert.equal(said(line, 'conntrack')?.title, '-m conntrack');
    assert.match(said(line, '-m')!.doc.en, /--ctstate NEW, ESTABLISHED, RELATED, INVALID/);
    assert.equal(said(line, '--ctstate')?.title, '--ctstate');
  });

  it('a chain: built-in in the table the line names, or a user chain; a jump to one', () => {
    const post = said(masq, 'POSTROUTING')!;
    assert.equal(post.title, 'POSTROUTING (nat)');
    assert.match(post.doc.en, /^The nat table's POSTROUTING chain\. Every packet about to leave/);
    assert.match(post.doc.ko, /^nat 테이블의 POSTROUTING 체인\./);
    assert.equal(said('iptables -A FORWARD -j ACCEPT', 'FORWARD')?.title, 'FORWARD (filter)');
    assert.match(said('iptables -N WEB', 'WEB')!.doc.en, /^A user chain \(made with -N WEB\)/);
    assert.match(said('iptables -N WEB', 'WEB')!.doc.ko, /^사용자 체인\(-N WEB로 만듦\): 어떤 규칙이 -j WEB로 점프하면/);
    assert.match(said('iptables -N MYCHAIN', 'MYCHAIN')!.doc.ko, /-N MYCHAIN으로 만듦/);
    const jump = said('iptables -A INPUT -p tcp -j WEB', 'WEB')!;
    assert.equal(jump.title, '-j WEB');
    assert.match(jump.doc.ko, /^체인으로 점프합니다\. 사용자 체인/);
  });

  it('a policy, and options by their short, long or prefix names', () => {
    assert.match(said('iptables -P FORWARD DROP', 'DROP')!.doc.en, /^A policy/);
    assert.match(said('iptables -P FORWARD DROP', '-P')!.doc.en, /policy/);
    assert.equal(said('iptables -A INPUT -p tcp --dport 22 -j DROP', '--dport')?.title, '--dport');
    assert.equal(said('iptables -t nat -A PREROUTING -j DNAT --to-dest 10.0.0.2', '--to-dest')?.title, '--to-destination');
    assert.match(said('iptables --append INPUT -j DROP', '--append')!.doc.en, /^Appends a rule/);
    assert.match(said('iptables -A INPUT -s 10.0.0.0/8 -j DROP', '-s')!.doc.en, /source address/);
  });

  it('says nothing of a plain value, of the command name, or of a cluster of letters', () => {
    assert.equal(said('iptables -A INPUT -s 10.0.0.0/8 -j DROP', '10.0.0.0/8'), undefined);
    assert.equal(said('iptables -A INPUT -j DROP', 'iptables'), undefined);
    assert.equal(said('iptables -nvL', '-nvL'), undefined);
    assert.equal(said('iptables -L -n', '-n')?.title, '-n', 'an option after -L is no chain');
  });

  it('has a sentence for every table, built-in chain, target and match module the simulator runs', () => {
    for (const t of TABLE_NAMES) {
      assert.ok(said(`iptables -t ${t} -L`, t), t);
      for (const c of BUILTIN_CHAINS[t]) assert.equal(said(`iptables -t ${t} -A ${c}`, c)?.title, `${c} (${t})`);
    }
    for (const name of TARGETS.keys()) assert.equal(said(`iptables -A INPUT -j ${name}`, name)?.title, `-j ${name}`, name);
    for (const name of MATCHES.keys()) assert.equal(said(`iptables -A INPUT -m ${name}`, name)?.title, `-m ${name}`, name);
  });

  it('is what the iptables spec gives the hovers', () => {
    assert.equal(iptablesSpec.explain, explainIptablesWord);
  });
});
