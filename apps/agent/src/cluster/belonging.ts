/**
 * Which cluster this host belongs to, as the agent keeps track of it: the
 * data directory's cluster record (cluster-record.ts), read at start and
 * written when the agent learns more (a seed's cluster id, a member id, the
 * members' endpoints), and the agent's own clients, which send that cluster
 * id with every call and refuse answers from another cluster (logged at
 * most once a minute per endpoint and cluster).
 */
import type { ClusterClient, ForeignClusterError } from './cluster-client.js';
import { mergeClusterRecord, readClusterRecord, sameClusterRecord, writeClusterRecord, type ClusterRecord } from './cluster-record.js';
import type { Logger } from '../log.js';

/** The "refused another cluster" lines, at most once per endpoint and cluster per this long. */
const FOREIGN_LOG_EVERY_MS = 60_000;

/** What the agent knows of its cluster, and the clients that must agree with it. */
export class ClusterBelonging {
  private current: ClusterRecord | undefined;
  private readonly foreignLogged = new Map<string, number>();

  /** Reads the record; an unreadable one throws ClusterRecordError (the agent does not start). */
  constructor(
    private readonly o: {
      dataDir: string;
      hostname: string;
      /** A client-only agent (`--no-server`) records nothing. */
      noServer: boolean;
      clients: readonly ClusterClient[];
      log: Logger;
      /** The member identity in the data directory, if any (a data dir of an older version has no record yet). */
      member?: { clusterId: string; memberId: number };
    },
  ) {
    this.current = readClusterRecord(o.dataDir);
    if (o.member && !this.current) this.save(o.member);
    if (this.current) this.belongTo(this.current.clusterId);
    for (const c of o.clients) c.onForeignCluster = (e) => this.logForeign(e);
  }

  /** The record, if this host belongs to a cluster. */
  get record(): ClusterRecord | undefined {
    return this.current;
  }

  /** From now on the clients send `clusterId` and refuse answers from any other cluster. */
  belongTo(clusterId: string): void {
    for (const c of this.o.clients) c.setClusterId(clusterId);
  }

  /** A seed answered with its cluster id: belong to it (unless already bound) and record it (never bootstrap another). */
  adopt(clusterId: string): void {
    if (this.o.clients[0]?.expectedClusterId === undefined) this.belongTo(clusterId);
    if (!this.o.noServer) this.save({ clusterId });
  }

  /** Merges what was learnt into the record and writes it when it changed. */
  save(update: { clusterId: string; memberId?: number; endpoints?: string[] }): void {
    try {
      const next = mergeClusterRecord(this.current, { ...update, hostname: this.o.hostname });
      if (sameClusterRecord(this.current, next)) return;
      writeClusterRecord(this.o.dataDir, next);
      if (!this.current) this.o.log.info({ clusterId: next.clusterId, dataDir: this.o.dataDir }, `this host now belongs to cluster ${next.clusterId} (recorded in its data directory)`);
      this.current = next;
    } catch (err) {
      this.o.log.error({ err: (err as Error).message }, 'cluster record not updated');
    }
  }

  /** One line for an endpoint (or caller) of another cluster, at most once a minute each. */
  logForeign(e: ForeignClusterError): void {
    const key = `${e.endpoint} ${e.theirClusterId}`;
    const now = Date.now();
    if ((this.foreignLogged.get(key) ?? 0) + FOREIGN_LOG_EVERY_MS > now) return;
    this.foreignLogged.set(key, now);
    this.o.log.warn({ theirs: e.theirClusterId, ours: e.ourClusterId, endpoint: e.endpoint }, `refused ${e.endpoint}: it belongs to cluster ${e.theirClusterId}, this host to cluster ${e.ourClusterId}`);
  }
}
