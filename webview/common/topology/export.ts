/**
 * The drawing as a file: a standalone SVG (every element's computed colours and fonts inlined, so
 * it looks the same outside VS Code, in the theme it was drawn in) and a PNG made from it on a canvas.
 */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'display',
  'visibility',
] as const;

const PAD = 20;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function frame(box: Box | undefined): Box {
  const b = box ?? { x: 0, y: 0, w: 100, h: 100 };
  return { x: b.x - PAD, y: b.y - PAD, w: b.w + 2 * PAD, h: b.h + 2 * PAD };
}

/** A standalone SVG document of the drawing inside `box` (drawing coordinates). */
export function exportSvg(svg: SVGSVGElement, box: Box | undefined, title: string): string {
  const f = frame(box);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
  for (let i = 0; i < src.length; i++) {
    const cs = getComputedStyle(src[i]!);
    const d = dst[i]!;
    // As presentation attributes: the page's CSP allows no inline style, and the file needs no stylesheet.
    d.removeAttribute('style');
    for (const p of PROPS) d.setAttribute(p, cs.getPropertyValue(p));
    for (const a of ['tabindex', 'aria-describedby', 'class', 'aria-roledescription']) d.removeAttribute(a);
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('version', '1.1');
  clone.setAttribute('viewBox', `${f.x} ${f.y} ${f.w} ${f.h}`);
  clone.setAttribute('width', String(Math.ceil(f.w)));
  clone.setAttribute('height', String(Math.ceil(f.h)));
  clone.removeAttribute('aria-describedby');
  clone.setAttribute('role', 'img');
  clone.setAttribute('aria-label', title);
  clone.querySelector(':scope > g')?.removeAttribute('transform');
  const bg = getComputedStyle(svg).getPropertyValue('--vscode-editor-background').trim() || getComputedStyle(document.body).backgroundColor;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: f.x, y: f.y, width: f.w, height: f.h })) rect.setAttribute(k, String(v));
  rect.setAttribute('fill', bg);
  const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  clone.insertBefore(rect, clone.firstChild);
  clone.insertBefore(t, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The drawing as a PNG data URL (twice the drawing's size, at most 8192 pixels a side). */
export async function exportPng(svg: SVGSVGElement, box: Box | undefined, title: string): Promise<string> {
  const f = frame(box);
  const text = exportSvg(svg, box, title);
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the SVG did not load as an image'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
  const scale = Math.min(2, 8192 / Math.max(f.w, f.h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(f.w * scale));
  canvas.height = Math.max(1, Math.round(f.h * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, f.w, f.h);
  return canvas.toDataURL('image/png');
}
