/**
 * The CoreDNS Corefiles a lab gives its hosts, checked in the lab: a host's file named `Corefile`,
 * or the one its `coredns -conf FILE` lines name, gets the Corefile's own diagnostics, and the files
 * the Corefile names get theirs at their lab lines: a `file` plugin's zone file read with the
 * block's zones as its origin (as CoreDNS reads it), a `hosts` plugin's file as CoreDNS's hosts
 * plugin reads it (a line whose address Go does not parse is skipped). A named file the host does
 * not have is said (`corefile-missing-file`): CoreDNS would serve the zone empty, or not start.
 */
import type { Diagnostic } from '../text/diag';
import { loc } from '../text/i18n';
import type { FileSpec, HostSpec, Lab } from '../lab/types';
import { parseCorefile, type CorefilePlugin, type ServerBlock } from '../dns/corefile/index';
import { parseIp } from '../dns/corefile/keys';
import { parseZone } from '../dns/zone/parse';
import { placeFileDiagnostics } from './resolverFiles';

/** `coredns -conf FILE` (or `-conf=FILE`) in a run line. */
const CONF = /(?:^|[\s;&|])coredns\b[^;&|\n]*?\s-{1,2}conf(?:=|\s+)(\S+)/;

/** The Corefiles of a host: files named Corefile, those its run lines name, /etc/coredns/Corefile when it serves coredns. */
export function corefilePaths(h: HostSpec, extra: readonly string[] = []): string[] {
  const paths = new Set<string>(extra);
  for (const f of h.files) if (f.path === 'Corefile' || f.path.endsWith('/Corefile')) paths.add(f.path);
  for (const r of h.run) {
    for (const line of r.text.split('\n')) {
      const m = CONF.exec(line);
      if (m) paths.add(m[1]!.replace(/^["']|["']$/g, ''));
    }
  }
  return [...paths];
}

function rooted(path: string, root: string | undefined): string {
  return path.startsWith('/') || !root ? path : `${root.replace(/\/$/, '')}/${path}`;
}

function fq(z: string): string {
  const l = z.toLowerCase();
  return l.endsWith('.') ? l : `${l}.`;
}

/** CoreDNS's hosts plugin's reading of a hosts file: lines it skips. */
function hostsDiagnostics(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = hash >= 0 ? raw.slice(0, hash) : raw;
    const f = body.split(/[ \t\r\v\f]+/).filter(Boolean);
    if (!f.length) return;
    const column = body.indexOf(f[0]!) + 1;
    const at = { file, line: i + 1, column, endLine: i + 1, endColumn: column + f[0]!.length };
    if (f.length < 2)
      out.push({
        ...at,
        severity: 'warning',
        code: 'hosts-no-name',
        message: loc(
          `"${f[0]}" has no name on this line: CoreDNS's hosts plugin skips it.`,
          `이 줄의 "${f[0]}"에는 이름이 없어 CoreDNS의 hosts 플러그인이 건너뜁니다.`,
        ),
      });
    else if (!parseIp(f[0]!.split('%')[0]!))
      out.push({
        ...at,
        severity: 'warning',
        code: 'hosts-bad-address',
        message: loc(
          `"${f[0]}" is not an IP address as Go's net.ParseIP reads one: CoreDNS's hosts plugin skips this line.`,
          `주소 "${f[0]}": Go의 net.ParseIP가 읽는 IP 주소가 아니어서 CoreDNS의 hosts 플러그인이 이 줄을 건너뜁니다.`,
        ),
      });
  });
  return out;
}

function missing(p: CorefilePlugin, corefile: FileSpec, path: string, what: 'zone' | 'hosts' | 'resolv'): Diagnostic {
  const why =
    what === 'zone'
      ? loc('CoreDNS serves its zone empty and answers SERVFAIL', 'CoreDNS는 존을 빈 채로 서비스하며 SERVFAIL로 답합니다')
      : what === 'hosts'
        ? loc('CoreDNS starts with only the inline entries', 'CoreDNS는 인라인 항목만으로 시작합니다')
        : loc('CoreDNS does not start', 'CoreDNS가 시작하지 않습니다');
  const d: Diagnostic = {
    ...p.range,
    severity: 'warning',
    code: 'corefile-missing-file',
    message: loc(
      `The ${p.name} plugin reads ${path}, which this host has no file for: ${why.en}.`,
      `${p.name} 플러그인이 읽는 ${path} 파일이 이 호스트에 없습니다. ${why.ko}.`,
    ),
  };
  return placeFileDiagnostics(corefile, [d])[0]!;
}

function blockFiles(h: HostSpec, corefile: FileSpec, block: ServerBlock, out: Diagnostic[]): void {
  const byPath = new Map(h.files.map((f) => [f.path, f]));
  const root = block.plugins.find((p) => p.name === 'root')?.args[0];
  const zones = block.zones.map((z) => z.zone);
  for (const p of block.plugins) {
    if (p.name === 'file' && p.args[0]) {
      const path = rooted(p.args[0], root);
      const f = byPath.get(path);
      if (!f) {
        out.push(missing(p, corefile, path, 'zone'));
        continue;
      }
      const origins = p.args.length > 1 ? p.args.slice(1).map(fq) : zones;
      for (const origin of origins) out.push(...placeFileDiagnostics(f, parseZone(f.content, { origin, file: path }).diagnostics));
    } else if (p.name === 'hosts') {
      const path = rooted(p.args[0] ?? '/etc/hosts', root);
      const f = byPath.get(path);
      if (!f) {
        if (p.args[0]) out.push(missing(p, corefile, path, 'hosts'));
      } else if (path !== '/etc/hosts') out.push(...placeFileDiagnostics(f, hostsDiagnostics(f.content, path)));
    } else if (p.name === 'forward') {
      for (const to of p.args.slice(1))
        if (to.startsWith('/') && !byPath.has(to) && to !== '/etc/resolv.conf') out.push(missing(p, corefile, to, 'resolv'));
    }
  }
}

/** Every diagnostic of the hosts' Corefiles and the files they name, placed in the lab file. */
export function corefileDiagnostics(lab: Lab, servedCorefiles?: (h: HostSpec) => readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const h of lab.hosts) {
    for (const path of corefilePaths(h, servedCorefiles?.(h) ?? [])) {
      const f = h.files.find((x) => x.path === path);
      if (!f) continue;
      const parsed = parseCorefile(f.content, path);
      out.push(...placeFileDiagnostics(f, parsed.diagnostics));
      for (const b of parsed.blocks) if (!b.snippet) blockFiles(h, f, b, out);
    }
  }
  const seen = new Set<string>();
  return out.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message.en}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
