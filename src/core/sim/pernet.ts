/**
 * Per-namespace state of the parts above the kernel model, as the kernel keeps it with
 * `net_generic()`: a part (netfilter's tables, a program's sockets...) makes a key once, and stores
 * its state for one namespace under it. The model stays plain data and knows none of those parts;
 * the key's type parameter keeps the stored value typed.
 */
import type { Netns } from './model';

export class PernetKey<T> {
  /** Only the type parameter distinguishes keys at compile time; this keeps T in the type. */
  declare readonly _type?: T;
  constructor(readonly name: string) {}
}

export function pernet<T>(ns: Netns, key: PernetKey<T>): T | undefined {
  return ns.pernet?.get(key) as T | undefined;
}

export function setPernet<T>(ns: Netns, key: PernetKey<T>, value: T | undefined): void {
  if (value === undefined) {
    ns.pernet?.delete(key);
    return;
  }
  (ns.pernet ??= new Map()).set(key, value);
}
