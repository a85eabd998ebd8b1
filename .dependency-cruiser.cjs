/**
 * The architecture, checked on every `npm test` (`npm run check:arch`): src/core's folders are
 * floors and every import points down; nothing imports in a circle; the core imports neither
 * `vscode` nor a Node built-in; the shells (CLI, extension, webviews) stay thin layers over it.
 * The picture is docs/architecture.md; FLOORS below is the same list, lowest floor first.
 */
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Lowest first. Folders on one floor are rooms side by side: they may not import each other. */
const FLOORS = [
  ['text'], // words, positions, did-you-mean: what every parser and checker shares
  ['net', 'shell'], // addresses, prefixes, endpoints; the shell's grammar
  ['sim'], // the world model and the kernel API, the only writer of kernel state
  ['datapath'], // packets, flows, the walk and its link drivers, the seams (Netfilter, Apps)
  ['netfilter', 'apps', 'dns'], // what plugs into the seams; dns: its files, Corefile and zone parsers, resolvers and servers
  ['docker'], // the Docker daemon's model: its networks and containers, wired through ip and iptables lines
  ['commands'], // iproute2, sysctl and friends over the kernel API
  ['lab', 'cni'], // text -> Lab, CNI config: parsers and their schemas
  ['world'], // Lab -> World: hosts built through the commands
  ['lint'], // rules over a lab and its world
  ['grade'], // exercises, check kinds, answers, courses
  ['check', 'view'], // every diagnostic of a lab file; view models for the panels
];

const core = 'src/core';
const floorOf = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i])));
const folders = readdirSync(core).filter((n) => statSync(join(core, n)).isDirectory());
const unplaced = folders.filter((n) => !floorOf.has(n));

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const floorRules = [];
for (const [name, i] of floorOf) {
  const above = [...floorOf].filter(([, j]) => j > i).map(([n]) => n);
  const beside = FLOORS[i].filter((n) => n !== name);
  for (const [others, how] of [
    [above, 'a floor above it'],
    [beside, 'a room on its own floor'],
  ]) {
    for (const other of others) {
      floorRules.push({
        name: `floor-${name}-not-${other}`,
        severity: 'error',
        comment: `src/core/${name} (floor ${i}) may not import src/core/${other} (${how}, floor ${floorOf.get(other)}): imports point down only. Move the shared piece down, or see docs/architecture.md.`,
        from: { path: `^${core}/${esc(name)}/` },
        to: { path: `^${core}/${esc(other)}/` },
      });
    }
  }
  // The core's root files (index.ts) are the top: no floor imports them.
  floorRules.push({
    name: `floor-${name}-not-root`,
    severity: 'error',
    comment: `src/core/${name} may not import a file at the top of src/core (index.ts is the public face, above every floor).`,
    from: { path: `^${core}/${esc(name)}/` },
    to: { path: `^${core}/[^/]+$` },
  });
}
for (const name of unplaced) {
  floorRules.push({
    name: `floor-unplaced-${name}`,
    severity: 'error',
    comment: `src/core/${name} has no floor: add it to FLOORS in .dependency-cruiser.cjs and to docs/architecture.md.`,
    from: { path: `^${core}/${esc(name)}/` },
    to: {},
  });
}

module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'These modules import each other in a circle: move what both need into a module below them.',
      from: { path: '^(src|webview)/' },
      to: { circular: true },
    },
    {
      name: 'core-no-vscode',
      severity: 'error',
      comment: 'src/core may not import vscode, not even its types: the core knows nothing of the editor.',
      from: { path: `^${core}/` },
      to: { path: '(^vscode$|(^|/)@types/vscode/)' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment:
        'src/core runs in browsers too: it may not import a Node built-in (fs, path, crypto...). Take what you need as an argument from the CLI or the extension.',
      from: { path: `^${core}/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-not-shells',
      severity: 'error',
      comment: 'src/core is the bottom of the program: it may not import the CLI, the extension, the protocol or the webviews.',
      from: { path: `^${core}/` },
      to: { path: '^(src/(cli|extension|protocol)|webview)/' },
    },
    {
      name: 'protocol-only-core',
      severity: 'error',
      comment: 'src/protocol is shared by the extension and the webviews: it may import the core only.',
      from: { path: '^src/protocol/' },
      to: { path: '^(src/(cli|extension)|webview)/' },
    },
    {
      name: 'cli-not-extension',
      severity: 'error',
      comment: 'The CLI and the extension are separate shells over the core: neither imports the other.',
      from: { path: '^src/cli/' },
      to: { path: '^(src/extension|webview)/' },
    },
    {
      name: 'extension-not-cli',
      severity: 'error',
      comment: 'The CLI and the extension are separate shells over the core: neither imports the other.',
      from: { path: '^src/extension/' },
      to: { path: '^(src/cli|webview)/' },
    },
    {
      name: 'webview-not-hosts',
      severity: 'error',
      comment: 'A webview runs in the panel: it may import the core and the protocol, never the extension host or the CLI.',
      from: { path: '^webview/' },
      to: { path: '^src/(cli|extension)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
