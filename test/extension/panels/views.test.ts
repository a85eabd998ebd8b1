/**
 * The panels' pure parts (the views built from a lab's files, exports) and what the manifest and
 * the sources of src/extension/panels must hold.
 */
import * as fake from '../../support/vscode-fake';
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PANEL_KINDS, panelKind } from '../../../src/extension/panels/kinds';
import { VIEW_TYPES } from '../../../src/protocol/panels';
import { decodeBase64, exportBytes, exportName } from '../../../src/extension/panels/exports';
import { buildLab, labViewOf, traceArgsOfState, traceOn, traceTitle } from '../../../src/extension/panels/views';
import { LABS, pkg, repo } from '../../support/panels';

describe('panel views (pure)', () => {
  const read = (name: string) => {
    const files = new Map<string, string>();
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
        else files.set(rel ? `${rel}/${e.name}` : e.name, readFileSync(join(dir, e.name), 'utf8'));
      }
    };
    walk(join(repo, 'labs', name), '');
    return files;
  };

  for (const name of LABS) {
    it(`builds the topology, a trace and the lab view of labs/${name}`, () => {
      const files = read(name);
      const built = buildLab(files, `labs/${name}/lab.yaml`);
      assert.deepEqual(built.errors, []);
      assert.ok(built.topology && built.topology.nodes.length > 0);
      const from = built.topology.nodes.find((n) => n.kind === 'host')!.name;
      const t = traceOn(built, { from, to: '127.0.0.1', proto: 'icmp' });
      assert.ok('view' in t, JSON.stringify(t));
      assert.equal(t.view.title, `${from} -> 127.0.0.1 icmp`);
      assert.deepEqual(traceArgsOfState({ type: 'trace', lang: 'en', labDir: 'x', model: t.topology, view: t.view }), {
        from,
        to: '127.0.0.1',
        proto: 'icmp',
      });
      const view = labViewOf(built, files, name, undefined);
      assert.ok(view.exercises.length > 0);
      assert.deepEqual(view.errors, []);
    });
  }

  it('traces that cannot run, and labs that do not load, say why', () => {
    const built = buildLab(new Map([['lab.yaml', 'hosts: [']]), 'x/lab.yaml');
    assert.ok(built.errors.length > 0 && !built.topology);
    assert.ok('error' in traceOn(built, { from: 'a', to: '10.0.0.1', proto: 'icmp' }));
    assert.ok(labViewOf(built, new Map(), 'x', undefined).errors.length > 0);
    const none = buildLab(new Map(), 'y/lab.yaml');
    assert.equal(none.errors[0]!.code, 'file-not-found');
    const good = buildLab(read('02-gateway'), 'lab.yaml');
    const t = traceOn(good, { from: 'nobody', to: '10.0.0.1', proto: 'icmp' });
    assert.ok('error' in t && /nobody/.test(t.error.en) && /nobody/.test(t.error.ko));
    assert.equal(traceTitle({ from: 'a/red', to: '10.0.0.1', proto: 'udp', port: 53 }), 'a/red -> 10.0.0.1 udp/53');
    assert.equal(traceArgsOfState({ type: 'lang', lang: 'en' }), undefined);
    assert.equal(traceArgsOfState({ type: 'trace', view: { trace: { request: { steps: [{ host: 1 }] } } } } as never), undefined);
  });

  it('exports: base64 decoding, PNG and SVG checks, file names', () => {
    for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '\u0000\u00ff\u0080']) {
      const b64 = Buffer.from(s, 'latin1').toString('base64');
      assert.deepEqual([...decodeBase64(b64)!], [...Buffer.from(s, 'latin1')], s);
      assert.deepEqual([...decodeBase64(b64.replace(/=+$/, ''))!], [...Buffer.from(s, 'latin1')], s);
    }
    assert.equal(decodeBase64('ab$c'), undefined);
    assert.equal(decodeBase64('abcde'), undefined);
    assert.ok(exportBytes('svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    assert.equal(exportBytes('svg', '<svg><script>x</script>'), undefined, 'not a whole SVG document');
    assert.equal(exportBytes('png', 'data:image/png;base64,' + Buffer.from('GIF89a..').toString('base64')), undefined);
    assert.equal(exportBytes('png', 'data:text/html;base64,AAAA'), undefined);
    assert.equal(exportName('../../etc/passwd', 'svg'), 'passwd.svg');
    assert.equal(exportName('02-gateway topology.svg', 'svg'), '02-gateway topology.svg');
    assert.equal(exportName('실습 토폴로지', 'png'), '실습 토폴로지.png');
    assert.equal(exportName('', 'png'), 'topology.png');
    assert.equal(exportName('...', 'png'), 'topology.png');
  });
});

describe('panels: manifest and sources', () => {
  const bundleKo = JSON.parse(readFileSync(join(repo, 'l10n/bundle.l10n.ko.json'), 'utf8'));
  const dir = join(repo, 'src/extension/panels');
  // Every module of src/extension/panels, its kinds/ included, by path relative to it.
  const sources = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [relative(dir, join(dir, f)).split('\\').join('/'), readFileSync(join(dir, f), 'utf8')] as const);

  it('every vscode.l10n.t string of src/extension/panels has a Korean translation', () => {
    const strings = new Set(
      sources.flatMap(([, s]) => [...s.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"))),
    );
    assert.ok(strings.size >= 5);
    for (const title of ['Topology: {0}', 'Trace: {0}', 'Lab: {0}'])
      assert.ok(strings.has(title), `the kinds' titles are read too: ${title}`);
    for (const s of strings) assert.ok(s in bundleKo, `l10n/bundle.l10n.ko.json lacks "${s}"`);
  });

  it('the panel sources use no Node built-in, and the pure ones no vscode', () => {
    for (const [f, text] of sources) {
      assert.doesNotMatch(text, /from ['"](node:|fs['"]|path['"]|child_process|crypto['"])/, f);
      if (['views.ts', 'exports.ts', 'html.ts'].includes(f)) assert.doesNotMatch(text, /from ['"]vscode['"]/, f);
    }
  });

  it("contributes knetlab.openLab with its menus, and the panels' commands on lab.yaml and the Labs view", () => {
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'knetlab.openLab');
    assert.equal(cmd?.title, '%command.openLab%');
    const nls = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8'));
    const nlsKo = JSON.parse(readFileSync(join(repo, 'package.nls.ko.json'), 'utf8'));
    assert.equal(nls['command.openLab'], 'Open Lab Panel');
    assert.match(nlsKo['command.openLab'], /[가-힣]/);
    const menus = pkg.contributes.menus as Record<string, { command: string; when: string }[]>;
    for (const c of ['knetlab.openLab', 'knetlab.showTopology', 'knetlab.runTrace']) {
      assert.ok(
        menus['editor/title']!.some((m) => m.command === c && m.when.includes('lab.yaml')),
        `editor/title ${c}`,
      );
      assert.ok(
        menus['view/item/context']!.some((m) => m.command === c && m.when.includes('viewItem == knetlab.lab')),
        `view/item/context ${c}`,
      );
    }
  });
});

describe('panel kinds describe themselves', () => {
  it('each kind is one module of panels/kinds/, and the list holds them all, once each', () => {
    const dir = join(repo, 'src/extension/panels/kinds');
    const modules = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'kind.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(PANEL_KINDS.map((k) => k.kind).sort(), modules.sort());
    assert.equal(new Set(PANEL_KINDS.map((k) => k.viewType)).size, PANEL_KINDS.length);
    for (const k of PANEL_KINDS) assert.equal(panelKind(k.kind), k);
  });

  it("each kind's view type is the protocol's and one package.json activates knetlab for", () => {
    for (const k of PANEL_KINDS) {
      assert.equal(k.viewType, VIEW_TYPES[k.kind], k.kind);
      assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${k.viewType}`), k.viewType);
    }
    assert.deepEqual(PANEL_KINDS.map((k) => k.kind).sort(), Object.keys(VIEW_TYPES).sort());
  });

  it('each kind titles its panel in the display language', () => {
    const dir = fake.Uri.file('/ws/labs/02-gateway');
    assert.deepEqual(
      PANEL_KINDS.map((k) => k.title(dir as never)),
      ['Topology: 02-gateway', 'Trace: 02-gateway', 'Lab: 02-gateway'],
    );
    assert.equal(panelKind('trace').title(dir as never, { from: 'a', to: '10.0.0.1', proto: 'icmp' }), 'Trace: a → 10.0.0.1');
  });

  it('the panel manager and its parts name no view type: the kinds say theirs', () => {
    const dir = join(repo, 'src/extension/panels');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.doesNotMatch(text, /VIEW_TYPES|'knetlab\.(topology|trace|lab)'/, f);
    }
  });
});
