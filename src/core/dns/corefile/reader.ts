/**
 * caddy's Dispenser cursor over the Corefile's words, without copying the word list on every `import`:
 * imported words (a snippet's) are a frame read before the rest, the way caddy splices them into its
 * token list; `back()` is caddy's `cursor--`. At the end of the words the cursor stays on the last one,
 * as caddy's does (its `Val()` is still that word).
 */
import type { Token } from './lex';

/** How many words back the reader remembers (caddy's parser looks back one or two). */
const HIST = 16;

export class Reader {
  private readonly frames: { words: readonly Token[]; at: number }[];
  private readonly pushed: Token[] = [];
  /** The words read, the current one last: the last HIST of them, in a ring (`count` of them are there). */
  private readonly hist: (Token | undefined)[] = new Array<Token | undefined>(HIST);
  private top = 0;
  private count = 0;

  constructor(words: readonly Token[]) {
    this.frames = [{ words, at: 0 }];
  }

  private peekRaw(): Token | undefined {
    if (this.pushed.length) return this.pushed[this.pushed.length - 1];
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i]!;
      if (f.at < f.words.length) return f.words[f.at];
    }
    return undefined;
  }

  /** The next word, without reading it. */
  peek(): Token | undefined {
    return this.peekRaw();
  }

  next(): boolean {
    let t = this.pushed.pop();
    if (!t) {
      while (this.frames.length > 1 && this.frames[this.frames.length - 1]!.at >= this.frames[this.frames.length - 1]!.words.length)
        this.frames.pop();
      const f = this.frames[this.frames.length - 1]!;
      if (f.at >= f.words.length) return false;
      t = f.words[f.at++]!;
    }
    this.top = (this.top + 1) % HIST;
    this.hist[this.top] = t;
    if (this.count < HIST) this.count++;
    return true;
  }

  /** caddy's `cursor--`: the current word is read again by the next `next()`. */
  back(): void {
    if (this.count === 0) return;
    const t = this.hist[this.top]!;
    this.top = (this.top + HIST - 1) % HIST;
    this.count--;
    this.pushed.push(t);
  }

  /** Forgets the last `n` words read (an `import` and its argument, spliced out as caddy does). */
  drop(n: number): void {
    const k = Math.min(n, this.count);
    this.top = (this.top + HIST - k) % HIST;
    this.count -= k;
  }

  /** Reads `words` before the rest (an imported snippet), as caddy splices them in. */
  insert(words: readonly Token[]): void {
    if (words.length) this.frames.push({ words, at: 0 });
  }

  /** The current word (the first before any `next()`, the last once the end is passed). */
  cur(): Token | undefined {
    return this.count ? this.hist[this.top] : undefined;
  }

  val(): string {
    return this.cur()?.text ?? '';
  }

  /** Whether the current word starts a line: later than the previous word ended. */
  isNewLine(): boolean {
    const c = this.cur();
    const p = this.count > 1 ? this.hist[(this.top + HIST - 1) % HIST] : undefined;
    return !c || !p || p.endLine < c.line;
  }

  /** caddy's NextArg: the next word when it is on the current line and is not `{`. */
  nextArg(): boolean {
    const c = this.cur();
    const n = this.peekRaw();
    if (!c || !n || n.line > c.endLine || n.text === '{') return false;
    return this.next();
  }
}
