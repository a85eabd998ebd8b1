/** A lab as read from `lab.yaml`, every part with the place it came from. */
import type { SourceRange } from '../text/diag';
import type { Localized } from '../text/i18n';
import type { TraceCauseName } from '../datapath/causes';

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
  /** Where the text's first line is in the lab file, for a file written inline as a block (`|`). */
  readonly body?: { readonly line: number; readonly column: number };
}

export interface ServeSpec {
  readonly netns: string; // '' for the host's own namespace
  readonly proto: 'tcp' | 'udp';
  readonly port: number;
  readonly range: SourceRange;
  /**
   * A program started instead of a bare socket (`serve: [coredns]`): CoreDNS with its Corefile, its
   * sockets those the Corefile names (`proto`/`port` then say udp/53, where it listens by default).
   */
  readonly program?: { readonly name: 'coredns'; readonly conf: string };
}

/** Where `serve: [coredns]` reads its Corefile. */
export const COREDNS_DEFAULT_CONF = '/etc/coredns/Corefile';

export interface HostSpec extends Named {
  readonly interfaces: InterfaceSpec[];
  readonly run: RunLine[];
  readonly files: FileSpec[];
  readonly serve: ServeSpec[];
}

/** One check of an exercise: its kind (a key of the check registry) and its arguments as written. */
export interface CheckSpec {
  readonly kind: string;
  /** The check's mapping as plain data (`{ from: B, to: 192.168.2.10 }`), for the check kind to read. */
  readonly args: unknown;
  readonly range: SourceRange;
  /** The whole check, its arguments included. */
  readonly extent?: SourceRange;
  /** Places of the argument keys and values, by key, for precise diagnostics. */
  readonly argRanges: Readonly<Record<string, SourceRange>>;
}

/** A quiz question as a handout shows it (`questions:`): no answer, the key has it. */
export interface QuestionSpec {
  readonly ask: Localized;
  readonly choices: Localized[];
  readonly range: SourceRange;
}

export interface ExerciseSpec {
  readonly id: string;
  readonly range: SourceRange;
  readonly title?: Localized;
  readonly task?: Localized;
  readonly points: number;
  /** Plain hints, revealed one by one after failed attempts. */
  readonly hints: Localized[];
  /** Hints attached to a failure cause (`{ when: forwarding-off, text: ... }`): shown when a failed check's trace shows it. */
  readonly causeHints?: readonly CauseHint[];
  readonly checks: CheckSpec[];
  /** In a handout: its quizzes' questions and choices, in order (the key grades them). */
  readonly questions?: QuestionSpec[];
}

/** A hint shown when a failed check's trace shows its cause (datapath/causes.ts). */
export interface CauseHint {
  readonly when: TraceCauseName;
  readonly text: Localized;
  readonly range: SourceRange;
}

/** A per-student variable as declared (`variables:`); see lab/variant.ts. */
export interface VariableSpec {
  readonly name: string;
  readonly range: SourceRange;
  /** The declaration as plain data (`{ subnet: 10.0.0.0/8, prefix: 24 }`, `{ int: [8000, 8999] }`, ...). */
  readonly def: unknown;
}

export interface Lab {
  readonly file: string;
  readonly name: string;
  readonly title?: Localized;
  readonly switches: Named[];
  readonly hosts: HostSpec[];
  readonly exercises: ExerciseSpec[];
  readonly variables: VariableSpec[];
  /** A student's handout (`handout: true`, written by knetlab build): the instructor's key grades its exercises. */
  readonly handout?: boolean;
}
