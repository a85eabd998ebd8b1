/**
 * The shapes the lab schema's checker passes around: schema objects, ajv's errors, the issue an
 * error becomes, and what an issue needs to know about the document (`Where`, which the mapper
 * implements). Kept apart so that the keyword handlers and the mapper need not import each other.
 */
import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import type { DiagnosticCode, Severity } from '../../text/diag';
import type { Localized } from '../../text/i18n';

export type SchemaObj = Record<string, unknown>;
export type SchemaError = ErrorObject<string, Record<string, unknown>, unknown>;

/** Where a JSON pointer leads in the YAML document. */
export interface Place {
  /** The node at the path (undefined when the path runs past the document). */
  readonly node: Node | null | undefined;
  /** The key of the pair whose value the node is, if the node is a mapping value. */
  readonly key?: Node | null;
  /** The deepest node found on the way, for when `node` is missing. */
  readonly last: Node | null | undefined;
  /** For each segment of the path: whether it indexes a list. */
  readonly inList: boolean[];
}

/** One problem, before it becomes a diagnostic: at most one per node survives (see Mapper). */
export interface Issue {
  readonly node: Node | null | undefined;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: Localized;
  readonly rank: number;
  readonly order: number;
}

/** What the keyword handlers ask of the document (the Mapper answers). */
export interface Where {
  locate(segments: readonly string[]): Place;
  /** A path as printed in messages (indices of lists in brackets). */
  path(segments: readonly string[], place: Place): string;
  /** Where a problem with a value shows: the value, or its key when the value is empty or a block. */
  valueNode(p: Place): Node | null | undefined;
  /** Where a problem with a whole mapping shows: its key, or its first key, or itself. */
  mappingNode(p: Place): Node | null | undefined;
  keyNode(p: Place, key: string): Node | null | undefined;
  /** `, e.g. ...` for a schema that carries `examples`. */
  exampleOf(schema: SchemaObj): Localized;
}

/** Everything a keyword handler needs about one error (built by the Mapper). */
export interface IssueContext {
  /** The document, through the mapper. */
  readonly m: Where;
  readonly e: SchemaError;
  /** The error's instancePath, decoded. */
  readonly segs: string[];
  readonly place: Place;
  /** The path in messages (`hosts.a.interfaces`), '' at the top. */
  readonly p: string;
  /** The path, or `the lab` / `실습` at the top. */
  readonly at: string;
  readonly atKo: string;
  readonly parent: SchemaObj;
  readonly params: Record<string, unknown>;
  /** ` when "port" is given`, for errors of a `dependentSchemas` entry. */
  readonly when: Localized;
  /** The `required` errors of one mapping reported together (this error first). */
  readonly requiredGroup: SchemaError[];
  mk(node: Node | null | undefined, code: DiagnosticCode, message: Localized, severity?: Severity): Issue;
}

export type KeywordHandler = (c: IssueContext) => Issue | undefined;
