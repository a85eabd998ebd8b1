/**
 * knetlab's core: the lab loader, the simulated Linux hosts and the packet walk. Pure TypeScript:
 * no `vscode`, no Node built-ins, so the CLI, the extension and the webviews share it.
 */
export * from './text/i18n';
export * from './text/diag';
export * from './net/addr';
export type { Lab, HostSpec, InterfaceSpec, RunLine, FileSpec, ServeSpec, Named } from './lab/types';
export { loadLab, loadParsed, OUTSIDE_LAB, outsideLab, parseLabText } from './lab/load';
export type { LoadOptions, LoadResult, ParsedLabText } from './lab/load';
export { insideFolder } from './lab/inside';
export { IncrementalLabChecker, IncrementalLabParser } from './check/incremental';
export type { ParsePath } from './check/incremental';
export { buildWorld, HostBuildCache } from './world/build';
export type { BuildResult, RunLineResult } from './world/build';
export * from './sim/model';
export * from './datapath/trace';
export * from './datapath/verdicts';
export { DEFAULT_SEED } from './datapath/flow';
export { netfilterRow, nfText, type NetfilterRow } from './view/traceNetfilter';
export { execCommand } from './commands/exec';
export { localizeNotes } from './commands/notes';
export type { ExecResult } from './commands/exec';
export { tracePacket } from './datapath/walk';
export { traceWarnings, unmodelledLines } from './datapath/honesty';
export type { TraceRequest } from './datapath/walk';
export { parseEndpoint, formatEndpoint } from './net/endpoint';
export type { Endpoint } from './net/endpoint';
export { checkLab, instantiateText, loadLabFor } from './check/check';
export { checkLabFiles } from './check/folder';
export type { CheckFilesOptions } from './check/folder';
export { gradeLab, validateExercises } from './grade/grade';
export { parseAnswers } from './grade/answers';
export { hashAnswer, normaliseAnswer, checkAnswer, sameAnswer } from './net/answer';
export { resolveTo } from './grade/checks/identity';
export { applySolution, hasSolution } from './grade/overlay';
export { declaresVariables, instantiateLab, isSolutionPath, readVariantRecord, studentCopy, verifySeal } from './lab/variant';
export { gradeFiles, outsideDiagnostic, variantStudent } from './grade/folder';
export { ATTEMPTS_FILE, MAX_ATTEMPTS, attemptsNow, formatAttempts, parseAttempts, recordAttempts } from './grade/attempts';
export type { Attempts } from './grade/attempts';
export { TRACE_CAUSE_LABELS, TRACE_CAUSES, traceCauses } from './datapath/causes';
export type { TraceCause, TraceCauseName } from './datapath/causes';
export type { GradeFilesOptions } from './grade/folder';
export { digestText, handoutNotes, KEY_FILE, KEY_HANDOUT_LAB, keyExercises, readKey } from './grade/key';
export type { GradingKey, KeyResult } from './grade/key';
export { handoutReadme, splitLab, studentExercises } from './grade/handout';
export type { SplitOptions, SplitResult } from './grade/handout';
export { courseLabOutside, loadCourse } from './grade/course';
export type { Course, CourseLab } from './grade/course';
export { checkKinds, findCheckKind } from './grade/registry';
export { lintWorld } from './lint/lint';
export { checkEndpoints } from './lab/endpoints';
export { labLineOf, legsInLab, lookupInLab, traceInLab } from './lab/fileLines';
export type { CheckEndpoint } from './lab/endpoints';
export {
  parseCorefile,
  COREDNS_PLUGINS,
  PLUGIN_ORDER,
  inExecutionOrder,
  normalizeKey,
  COREFILE_DOCS,
  PROPERTY_DOCS,
  propertyDoc,
} from './dns/corefile';
export type { CorefileResult, ServerBlock, CorefilePlugin, CorefileOptions, ZoneKey, CorefileDoc } from './dns/corefile';
export { parseZone } from './dns/zone/parse';
export { buildZone, lookup as lookupZone } from './dns/zone/zone';
export { corednsServer } from './dns/server/index';
export { newSession } from './dns/msg';
export type { DnsMessage, DnsServer, DnsSession, ServerOutcome } from './dns/msg';
export type { CorednsStart, CorednsOptions } from './dns/server/index';
export type { Zone, ZoneAnswer, ZoneResult, LookupOptions } from './dns/zone/zone';
export { rdataText } from './dns/zone/rdata';
export { reverseName } from './dns/zone/names';
// The editor's DNS files (helper `editor`): zone files by name, and the outline, hover and completion models.
export { zoneFileOrigin, zoneOriginOf } from './dns/zone/file';
export * from './view/dnsEditor';
export type { ZoneRecord, RData, ZoneParse, ZoneParseOptions } from './dns/zone/types';
export * from './dns/files/index';
export { checkCniConfig, isCniConfigPath } from './cni/config';
export type { CniConfig, CniPlugin, CniResult } from './cni/config';
export { CNI_VERSIONS, KNOWN_PLUGINS, KNOWN_IPAM, CHAINED_ONLY } from './cni/plugins';
export type * from './grade/types';
export { parseRoster, type RosterResult, type RosterStudent, STUDENT_ID_RE } from './grade/roster';
export * from './dns/msg';
export * from './dns/lookup';
export * from './dns/transport/index';
export { resolveName, makeQuery, MAX_QUERIES, serverTimeout, readResolverFiles, etcPath } from './dns/resolver/index';
export type { ResolverFiles } from './dns/resolver/index';
