/** A small element builder for the lab panel (no framework: the panel redraws from its view model). */

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
export type Child = Node | string | undefined | false | null;

/**
 * `h('li', { class: 'check', 'data-state': 'failed' }, child...)`: attributes with `false` or
 * `undefined` are left out, `true` gives an empty attribute; strings become text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false || c === null) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An element holding HTML the panel rendered itself (Markdown with raw HTML off). */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs, markup: string): HTMLElementTagNameMap[K] {
  const el = h(tag, attrs);
  el.innerHTML = markup;
  return el;
}
