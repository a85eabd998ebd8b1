/**
 * The diagnostics of the resolver's files a lab gives its hosts (`files:` at /etc/hosts,
 * /etc/resolv.conf, /etc/nsswitch.conf, or their /etc/netns/NAME/ copies that `ip netns exec`
 * mounts), placed in the lab file: at their own line and column for a file written inline as a
 * block (`|`), else at the file's key with the line named in the message.
 */
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import type { FileSpec, Lab } from '../lab/types';
import { checkResolverFile, resolverFileKind } from '../dns/files/index';

const RESOLVER_PATH = /^\/etc\/(?:netns\/[^/]+\/)?(?:hosts|resolv\.conf|nsswitch\.conf)$/;

/** One file's diagnostics, moved into the lab file. */
export function placeFileDiagnostics(f: FileSpec, found: readonly Diagnostic[]): Diagnostic[] {
  const lines = f.content.split('\n');
  return found.map((d) => {
    if (f.body) {
      const line = f.body.line + d.line - 1;
      const column = (lines[d.line - 1] ?? '') === '' ? 1 : f.body.column + d.column - 1;
      return { ...d, file: f.range.file, line, column, endLine: line, endColumn: column + Math.max(d.endColumn - d.column, 1) };
    }
    return {
      ...d,
      ...f.range,
      message: loc(`Line ${d.line} of ${f.path}: ${d.message.en}`, `${f.path}의 ${d.line}번째 줄: ${d.message.ko}`),
    };
  });
}

export function resolverFileDiagnostics(lab: Lab): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const h of lab.hosts) {
    for (const f of h.files) {
      const kind = RESOLVER_PATH.test(f.path) ? resolverFileKind(f.path) : undefined;
      if (kind) out.push(...placeFileDiagnostics(f, checkResolverFile(kind, f.content, f.path)));
    }
  }
  return out;
}
