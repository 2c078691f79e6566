/**
 * Publishes an agent's status under `/_mgmt/status/<hostname>` on its lease
 * (so it vanishes with the agent): at most every `intervalMs`, only when it
 * changed, and when only its counters changed (commit, applied) at most
 * every `countersRefreshMs`. A status write on every commit would double the
 * writes under load, a thousand agents publishing on every observation
 * would swamp the leader, and re-creating the key right after a client's
 * `del --prefix /` breaks the python-etcd3 suite (it checks the store is
 * empty then). `mgmt status` reads these keys.
 *
 * A counters-only refresh is also skipped when the commit index moved by
 * no more than `explainedWrites` (the members): on an idle cluster each
 * member's status write moves every member's commit index, so the members
 * refreshed each other's counters every 5 s forever (three Raft writes, with
 * their fsyncs and watch events, every 5 s on a cluster with nothing to do).
 *
 * A status the store already holds on the agent's lease counts as
 * published (`noteStored`, from the watch): a restarted agent that took its
 * lease back finds the previous run's status there, and writes none while
 * its own is the same. At a restart of a 1,000-agent fleet every agent wrote
 * its unchanged status once more, an event for each of the thousand watches.
 * Nor is anything published before the watch's first read says what is
 * stored: an agent that took its lease back at once published each state of
 * its start (connecting, registering) before it knew, two writes per agent
 * in a 1,000-agent restart, and its first write came 500 ms after a change,
 * not at the fleet's pace (the fleet's size is read there too).
 */
import { statusGist, statusKey, type AgentStatus } from '../status/agent-status.js';
import type { KeyValue } from './cluster-client.js';

/** The shortest time between two status writes of a host. */
export const STATUS_INTERVAL_MS = 500;
/** The status writes a second a large fleet's clients make together, at most (about). */
export const FLEET_STATUS_WRITES_PER_SECOND = 100;

/**
 * How often a client agent of a fleet of `hosts` may write its status:
 * every status write is an event for every agent's watch, so a fleet's
 * status writes are held to about FLEET_STATUS_WRITES_PER_SECOND a second
 * (10 s apart at 1,000 hosts). At 1,000 agents a restart wrote two or
 * three statuses per agent as each went through its states, millions of
 * events for the fleet to read while it re-registered. A member's status
 * (the nominator reads it) keeps STATUS_INTERVAL_MS.
 */
export function fleetStatusIntervalMs(hosts: number): number {
  const scaled = Number.isFinite(hosts) ? Math.ceil((Math.max(0, hosts) * 1000) / FLEET_STATUS_WRITES_PER_SECOND) : 0;
  return Math.max(STATUS_INTERVAL_MS, scaled);
}

export interface StatusPublisherOptions {
  hostname: string;
  status: () => AgentStatus;
  /** The agent's lease id (0: none yet; nothing is published then). */
  leaseId: () => number;
  put: (key: string, value: string, lease: number) => Promise<void>;
  /** At most one write per this many ms: fixed, or asked at each change (fleetStatusIntervalMs). */
  intervalMs?: number | (() => number);
  countersRefreshMs?: number;
  /** Commit-index moves the status writes themselves can explain (the cluster's members); default 0. */
  explainedWrites?: () => number;
  /** Whether the store's copy of this status is known (the watch's first read, `noteStored`); nothing is published before. Default: known. */
  storedKnown?: () => boolean;
}

export class StatusPublisher {
  /** The status text last published ('' when none, or the last write failed). */
  published = '';
  private publishedGist = '';
  private publishedCommit = 0;
  /** The lease the published status is on (0: none known). */
  private publishedLease = 0;
  /** When the status was last written (ms since the epoch). */
  publishedAtMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: StatusPublisherOptions) {}

  /**
   * Publishes within `intervalMs` if the status changed by then. Nothing is
   * armed while the status is what was published: a member observes about
   * once a second and asked each time, a timer and an event-loop wake-up
   * every second for a write it then skipped.
   */
  schedule(): void {
    if (this.timer || this.o.leaseId() === 0 || !(this.o.storedKnown?.() ?? true)) return;
    if (!this.due(this.o.status(), this.o.leaseId())) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publishNow();
    }, typeof this.o.intervalMs === 'function' ? this.o.intervalMs() : (this.o.intervalMs ?? STATUS_INTERVAL_MS));
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** Whether no status of this agent is known to be in the store on its current lease (one is due once there is a lease). */
  get unpublished(): boolean {
    return this.published === '' || this.publishedLease !== this.o.leaseId();
  }

  /**
   * The watch shows this host's status key as `kv`. The status this agent
   * published, seen back: its lease is noted (a lease move carries it
   * along). Before this run published any, the stored one (a previous
   * run's) is taken as published. A deletion, or someone else's value,
   * changes nothing here (the own-key upkeep judges damage).
   */
  noteStored(kv: KeyValue | undefined): void {
    if (kv === undefined) return;
    if (kv.value === this.published) {
      this.publishedLease = kv.lease ?? 0;
      return;
    }
    if (this.published !== '') return;
    let stored: AgentStatus;
    try {
      stored = JSON.parse(kv.value) as AgentStatus;
    } catch {
      return;
    }
    if (stored?.hostname !== this.o.hostname) return;
    this.published = kv.value;
    this.publishedGist = statusGist(stored);
    this.publishedCommit = stored.commit ?? 0;
    this.publishedLease = kv.lease ?? 0;
    this.publishedAtMs = Date.now();
  }

  /** Whether a change of the counters alone is worth a write now. */
  private countersDue(status: AgentStatus): boolean {
    if (Date.now() - this.publishedAtMs < (this.o.countersRefreshMs ?? 5_000)) return false;
    return (status.commit ?? 0) - this.publishedCommit > (this.o.explainedWrites?.() ?? 0);
  }

  /** Whether `status` on `lease` is worth a write: it changed (its counters alone: see countersDue). */
  private due(status: AgentStatus, lease: number): boolean {
    if (lease === 0) return false;
    if (lease !== this.publishedLease) return true;
    return JSON.stringify(status) !== this.published && (statusGist(status) !== this.publishedGist || this.countersDue(status));
  }

  private publishNow(): void {
    const lease = this.o.leaseId();
    const status = this.o.status();
    if (!this.due(status, lease)) return;
    const text = JSON.stringify(status);
    this.published = text;
    this.publishedGist = statusGist(status);
    this.publishedCommit = status.commit ?? 0;
    this.publishedLease = lease;
    this.publishedAtMs = Date.now();
    void this.o.put(statusKey(this.o.hostname), text, lease).catch(() => {
      this.published = '';
      this.publishedGist = '';
    });
  }
}
