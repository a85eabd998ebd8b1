/**
 * The mapper: ajv's errors for one lab document -> diagnostics at exact YAML places, at most one
 * per node. Alternatives are collapsed first (collapse.ts); several `required` errors of one
 * mapping make one issue; each error goes to its keyword's handler (keyIssues.ts, valueIssues.ts);
 * when two issues land on one node, the lower KEYWORD_RANK (then the earlier error) wins.
 *
 * Where an issue shows: errors about a value (type, enum, pattern, minimum...) point at the value,
 * or at its key when the value is empty or a block over several lines; errors about a key
 * (unknown key, bad name) point at the key; errors about what a mapping lacks (`required`) point
 * at the mapping's own key, or its first key.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import { decodePointer } from '../../text/pointer';
import { collapse } from './collapse';
import { KEY_HANDLERS, KEYWORD_RANK, propertyNameIssue } from './keyIssues';
import { locate, Pairs } from './locate';
import type { Issue, IssueContext, KeywordHandler, Place, SchemaError, SchemaObj, Where } from './types';
import { otherIssue, VALUE_HANDLERS } from './valueIssues';
import { flowYaml, formatPath } from './words';
import { iga } from '../../text/particle';

const HANDLERS = new Map<string, KeywordHandler>([...KEY_HANDLERS, ...VALUE_HANDLERS]);

export class Mapper implements Where {
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineCounter,
    readonly file: string,
  ) {}

  range(node: Node | null | undefined): SourceRange {
    const r = node?.range;
    const a = this.lines.linePos(r ? r[0] : 0);
    const b = this.lines.linePos(r ? Math.max(r[0], r[1]) : 0);
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  readonly pairs = new Pairs();

  locate(segments: readonly string[]): Place {
    return locate(this.doc, this.pairs, segments);
  }

  /** A path as printed in messages (indices of lists in brackets). */
  path(segments: readonly string[], place: Place): string {
    return formatPath(segments, (i) => place.inList[i] ?? /^\d+$/.test(segments[i]!));
  }

  /** Where a problem with a value shows: the value, or its key when the value is empty or a block. */
  valueNode(p: Place): Node | null | undefined {
    const n = p.node;
    const empty = !n || (isScalar(n) && n.value === null && (!n.range || n.range[0] === n.range[1] || n.source === ''));
    if (empty) return p.key ?? p.last;
    // A block mapping or list starts on the line after its key: the key says more, in less room.
    if ((isMap(n) || isSeq(n)) && !n.flow && p.key) return p.key;
    return n;
  }

  /** Where a problem with a whole mapping shows: its key, or its first key, or itself. */
  mappingNode(p: Place): Node | null | undefined {
    if (p.key) return p.key;
    const n = p.node;
    if (isMap(n) && n.items.length) return (n.items[0]!.key as Node | null) ?? n;
    if (n && n.range) return n;
    return p.last;
  }

  keyNode(p: Place, key: string): Node | null | undefined {
    const pair = this.pairs.find(p.node, key);
    return (pair?.key as Node | null | undefined) ?? this.mappingNode(p);
  }

  issues(errors: SchemaError[]): Issue[] {
    const out: Issue[] = [];
    // Several missing keys of one mapping (for one reason): one issue.
    const groupOf = (e: SchemaError) => `${e.instancePath}\n${e.schemaPath}`;
    const required = new Map<string, SchemaError[]>();
    for (const e of errors) {
      if (e.keyword !== 'required' || e.params['oneOfKeys']) continue;
      const list = required.get(groupOf(e));
      if (list) list.push(e);
      else required.set(groupOf(e), [e]);
    }
    errors.forEach((e, order) => {
      const group = e.keyword === 'required' && !e.params['oneOfKeys'] ? required.get(groupOf(e))! : [];
      if (group.length && group[0] !== e) return;
      const issue = this.issue(e, order, group);
      if (issue) out.push(issue);
    });
    return out;
  }

  issue(e: SchemaError, order: number, requiredGroup: SchemaError[]): Issue | undefined {
    const segs = decodePointer(e.instancePath);
    const place = this.locate(segs);
    const p = this.path(segs, place);
    const rank = KEYWORD_RANK[e.keyword] ?? 10;
    const c: IssueContext = {
      m: this,
      e,
      segs,
      place,
      p,
      at: p || 'the lab',
      atKo: p || '실습',
      parent: (e.parentSchema ?? {}) as SchemaObj,
      params: e.params,
      when: this.dependentOn(e),
      requiredGroup,
      mk: (node: Node | null | undefined, code: DiagnosticCode, message: Localized, severity: Severity = 'error'): Issue => ({
        node,
        severity,
        code,
        message,
        rank,
        order,
      }),
    };
    if (e.propertyName !== undefined) return propertyNameIssue(c, e.propertyName);
    return (HANDLERS.get(e.keyword) ?? otherIssue)(c);
  }

  /** ` when "port" is given`, for errors of a `dependentSchemas` entry. */
  dependentOn(e: SchemaError): Localized {
    const m = /\/dependentSchemas\/([^/]+)\//.exec(e.schemaPath);
    if (!m) return loc('', '');
    const k = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    return loc(` when "${k}" is given`, ` (${iga(`"${k}"`)} 있을 때)`);
  }

  /** `, e.g. ...` for a schema that carries `examples`. */
  exampleOf(schema: SchemaObj): Localized {
    const ex = schema['examples'];
    if (!Array.isArray(ex) || ex.length === 0) return loc('', '');
    const s = flowYaml(ex[0]);
    return loc(`, e.g. ${s}`, `. 예: ${s}`);
  }

  diagnostics(errors: SchemaError[]): Diagnostic[] {
    const issues = this.issues(collapse(errors));
    issues.sort((a, b) => a.rank - b.rank || a.order - b.order);
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const i of issues) {
      const r = this.range(i.node);
      const k = `${r.line}:${r.column}:${r.endLine}:${r.endColumn}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ ...r, severity: i.severity, code: i.code, message: i.message });
    }
    out.sort((a, b) => a.line - b.line || a.column - b.column);
    return out;
  }
}
