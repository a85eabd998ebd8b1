/**
 * What the CNI checker reads out of a configuration: the network, its plugins in order, and the
 * diagnostics. Its own module so that the checks (document.ts, plugin.ts...) and the entry
 * (config.ts, which re-exports these) can all name them.
 */
import type { Diagnostic, SourceRange } from '../text/diag';

export interface CniPlugin {
  /** The plugin's `type` (its binary in /opt/cni/bin), when it has one. */
  readonly type?: string;
  /** Its `type` value, or the plugin object when it has none. */
  readonly range: SourceRange;
  /** The plugin's configuration as JSON data. */
  readonly value: Record<string, unknown>;
}

export interface CniConfig {
  /** A plugin list (`.conflist`) or a single plugin (`.conf`). */
  readonly kind: 'list' | 'single';
  readonly name?: string;
  readonly cniVersion?: string;
  /** The plugins in the order ADD runs them (one for a single-plugin file). */
  readonly plugins: CniPlugin[];
  /** The whole configuration as JSON data. */
  readonly value: Record<string, unknown>;
}

export interface CniResult {
  /** Present when the text is a JSON object (even one with problems). */
  readonly config?: CniConfig;
  readonly diagnostics: Diagnostic[];
}
