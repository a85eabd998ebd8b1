/** JSON Pointers (RFC 6901), as ajv reports where an error is. */
/** The segments of a JSON Pointer (RFC 6901), as ajv's `instancePath` gives it. */
export function decodePointer(path: string): string[] {
  if (!path) return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
