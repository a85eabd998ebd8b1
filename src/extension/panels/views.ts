/**
 * What the panels draw, built from a lab folder's files held in memory: the topology, a trace on
 * it, the exercises with their grade. No `vscode` here (tested in plain Node); the panel manager
 * loads it lazily, with the engine, so that activation does not pay for the simulator.
 */
import type { Diagnostic, Lab, LabGrade, TraceResult, World } from '../../core';
import { parseAnswers } from '../../core/grade/answers';
import { editAnswers } from '../../core/grade/answersEdit';
import { type Lang, loc, type Localized, pick } from '../../core/text/i18n';
import { labErrorsView, labView } from '../../core/view/lab';
import { topologyModel } from '../../core/view/topology';
import { traceArgsOf, traceView } from '../../core/view/trace';
import type { LabView, TopologyModel, TraceArgsView, TraceView } from '../../core/view/types';
import { type HostMessage, isPanelMessage } from '../../protocol/panels';
import { loadWorld, trace } from '../engine';
import { ro } from '../../core/text/particle';

export { editAnswers };

/** A lab folder's files, loaded: the lab and its world when they load, else the errors why not. */
export interface BuiltLab {
  readonly lab?: Lab;
  readonly world?: World;
  readonly topology?: TopologyModel;
  readonly errors: readonly Diagnostic[];
}

/**
 * Loads the lab of `files` (relative path -> text; `file` is how lab.yaml is named in sources;
 * `outside`: the folder's files that lead outside it, refused where read) and builds its topology. A lab whose run lines fail still has a world, and is drawn: the diagnostics
 * in the editor say what failed. Never throws.
 */
export function buildLab(files: ReadonlyMap<string, string>, file: string, outside?: ReadonlySet<string>): BuiltLab {
  const loaded = loadWorld(files, file, undefined, outside);
  if (!loaded.lab || !loaded.world) {
    const errors = loaded.errors.length ? loaded.errors : [noLabFile(file)];
    return { errors };
  }
  try {
    return { lab: loaded.lab, world: loaded.world, topology: topologyModel(loaded.lab, loaded.world), errors: loaded.errors };
  } catch (e) {
    return { errors: [internal(file, e)] };
  }
}

function noLabFile(file: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    code: 'file-not-found',
    message: loc('This folder has no lab.yaml.', '이 폴더에는 lab.yaml이 없습니다.'),
  };
}

function internal(file: string, e: unknown): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    code: 'check-internal-error',
    message: loc(`Internal error: ${String(e)}`, `내부 오류: ${String(e)}`),
  };
}

/** Why a lab does not load, in one line of the display language (`file:line: message`). */
export function errorText(errors: readonly Diagnostic[], lang: Lang): string {
  const first = errors[0];
  if (!first) return pick(loc('lab.yaml could not be read.', 'lab.yaml을 읽을 수 없습니다.'), lang);
  const more = errors.length > 1 ? pick(loc(` (and ${errors.length - 1} more)`, ` (외 ${errors.length - 1}개)`), lang) : '';
  return `${first.file}:${first.line}: ${pick(first.message, lang)}${more}`;
}

/** What a trace sent, as its title: `a -> 192.168.2.10 icmp`, `a -> 10.0.0.1 tcp/80`. */
export function traceTitle(args: TraceArgsView): string {
  return `${args.from} -> ${args.to} ${args.proto}${args.proto !== 'icmp' && args.port !== undefined ? `/${args.port}` : ''}`;
}

export type TraceBuilt = { readonly view: TraceView; readonly topology: TopologyModel } | { readonly error: Localized };

/** Traces `args` on a built lab, mapped onto its topology. */
export function traceOn(built: BuiltLab, args: TraceArgsView): TraceBuilt {
  if (!built.world || !built.topology) return { error: loc('The lab does not load.', '실습을 불러올 수 없습니다.') };
  const result = trace(built.world, args);
  if (!result) {
    return {
      error: loc(
        `Cannot trace from "${args.from}" to "${args.to}": no such host or namespace in the lab, or not an address.`,
        `"${args.from}"에서 ${ro(`"${args.to}"`)} 추적할 수 없습니다: 실습에 그런 호스트나 네임스페이스가 없거나 주소가 아닙니다.`,
      ),
    };
  }
  return { view: traceView(built.topology, result, traceTitle(args), []), topology: built.topology };
}

/** A trace just run (by knetlab.runTrace), mapped onto the topology of the lab it ran on. */
export function traceOf(
  lab: Lab,
  world: World,
  result: TraceResult,
  args: TraceArgsView,
): { readonly view: TraceView; readonly topology: TopologyModel } {
  const topology = topologyModel(lab, world);
  return { view: traceView(topology, result, traceTitle(args), []), topology };
}

/** The packet a trace panel's view sent, as trace arguments, so that a restored panel can trace it again on the lab as it is now. */
export function traceArgsOfView(view: TraceView): TraceArgsView | undefined {
  return traceArgsOf(view.trace);
}

/**
 * The packet a restored trace panel showed, from the state its page saved (data from the page: it
 * is checked as any panel message is), or undefined.
 */
export function traceArgsOfState(last: HostMessage): TraceArgsView | undefined {
  try {
    const args = last.type === 'trace' ? traceArgsOfView(last.view) : undefined;
    return args && isPanelMessage({ type: 'runTrace', args }) ? args : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lab panel's view: the exercises, their grade (the last one, if any) and the answers saved in
 * answers.yaml. `failures` counts the failed attempts of each exercise in this session: one more
 * hint is revealed after each (the grade itself reveals the first). A lab that does not load gives a
 * view holding only its errors.
 */
export function labViewOf(
  built: BuiltLab,
  files: ReadonlyMap<string, string>,
  name: string,
  grade: LabGrade | undefined,
  failures: ReadonlyMap<string, number> = new Map(),
  answersFile = 'answers.yaml',
): LabView {
  if (!built.lab) return labErrorsView(name, built.errors);
  const answersText = files.get('answers.yaml');
  const answers = answersText !== undefined ? parseAnswers(answersText, answersFile).answers : undefined;
  const view = labView(built.lab, grade, answers);
  const specs = new Map(built.lab.exercises.map((e) => [e.id, e]));
  return {
    ...view,
    exercises: view.exercises.map((e) => {
      const spec = specs.get(e.id);
      const n = failures.get(e.id) ?? 0;
      // Hints of a cause the grade saw stand in place of the plain ones: they are what it shows.
      const seen = new Set(grade?.exercises.find((x) => x.id === e.id)?.causes?.map((c) => c.cause));
      const byCause = spec?.causeHints?.some((h) => seen.has(h.when)) ?? false;
      if (!spec || e.state !== 'failed' || byCause || n <= e.hints.length) return e;
      return { ...e, hints: spec.hints.slice(0, Math.min(n, spec.hints.length)) };
    }),
  };
}
