/**
 * Exports of a drawing sent by a panel (`export` messages): checked before anything is written. The
 * panel is ours, but its data is still data: an SVG must be an SVG document, a PNG a base64 data
 * URL whose bytes start with the PNG signature. No `vscode`, no Node: `atob` is not in every host,
 * so base64 is decoded here.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Exports larger than this are refused (a 4K PNG of a big topology is a few MB). */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** Decodes standard base64 (padding optional); undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    value = (value << 6) | B64.indexOf(s[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** The bytes to write for an export, or undefined when the data is not what its format says. */
export function exportBytes(format: 'svg' | 'png', data: string): Uint8Array | undefined {
  if (data.length > MAX_EXPORT_BYTES * 2) return undefined;
  if (format === 'svg') {
    return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/.test(data) && /<\/svg>\s*$/.test(data)
      ? new TextEncoder().encode(data)
      : undefined;
  }
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/.exec(data);
  const bytes = m ? decodeBase64(m[1]!.replace(/\s+/g, '')) : undefined;
  if (!bytes || bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  return bytes;
}

/** A file name for the save dialog: the panel's name without folders or odd characters, with the format's extension. */
export function exportName(name: string, format: 'svg' | 'png'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.(svg|png)$/i, '')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/^[.\s-]+/, '')
    .slice(0, 100);
  return `${base || 'topology'}.${format}`;
}
