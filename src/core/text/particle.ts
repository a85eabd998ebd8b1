/**
 * Korean particles (조사) chosen by the word actually printed before them: `eth0을`, `eth1로`,
 * `blue가`, `10.0.0.2로`. Hangul by its final consonant (받침); Latin letters and digits by how a
 * Korean reads them (l 엘, m 엠, n 엔, r 알 end in a consonant; 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 too),
 * a word ending in -er or -or as its English reading (라우터). Never the fallback forms like 이(가).
 */

/** The final consonant of the word's reading: 'none', 'rieul' (ㄹ, which takes 로), or 'other'. */
export function finalOf(word: string | number): 'none' | 'rieul' | 'other' {
  const w = String(word).replace(/[^0-9A-Za-z\uac00-\ud7a3]+$/, '');
  if (!w) return 'none';
  const c = w.charCodeAt(w.length - 1);
  if (c >= 0xac00 && c <= 0xd7a3) {
    const jong = (c - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  const ch = w[w.length - 1]!.toLowerCase();
  if (/[a-z]/.test(ch) && /(?:er|or)$/i.test(w)) return 'none';
  if ('178lr'.includes(ch)) return 'rieul';
  if ('036mn'.includes(ch)) return 'other';
  return 'none';
}

/** `word` followed by 이 or 가. */
export const iga = (word: string | number): string => String(word) + (finalOf(word) === 'none' ? '가' : '이');
/** `word` followed by 은 or 는. */
export const eunneun = (word: string | number): string => String(word) + (finalOf(word) === 'none' ? '는' : '은');
/** `word` followed by 을 or 를. */
export const eulreul = (word: string | number): string => String(word) + (finalOf(word) === 'none' ? '를' : '을');
/** `word` followed by 으로 or 로 (로 after a vowel or ㄹ). */
export const ro = (word: string | number): string => String(word) + (finalOf(word) === 'other' ? '으로' : '로');
/** `word` followed by 과 or 와. */
export const gwawa = (word: string | number): string => String(word) + (finalOf(word) === 'none' ? '와' : '과');
/** `word` followed by 이어야 or 여야 (`192.168.1.0/24여야`, `숫자여야`). */
export const ieoya = (word: string | number): string => String(word) + (finalOf(word) === 'none' ? '여야' : '이어야');

/**
 * The particle pairs a word can change between: [after a final consonant, after a vowel]. 으로/로
 * goes by 'other' (로 after ㄹ too); the rest by any final consonant. Longest first, so 이라 is not
 * read as 이. The copula 이 before -다, -고, -며, -면, 인, 입니다 reads right after both and is kept.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  ['이어야', '여야'],
  ['이에요', '예요'],
  ['으로', '로'],
  ['이라', '라'],
  ['이나', '나'],
  ['이랑', '랑'],
  ['이었', '였'],
  ['은', '는'],
  ['을', '를'],
  ['과', '와'],
  ['이', '가'],
];

const HANGUL = /^[\uac00-\ud7a3]/;

/**
 * A word replaced by another in a text (`green` by `purple`): the particle right after it (`after`
 * is the text that follows, from the first character after the word), refitted to the new word:
 * `{ length, text }` replaces the first `length` characters of `after`. Undefined when no particle
 * starts `after`, or the one there does not fit `from` (then it is no particle of it), or fits `to`
 * already. 이 and 가 count only standing alone (not 이다, 이고, 가요), as the subject particle.
 */
export function refitParticle(after: string, from: string, to: string): { length: number; text: string } | undefined {
  for (const [cons, vowel] of PAIRS) {
    const consonantAfter = (w: string) => (cons === '으로' ? finalOf(w) === 'other' : finalOf(w) !== 'none');
    for (const form of [cons, vowel]) {
      if (!after.startsWith(form)) continue;
      if ((form === '이' || form === '가') && HANGUL.test(after.slice(1))) continue;
      const want = (w: string) => (consonantAfter(w) ? cons : vowel);
      if (want(from) !== form || want(to) === form) return undefined;
      return { length: form.length, text: want(to) };
    }
  }
  return undefined;
}
