/**
 * What every CNI check shares: the document, the diagnostics found so far, and the two ways they
 * are added (at a node or a range; with a did-you-mean for a key that is close to a missing one).
 */
import type { Diagnostic, DiagnosticCode, Severity, SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';
import { didYouMean } from '../text/didyoumean';
import { type JsonDoc, type JsonNode, keys } from './json';
import { eulreul } from '../text/particle';

/** The CNI version a configuration declares, and the one its plugins run with (the highest of `cniVersions` when newer). */
export interface Versions {
  readonly cniVersion?: string;
  readonly effective?: string;
}

export class CniContext {
  constructor(
    readonly doc: JsonDoc,
    readonly out: Diagnostic[],
  ) {}

  add(where: JsonNode | SourceRange, severity: Severity, code: DiagnosticCode, message: Localized): void {
    const r = 'file' in where ? where : this.doc.anchor(where);
    this.out.push({ ...r, severity, code, message });
  }

  /** ` You wrote "plugin": did you mean "plugins"?` when an object has a key close to the one it lacks. */
  keyHint(obj: JsonNode, wanted: string): Localized {
    const close = keys(obj).find((k) => k !== wanted && didYouMean(k, [wanted]) === wanted);
    return close
      ? loc(` You wrote "${close}": did you mean "${wanted}"?`, ` "${close}"라고 썼습니다. ${eulreul(`"${wanted}"`)} 뜻했나요?`)
      : loc('', '');
  }
}
