import { strict as assert } from 'node:assert';
import {
  NSS_ACTION_DOCS,
  NSS_SOURCE_DOCS,
  NSS_STATUS_DOCS,
  RESOLV_KEYWORD_DOCS,
  RESOLV_OPTION_DOCS,
} from '../../../../src/core/dns/files/docs';
import { NSS_ACTIONS, NSS_HOSTS_SOURCES, NSS_STATUSES } from '../../../../src/core/dns/files/nsswitch';
import { RESOLV_FLAGS, RESOLV_NUMBERS } from '../../../../src/core/dns/files/resolvconf';

describe('dns/files: hover docs', () => {
  it('every keyword, option, status, action and hosts source has its text in English and Korean, and nothing else does', () => {
    const same = (docs: Readonly<Record<string, unknown>>, names: readonly string[]) =>
      assert.deepEqual(Object.keys(docs).sort(), [...names].sort());
    same(RESOLV_KEYWORD_DOCS, ['domain', 'search', 'nameserver', 'sortlist', 'options']);
    same(RESOLV_OPTION_DOCS, [...RESOLV_FLAGS, ...Object.keys(RESOLV_NUMBERS)]);
    same(NSS_STATUS_DOCS, NSS_STATUSES);
    same(NSS_ACTION_DOCS, NSS_ACTIONS);
    same(NSS_SOURCE_DOCS, NSS_HOSTS_SOURCES);
    for (const docs of [RESOLV_KEYWORD_DOCS, RESOLV_OPTION_DOCS, NSS_STATUS_DOCS, NSS_ACTION_DOCS, NSS_SOURCE_DOCS]) {
      for (const [name, text] of Object.entries(docs)) {
        assert.ok(text.en.startsWith(name), name);
        assert.ok(text.ko.startsWith(name) && /[\uac00-\ud7a3]/.test(text.ko), name);
      }
    }
  });

  it('the numeric options say their default and their cap as glibc has them', () => {
    for (const [k, v] of Object.entries(RESOLV_NUMBERS)) {
      assert.ok(RESOLV_OPTION_DOCS[k]!.en.includes(`default ${v.default}, at most ${v.max}`), k);
      assert.ok(RESOLV_OPTION_DOCS[k]!.ko.includes(`기본값 ${v.default}, 최대 ${v.max}`), k);
    }
  });
});
