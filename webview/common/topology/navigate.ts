/**
 * Finding one's way around the drawing: the keyboard (the arrows move between nodes, Enter or
 * Space reveals one, + and - zoom, 0 fits, Escape hides the tooltip), and the pan and zoom that
 * fit the whole drawing, centre the search matches, or bring a focused node into view. Split out
 * of view.ts, which owns the zoom behaviour; these work out where to go.
 */
import { zoomIdentity, type ZoomTransform } from 'd3';

export interface DrawingKeys {
  /** Focuses a node and scrolls it into view. */
  readonly focus: (el: SVGGElement) => void;
  /** Selects a node and reveals its declaration (Enter, Space). */
  readonly activate: (nid: string) => void;
  readonly zoomBy: (k: number) => void;
  readonly fit: () => void;
  readonly hideTip: () => void;
}

/** Handles a key on the drawing: `n` is the focused node (if any), `all` every node in order. */
export function drawingKey(e: KeyboardEvent, n: SVGGElement | null, all: readonly SVGGElement[], keys: DrawingKeys): void {
  const i = n ? all.indexOf(n) : -1;
  const go = (j: number) => {
    const el = all[Math.max(0, Math.min(all.length - 1, j))];
    if (!el) return;
    keys.focus(el);
  };
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      go(i + 1);
      break;
    case 'ArrowUp':
    case 'ArrowLeft':
      go(i - 1);
      break;
    case 'Home':
      go(0);
      break;
    case 'End':
      go(all.length - 1);
      break;
    case 'Enter':
    case ' ':
      if (!n) return;
      keys.activate(n.getAttribute('data-id')!);
      break;
    case '+':
    case '=':
      keys.zoomBy(1.25);
      break;
    case '-':
      keys.zoomBy(0.8);
      break;
    case '0':
      keys.fit();
      break;
    case 'Escape':
      keys.hideTip();
      break;
    default:
      return;
  }
  e.preventDefault();
}

/** The pan and zoom that show the box `b` whole in a drawing of `w` by `h` (at most 1.5x). */
export function fitTransform(b: { x: number; y: number; w: number; h: number }, w: number, h: number): ZoomTransform {
  const m = 24;
  const k = Math.min(1.5, (w - 2 * m) / Math.max(1, b.w), (h - 2 * m) / Math.max(1, b.h));
  return zoomIdentity.translate(w / 2 - (b.x + b.w / 2) * k, h / 2 - (b.y + b.h / 2) * k).scale(k);
}

/** The pan and zoom that centre `els` (the search matches), zooming out only if they do not fit. */
export function centreTransform(
  els: Iterable<Element>,
  svgEl: SVGSVGElement,
  tr: ZoomTransform,
  size: { w: number; h: number },
): ZoomTransform {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const c = svgEl.getBoundingClientRect();
  for (const el of els) {
    const r = el.getBoundingClientRect();
    // Back to drawing coordinates.
    const a = tr.invert([r.left - c.left, r.top - c.top]);
    const z = tr.invert([r.right - c.left, r.bottom - c.top]);
    x0 = Math.min(x0, a[0]);
    y0 = Math.min(y0, a[1]);
    x1 = Math.max(x1, z[0]);
    y1 = Math.max(y1, z[1]);
  }
  const { w, h } = size;
  const k = Math.min(tr.k, (w - 48) / Math.max(1, x1 - x0), (h - 48) / Math.max(1, y1 - y0));
  return zoomIdentity.translate(w / 2 - ((x0 + x1) / 2) * k, h / 2 - ((y0 + y1) / 2) * k).scale(k);
}

/** The pan that brings `el` to the middle of the drawing; undefined when it is in sight already. */
export function revealTransform(el: Element, svgEl: SVGSVGElement, tr: ZoomTransform): ZoomTransform | undefined {
  const r = el.getBoundingClientRect();
  const c = svgEl.getBoundingClientRect();
  if (r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom) return undefined;
  const cx = (r.left + r.right) / 2 - c.left;
  const cy = (r.top + r.bottom) / 2 - c.top;
  return tr.translate((c.width / 2 - cx) / tr.k, (c.height / 2 - cy) / tr.k);
}
