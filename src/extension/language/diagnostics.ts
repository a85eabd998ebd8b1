/**
 * Diagnostics as the user types: which checker reads which document (a table: labs, Corefiles, CNI
 * network configurations), and the core diagnostics as plain editor diagnostics with a link to
 * their documentation.
 */
import { checkCniConfig, isCniConfigPath } from '../../core/cni/config';
import { dnsFileKind, zoneOrigin } from './dnsKinds';
import { parseCorefile } from '../../core/dns/corefile';
import {
  checkLab,
  checkResolverFile,
  checkLabFiles,
  type Diagnostic,
  type DiagnosticCode,
  IncrementalLabChecker,
  type Lang,
  type LoadOptions,
  type OUTSIDE_LAB,
  parseZone,
  pick,
  type Severity,
} from '../../core';
import { type Span, spanOf } from './span';

export const DIAGNOSTICS_DOCS = 'https://github.com/knetlab/knetlab/blob/main/docs/diagnostics.md';

export interface CheckContext {
  /** The document's path, as it should appear in diagnostics. */
  readonly file: string;
  /**
   * Files next to the document, read up front by the adapter (paths relative to its folder):
   * OUTSIDE_LAB for one that leads outside the lab folder (the core reports file-outside-lab).
   */
  readonly readFile: (rel: string) => string | undefined | typeof OUTSIDE_LAB;
  readonly student?: string;
  /** The document's VS Code language, for checkers that read a file by its language (the DNS files). */
  readonly languageId?: string;
}

/** A checker for one kind of document. */
export interface DocumentChecker {
  readonly id: string;
  /** Whether this checker reads the document at `path` (of VS Code language `languageId`). */
  matches(path: string, languageId: string): boolean;
  /** Files next to the document the checker will ask for (relative paths). */
  filesWanted(text: string): string[];
  /** The lab folder that holds the files it reads, relative to the document's folder (default: that folder). */
  readonly labFolder?: string;
  check(text: string, ctx: CheckContext): Diagnostic[];
  /**
   * A checker for successive versions of one document (one per open document, dropped when it
   * closes) that may reuse its work on the last version: the same results as `check`, sooner.
   */
  incremental?(): DocumentCheckSession;
}

/** Checks one document again and again as it is edited (see DocumentChecker.incremental). */
export interface DocumentCheckSession {
  check(text: string, ctx: CheckContext): Diagnostic[];
}

export function isLabPath(path: string): boolean {
  return /(^|[\\/])lab\.ya?ml$/.test(path);
}

function labOptions(ctx: CheckContext): LoadOptions & { readonly student?: string } {
  return { file: ctx.file, readFile: ctx.readFile, ...(ctx.student !== undefined ? { student: ctx.student } : {}) };
}

export const labChecker: DocumentChecker = {
  id: 'lab',
  matches: (path) => isLabPath(path),
  // Every `from:` value: a file of `files:` or a check's endpoint; asking for an endpoint costs one failed read.
  filesWanted: (text) => [...new Set([...text.matchAll(/\bfrom:\s*["']?([^\s"'},\]]+)/g)].map((m) => m[1]!))],
  check: (text, ctx) => checkLab(text, labOptions(ctx)),
  // After a keystroke in a run block, only the edited scalar is parsed again and only its host rebuilt.
  incremental: () => {
    const inc = new IncrementalLabChecker();
    return { check: (text, ctx) => inc.check(text, labOptions(ctx)) };
  },
};

/** The starter beside a solution's lab.yaml (solution/lab.yaml), relative to the solution's folder. */
const STARTER = '../lab.yaml';

/**
 * A lab's solution, `solution/lab.yaml`: a patch of the starter, not a lab. It is checked as the
 * lab it makes, the starter with it applied (core check/folder.ts), and shows the problems at its
 * own lines; the starter's are the starter's document's. With no starter beside it, it is a lab.
 */
export const solutionChecker: DocumentChecker = {
  id: 'solution',
  matches: (path) => /(^|[\\/])solution[\\/]lab\.ya?ml$/.test(path),
  filesWanted: () => [STARTER],
  labFolder: '..',
  check: (text, ctx) => {
    const starter = ctx.readFile(STARTER);
    if (starter === undefined) return checkLab(text, labOptions(ctx));
    // A starter that leads outside the lab folder is not read: its error is the starter's own (check/folder.ts).
    if (typeof starter !== 'string') return [];
    const files = new Map([
      ['lab.yaml', starter],
      ['solution/lab.yaml', text],
    ]);
    const displayPath = (rel: string) => (rel === 'solution/lab.yaml' ? ctx.file : `${ctx.file}/../../${rel}`);
    return checkLabFiles(files, { displayPath, ...(ctx.student !== undefined ? { student: ctx.student } : {}) }).filter(
      (d) => d.file === ctx.file,
    );
  },
};

/** Corefiles (`Corefile`, `NAME.Corefile`): everything CoreDNS refuses at start-up (core/dns/corefile/). */
export const corefileChecker: DocumentChecker = {
  id: 'corefile',
  matches: (path, languageId) => languageId === 'corefile' || /(^|[\\/])([^\\/]*\.)?Corefile$/.test(path),
  filesWanted: () => [],
  check: (text, ctx) => parseCorefile(text, ctx.file).diagnostics,
};

/**
 * CNI network configurations: `*.conflist`, and `*.conf` in a `net.d` folder (/etc/cni/net.d/,
 * any `cni/net.d/`): the same files as the extension's CNI document selector.
 */
export const cniChecker: DocumentChecker = {
  id: 'cni',
  matches: (path) => isCniConfigPath(path),
  filesWanted: () => [],
  check: (text, ctx) => checkCniConfig(text, ctx.file).diagnostics,
};

/** Zone files (`db.ZONE`, `ZONE.zone`, language dns-zone): as CoreDNS's file plugin reads them, the zone from the name. */
export const zoneChecker: DocumentChecker = {
  id: 'zone',
  matches: (path, languageId) => dnsFileKind(path, languageId) === 'zone',
  filesWanted: () => [],
  check: (text, ctx) => {
    const origin = zoneOrigin(ctx.file);
    return parseZone(text, { file: ctx.file, ...(origin !== undefined ? { origin } : {}) }).diagnostics;
  },
};

/** /etc/hosts, resolv.conf and nsswitch.conf (by name, or by their languages): as glibc reads them. */
export const resolverChecker: DocumentChecker = {
  id: 'resolver',
  matches: (path, languageId) => {
    const k = dnsFileKind(path, languageId);
    return k !== undefined && k !== 'zone';
  },
  filesWanted: () => [],
  check: (text, ctx) => {
    // The path alone when the checker is asked without a language (a file by its name).
    const kind = dnsFileKind(ctx.file, ctx.languageId ?? 'plaintext');
    return kind && kind !== 'zone' ? checkResolverFile(kind, text, ctx.file) : [];
  },
};

/** Every checker, first match wins (the resolver's files before CNI's `.conf`). */
export const CHECKERS: readonly DocumentChecker[] = [
  solutionChecker,
  labChecker,
  corefileChecker,
  zoneChecker,
  resolverChecker,
  cniChecker,
];

export function checkerFor(path: string, languageId: string, checkers: readonly DocumentChecker[] = CHECKERS): DocumentChecker | undefined {
  return checkers.find((c) => c.matches(path, languageId));
}

export interface EditorDiagnostic {
  readonly span: Span;
  readonly severity: Severity;
  readonly message: string;
  readonly code: { readonly value: DiagnosticCode; readonly target: string };
  readonly source: 'knetlab';
}

export function docsUrl(code: DiagnosticCode): string {
  return `${DIAGNOSTICS_DOCS}#${code}`;
}

export function toEditorDiagnostic(d: Diagnostic, lang: Lang): EditorDiagnostic {
  return {
    span: spanOf(d),
    severity: d.severity,
    message: pick(d.message, lang),
    code: { value: d.code, target: docsUrl(d.code) },
    source: 'knetlab',
  };
}
