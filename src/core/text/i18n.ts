/** Every user-facing string of knetlab exists in English and Korean. */
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

/**
 * `text` in `lang` with each placeholder filled: `{name}` from `vars.name`, or `{0}`, `{1}`... from
 * a list. A placeholder with no value stays as written.
 */
export function fill(
  text: Localized,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> | readonly (string | number)[] = {},
): string {
  return pick(text, lang).replace(/\{(\w+)\}/g, (m, k: string) =>
    Object.hasOwn(vars, k) ? String((vars as Record<string, string | number>)[k]) : m,
  );
}

/** Picks the display language from a locale string such as `ko_KR.UTF-8`, `ko` or `en-US`. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^ko\b|^ko[_-]/i.test(locale) ? 'ko' : 'en';
}
