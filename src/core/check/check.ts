import type { Diagnostic, SourceRange } from '../text/diag';
import { loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import type { World } from '../sim/model';
import { checkEndpoints } from '../lab/endpoints';
import { validateCheck } from '../grade/grade';
import { declaresVariables, instantiateLab } from '../lab/variant';
import type { Lab } from '../lab/types';
import { loadLab, loadParsed, type LoadOptions, type LoadResult, type ParsedLabText } from '../lab/load';
import { lintWorld } from '../lint/lint';
import { buildWorld, type HostBuildCache } from '../world/build';
import { eulreul } from '../text/particle';
import { resolverFileDiagnostics } from './resolverFiles';
import { corefileDiagnostics } from './corefileFiles';

/**
 * A lab's text as a student's machine sees it: a template lab (one with `variables:`) is drawn
 * for `student` ('' is the instructor's own view); any other lab is returned as it is.
 */
export function instantiateText(text: string, file: string, student = ''): { text: string; diagnostics: Diagnostic[] } {
  if (!declaresVariables(text)) return { text, diagnostics: [] };
  const inst = instantiateLab(new Map([['lab.yaml', text]]), student, { displayPath: () => file });
  return { text: inst.files.get('lab.yaml') ?? text, diagnostics: inst.diagnostics };
}

/** loadLab, after drawing a template lab's variables for `student`. */
export function loadLabFor(text: string, opts: LoadOptions & { readonly student?: string }): LoadResult {
  return loadLabWith(undefined, text, opts);
}

/** loadLabFor, the YAML parsed by `parse` (the incremental parser) instead of from scratch. */
export function loadLabWith(
  parse: ((text: string) => ParsedLabText) | undefined,
  text: string,
  opts: LoadOptions & { readonly student?: string },
): LoadResult {
  const inst = instantiateText(text, opts.file, opts.student);
  const loaded = parse ? loadParsed(() => parse(inst.text), opts) : loadLab(inst.text, opts);
  return inst.diagnostics.length ? { ...loaded, diagnostics: [...inst.diagnostics, ...loaded.diagnostics] } : loaded;
}

function within(d: Diagnostic, r: { line: number; column: number; endLine: number; endColumn: number }): boolean {
  const afterStart = d.line > r.line || (d.line === r.line && d.column >= r.column);
  const beforeEnd = d.line < r.endLine || (d.line === r.endLine && d.column <= r.endColumn);
  return afterStart && beforeEnd;
}

/** The exercises' checks against the lab (hosts, addresses, regexes...), where the schema found nothing wrong already. */
function exerciseDiagnostics(lab: Lab, structural: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ex of lab.exercises) {
    for (const c of ex.checks) {
      const extent = c.extent ?? c.range;
      if (structural.some((d) => within(d, extent))) continue;
      out.push(...validateCheck(c, lab));
    }
  }
  return out;
}

/** Namespaces the lab names (in `serve:` and in checks' endpoints) that no run line creates. */
function namespaceDiagnostics(lab: Lab, world: World): Diagnostic[] {
  const out: Diagnostic[] = [];
  const missing = (host: string, netns: string) => {
    const h = world.hosts.get(host);
    return !!h && netns !== '' && !h.netns.has(netns);
  };
  const say = (range: SourceRange, host: string, netns: string) => {
    const known = [...(world.hosts.get(host)?.netns.keys() ?? [])].filter((n) => n !== '');
    const hint = didYouMean(netns, known);
    out.push({
      ...range,
      severity: 'warning',
      code: 'unknown-netns',
      message: loc(
        `No run line on ${host} creates the network namespace "${netns}"${hint ? `; did you mean "${hint}"?` : ''} (ip netns add ${netns}).`,
        `${host}의 어떤 run 줄도 네트워크 네임스페이스 ${eulreul(`"${netns}"`)} 만들지 않습니다${hint ? `. ${eulreul(`"${hint}"`)} 뜻했나요?` : ''} (ip netns add ${netns}).`,
      ),
    });
  };
  for (const h of lab.hosts) for (const s of h.serve) if (missing(h.name, s.netns)) say(s.range, h.name, s.netns);
  for (const ex of lab.exercises) {
    for (const c of ex.checks) {
      for (const { endpoint: ep, range } of checkEndpoints(c)) if (missing(ep.host, ep.netns)) say(range ?? c.range, ep.host, ep.netns);
    }
  }
  return out;
}

/**
 * Every diagnostic of a lab file: its structure (YAML, the JSON Schema, references), the exercises'
 * checks, the errors of its `run` lines, then the lints.
 */
export function checkLab(text: string, opts: LoadOptions & { readonly student?: string }): Diagnostic[] {
  return checkLoaded(loadLabFor(text, opts));
}

/** checkLab's second half: everything after loading (the hosts built through `hosts`, when given). */
export function checkLoaded(loaded: LoadResult, hosts?: HostBuildCache): Diagnostic[] {
  if (!loaded.lab) return loaded.diagnostics;
  const built = buildWorld(loaded.lab, hosts);
  return [
    ...loaded.diagnostics,
    ...exerciseDiagnostics(loaded.lab, loaded.diagnostics),
    ...built.diagnostics,
    ...namespaceDiagnostics(loaded.lab, built.world),
    ...resolverFileDiagnostics(loaded.lab),
    ...corefileDiagnostics(loaded.lab),
    ...lintWorld(loaded.lab, built.world),
  ];
}
