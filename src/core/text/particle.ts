/**
 * Korean particles (조사) chosen by the word actually printed before them: `eth0을`, `eth1로`,
 * `blue가`, `10.0.0.2로`. Hangul by its final consonant (받침); Latin letters and digits by how a
 * Korean reads them (l 엘, m 엠, n 엔, r 알 end in a consonant; 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 too),
 * a word ending in -er or -or as its English reading (라우터). Never the fallback forms like 이(가).
 */

/** The final consonant of the word's reading: 'none', 'rieul' (ㄹ, which takes 로), or 'other'. */
function finalOf(word: string | number): 'none' | 'rieul' | 'other' {
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
