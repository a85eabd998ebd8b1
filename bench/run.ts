/**
 * `npm run bench`: how fast knetlab starts (the CLI next to bare Node, the extension's activation:
 * bench/startup.ts), how fast the simulator loads and builds a large lab, and how fast it walks a
 * packet across it; a trace through a host with kube-proxy's rules, 1,000 to 20,000 of them
 * (bench/kube.ts). Then, as root, the same scenarios built in the real kernel (bench/kernel.ts)
 * next to the simulator.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lab, TraceRequest } from '../src/core/index';
import { generateBenchLab } from './gen';
import { benchKube, TARGET_KUBE_TRACE_MS } from './kube';
import { benchResolverFiles, TARGET_HOSTS_LOOKUP_MS } from './resolver';
import { benchCheck, benchGradeCourse, benchKeystroke } from './check';
import { benchKernel } from './kernel';
import { benchVariantsClass } from './variants';
import { benchGradeClass } from './grade-class';
import { benchStartup, TARGET_CLI_OVER_NODE_MS } from './startup';
import { benchZone, TARGET_ZONE_LOOKUP_MS } from './zone';
import { benchCorefile, TARGET_COREFILE_MS } from './corefile';
import { benchCoredns, TARGET_COREDNS_QUERY_MS } from './coredns';

const TARGET_BUILD_MS = 50;
const TARGET_TRACE_MS = 1;
const BUILD_RUNS = 9;
const TRACE_RUNS = 200;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;
const verdict = (x: number, target: number): string => (x < target ? 'PASS' : 'MISS');
const row = (what: string, value: string, target = '', result = ''): string =>
  `  ${what.padEnd(64)} ${value.padStart(12)}  ${target.padEnd(10)} ${result}`;

type Core = typeof import('../src/core/index');

/**
 * The core as it ships: the bundle `npm run build` just made (dist/core.mjs). Without it, the
 * TypeScript sources through tsx (slower: tsx wraps every function to keep its name).
 */
async function loadCore(): Promise<{ core: Core; what: string }> {
  const bundle = 'dist/core.mjs';
  if (existsSync(bundle)) {
    const spec: string = pathToFileURL(resolve(bundle)).href;
    return { core: (await import(spec)) as Core, what: bundle };
  }
  return { core: await import('../src/core/index'), what: 'src/core (through tsx; run `npm run build` to measure the bundle)' };
}

/** Start-up: bare Node, the CLI, the extension's activation (needs the bundles of `npm run build`). */
async function printStartup(): Promise<void> {
  if (!existsSync('dist/cli.js') || !existsSync('dist/extension.js')) {
    console.log('start-up: not measured (run `npm run build` first)');
    return;
  }
  const s = await benchStartup();
  console.log(`start-up (each spawned ${s.runs} times, interleaved; knetlab is node dist/cli.js; median wall time, min in brackets):`);
  const t = (r: { medianMs: number; minMs: number }) => `${ms(r.medianMs)} (${ms(r.minMs)})`;
  console.log(row(s.bare.what, t(s.bare)));
  for (const c of s.cli) {
    const own = c.medianMs - s.bare.medianMs;
    console.log(row(c.what, t(c)));
    console.log(row('  its own cost over node -e 0', ms(own), `< ${TARGET_CLI_OVER_NODE_MS} ms`, verdict(own, TARGET_CLI_OVER_NODE_MS)));
  }
  const a = s.activation;
  if (a && a.error === undefined) {
    console.log(row(`extension: ${a.load.what} (fake vscode)`, t(a.load)));
    console.log(row(`extension: ${a.activate.what}`, t(a.activate)));
    console.log(row('extension: activation, load + activate()', ms(a.load.medianMs + a.activate.medianMs)));
  } else console.log(`  extension activation: not measured: ${a?.error ?? '?'}`);
  console.log('');
}

async function main(): Promise<number> {
  await printStartup();
  const { core, what } = await loadCore();
  const { buildWorld, loadLab, tracePacket } = core;
  const gen = generateBenchLab();
  console.log(
    `knetlab bench: ${gen.hosts} hosts (${gen.routers} routers, ${gen.leaves} leaves), ${gen.routes} routes, ` +
      `${(gen.text.length / 1024).toFixed(0)} KiB of lab.yaml; measuring ${what}`,
  );

  // Load and build, each timed separately over several runs.
  const loads: number[] = [];
  const builds: number[] = [];
  let lab: Lab | undefined;
  for (let i = 0; i < BUILD_RUNS; i++) {
    const [loaded, tl] = time(() => loadLab(gen.text, { file: 'bench/lab.yaml' }));
    if (!loaded.lab) {
      console.error('the generated lab did not load:');
      for (const d of loaded.diagnostics.slice(0, 10)) console.error(`  ${d.line}:${d.column}: ${d.code}: ${d.message.en}`);
      return 1;
    }
    lab = loaded.lab;
    const [built, tb] = time(() => buildWorld(lab!));
    const errors = built.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      console.error(`the generated lab has ${errors.length} errors, the first:`);
      for (const d of errors.slice(0, 10)) console.error(`  ${d.line}:${d.column}: ${d.code}: ${d.message.en}`);
      return 1;
    }
    loads.push(tl);
    builds.push(tb);
  }

  // The deep trace: check it first, then time it.
  const world = buildWorld(lab!).world;
  const req: TraceRequest = { from: { host: gen.from, netns: '' }, to: gen.to, proto: 'icmp' };
  const first = tracePacket(world, req);
  const forwarders = new Set(first.request.steps.filter((s) => s.stage === 'forward').map((s) => s.host));
  if (!first.replied) {
    console.error(`the benchmark trace ${gen.from} -> ${gen.to} did not get a reply: ${first.verdict}: ${first.reason.en}`);
    return 1;
  }
  for (let i = 0; i < 20; i++) tracePacket(world, req); // warm up
  const traces: number[] = [];
  for (let i = 0; i < TRACE_RUNS; i++) traces.push(time(() => tracePacket(world, req))[1]);

  const load = median(loads);
  const build = median(builds);
  const trace = median(traces);
  console.log('');
  console.log(row('', 'median', 'target', ''));
  console.log(row(`loadLab (${BUILD_RUNS} runs)`, ms(load)));
  console.log(row(`buildWorld (${BUILD_RUNS} runs)`, ms(build), `< ${TARGET_BUILD_MS} ms`, verdict(build, TARGET_BUILD_MS)));
  console.log(row('loadLab + buildWorld', ms(load + build)));
  console.log(
    row(
      `tracePacket, ${forwarders.size} router hops (${TRACE_RUNS} runs)`,
      ms(trace),
      `< ${TARGET_TRACE_MS} ms`,
      verdict(trace, TARGET_TRACE_MS),
    ),
  );
  console.log(`  (trace ${gen.from} -> ${gen.to}: ${first.verdict}, ${first.request.steps.length} + ${first.reply.steps.length} steps)`);
  console.log('');

  // Netfilter at kube-proxy's scale: the chain index against the kernel's linear scan (bench/kube.ts).
  console.log('netfilter trace, kube-proxy-shaped host (client -> the last service, DNATed; client -> the pod, no service):');
  const kube = benchKube(core);
  for (const k of kube) {
    const big = k === kube.at(-1);
    const target = big ? `< ${TARGET_KUBE_TRACE_MS} ms` : '';
    const label = `${k.rules} rules (${k.services} services)`;
    console.log(row(`  ${label}: the last service`, ms(k.hitMs), target, big ? verdict(k.hitMs, TARGET_KUBE_TRACE_MS) : ''));
    console.log(row(`  ${label}: no service`, ms(k.missMs), target, big ? verdict(k.missMs, TARGET_KUBE_TRACE_MS) : ''));
  }
  const biggest = kube.at(-1)!;
  console.log(row(`  ${biggest.rules} rules: loadLab`, ms(biggest.loadMs)));
  console.log(row(`  ${biggest.rules} rules: buildWorld (every iptables line run)`, ms(biggest.buildMs)));
  console.log(`  (each trace's median of 51 runs; the last service: ${biggest.hit}; no service: ${biggest.miss})`);
  console.log('');

  // A zone file of 100,000 records, as CoreDNS's file plugin reads and answers it (bench/zone.ts).
  const zb = benchZone(core);
  console.log(`zone file, ${zb.records} records (${zb.kib.toFixed(0)} KiB):`);
  console.log(row('  parseZone (median of 5)', ms(zb.parseMs)));
  console.log(row('  buildZone (median of 5)', ms(zb.buildMs)));
  const zl = `  lookup: A, CNAME chased, NXDOMAIN, wildcard, referral (median of ${zb.lookups})`;
  console.log(row(zl, ms(zb.lookupMs), `< ${TARGET_ZONE_LOOKUP_MS} ms`, verdict(zb.lookupMs, TARGET_ZONE_LOOKUP_MS)));
  // The same through the simulated CoreDNS: hosts plugin of 100,000 entries, file plugin of 100,000 records (bench/coredns.ts).
  const cd = benchCoredns(core);
  console.log(row('CoreDNS start: hosts file of 100,000 entries, zone of 100,000 records', ms(cd.startMs)));
  for (const [what, v] of [
    ['hosts plugin', cd.hostsMs],
    ['file plugin', cd.fileMs],
  ] as const)
    console.log(
      row(
        `  one query, ${what}, the whole server (median of ${cd.queries})`,
        ms(v),
        `< ${TARGET_COREDNS_QUERY_MS} ms`,
        verdict(v, TARGET_COREDNS_QUERY_MS),
      ),
    );
  // The resolver's files: /etc/hosts of 100,000 entries (bench/resolver.ts).
  const rf = benchResolverFiles(core);
  console.log(row(`/etc/hosts, ${rf.entries} entries: parse`, ms(rf.parseMs)));
  console.log(row(`  its name index`, ms(rf.indexMs)));
  console.log(
    row(
      `  lookup, first match wins (median)`,
      ms(rf.lookupMs),
      `< ${TARGET_HOSTS_LOOKUP_MS} ms`,
      verdict(rf.lookupMs, TARGET_HOSTS_LOOKUP_MS),
    ),
  );
  console.log(row(`  lookup by scanning every line, as nss_files does (median)`, ms(rf.scanMs)));
  if (!rf.found) return 1;
  console.log('');

  // Checking a 5,000-line lab, next to yaml-language-server with the same schema; grading the course.
  const c = await benchCheck(core);
  console.log(
    row(`checkLab, ${c.lines}-line lab (${c.knetlabDiagnostics} diagnostics)`, ms(c.knetlabMs), `< 50 ms`, verdict(c.knetlabMs, 50)),
  );
  console.log(row(`yaml-language-server, same schema`, ms(c.ylsMs)));
  console.log(
    `  (yaml-language-server validates the schema only (${c.ylsDiagnostics} diagnostics); knetlab also runs every line and lints; ratio ${(c.ylsMs / c.knetlabMs).toFixed(1)}x)`,
  );
  // The editor's case: a keystroke in a run block, checked again through the incremental checker.
  for (const lines of [1000, 5000]) {
    const k = benchKeystroke(core, lines);
    console.log(row(`checkLab, ${k.lines}-line lab (full check)`, ms(k.fullMs)));
    console.log(
      row(`re-check after one keystroke in a run block, ${k.lines}-line lab`, ms(k.keystrokeMs), '< 50 ms', verdict(k.keystrokeMs, 50)),
    );
    console.log(
      `  (${k.keystrokes} keystrokes at different places, ${k.fastPath} on the fast path; ${k.same ? 'the same diagnostics as a full check' : 'DIFFERENT diagnostics from a full check'}; ${(k.fullMs / k.keystrokeMs).toFixed(1)}x faster)`,
    );
    if (!k.same) return 1;
  }
  const cf = benchCorefile(core);
  console.log(
    row(
      `parseCorefile, ${cf.blocks} server blocks (${cf.lines} lines, ${cf.diagnostics} diagnostics)`,
      ms(cf.ms),
      `< ${TARGET_COREFILE_MS} ms`,
      verdict(cf.ms, TARGET_COREFILE_MS),
    ),
  );
  const cfh = benchCorefile(core, true);
  console.log(row(`parseCorefile, ${cfh.blocks} heavy server blocks (${cfh.lines} lines)`, ms(cfh.ms)));
  const g = await benchGradeCourse();
  console.log(row(`grade the course (${g.labs} labs, ${g.score}/${g.maxScore})`, ms(g.ms), '< 1000 ms', verdict(g.ms, 1000)));
  const v = await benchVariantsClass();
  console.log(row(`write variants: ${v.students} students × the course (roster, sealed)`, ms(v.ms), '< 5000 ms', verdict(v.ms, 5000)));
  const gc = await benchGradeClass();
  console.log(row(`grade a class with the key: ${gc.students} students × the course`, ms(gc.ms), '< 10000 ms', verdict(gc.ms, 10000)));
  console.log(
    `  (one process: ${gc.what}; ${gc.solved} solved copies at ${gc.maxScore}/${gc.maxScore}, class mean ${gc.mean}; report files written)`,
  );
  console.log('');

  // The real kernel, side by side: needs root (network namespaces).
  if (process.getuid?.() !== 0) {
    console.log('kernel comparison: not run (needs root to create network namespaces)');
    return 0;
  }
  let k: Awaited<ReturnType<typeof benchKernel>>;
  try {
    k = await benchKernel();
  } catch (e) {
    console.log(`kernel comparison: failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  console.log(`kernel comparison (${k.scenarios} scenarios, building the same topology):`);
  console.log(row('real kernel (ip netns)', ms(k.kernelMs)));
  console.log(row('simulator', ms(k.simMs)));
  if (k.simMs > 0) console.log(`  the simulator is ${(k.kernelMs / k.simMs).toFixed(0)}x faster`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  },
);

// The topology panel in headless Chromium (bench/webview.ts), once everything above has printed.
process.once('beforeExit', () => void import('./webview').then((w) => w.printWebviewBench()));
