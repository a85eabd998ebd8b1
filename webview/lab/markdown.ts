/**
 * Markdown of the lab's tasks and hints, rendered by markdown-it with raw HTML off (a task's `<b>`
 * is text). Nothing rendered loads or opens anything: an image shows its alt text, a link keeps its
 * text and shows its address as a tooltip but points nowhere (the panel stops the click), and the
 * inline styles markdown-it gives table cells become classes (the CSP allows no inline style).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

md.renderer.rules['image'] = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);

md.renderer.rules['link_open'] = (tokens, idx, options, _env, self) => {
  const tok = tokens[idx]!;
  const href = tok.attrGet('href') ?? '';
  tok.attrs = [
    ['href', '#'],
    ['class', 'md-link'],
    ['title', href],
    ['data-href', href],
  ];
  return self.renderToken(tokens, idx, options);
};

function unstyle(tokens: readonly Token[]): void {
  for (const tok of tokens) {
    const style = tok.attrGet('style');
    if (style !== null) {
      const align = /text-align:\s*(left|right|center)/.exec(String(style))?.[1];
      tok.attrs = (tok.attrs ?? []).filter(([k]) => k !== 'style');
      if (align) tok.attrJoin('class', `align-${align}`);
    }
    if (tok.children) unstyle(tok.children);
  }
}

md.core.ruler.push('knetlab_no_inline_style', (state) => {
  unstyle(state.tokens);
});

/** A task: block Markdown. */
export function renderMarkdown(src: string): string {
  return md.render(src);
}

/** A hint: one paragraph of inline Markdown. */
export function renderInline(src: string): string {
  return md.renderInline(src);
}
