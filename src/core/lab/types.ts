/** A lab as read from `lab.yaml`, every part with the place it came from. */
import type { SourceRange } from '../diag';
import type { Localized } from '../i18n';

export interface Named {
  readonly name: string;
  readonly range: SourceRange;
}

export interface InterfaceSpec extends Named {
  readonly switch: string;
  readonly switchRange: SourceRange;
  readonly mac?: string;
}

/** One line of a host's `run:` block, with its exact place in the lab file. */
export interface RunLine {
  readonly text: string;
  readonly range: SourceRange;
}

export interface FileSpec {
  readonly path: string;
  readonly content: string;
  readonly range: SourceRange;
}

export interface ServeSpec {
  readonly netns: string; // '' for the host's own namespace
  readonly proto: 'tcp' | 'udp';
  readonly port: number;
  readonly range: SourceRange;
}

export interface HostSpec extends Named {
  readonly interfaces: InterfaceSpec[];
  readonly run: RunLine[];
  readonly files: FileSpec[];
  readonly serve: ServeSpec[];
}

export interface Lab {
  readonly file: string;
  readonly name: string;
  readonly title?: Localized;
  readonly switches: Named[];
  readonly hosts: HostSpec[];
}
