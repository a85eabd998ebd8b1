/** An explanation of absence (why a walk found nothing where the student expected something), and how it names a link. */
import type { Localized } from '../../text/i18n';
import { type Link, nsLabel, type SourceRef } from '../../sim/model';

export interface Explanation {
  readonly reason: Localized;
  /** The line that decides it, where known. */
  readonly source?: SourceRef;
  readonly data: Record<string, unknown>;
}

/** `a eth0`, or `a/red eth0`. */
export function linkLabel(l: Link): string {
  return `${nsLabel(l.netns)} ${l.name}`;
}
