/**
 * The agent's one lease: granted through its ClusterClient on first use (one
 * grant at a time however many effects ask), kept alive at a third of its
 * TTL, and reported lost when the cluster says it has expired. The volunteer
 * key, the advertised endpoint, the published status and the exported
 * resources all live on it, so they vanish with the agent. Its TTL is the
 * fleet's (lease-ttl.ts): picked at each grant, and moved to a longer lease,
 * keys and all, once the fleet has outgrown it. The nominator counts that
 * move as one lease loss of the volunteer (flap.ts: the volunteer key comes
 * back under another lease); it damps only a second within a minute.
 */
import type { Logger } from '../log.js';
import { ClusterRequestError, type ClusterClient } from './cluster-client.js';
import { KeepAliveStream, KeepAliveTimeoutError } from './keep-alive-stream.js';
import { BASE_LEASE_TTL_SECONDS, leaseOutgrown } from './lease-ttl.js';

/** The TTL a fleet wants (lease-ttl.ts), once the agent has read what its fleet is. */
export interface TtlSource {
  /** The TTL to ask for now. */
  want(): number;
  /**
   * The TTL a move goes to: a fleet's twice as large. A fleet that outgrew
   * a lease is likely still growing (a cold start), and each move is an
   * event per key for every agent: moved to what it wants at the moment,
   * a 1,000-agent cold start moved most leases twice (5 s, then 12, then 30).
   */
  ahead(): number;
  /** Resolves when `want` can be trusted (the mirror's first read: true) or the agent has waited long enough (false). */
  known(): Promise<boolean>;
}

/** Agents whose fleet outgrew their lease move it within this spread, not all in the same moment. */
const MOVE_SPREAD_MS = 30_000;
/** Tries of a move before the old lease is left to expire (the upkeep puts the agent's keys back). */
const MOVE_TRIES = 3;

/** Whether `err` is the cluster saying a write's lease does not exist (it was revoked or expired). */
export function isLeaseGone(err: unknown): boolean {
  return err instanceof ClusterRequestError && /lease not found/.test(err.message);
}

/**
 * A lease id the agent picks itself, from a random number in [0, 1):
 * positive and below 2^52, so exact as a JS number (etcd's ids are int64).
 */
export function clientLeaseId(random: number): number {
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1 - Number.EPSILON) : 0;
  return 1 + Math.floor(r * (2 ** 52 - 1));
}

export class AgentLease {
  /** The current lease id; 0 while there is none. */
  id = 0;
  /**
   * The id the next grant asks for, kept until a grant goes through: under
   * load a grant's answer comes after the client's deadline, and a grant
   * asked again with a new id each time left thousands of orphan leases for
   * the leader to expire (a 1,000-agent start: about seven grants per agent).
   */
  private nextId = 0;
  private granting: Promise<number> | undefined;
  /** No grant was asked for yet by this process (the remembered id is tried then only). */
  private firstGrant = true;
  private timer: NodeJS.Timeout | undefined;
  /** A move to a longer lease is under way (checkTtl). */
  private moving = false;
  /** The lease being moved off (0: none): its keys are this agent's still, until the move is done. */
  retiring = 0;
  /** When the move the fleet's growth asks for is due (spread over MOVE_SPREAD_MS). */
  private moveDueAtMs: number | undefined;
  /** Renewals go on one stream (it fails over between endpoints and warns once when all fail). */
  private readonly stream: KeepAliveStream;

  /** The TTL of the current lease (the last one asked for). */
  private ttlSeconds: number;

  /** The TTL of the current lease, in seconds (the last one asked for). */
  get ttl(): number {
    return this.ttlSeconds;
  }

  constructor(
    private readonly client: ClusterClient,
    /** The TTL to ask for: fixed, or picked at each grant (lease-ttl.ts). */
    private readonly pickTtl: number | TtlSource,
    private readonly log: Logger,
    /** Called once when a keep-alive finds the lease gone (a new one is granted on the next `ensure`). */
    private readonly onLost: () => void,
    /** Where the lease id is remembered across restarts (lease-id-file.ts): a restarted agent asks for the same lease. */
    private readonly memory?: { load(): number; save(id: number, ttlSeconds?: number): void; ttl?(): number },
    /** How far apart in time a fleet that outgrew its leases moves them (checkTtl). */
    private readonly moveSpreadMs = MOVE_SPREAD_MS,
  ) {
    this.ttlSeconds = typeof pickTtl === 'number' ? pickTtl : BASE_LEASE_TTL_SECONDS;
    this.stream = new KeepAliveStream(client, log);
    this.useTtl(this.ttlSeconds);
  }

  /** The lease's TTL is `ttlSeconds`: a renewal is due every third of it, and one not answered by the next is given up. */
  private useTtl(ttlSeconds: number): void {
    this.ttlSeconds = ttlSeconds;
    this.stream.setTimes(Math.min(3_000, Math.max(300, Math.round((ttlSeconds * 1000) / 3))), ttlSeconds * 1000);
  }

  /** Renews every third of the TTL from now on. */
  private startRenewals(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.keepAlive(), Math.max(300, (this.ttlSeconds * 1000) / 3));
  }

  /** The lease id, granting a lease first when there is none. */
  ensure(): Promise<number> {
    if (this.id !== 0) return Promise.resolve(this.id);
    this.granting ??= (async () => {
      // The remembered id only for the first grant of this process: a lease lost later may have an expiry
      // still in flight in the log, which would take a new lease of the same id with it.
      // A grant that failed (no member answered) tries the remembered id again: only a lease this process had may be mid-expiry.
      const remembered = this.firstGrant ? this.memory?.load() : undefined;
      this.nextId ||= remembered || clientLeaseId(Math.random());
      const rememberedTtl = remembered ? (this.memory?.ttl?.() ?? 0) : 0;
      if (typeof this.pickTtl === 'number') this.useTtl(this.pickTtl);
      else if (rememberedTtl > 0) {
        // A restart: the previous run's lease is taken back whatever TTL is asked; if it ran out, the new
        // one has at least its TTL. Not waiting for the mirror's first read: in a fleet restarted
        // together that read queues behind a thousand others, and the registration waited with it.
        this.useTtl(Math.max(this.pickTtl.want(), rememberedTtl));
      } else {
        await this.pickTtl.known();
        this.useTtl(this.pickTtl.want());
      }
      let id = remembered ? await this.renewRemembered(remembered) : 0;
      const renewed = id !== 0;
      if (!renewed) id = await this.client.leaseGrant(this.ttlSeconds, this.nextId);
      if (!renewed && remembered && id === remembered && (await this.stream.renew(id).catch(() => 1)) <= 0) {
        // The previous run's lease ran out and its revocation is under way ('lease already exists',
        // then not renewed): keys written on it would go with it. A new lease.
        this.log.info({ lease: id }, 'the previous run of this host had this lease; it expired: granting a new one');
        this.nextId = clientLeaseId(Math.random());
        id = await this.client.leaseGrant(this.ttlSeconds, this.nextId);
      }
      this.id = id;
      this.nextId = 0;
      this.firstGrant = false;
      this.memory?.save(this.id, this.ttlSeconds);
      this.stream.granted();
      this.startRenewals();
      // The grant may have found this id's lease alive (a restart, or a grant whose answer was lost) with
      // little of its TTL left: renew it now rather than a third of a TTL later.
      if (!renewed) void this.keepAlive();
      return this.id;
    })().finally(() => {
      this.granting = undefined;
    });
    return this.granting;
  }

  /**
   * The previous run's lease, renewed: its id when it is alive (its TTL
   * adopted), else 0, with a new id to grant when it is gone. A renewal is
   * answered by the leader alone; a grant of a live lease's id was a Raft
   * proposal refused at apply ('lease already exists') before that renewal.
   * At a 1,000-agent restart those thousand proposals queued behind the
   * full reads of `/_mgmt/`, and the leases of 16-20 s ran out meanwhile.
   * A renewal not answered in time is asked again (the stream moves to the
   * next member after two) for half the TTL: a grant instead would be a
   * proposal in the same queue (at a 1,000-agent restart, 400 of them). A
   * renewal that fails otherwise (no member to ask) leaves the grant to try.
   */
  private async renewRemembered(remembered: number): Promise<number> {
    const until = Date.now() + (this.ttlSeconds * 1000) / 2;
    let ttl: number;
    for (;;) {
      try {
        ttl = await this.stream.renew(remembered);
        break;
      } catch (err) {
        if (err instanceof KeepAliveTimeoutError && Date.now() < until) continue;
        return 0;
      }
    }
    if (ttl > 0) {
      this.useTtl(ttl);
      return remembered;
    }
    this.log.info({ lease: remembered }, 'the previous run of this host had this lease; it expired: granting a new one');
    this.nextId = clientLeaseId(Math.random());
    return 0;
  }

  /**
   * A restarted agent takes its previous run's lease back at once, before
   * it is connected and registered, so the lease and the keys on it outlive
   * a slow start. At a restart of a 1,000-agent fleet, registration queued
   * behind the thousand others' for up to a minute; a lease taken back only
   * then had often run out (one in ten), and each such host's keys were
   * deleted and written again: events for every agent's watch, which slowed
   * the restart further. Nothing happens without a remembered lease.
   */
  takeBack(): void {
    if (!this.firstGrant || this.id !== 0 || !this.memory?.load()) return;
    this.ensure().catch((err: unknown) => this.log.debug({ err: (err as Error).message }, 'taking the previous lease back failed; the next use retries'));
  }

  /**
   * A write on lease `id` was refused because the lease is gone (a client
   * revoked it): forget it now rather than at the next keep-alive, so the
   * next `ensure` grants a new one. Reports the loss once.
   */
  drop(id: number): void {
    if (id === 0 || this.id !== id) return;
    this.log.warn({ lease: id }, 'lease lost (revoked); granting a new one');
    this.id = 0;
    clearInterval(this.timer);
    this.onLost();
  }

  /**
   * Moves this agent's keys onto a longer lease once its fleet wants at
   * least twice the TTL it has (lease-ttl.ts; a cold start's first agents
   * got 5 s). Called on the agent's ticks; the move itself waits a random
   * part of MOVE_SPREAD_MS, so a fleet does not move all at once.
   */
  checkTtl(): void {
    if (typeof this.pickTtl === 'number' || this.id === 0 || this.granting !== undefined || this.moving) return;
    if (!leaseOutgrown(this.ttlSeconds, this.pickTtl.want())) {
      this.moveDueAtMs = undefined;
      return;
    }
    const now = Date.now();
    this.moveDueAtMs ??= now + Math.random() * this.moveSpreadMs;
    if (now < this.moveDueAtMs) return;
    this.moveDueAtMs = undefined;
    this.moving = true;
    void this.move(this.pickTtl.ahead()).finally(() => {
      this.moving = false;
    });
  }

  /**
   * A lease of `ttlSeconds` takes over: new writes go on it at once; the
   * keys on the old one are moved with their values (ignore_value), then
   * the old one is revoked. A write that asked for the old id just before
   * and lands after the listing goes with the revoke, and is put back by
   * whoever owns it (the own-key upkeep, the graph's exports), as when a
   * client deletes it.
   */
  private async move(ttlSeconds: number): Promise<void> {
    const old = this.id;
    const oldTtl = this.ttlSeconds;
    let next: number;
    try {
      next = await this.client.leaseGrant(ttlSeconds, clientLeaseId(Math.random()));
    } catch {
      return; // a later tick asks again
    }
    if (this.id !== old) {
      // Lost meanwhile: the next grant picks the TTL anew.
      await this.client.leaseRevoke(next).catch(() => undefined);
      return;
    }
    this.id = next;
    this.memory?.save(next, ttlSeconds);
    this.useTtl(ttlSeconds);
    this.stream.granted();
    this.startRenewals();
    // The old lease lives until its keys are off it: under load the move takes longer than its TTL.
    this.retiring = old;
    const renewOld = () => this.stream.renew(old).catch(() => 1);
    const keepOld = setInterval(() => void renewOld(), Math.max(300, (oldTtl * 1000) / 3));
    let lastError = 'its keys kept changing';
    try {
      for (let attempt = 1; attempt <= MOVE_TRIES; attempt++) {
        try {
          if ((await renewOld()) <= 0) {
            lastError = 'it expired first';
            break;
          }
          const keys = await this.client.leaseKeys(old);
          if (!(await this.client.moveToLease(keys, next))) continue;
          await this.client.leaseRevoke(old);
          this.log.info({ from: old, to: next, ttl: ttlSeconds, keys: keys.length }, `moved ${keys.length} key(s) to a lease of ${ttlSeconds} s: the fleet outgrew the old one`);
          return;
        } catch (err) {
          lastError = (err as Error).message;
        }
      }
    } finally {
      clearInterval(keepOld);
      this.retiring = 0;
    }
    this.log.warn({ lease: old, err: lastError }, `could not move the keys off the old lease (${lastError}); they go when it expires and are put back on the new one`);
  }

  /** Stops renewing (the lease then expires on its own). */
  stop(): void {
    clearInterval(this.timer);
    this.stream.close();
  }

  private async keepAlive(): Promise<void> {
    const id = this.id;
    if (id === 0) return;
    try {
      const ttl = await this.stream.renew(id);
      // Moved to another lease meanwhile (checkTtl): this answer is about the old one.
      if (id !== this.id) return;
      if (ttl <= 0) {
        this.log.warn({ lease: this.id }, 'lease lost');
        this.id = 0;
        clearInterval(this.timer);
        this.onLost();
      } else if (ttl !== this.ttlSeconds && this.id !== 0) {
        // The grant found this id's lease alive (a restart) with another TTL than asked for: renew at a third of its own.
        this.useTtl(ttl);
        this.startRenewals();
      }
    } catch {
      // Logged by the stream (a warning once every endpoint has failed); the next renewal retries.
    }
  }
}
