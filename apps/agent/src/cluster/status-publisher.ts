/**
 * Publishes an agent's status under `/_mgmt/status/<hostname>` on its lease
 * (so it vanishes with the agent): at most every `intervalMs`, only when it
 * changed, and when only its counters changed (commit, applied) at most
 * every `countersRefreshMs`. A status write on every commit would double the
 * writes under load, a thousand agents publishing on every observation
 * would swamp the leader, and re-creating the key right after a client's
 * `del --prefix /` breaks the python-etcd3 suite (it checks the store is
 * empty then). `mgmt status` reads these keys.
 */
import { statusGist, statusKey, type AgentStatus } from '../status/agent-status.js';

export interface StatusPublisherOptions {
  hostname: string;
  status: () => AgentStatus;
  /** The agent's lease id (0: none yet; nothing is published then). */
  leaseId: () => number;
  put: (key: string, value: string, lease: number) => Promise<void>;
  intervalMs?: number;
  countersRefreshMs?: number;
}

export class StatusPublisher {
  /** The status text last published ('' when none, or the last write failed). */
  published = '';
  private publishedGist = '';
  /** When the status was last written (ms since the epoch). */
  publishedAtMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: StatusPublisherOptions) {}

  /** Publishes within `intervalMs` if the status changed by then. */
  schedule(): void {
    if (this.timer || this.o.leaseId() === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publishNow();
    }, this.o.intervalMs ?? 500);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private publishNow(): void {
    const lease = this.o.leaseId();
    const status = this.o.status();
    const text = JSON.stringify(status);
    if (text === this.published || lease === 0) return;
    const gist = statusGist(status);
    if (gist === this.publishedGist && Date.now() - this.publishedAtMs < (this.o.countersRefreshMs ?? 5_000)) return;
    this.published = text;
    this.publishedGist = gist;
    this.publishedAtMs = Date.now();
    void this.o.put(statusKey(this.o.hostname), text, lease).catch(() => {
      this.published = '';
      this.publishedGist = '';
    });
  }
}
