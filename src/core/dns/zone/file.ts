/**
 * Which files are zone files, and their zone, as `knetlab check` and the editor both read them: a
 * file named `db.ZONE` (BIND's custom, as in CoreDNS's examples) or `ZONE.zone`; never a lab's YAML,
 * JSON or configuration files that happen to start with `db.`.
 */

/** The zone in a zone file's name (`db.example.org` -> `example.org`), or undefined when the name is no zone file's. */
export function zoneFileOrigin(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const m = /^db\.(.+)$/.exec(name) ?? /^(.+)\.zone$/.exec(name);
  if (!m || /\.(ya?ml|json|conf|conflist)$/.test(name)) return undefined;
  return m[1]!;
}

/** The origin a zone file is read with when none is given: the zone in its name, when it reads as a domain. */
export function zoneOriginOf(path: string): string | undefined {
  const zone = zoneFileOrigin(path);
  return zone !== undefined && /^[A-Za-z0-9_.-]+$/.test(zone) ? zone : undefined;
}
