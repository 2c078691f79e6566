/**
 * The agent's lease id, remembered in its data directory, so that an agent
 * restarted in place takes the same lease back (at its first grant only:
 * a lease lost later may have an expiry still in flight in the log). While the old lease
 * lives, a renewal of it is answered and the agent carries on with it, its
 * volunteer key, status and exports still on it; otherwise it is granted a
 * new lease (agent-lease.ts). Without it a restarted agent found
 * its own volunteer key held by its previous lease, waited for that lease
 * to run out as for a duplicate host name, and re-wrote every key after it:
 * a fleet restarted at once did that a thousand times over (539 of 1,000
 * agents registered again within 120 s). Its TTL is remembered too (a
 * second line, `ttl=<seconds>`): a lease that ran out is granted again with
 * at least that TTL when the agent cannot read its fleet's size in time
 * (lease-ttl.ts), not 5 s. The file is a hint: a missing or unreadable one
 * means a new id, and a failed write is only logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';

const FILE = 'agent-lease-id';
/** etcd's ids are int64; ours stay below 2^53 so they are exact as JS numbers. */
const MAX_ID = 2 ** 53 - 1;

/** Remembers one lease id in `dataDir`. */
export class LeaseIdFile {
  private readonly file: string;
  /** The id the file holds, as last read or written (a lease taken back is not written again: a fleet restart wrote 250 files a process). */
  private held = 0;
  private heldTtl = 0;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.file = path.join(dataDir, FILE);
  }

  /** The remembered id, or 0 when there is none (or the file does not hold one). */
  load(): number {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8').trim();
    } catch {
      return 0;
    }
    const [first = '', second = ''] = text.split('\n');
    const id = /^\d{1,16}$/.test(first) ? Number(first) : 0;
    const ttl = /^ttl=\d{1,4}$/.exec(second) ? Number(second.slice(4)) : 0;
    if (id > 0 && id <= MAX_ID && (second === '' || ttl > 0)) {
      this.heldTtl = ttl;
      return (this.held = id);
    }
    this.log.warn({ file: this.file }, `ignoring ${this.file}: not a lease id; a new one is granted`);
    return 0;
  }

  /** The TTL remembered with the id (seconds; 0: none), as of the last `load` or `save`. */
  ttl(): number {
    return this.heldTtl;
  }

  /** Remembers `id` and its TTL (written to a temporary file and renamed over the old one). */
  save(id: number, ttlSeconds = 0): void {
    if (id === this.held && ttlSeconds === this.heldTtl) return;
    const tmp = `${this.file}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, ttlSeconds > 0 ? `${id}\nttl=${ttlSeconds}\n` : `${id}\n`);
      fs.renameSync(tmp, this.file);
      this.held = id;
      this.heldTtl = ttlSeconds;
    } catch (err) {
      this.log.warn({ file: this.file, err: (err as Error).message }, 'could not remember the lease id; a restart will take a new lease');
    }
  }
}
