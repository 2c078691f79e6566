/**
 * The lease TTL an agent's fleet wants (lease-ttl.ts), read from its
 * `/_mgmt/` mirror: the hosts (a status or a volunteer key) counted from
 * each watch batch's changed keys, and trusted from the mirror's first read
 * on. Until then the first grant waits, at most FIRST_READ_WAIT_MS: an agent
 * of a fleet restarted together would otherwise see an empty mirror and
 * take 5 s.
 */
import { VOLUNTEERS_PREFIX } from '@mgmt/cluster-fsm';
import type { MgmtMirror } from '../observe/mgmt-mirror.js';
import { STATUS_PREFIX } from '../status/agent-status.js';
import type { TtlSource } from './agent-lease.js';
import { fleetLeaseTtlSeconds } from './lease-ttl.js';

/** How long the first grant waits for the mirror's first read (a cluster too busy to answer it is not kept waiting for). */
export const FIRST_READ_WAIT_MS = 5_000;

export class MirrorTtlSource implements TtlSource {
  /** The mirrored status and volunteer keys, and how many of them each host has. */
  private readonly hostKeys = new Set<string>();
  private readonly keysOfHost = new Map<string, number>();
  private readonly read: Promise<void>;
  private markRead!: () => void;

  constructor(
    private readonly mirror: () => MgmtMirror,
    private readonly waitMs = FIRST_READ_WAIT_MS,
  ) {
    this.read = new Promise((resolve) => (this.markRead = resolve));
  }

  /**
   * The watch delivered a batch (the first one is its full read) that
   * changed `changed`. Counting only those keys: the whole mirror counted
   * again every few seconds, in each of 250 agents of a fleet process, was
   * 5 % of its restart.
   */
  noteBatch(changed: readonly string[]): void {
    const { revision, kvs } = this.mirror();
    for (const key of changed) {
      const host = key.startsWith(STATUS_PREFIX) ? key.slice(STATUS_PREFIX.length) : key.startsWith(VOLUNTEERS_PREFIX) ? key.slice(VOLUNTEERS_PREFIX.length) : undefined;
      if (host === undefined) continue;
      const present = kvs.has(key);
      if (present === this.hostKeys.has(key)) continue;
      const n = (this.keysOfHost.get(host) ?? 0) + (present ? 1 : -1);
      if (present) this.hostKeys.add(key);
      else this.hostKeys.delete(key);
      if (n > 0) this.keysOfHost.set(host, n);
      else this.keysOfHost.delete(host);
    }
    if (revision > 0) this.markRead();
  }

  /** The hosts the mirror shows (a status or a volunteer key). */
  hosts(): number {
    return this.keysOfHost.size;
  }

  want(): number {
    return fleetLeaseTtlSeconds(this.hosts());
  }

  ahead(): number {
    return fleetLeaseTtlSeconds(2 * this.hosts());
  }

  known(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.waitMs);
      timer.unref();
    });
    return Promise.race([this.read.then(() => true), waited]).finally(() => clearTimeout(timer));
  }
}
