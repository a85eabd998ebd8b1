/**
 * Re-checking a lab after a keystroke without doing all the work again. `IncrementalLabChecker` is
 * checkLab and loadLabFor on top of an IncrementalLabParser (incrementalParser.ts, which reuses the
 * previous YAML document when an edit allows it): the loader, the schema and the lints run on
 * every check as before; the simulator builds again only the hosts whose spec changed
 * (HostBuildCache), and the shell reads again only the run lines it has not seen.
 */
import type { Diagnostic } from '../text/diag';
import { checkLoaded, loadLabWith } from './check';
import { HostBuildCache } from '../world/build';
import type { LoadOptions, LoadResult } from '../lab/load';
import { IncrementalLabParser, type ParsePath } from './incrementalParser';

export { IncrementalLabParser, type ParsePath } from './incrementalParser';

/** checkLab and loadLabFor for successive versions of one lab file (one instance per open document). */
export class IncrementalLabChecker {
  readonly parser = new IncrementalLabParser();
  /** The simulated hosts of the last check: a host whose spec did not change is not built again. */
  private readonly hosts = new HostBuildCache();

  /** How the last call parsed its text. */
  get lastPath(): ParsePath {
    return this.parser.lastPath;
  }

  /** The same as loadLabFor(text, opts). Never throws. */
  load(text: string, opts: LoadOptions & { readonly student?: string }): LoadResult {
    return loadLabWith((t) => this.parser.parse(t), text, opts);
  }

  /** The same as checkLab(text, opts). */
  check(text: string, opts: LoadOptions & { readonly student?: string }): Diagnostic[] {
    const loaded = this.load(text, opts);
    try {
      return checkLoaded(loaded, this.hosts);
    } catch (e) {
      this.hosts.clear(); // a half-built host must not be taken again
      throw e;
    }
  }

  reset(): void {
    this.parser.reset();
    this.hosts.clear();
  }
}
