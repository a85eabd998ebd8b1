/** A few lines of DOM building: elements with attributes, children and listeners; small SVG icons. */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  /** Attributes; `false` and `undefined` leave the attribute out, `true` sets it empty. */
  readonly [attr: string]: string | number | boolean | undefined | ((e: Event) => void) | Readonly<Record<string, (e: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'on' && v && typeof v === 'object') {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else if (typeof v === 'function') {
      continue;
    } else if (v === true) {
      el.setAttribute(k, '');
    } else if (v !== false && v !== undefined) {
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** The playback icons, drawn (there is no icon font in the panel). */
const ICONS: Readonly<Record<string, string>> = {
  start: 'M3 3h2v10H3zM13 3v10L6 8z',
  back: 'M12 3v10L5 8z',
  play: 'M4 3v10l9-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5z',
  end: 'M11 3h2v10h-2zM3 3v10l7-5z',
};

export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name] ?? '');
  svg.append(path);
  return svg;
}
