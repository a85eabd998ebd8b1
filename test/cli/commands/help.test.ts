/** `knetlab help`: the general help, and `help COMMAND` for one command's. */
import { strict as assert } from 'node:assert';
import { COMMANDS } from '../../../src/cli/commands';
import { run } from '../../support/cli';

describe('knetlab help COMMAND', () => {
  it("prints that command's summary, usage and help, not the general help", () => {
    const r = run('help', 'trace');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^knetlab trace: Walk a packet/);
    assert.match(r.out, /\n {2}knetlab trace LAB --from HOST\[\/NETNS\] --to ADDR/);
    assert.doesNotMatch(r.out, /knetlab check PATH/);
    assert.match(r.out, /--lang en\|ko/);
  });

  it('works for every command, in both languages', () => {
    for (const c of COMMANDS) {
      for (const lang of ['en', 'ko'] as const) {
        const r = run('help', c.name, '--lang', lang);
        assert.equal(r.code, 0, `${c.name} ${lang}: ${r.err}`);
        assert.ok(r.out.includes(c.usage[lang]), `${c.name} ${lang}`);
        assert.ok(r.out.includes(c.summary[lang]), `${c.name} ${lang}`);
      }
    }
  });

  it('an unknown command is a usage error', () => {
    const r = run('help', 'nope');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "nope"/);
  });

  it('help alone is still the general help', () => {
    const r = run('help');
    assert.equal(r.code, 0);
    assert.match(r.out, /knetlab check PATH/);
    assert.match(r.out, /knetlab trace LAB/);
  });
});
