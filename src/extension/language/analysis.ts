/**
 * One lab document's core results, built once per document version and shared by hovers,
 * definitions, CodeLens, quick fixes and the outline. The checker path (diagnostics) does not
 * wait for it: the world is built lazily, the first time a feature asks.
 */
import { buildWorld, type BuildResult, type Lab, loadLabFor, type OUTSIDE_LAB } from '../../core';

export interface LabAnalysis {
  readonly text: string;
  readonly lab?: Lab;
  /** The built world, once something asked for it. */
  built(): BuildResult | undefined;
}

export interface AnalyzeOptions {
  readonly file: string;
  /** A file of the lab folder: OUTSIDE_LAB when it leads outside the folder (not read). */
  readonly readFile?: (rel: string) => string | undefined | typeof OUTSIDE_LAB;
  readonly student?: string;
}

export function analyzeLab(text: string, opts: AnalyzeOptions): LabAnalysis {
  const lab = loadLabFor(text, opts).lab;
  let built: BuildResult | undefined;
  let tried = false;
  return {
    text,
    lab,
    built() {
      if (!tried) {
        tried = true;
        try {
          built = lab ? buildWorld(lab) : undefined;
        } catch {
          built = undefined;
        }
      }
      return built;
    },
  };
}

/** The last analysis of each document, keyed by document and version. */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: LabAnalysis }>();

  get(key: string, version: number, make: () => LabAnalysis): LabAnalysis {
    const e = this.entries.get(key);
    if (e && e.version === version) return e.analysis;
    const analysis = make();
    this.entries.set(key, { version, analysis });
    return analysis;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
