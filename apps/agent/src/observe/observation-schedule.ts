/**
 * When an agent observes its `/_mgmt/` mirror. Watch batches that change a
 * key the lifecycle reacts to at once (observer.ts's isPromptKey) are
 * observed together OBSERVE_COALESCE_MS later; export changes reach a host
 * without a member's graph in batches GRAPH_COALESCE_MS apart. The local
 * tick (once a second) also observes everything and hands the graph the
 * keys every GRAPH_RETRY_TICKS; a host
 * skips both while nothing they read changed (each reads every key: in a
 * fleet's agent processes, those repeated readings were most of the work).
 * What they read is counted apart: the lifecycle keys (anything but other
 * hosts' statuses and the exports) and the graph's (exports, converged).
 * The members publish their status every few seconds (it carries the
 * commit index); when any change of the mirror counted, each of a
 * thousand agents observed and collected again every second for nothing.
 */
import { CONVERGED_PREFIX, EXPORTED_PREFIX } from '../graph/exports.js';
import { STATUS_PREFIX } from '../status/agent-status.js';
import { isPromptKey } from './observer.js';

/** Watch batches arriving within this window are observed once. */
const OBSERVE_COALESCE_MS = 20;
/** How long a host without a member gathers export changes before handing them to its graph. */
const GRAPH_COALESCE_MS = 200;
/** Every this many local ticks the graph runner is handed the keys (unless nothing changed and nothing waits). */
const GRAPH_RETRY_TICKS = 5;

/** What the schedule asks of its agent. */
export interface ObservationScheduleDeps {
  hostname: string;
  /** A member runs here (a peer reacts to every control key and always observes on the tick). */
  isPeer(): boolean;
  /** A graph runs here, and whether it waits for nothing (no export write in flight or failed). */
  graph(): { settled: boolean } | undefined;
  /** What a full observation reads besides the mirror (for a peer, `memberInputs` among it): it observes again when this changes. */
  localInputs(): string;
  /** The full observation. */
  observe(): void;
  /** Hands the graph the mirrored keys. */
  observeGraph(): void;
}

/** What an observation reads of this host's own member (observe's inputs from it); see `memberInputs`. */
export interface LocalMemberInputs {
  member: {
    raft: { id: number; isLeader: boolean; conf: { voters: readonly number[]; learners: readonly number[] } };
    state: { members: { get(id: number): { isLearner: boolean } | undefined } };
  };
}

/**
 * The part of an observation's inputs a peer's own member holds: its
 * voters and learners, whether it is one of the learners and whether it
 * leads. A peer's tick observed every time; on an idle member the
 * observation was most of the tick's work.
 */
export function memberInputs(local: LocalMemberInputs | undefined): string {
  if (local === undefined) return '-';
  const { raft, state } = local.member;
  return `${raft.conf.voters.length}/${raft.conf.learners.length}/${state.members.get(raft.id)?.isLearner ?? '-'}/${raft.isLeader}`;
}

/** A key the graph reads (exported resources, convergence) and the lifecycle does not. */
function isGraphKey(key: string): boolean {
  return key.startsWith(EXPORTED_PREFIX) || key.startsWith(CONVERGED_PREFIX);
}

export class ObservationSchedule {
  private timer: NodeJS.Timeout | undefined;
  /** What the coalesced observation must look at: the lifecycle keys, or only the exports. */
  private pending = { lifecycle: false, graph: false };
  /** What the last full observation read, when the next tick may skip one that reads the same. */
  private observedInputs: string | undefined;
  /** Changes seen of the keys the lifecycle reads, and of those the graph reads. */
  private lifecycleChanges = 0;
  private graphChanges = 0;
  /** `graphChanges` when the graph was last handed the keys. */
  private graphObservedChanges = -1;

  constructor(private readonly d: ObservationScheduleDeps) {}

  /** A watch batch changed `changed`: observe soon (batches arriving together are observed once). */
  onChanged(changed: readonly string[]): void {
    // Other hosts' statuses change often and decide nothing here; exports matter to the graph only.
    const isPeer = this.d.isPeer();
    const exported = changed.some(isGraphKey);
    if (exported) this.graphChanges++;
    const read = changed.filter((key) => !key.startsWith(STATUS_PREFIX) && !isGraphKey(key));
    if (read.length > 0) this.lifecycleChanges++;
    const lifecycle = read.some((key) => isPromptKey(key, this.d.hostname, isPeer));
    const graph = this.d.graph() !== undefined && exported;
    this.pending.lifecycle ||= lifecycle;
    this.pending.graph ||= graph;
    if (this.timer || !(lifecycle || (graph && isPeer))) {
      // A host without a member hands the graph the exports in batches: at a fleet's start
      // they change by the thousand, and collecting is as good a few hundred ms later.
      if (graph && !this.timer) this.timer = setTimeout(() => this.observePending(), GRAPH_COALESCE_MS);
      return;
    }
    this.timer = setTimeout(() => this.observePending(), OBSERVE_COALESCE_MS);
  }

  /** A full observation ran; `knowsVoters`: it learned the cluster's voters (a client that did not keeps asking). */
  observed(knowsVoters: boolean): void {
    this.observedInputs = knowsVoters ? this.inputs() : undefined;
  }

  /** The graph was handed the keys. */
  graphObserved(): void {
    this.graphObservedChanges = this.graphChanges;
  }

  /** Whether a local tick observes: when what it reads changed (or a client knows no voters yet). */
  observationDue(): boolean {
    return this.observedInputs === undefined || this.observedInputs !== this.inputs();
  }

  /** Whether local tick `tick` hands the graph the keys again. */
  graphDue(tick: number): boolean {
    if (tick % GRAPH_RETRY_TICKS !== 0) return false;
    const graph = this.d.graph();
    return graph !== undefined && (this.d.isPeer() || this.graphObservedChanges !== this.graphChanges || !graph.settled);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private inputs(): string {
    return `${this.lifecycleChanges}/${this.d.localInputs()}`;
  }

  /** Runs the observations that watch batches asked for. */
  private observePending(): void {
    this.timer = undefined;
    const { lifecycle: all, graph: exports } = this.pending;
    this.pending = { lifecycle: false, graph: false };
    if (all) this.d.observe();
    if (all || exports) this.d.observeGraph();
  }
}
