/**
 * A semantic checker for CNI network configurations: plugin lists (`*.conflist`) and single-plugin
 * files (`*.conf`), CNI spec 0.1.0 to 1.1.0, as in /etc/cni/net.d/.
 *
 * What the runtime (libcni, Go's encoding/json) and the reference plugins would refuse is an error;
 * what they accept but is almost surely a mistake is a warning:
 * - the JSON itself, as Go reads it: no comments, no trailing commas, no byte order mark
 *   (`cni-syntax`); a key given twice is a warning (Go keeps the last one);
 * - the schema (schema/cni.schema.json, `cni-schema`): types, enums, ranges;
 * - `cniVersion` (`cni-version`), the network `name` (`cni-name`), the plugin list or the single
 *   plugin's `type` (`cni-plugins`), plugin types nobody ships (`cni-unknown-plugin`), a chained
 *   plugin with no earlier plugin (`cni-plugin-order`), a type listed twice
 *   (`cni-duplicate-plugin`), interface names (`cni-ifname`), MTUs (`cni-mtu`);
 * - IPAM (`cni-ipam`): host-local's subnets and ranges as its allocator checks them (both the old
 *   `subnet`/`rangeStart`/`rangeEnd`/`gateway` form and `ranges: [[{ subnet, ... }]]`), static
 *   addresses and routes.
 *
 * Never throws: whatever the text, the result is diagnostics with their places.
 *
 * The checker, by concern: read.ts reads the JSON as Go does (with syntaxWords.ts); document.ts
 * checks the file's form and the schema, then version.ts, name.ts and list.ts; plugin.ts checks
 * each plugin, ipam.ts its `ipam`, hostLocal.ts host-local's ranges (with cidr.ts). This module is
 * the entry the rest of knetlab imports.
 */
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import { JsonDoc } from './json';
import type { CniConfig, CniResult } from './types';
import { CniContext } from './context';
import { readJson } from './read';
import { checkDocument } from './document';

export type { CniConfig, CniPlugin, CniResult } from './types';

/** Whether a path names a CNI configuration file: `*.conflist`, or `*.conf` in a `net.d` folder. */
export function isCniConfigPath(path: string): boolean {
  return /\.conflist$/.test(path) || /(^|[\\/])net\.d[\\/][^\\/]+\.conf$/.test(path);
}

export function checkCniConfig(text: string, file: string): CniResult {
  const out: Diagnostic[] = [];
  let config: CniConfig | undefined;
  try {
    const source = typeof text === 'string' ? text : String(text);
    const root = readJson(source, file, out);
    if (root) {
      const doc = new JsonDoc(source, file, root);
      config = checkDocument(new CniContext(doc, out));
    }
  } catch (e) {
    out.push({
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      code: 'cni-syntax',
      message: loc(`Internal error while checking the CNI configuration: ${String(e)}`, `CNI 설정을 검사하는 중 내부 오류: ${String(e)}`),
    });
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn);
  return config ? { config, diagnostics: out } : { diagnostics: out };
}
