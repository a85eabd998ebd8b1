/** The template plugin, with the templates of CoreDNS's template_test.go as Corefile lines. */
import { strict as assert } from 'node:assert';
import { ask, lines } from '../../../../support/coredns';
import { execute } from '../../../../../src/core/dns/server/plugins/template';

const IP_A = `template ANY ANY {
    match "(^|[.])ip-10-(?P<b>[0-9]*)-(?P<c>[0-9]*)-(?P<d>[0-9]*)[.]example[.]$"
    answer "{{ .Name }} 60 IN A 10.{{ .Group.b }}.{{ .Group.c }}.{{ .Group.d }}"
    additional "ns0.example. IN A 203.0.113.8"
    authority "example. IN NS ns0.example.com."
    fallthrough
  }`;
const block = (t: string) => `.:53 {\n  ${t}\n  whoami\n}\n`;

describe('dns/server template', () => {
  it('answers from the named groups, with the additional and authority records (exampleDomainANSTemplate)', () => {
    const r = ask(block(IP_A), 'ip-10-95-12-8.example.');
    assert.equal(r.msg?.aa, true);
    assert.deepEqual(lines(r.msg), ['ip-10-95-12-8.example. 60 IN A 10.95.12.8']);
    assert.deepEqual(lines(r.msg, 'additional'), ['ns0.example. 3600 IN A 203.0.113.8']);
    assert.deepEqual(lines(r.msg, 'authority'), ['example. 3600 IN NS ns0.example.com.']);
    assert.equal(r.steps.find((s) => s.plugin === 'template')?.source?.line, 2);
  });

  it('a name no regex matches falls through (ExampleDomainNameMismatch); without fallthrough SERVFAIL', () => {
    assert.equal(ask(block(IP_A), 'test.invalid.').msg?.additional.length, 2);
    const strict = `template IN A {\n    match ^ip-.*\n    answer "{{ .Name }} 60 IN A 10.0.0.1"\n  }`;
    assert.equal(ask(block(strict), 'test.invalid.').msg?.rcode, 'SERVFAIL');
  });

  it('{{ .Remote }} is the client address; the class and type must match', () => {
    const t = `template IN A {\n    answer "{{ .Name }} 60 IN A {{ .Remote }}"\n  }`;
    assert.deepEqual(lines(ask(block(t), 'test.example.', { client: '192.0.2.7' }).msg), ['test.example. 60 IN A 192.0.2.7']);
    assert.equal(ask(block(t), 'test.example.', { type: 'AAAA' }).msg?.additional.length, 2);
  });

  it('rcode SERVFAIL is returned, not written; rcode NXDOMAIN is written with AA', () => {
    assert.equal(ask(block(`template ANY ANY invalid {\n    rcode SERVFAIL\n  }`), 'test.invalid.').msg?.aa, false);
    const nx = ask(
      block(`template ANY ANY invalid {\n    rcode NXDOMAIN\n    authority "invalid. 60 IN SOA a.invalid. b.invalid. 1 60 60 60 60"\n  }`),
      'x.invalid.',
    );
    assert.equal(nx.msg?.rcode, 'NXDOMAIN');
    assert.deepEqual(lines(nx.msg, 'authority'), ['invalid. 60 IN SOA a.invalid. b.invalid. 1 60 60 60 60']);
  });

  it('an index out of range is an execution error: SERVFAIL (BrokenTemplate)', () => {
    const t = `template IN ANY example {\n    answer "{{ .Name }} 60 IN TXT \\"{{ index .Match 2 }}\\""\n  }`;
    const r = ask(block(t), 'test.example.', { type: 'TXT' });
    assert.equal(r.msg?.rcode, 'SERVFAIL');
    assert.equal(
      r.steps.find((s) => s.plugin === 'template')?.detail.en,
      'The answer template fails: error calling index: index out of range: 2; SERVFAIL.',
    );
  });

  it('a text that is not a record is SERVFAIL (NonRRTemplate)', () => {
    assert.equal(ask(block(`template IN ANY example {\n    answer "{{ .Name }}"\n  }`), 'test.example.').msg?.rcode, 'SERVFAIL');
  });

  it('upstream: a CNAME answer to an A question is followed through the server (template_test.go CNAME case)', () => {
    const cf = `.:53 {\n  template IN A example.net {\n    answer "example.net 60 IN CNAME target.example.com"\n    upstream\n  }\n  hosts {\n    10.0.0.7 target.example.com\n  }\n}\n`;
    assert.deepEqual(lines(ask(cf, 'example.net.').msg), [
      'example.net. 60 IN CNAME target.example.com.',
      'target.example.com. 3600 IN A 10.0.0.7',
    ]);
    const without = cf.replace('    upstream\n', '');
    assert.deepEqual(lines(ask(without, 'example.net.').msg), ['example.net. 60 IN CNAME target.example.com.']);
  });

  it('executes the subset of Go templates', () => {
    const data = { Name: 'a.b.', Zone: 'b.', Type: 'A', Class: 'IN', Remote: '10.0.0.1', Match: ['a.b.', 'a'], Group: { x: 'y' } };
    assert.deepEqual(
      execute(
        '{{ .Name }}|{{.Zone}}|{{ .Type }}|{{ .Class }}|{{ .Remote }}|{{ index .Match 1 }}|{{ .Group.x }}|{{ index .Group "x" }}',
        data,
      ),
      {
        text: 'a.b.|b.|A|IN|10.0.0.1|a|y|y',
      },
    );
    assert.deepEqual(execute('{{ parseInt .Group.b 16 8 }}', data), {
      error: 'the template action {{ parseInt .Group.b 16 8 }} is not simulated',
    });
  });
});
