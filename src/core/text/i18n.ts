/** Every user-facing string of knetlab exists in English and Korean. */
import { eulreul, eunneun, gwawa, iga, ro } from './particle';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface Localized {
  readonly en: string;
  readonly ko: string;
}

export function loc(en: string, ko: string): Localized {
  return { en, ko };
}

/** The same text in both languages: tool output, addresses, names. */
export function verbatim(text: string): Localized {
  return { en: text, ko: text };
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang] ?? text.en;
}

/** The particles a placeholder may carry: `{0:을}` prints the value with 을 or 를 as it reads. */
const PARTICLES: Readonly<Record<string, (w: string) => string>> = {
  이: iga,
  가: iga,
  은: eunneun,
  는: eunneun,
  을: eulreul,
  를: eulreul,
  로: ro,
  으로: ro,
  과: gwawa,
  와: gwawa,
};

/**
 * `text` in `lang` with each placeholder filled: `{name}` from `vars.name`, or `{0}`, `{1}`... from
 * a list. `{name:을}` (and 이, 은, 로, 과) adds the Korean particle the value takes: `eth0을`,
 * `lan2를`; `{name|을}` prints the particle alone, for a value in quotes: `"{0}"{0|은}`. A placeholder
 * with no value stays as written.
 */
export function fill(
  text: Localized,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> | readonly (string | number)[] = {},
): string {
  return pick(text, lang).replace(/\{(\w+)(?:([:|])(\p{Script=Hangul}+))?\}/gu, (m, k: string, how?: string, particle?: string) => {
    if (!Object.hasOwn(vars, k)) return m;
    const value = String((vars as Record<string, string | number>)[k]);
    const join = particle === undefined ? undefined : PARTICLES[particle];
    if (!join) return value;
    return how === '|' ? join(value).slice(value.length) : join(value);
  });
}

/** Picks the display language from a locale string such as `ko_KR.UTF-8`, `ko` or `en-US`. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^ko\b|^ko[_-]/i.test(locale) ? 'ko' : 'en';
}
