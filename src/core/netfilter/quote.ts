/**
 * xtables_save_string: how iptables -S prints a string argument (a comment, a log prefix): bare when
 * it is only letters, digits, `_` and `-`, else in double quotes with `"`, `\` and `'` escaped.
 */
export function quoteArg(s: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(s)) return s;
  return `"${s.replace(/(["\\'])/g, '\\$1')}"`;
}
