/**
 * The lease TTL an agent's fleet wants (lease-ttl.ts), read from its
 * `/_mgmt/` mirror: counted once per mirror (a watch batch makes a new
 * one), and trusted from the mirror's first read on. Until then the first
 * grant waits, at most FIRST_READ_WAIT_MS: an agent of a fleet restarted
 * together would otherwise see an empty mirror and take 5 s.
 */
import { VOLUNTEERS_PREFIX } from '@mgmt/cluster-fsm';
import type { MgmtMirror } from '../observe/mgmt-mirror.js';
import { STATUS_PREFIX } from '../status/agent-status.js';
import type { TtlSource } from './agent-lease.js';
import { fleetLeaseTtlSeconds, hostsInMirror } from './lease-ttl.js';

/** How long the first grant waits for the mirror's first read (a cluster too busy to answer it is not kept waiting for). */
export const FIRST_READ_WAIT_MS = 5_000;

/** How often the hosts are counted again (the fleet's size needs no precision to the batch). */
const RECOUNT_MS = 5_000;

export class MirrorTtlSource implements TtlSource {
  private counted: MgmtMirror | undefined;
  private countedAtMs = 0;
  private hostCount = 0;
  private readonly read: Promise<void>;
  private markRead!: () => void;

  constructor(
    private readonly mirror: () => MgmtMirror,
    private readonly waitMs = FIRST_READ_WAIT_MS,
    private readonly recountMs = RECOUNT_MS,
  ) {
    this.read = new Promise((resolve) => (this.markRead = resolve));
  }

  /** The watch delivered a batch (the first one is its full read). */
  noteBatch(): void {
    if (this.mirror().revision > 0) this.markRead();
  }

  /**
   * The hosts the mirror shows (status or volunteer key), counted again at
   * most every RECOUNT_MS once the mirror was read: each watch batch makes
   * a new mirror, and a count of a thousand hosts' keys per batch, in each
   * of 250 agents of a fleet process, was 2 % of its restart.
   */
  hosts(): number {
    const mirror = this.mirror();
    const now = performance.now();
    if (mirror !== this.counted && (this.counted === undefined || this.counted.revision === 0 || now - this.countedAtMs >= this.recountMs)) {
      this.counted = mirror;
      this.countedAtMs = now;
      this.hostCount = hostsInMirror(mirror.kvs.keys(), STATUS_PREFIX, VOLUNTEERS_PREFIX);
    }
    return this.hostCount;
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
