/**
 * What the webview panels draw, as plain serializable data built by the core from a lab, its
 * simulated world, a trace or a grade (the builders are next to this file). The extension sends it
 * to the panels through the typed protocol of `src/protocol/panels.ts`; the panels never see the
 * simulator itself.
 *
 * Ids are stable (the same lab gives the same ids), so a panel keeps its view state (positions a
 * student moved, the selected step) across edits of the lab:
 *   host `h:HOST`, namespace `n:HOST/NS`, switch `s:SWITCH`, bridge `b:HOST/NS/DEV`,
 *   port (an interface) `p:HOST/NS/DEV`, link `l:...` (see topology.ts); NS is '' for the root.
 *   A Docker container with a namespace of its own is that namespace's node (`n:HOST/NAME`, kind
 *   `container`), so trace steps in it land on it; one without (host network, not running) is
 *   `c:HOST/NAME`.
 */
import type { SourceRange } from '../text/diag';
import type { Lang, Localized } from '../text/i18n';
import type { TraceResult } from '../datapath/trace';

// ---------------------------------------------------------------------------------------------
// Topology (topology.ts builds it)

export type TopoNodeKind = 'host' | 'netns' | 'switch' | 'bridge' | 'container';

/** A Docker container, as its host's daemon knows it (src/core/docker/model.ts). */
export interface ContainerView {
  /** Its short id (12 hex digits), as `docker ps` prints it. */
  readonly id: string;
  /** The image as `docker run` named it (`nginx`, `nginx:1.25`). */
  readonly image: string;
  readonly state: 'created' | 'running' | 'exited';
  /** Its exit status, once exited. */
  readonly exitCode?: number;
  /** The Docker network it is on: `bridge`, `host`, `none` or a user-defined network's name. */
  readonly network: string;
  /** The network's mode (its driver): a bridge, the host's namespace, or none (only `lo`). */
  readonly mode: 'bridge' | 'host' | 'none';
  /** The namespace it runs in: its own (named as the container), '' for the host's; absent when it is not running. */
  readonly netns?: string;
  /** Its addresses on its network (`172.17.0.2/16`); none in host and none modes. */
  readonly addresses: readonly string[];
  /** Its published ports as `docker ps` prints them: `0.0.0.0:8080->80/tcp`. */
  readonly ports: readonly string[];
  /** What its program listens on in its namespace: `80/tcp`. */
  readonly listens: readonly string[];
  /** Its network's bridge node (`b:HOST//docker0`), in bridge mode. */
  readonly bridge?: string;
  /** The host end of its veth pair (a port id), in bridge mode. */
  readonly veth?: string;
}

/** A Docker bridge network on a Linux bridge (docker0, br-XXXX), as the daemon knows it. */
export interface DockerNetworkView {
  /** `bridge` for docker0, or the name given to `docker network create`. */
  readonly name: string;
  /** Its short id (12 hex digits). */
  readonly id: string;
  readonly subnet: string;
  readonly gateway: string;
  /** The containers attached to it (node ids), in the daemon's order. */
  readonly containers: readonly string[];
}

export interface RouteTableView {
  /** `main`, `local` or a number. */
  readonly table: string;
  /** The routes as `ip route show table T` prints them, one per line. */
  readonly routes: readonly string[];
}

export interface TopoNode {
  readonly id: string;
  readonly kind: TopoNodeKind;
  readonly name: string;
  /** The node that holds this one: a namespace's host; a bridge's namespace (or host for the root). */
  readonly parent?: string;
  /** Where the lab declares it (the host's key, the switch's name, the line that created it). */
  readonly source?: SourceRange;
  /** For hosts and namespaces: their routing tables, and whether they forward IPv4. */
  readonly tables?: readonly RouteTableView[];
  readonly forwarding?: boolean;
  /** Whether they forward IPv6 (net.ipv6.conf.all.forwarding), when they do. */
  readonly forwarding6?: boolean;
  /** A container: what Docker knows of it. */
  readonly container?: ContainerView;
  /** A bridge that is a Docker network: its name, subnet and gateway. */
  readonly network?: DockerNetworkView;
}

export interface TopoPort {
  readonly id: string;
  /** The host or namespace node the interface lives in. */
  readonly node: string;
  readonly name: string;
  readonly kind: 'loopback' | 'nic' | 'veth' | 'bridge' | 'dummy';
  /** Addresses with their prefix (`192.168.1.10/24`). */
  readonly addresses: readonly string[];
  readonly mac?: string;
  readonly up: boolean;
  /** The operational state `ip link` shows (a veth that is up but whose peer is down: LOWERLAYERDOWN). */
  readonly state?: 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';
  /** A bridge port: the bridge node it is enslaved to. */
  readonly master?: string;
  readonly source?: SourceRange;
}

export type TopoLinkKind =
  | 'cable' // an interface cabled to a switch (`interfaces: { eth0: lan }`)
  | 'veth' // the two ends of a veth pair
  | 'bridge-port'; // an interface enslaved to a bridge

export interface TopoLink {
  readonly id: string;
  readonly kind: TopoLinkKind;
  /** A port id. */
  readonly a: string;
  /** A port id (veth) or a node id (switch, bridge). */
  readonly b: string;
}

export interface TopologyModel {
  readonly lab: string;
  readonly title?: Localized;
  readonly nodes: readonly TopoNode[];
  readonly ports: readonly TopoPort[];
  readonly links: readonly TopoLink[];
}

// ---------------------------------------------------------------------------------------------
// Trace (trace.ts in this folder maps a trace onto the topology)

/** Where on the topology a trace step happens. */
export interface StepAnchor {
  /** The host or namespace node. */
  readonly node: string;
  /** The interface, when the step names one. */
  readonly port?: string;
  /** The link the packet crosses (a `wire` or `bridge` step). */
  readonly link?: string;
}

/** One way a packet could go where the trace splits (e.g. an iptables `statistic` rule). */
export interface TraceBranch {
  readonly label: Localized;
  readonly trace: TraceResult;
}

export interface TraceView {
  /** What was sent: `a -> 192.168.2.10 icmp`. */
  readonly title: string;
  readonly trace: TraceResult;
  /** Per leg of trace.legs (same index), one anchor per step of the leg, same order. */
  readonly anchors: readonly (readonly StepAnchor[])[];
  /** Other outcomes where the trace splits; empty when it does not. */
  readonly branches: readonly TraceBranch[];
  /** The seed of the walk's random choices (a `statistic` rule's draw); absent: DEFAULT_SEED. */
  readonly seed?: number;
}

// ---------------------------------------------------------------------------------------------
// The lab's exercises (lab.ts in this folder builds it from a lab and its grade)

export type CheckState = 'untried' | 'passed' | 'failed' | 'unanswered';

export interface QuizView {
  /**
   * The key of the answer in answers.yaml: the exercise id for an exercise's only quiz, `id#n` for
   * quiz n (1-based) of several (grade/answersEdit.ts: quizAnswerKey, parseAnswerKey, setAnswer).
   */
  readonly id: string;
  readonly question: Localized;
  /** Multiple choice: the choices' keys and texts; absent for a short answer. */
  readonly choices?: readonly { readonly key: string; readonly text: Localized }[];
  /** The answer saved in answers.yaml, if any. */
  readonly answer?: string;
}

/** The arguments of knetlab.runTrace that reproduce a check's packet. */
export interface TraceArgsView {
  readonly from: string;
  readonly to: string;
  readonly proto: 'icmp' | 'tcp' | 'udp';
  readonly port?: number;
}

export interface CheckView {
  readonly index: number;
  readonly kind: string;
  /** The kind's short name (`reaches` / `도달`; the kind itself when unknown) and what it asks, in one line. */
  readonly kindName: Localized;
  readonly kindSummary?: Localized;
  /** A one-line description in the lab's notation: `a → 192.168.2.10 (icmp)` (lab.ts checkLabel). */
  readonly label: string;
  readonly state: CheckState;
  /** What the check is worth (its share of the exercise's points). */
  readonly points: number;
  /** The points it earned in the last grade. */
  readonly score?: number;
  readonly feedback?: Localized;
  readonly expected?: string;
  readonly actual?: string;
  /** The lab line the feedback names (or the check itself). */
  readonly source: SourceRange;
  /** For checks that walk a packet: how to trace it again. */
  readonly trace?: TraceArgsView;
  readonly quiz?: QuizView;
}

export interface ExerciseView {
  readonly id: string;
  readonly title?: Localized;
  /** Markdown. */
  readonly task?: Localized;
  readonly points: number;
  readonly score?: number;
  readonly state: CheckState;
  /** Hints revealed so far (one more after each failed attempt), and how many there are. */
  readonly hints: readonly Localized[];
  readonly hintCount: number;
  readonly checks: readonly CheckView[];
  readonly source: SourceRange;
}

export interface LabView {
  readonly lab: string;
  readonly title?: Localized;
  readonly score?: number;
  readonly maxScore: number;
  readonly exercises: readonly ExerciseView[];
  /** Errors that stop the lab from loading (shown instead of the exercises). */
  readonly errors: readonly { readonly message: Localized; readonly source: SourceRange }[];
  /** Errors met while grading that do not stop it (a malformed answers.yaml, a failing run line). */
  readonly warnings?: readonly { readonly message: Localized; readonly source: SourceRange }[];
}

/** What every panel needs to know about its surroundings. */
export interface PanelEnv {
  readonly lang: Lang;
}
