/**
 * The trace panel (webview/trace) in headless Chromium on a trace to a name (03-dns, solved): the
 * lookup's own steps (nsswitch.conf, /etc/hosts, the search list, each query sent) are legs of
 * their own before each query and its answer; such a step happens at the client, has no packet
 * (no headers in the detail) and says which part of the resolver's configuration it read.
 */
import { strict as assert } from 'node:assert';
import { traceView } from '../../src/core/view/trace';
import { expectedRows, fixture, message, rows, topoHighlight, useBrowser } from './trace-helpers';

describe('trace panel (webview/trace) in Chromium: a name lookup before the connection', function () {
  this.timeout(120_000);
  const open = useBrowser();
  const f = fixture('03-dns (solved)');
  const t = f.traces.find((x) => x.kind === 'resolve' && x.title === 'laptop -> db icmp')!;
  const view = traceView(f.model, t.trace, t.title);
  const legs = t.trace.legs;

  it("the lookup's legs first: its own steps, each query and its answer, then the request and its reply", async () => {
    assert.deepEqual(
      legs.map((l) => l.kind),
      ['lookup', 'query', 'answer', 'lookup', 'query', 'answer', 'lookup', 'request', 'reply'],
    );
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    const heads = await p.page.$$eval('#events section.event-col', (els) =>
      els.map((e) => `${e.getAttribute('data-kind')} ${e.querySelector('.event-head')?.textContent ?? ''}`),
    );
    assert.deepEqual(heads.slice(0, 4), [
      `lookup Lookup 1 (getaddrinfo for db): ${legs[0]!.steps.length} steps`,
      `query Query 1 (${legs[1]!.label!.en}): ${legs[1]!.steps.length} steps`,
      `answer Answer 1 (${legs[2]!.label!.en}): ${legs[2]!.steps.length} steps`,
      `lookup Lookup 2 (getaddrinfo for db): ${legs[3]!.steps.length} steps`,
    ]);
    for (let leg = 0; leg < legs.length; leg++) assert.deepEqual(await rows(p, leg), expectedRows(t.trace, leg, 'en'), `leg ${leg}`);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('a lookup step: at the client, what it read, its lab line, and no packet headers', async () => {
    const p = await open(message(f, view));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    const steps = legs[0]!.steps;
    const search = steps.findIndex((s) => s.data?.['lookup'] === 'search');
    assert.ok(search >= 0, 'laptop asks db with its search list');
    await p.page.click(`#step-0-${search}`);
    assert.equal(await p.page.textContent('#detail .detail-pos'), `Lookup 1, step ${search + 1}`);
    assert.equal(await p.page.textContent('#detail .detail-head .stage'), 'resolve');
    assert.equal(await p.page.textContent('#detail .detail-text'), steps[search]!.detail.en);
    assert.equal(
      await p.page.textContent('#detail .decision-lookup .lookup-what'),
      "/etc/resolv.conf's search list and ndots: which names are asked, in which order.",
    );
    assert.equal(await p.page.$('#detail .packet'), null, 'no headers: no packet');
    assert.equal((await p.page.$('#detail .detail-source')) !== null, steps[search]!.source !== undefined, 'its line, where it has one');
    assert.deepEqual((await topoHighlight(p)).current, [view.anchors[0]![search]!.node]);
    // The query step names its server; the next leg is that query.
    const query = steps.length - 1;
    assert.equal(steps[query]!.data?.['lookup'], 'query');
    await p.page.click(`#step-0-${query}`);
    assert.match((await p.page.textContent('#detail .lookup-what')) ?? '', /^A DNS query to 192\.168\.2\.53#53 \(/);
    // A packet step of the query leg has its headers again.
    await p.page.click('#step-1-0');
    assert.notEqual(await p.page.$('#detail .packet'), null);
    assert.deepEqual(p.errors, []);
    await p.close();
  });

  it('in Korean: the lookup leg and what its step read', async () => {
    const p = await open(message(f, view, 'ko'));
    await p.page.waitForSelector('[role=option][aria-selected=true]');
    assert.equal(
      await p.page.textContent('#events section.event-col .event-head'),
      `이름 해석 1 (db에 대한 getaddrinfo): ${legs[0]!.steps.length}단계`,
    );
    await p.page.click('#step-0-0');
    assert.equal(await p.page.textContent('#detail .detail-head .stage'), '이름 해석');
    await p.shot('trace-lookup-ko');
    assert.deepEqual(p.errors, []);
    await p.close();
  });
});
