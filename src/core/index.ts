/**
 * knetlab's core: the lab loader, the simulated Linux hosts and the packet walk. Pure TypeScript:
 * no `vscode`, no Node built-ins, so the CLI, the extension and the webviews share it.
 */
export * from './i18n';
export * from './diag';
export * from './net/addr';
export type { Lab, HostSpec, InterfaceSpec, RunLine, FileSpec, ServeSpec, Named } from './lab/types';
export { loadLab, loadParsed, parseLabText } from './lab/load';
export type { LoadOptions, LoadResult, ParsedLabText } from './lab/load';
export { IncrementalLabChecker, IncrementalLabParser } from './lab/incremental';
export type { ParsePath } from './lab/incremental';
export { buildWorld, HostBuildCache } from './sim/build';
export type { BuildResult, RunLineResult } from './sim/build';
export * from './sim/model';
export * from './sim/trace';
export { execCommand } from './commands/exec';
export type { ExecResult } from './commands/exec';
export { tracePacket, parseEndpoint, formatEndpoint } from './sim/walk';
export type { TraceRequest, Endpoint } from './sim/walk';
export { checkLab, instantiateText, loadLabFor } from './check';
export { gradeLab, validateExercises } from './grade/grade';
export { parseAnswers } from './grade/answers';
export { hashAnswer, normaliseAnswer, checkAnswer } from './grade/quiz';
export { applySolution, hasSolution } from './grade/overlay';
export { declaresVariables, instantiateLab } from './grade/variant';
export { gradeFiles, variantStudent } from './grade/folder';
export type { GradeFilesOptions } from './grade/folder';
export { loadCourse } from './grade/course';
export { checkKinds, findCheckKind } from './grade/registry';
export { lintWorld } from './lab/lint';
export { checkEndpoints } from './lab/endpoints';
export type { CheckEndpoint } from './lab/endpoints';
export { parseCorefile, COREDNS_PLUGINS } from './dns/corefile';
export type { CorefileResult, ServerBlock, CorefilePlugin } from './dns/corefile';
export { checkCniConfig, isCniConfigPath } from './cni/config';
export type { CniConfig, CniPlugin, CniResult } from './cni/config';
export { CNI_VERSIONS, KNOWN_PLUGINS, KNOWN_IPAM, CHAINED_ONLY } from './cni/plugins';
export type * from './grade/types';
