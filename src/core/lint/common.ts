/** Small helpers the lint rules share: the order of places, keeping the first of many, "N other routes". */
import type { SourceRange } from '../text/diag';
import { type Localized, loc } from '../text/i18n';

export function placeOrder(a: SourceRange, b: SourceRange): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Keeps the entry with the earliest place under `key`, counting every candidate. */
export function keepFirst<K, V extends { count: number }>(m: Map<K, V>, key: K, v: V, place: (v: V) => SourceRange): void {
  const e = m.get(key);
  if (!e) {
    m.set(key, v);
    return;
  }
  const count = e.count + 1;
  if (placeOrder(place(v), place(e)) < 0) m.set(key, { ...v, count });
  else e.count = count;
}

/**
 * "N other routes ... use it too": of this namespace (`sameNs`: the routes through the same
 * gateway), or of the lab (any host: the routes through the same router). The verb agrees with N.
 */
export function moreRoutes(count: number, sameNs = true): Localized {
  if (count <= 1) return { en: '', ko: '' };
  const n = count - 1;
  const routes = n === 1 ? '1 other route' : `${n} other routes`;
  return sameNs
    ? loc(
        ` (${routes} of this namespace ${n === 1 ? 'uses' : 'use'} it too.)`,
        ` (이 네임스페이스의 다른 라우트 ${n}개도 같은 게이트웨이를 사용합니다.)`,
      )
    : loc(` (${routes} of the lab ${n === 1 ? 'goes' : 'go'} through it too.)`, ` (실습의 다른 라우트 ${n}개도 이 라우터를 거쳐 갑니다.)`);
}
