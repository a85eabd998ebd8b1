/** An explanation of absence: why a walk found nothing where the student expected something. */
import type { Localized } from '../../text/i18n';
import type { SourceRef } from '../../sim/model';

export interface Explanation {
  readonly reason: Localized;
  /** The line that decides it, where known. */
  readonly source?: SourceRef;
  readonly data: Record<string, unknown>;
}
