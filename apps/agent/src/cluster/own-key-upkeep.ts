/**
 * The keys an agent owns, kept as its lifecycle says: the volunteer key
 * while it volunteers or serves, its zone, its endpoint while its member
 * runs, the status it last published. Every local tick looks them up in
 * the `/_mgmt/` mirror: one that a client deleted or changed (or that a
 * revoked lease took with it) is put back once two looks in a row find it
 * wrong (repair-confirm.ts). A watch batch that changes an own key is
 * looked at at once and again RECHECK_MS later (`noteChanged`), so a key
 * is back within the second its owner has even though the tick is once a
 * second; and an endpoint left behind by a host that
 * runs no member is withdrawn. A key this agent wrote at a revision the
 * mirror has not reached yet is in flight, not missing: under a fleet's
 * load the watch lags by seconds, and re-writing every own key it had not
 * shown yet made more writes for every agent's watch to show. Writes go on the agent's lease; a refusal
 * because the lease is gone drops the lease, so the next write takes a new
 * one. The plans are pure (own-keys.ts, repair-confirm.ts); this is their
 * I/O.
 */
import { encodeUrls, endpointKey, volunteerKey, zoneKey } from '@mgmt/cluster-fsm';
import type { Logger } from '../log.js';
import { PENDING_WRITE_MS } from '../graph/exports.js';
import { isStatusOf, statusKey } from '../status/agent-status.js';
import { isLeaseGone, type AgentLease } from './agent-lease.js';
import type { ClusterClient, KeyValue } from './cluster-client.js';
import { planOwnKeyRepairs, type OwnedKey } from './own-keys.js';
import { confirmRepairs } from './repair-confirm.js';
import type { KeyKeeper } from './restart-from-disk.js';

/** Where the agent's lifecycle stands, as far as its keys go. */
export interface OwnKeyStage {
  /** It volunteers or serves (waiting, nominated or a peer; not while it leaves). */
  volunteering: boolean;
  /** Its member runs. */
  running: boolean;
  /** It holds its hostname's volunteer key (an agent of the same name may hold it instead). */
  ownsHostname: boolean;
  /** It runs a member (the endpoint key is its to keep). */
  hasMember: boolean;
}

/** What the upkeep works with. */
export interface OwnKeyUpkeepDeps {
  config: { hostname: string; serverUrls: string[]; clientUrls: string[]; zone?: string | undefined };
  stage: () => OwnKeyStage;
  /** The mirrored `/_mgmt/` keys. */
  mirror: () => ReadonlyMap<string, KeyValue>;
  /** The revision the mirror is at. */
  mirrorRevision: () => number;
  status: { readonly published: string; readonly publishedAtMs: number };
  lease: AgentLease;
  client: Pick<ClusterClient, 'put' | 'delete'>;
  endpointKey: () => KeyKeeper;
  log: Logger;
}

/** A changed own key is looked at again this long after the batch that changed it (the look that confirms a repair). */
const RECHECK_MS = 300;

/** The own keys a tick found in the mirror, and the mirror's revision then. */
export interface MirroredOwnKeys {
  kvs: KeyValue[];
  revision: number;
}

/** An agent's own keys; see the file comment. */
export class OwnKeyUpkeep {
  /** Own keys found wrong by the last tick (repaired when the next finds them wrong too). */
  private repairSuspects = new Set<string>();
  /** The last tick saw this host's endpoint key while it runs no member. */
  private staleEndpointSeen = false;
  /** The last published status the watch has shown back. */
  private statusSeen = '';
  /** The revision of this agent's last acknowledged write of each key (deleted once the mirror has passed it). */
  private readonly written = new Map<string, number>();
  /** A look is under way (one at a time), and the confirming look after a changed own key. */
  private checking = false;
  private recheck: NodeJS.Timeout | undefined;

  constructor(private readonly d: OwnKeyUpkeepDeps) {}

  /** A watch batch changed `changed`: an own key among them is looked at now and again RECHECK_MS later. */
  noteChanged(changed: readonly string[]): void {
    if (this.recheck !== undefined || changed.length === 0) return;
    let owned: Set<string>;
    try {
      owned = new Set(this.ownedKeys().map((w) => w.key));
    } catch (err) {
      this.d.log.debug({ err: (err as Error).message }, 'own keys unknown; the tick looks');
      return;
    }
    if (!changed.some((key) => owned.has(key))) return;
    void this.check();
    this.recheck = setTimeout(() => {
      this.recheck = undefined;
      void this.check();
    }, RECHECK_MS);
  }

  /** One look at the own keys as the mirror has them now (the tick's, or a changed key's); one at a time. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.tick(this.inMirror());
    } catch (err) {
      this.d.log.debug({ err: (err as Error).message }, 'own-key check failed');
    } finally {
      this.checking = false;
    }
  }

  stop(): void {
    clearTimeout(this.recheck);
    this.recheck = undefined;
  }

  /** The keys this agent owns, as its lifecycle stands now. */
  ownedKeys(): OwnedKey[] {
    const { hostname: host, serverUrls, clientUrls, zone } = this.d.config;
    const stage = this.d.stage();
    const want: OwnedKey[] = [];
    if (stage.ownsHostname && stage.volunteering) want.push({ key: volunteerKey(host), value: encodeUrls(serverUrls), onlyIfOurs: true });
    if (stage.ownsHostname && zone !== undefined) want.push({ key: zoneKey(host), value: zone });
    if (stage.running) want.push({ key: endpointKey(host), value: encodeUrls(clientUrls) });
    const published = this.d.status.published;
    if (published !== '') want.push({ key: statusKey(host), value: published, accepts: (stored) => isStatusOf(stored, host) });
    return want;
  }

  /** An acknowledged write of this agent (any key under the prefix; only its own keys are looked at). */
  noteWrite(key: string, revision: number): void {
    if (revision > (this.written.get(key) ?? 0)) this.written.set(key, revision);
  }

  /** The own keys as the mirror has them now, and its revision (taken at the start of a tick, repaired at its end). */
  inMirror(): MirroredOwnKeys {
    const mirror = this.d.mirror();
    return { kvs: this.ownedKeys().flatMap((w) => mirror.get(w.key) ?? []), revision: this.d.mirrorRevision() };
  }

  /** Notes when the watch has shown this agent's last published status back (after that, its absence is damage). */
  noteStatusSeen(): void {
    const published = this.d.status.published;
    if (published !== '' && this.d.mirror().get(statusKey(this.d.config.hostname))?.value === published) this.statusSeen = published;
  }

  /** The end of a tick: puts back own keys found wrong twice (`kvs`: as the tick began), withdraws a stale endpoint. */
  async tick(own: MirroredOwnKeys): Promise<void> {
    await this.repair(own);
    await this.withdrawStaleEndpoint();
  }

  private async repair({ kvs, revision }: MirroredOwnKeys): Promise<void> {
    for (const [key, at] of this.written) if (at <= revision) this.written.delete(key);
    // A status published moments ago that the watch has not shown yet is in flight, not damage.
    const mine = statusKey(this.d.config.hostname);
    const { published, publishedAtMs } = this.d.status;
    this.noteStatusSeen();
    const inFlight = (key: string) => this.written.has(key) || (key === mine && this.statusSeen !== published && Date.now() - publishedAtMs < PENDING_WRITE_MS);
    // A key still on the lease being moved off is this agent's, in flight to the new one (agent-lease.ts).
    const retiring = this.d.lease.retiring;
    const moving = (key: string) => retiring !== 0 && kvs.some((kv) => kv.key === key && kv.lease === retiring);
    const planned = planOwnKeyRepairs(this.ownedKeys(), kvs, this.d.lease.id).filter((r) => !inFlight(r.key) && !moving(r.key));
    const { confirmed, suspects } = confirmRepairs(planned, this.repairSuspects);
    this.repairSuspects = suspects;
    if (confirmed.length === 0) return;
    const lease = await this.d.lease.ensure();
    for (const r of confirmed) {
      // The lifecycle may have moved on meanwhile (leaving revokes the volunteer key): re-check each key.
      if (!this.ownedKeys().some((w) => w.key === r.key)) continue;
      await this.putOnLease(r.key, r.value, lease);
      this.d.log.info({ key: r.key }, `re-wrote ${r.key}: ${r.why}`);
    }
  }

  /**
   * A host without a running member has no endpoint key. One its withdrawal
   * left behind (every endpoint failed at that moment: CI's auth test, as the
   * killed leader's successor took over) made the nominator pass this host
   * over for good, as one still running a removed member. Deleted once two
   * ticks in a row see it on this agent's own lease.
   */
  private async withdrawStaleEndpoint(): Promise<void> {
    const key = endpointKey(this.d.config.hostname);
    const kv = this.d.mirror().get(key);
    const stale = !this.d.stage().hasMember && kv !== undefined && kv.lease !== 0 && kv.lease === this.d.lease.id;
    const confirmed = stale && this.staleEndpointSeen;
    this.staleEndpointSeen = stale && !confirmed;
    if (!confirmed) return;
    await this.d.endpointKey().withdraw(() => this.d.client.delete(key));
    this.d.log.info({ key }, `deleted ${key}: this host runs no member`);
  }

  /** Puts `key` on `lease`; a refusal because the lease is gone drops it, so the next write takes a new one. */
  putOnLease(key: string, value: string, lease: number): Promise<void> {
    return this.onLease(lease, () => this.d.client.put(key, value, lease));
  }

  /** Runs a write on `lease`; a refusal because the lease is gone drops it, so the next write takes a new one. */
  async onLease<T>(lease: number, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isLeaseGone(err)) this.d.lease.drop(lease);
      throw err;
    }
  }
}
