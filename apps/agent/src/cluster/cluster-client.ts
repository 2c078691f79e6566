/**
 * The agent's own etcd v3 client for talking to the cluster as a client
 * (seeds, other members' endpoints, or its own member). A small gRPC client
 * over the same service definitions the server uses, with an endpoint list
 * the agent can change at any time (seeds first, then every advertised
 * endpoint) and fail-over to the next endpoint on an unavailable one.
 */
import { Channel, Metadata, credentials, makeGenericClientConstructor, status as GrpcStatus, type Client, type ServiceError } from '@grpc/grpc-js';
import { CLUSTER_ID_METADATA, ClusterService, KvService, LeaseService, MAX_TXN_OPS, WatchService } from '@mgmt/kv';
import type { etcdserverpb } from '@mgmt/proto';
import { AGENT_CHANNEL_OPTIONS, OWN_CONNECTION } from './channel-options.js';
import { MAX_FRESH_WINDOWS, listeningTimeout } from './listening-timeout.js';
import { prefixRangeEnd } from './prefix.js';
import type { DialTls } from '../security/agent-tls.js';

const KvClient = makeGenericClientConstructor(KvService, 'KV');
const LeaseClient = makeGenericClientConstructor(LeaseService, 'Lease');
const ClusterClientCtor = makeGenericClientConstructor(ClusterService, 'Cluster');
const WatchClient = makeGenericClientConstructor(WatchService, 'Watch');

type Callback<Res> = (err: ServiceError | null, res?: Res) => void;
type UnaryFn = (req: unknown, metadata: Metadata, opts: { deadline: number }, cb: Callback<unknown>) => { cancel(): void };

/** No endpoint answered. */
export class ClusterUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClusterUnavailableError';
  }
}

/** An endpoint that answered for another cluster than the one this agent belongs to. */
export class ForeignClusterError extends Error {
  constructor(
    readonly endpoint: string,
    readonly theirClusterId: string,
    readonly ourClusterId: string,
  ) {
    super(`${endpoint} belongs to cluster ${theirClusterId}, not to this host's cluster ${ourClusterId}`);
    this.name = 'ForeignClusterError';
  }
}

/** The cluster id a response header carries, as hex ('' when absent or 0). */
export function headerClusterId(res: unknown): string {
  const id = (res as { header?: { clusterId?: unknown } } | undefined)?.header?.clusterId;
  if (id === undefined || id === null) return '';
  const n = BigInt(String(id));
  return n === 0n ? '' : n.toString(16);
}

/** A request the cluster answered with an error. */
export class ClusterRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterRequestError';
  }
}

interface Stubs {
  kv: Client;
  lease: Client;
  cluster: Client;
  watch: Client;
}

/** A bidi gRPC stream as the agent uses it (Watch, LeaseKeepAlive). */
export interface DuplexCall<Req, Res> {
  write(req: Req): void;
  end(): void;
  cancel(): void;
  on(event: 'data', fn: (res: Res) => void): void;
  on(event: 'error', fn: (err: ServiceError) => void): void;
  on(event: 'end' | 'close', fn: () => void): void;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A key-value pair as strings. */
export interface KeyValue {
  key: string;
  value: string;
  lease: number;
  createRevision: number;
  /** The revision of the key's last change, when the reader knows it (watch events, revisioned reads). */
  modRevision?: number;
}

/** The deadline of a read of a whole prefix (getPrefixWithRevision). */
export const FULL_READ_TIMEOUT_MS = 20_000;

/** Why the endpoint in use changed: the list or its order (`setEndpoints`), or a failed call or stream. */
export type EndpointChange = 'endpoints' | 'failover';

/** A small etcd client with a changeable endpoint list. */
export class ClusterClient {
  private endpoints: string[];
  private current = 0;
  private readonly stubs = new Map<string, Stubs>();
  /** The cluster this agent belongs to (hex): sent with every call, and every answer must come from it. */
  private clusterId: string | undefined;
  private readonly metadata = new Metadata();
  /** Told once per endpoint and cluster id when an endpoint answers for another cluster. */
  onForeignCluster: ((e: ForeignClusterError) => void) | undefined;
  private readonly foreignSeen = new Set<string>();

  constructor(
    endpoints: readonly string[],
    private readonly timeoutMs = 3_000,
    /** How `https://` endpoints are dialled (TLS); `http://` ones stay plaintext. */
    private readonly tls: DialTls = {},
  ) {
    this.endpoints = [...new Set(endpoints)];
    // A renewed certificate: new connections present it.
    this.unsubscribeRenewals = tls.renewals?.subscribe(() => this.closeStubs());
  }

  private readonly unsubscribeRenewals: (() => void) | undefined;

  private closeStubs(): void {
    for (const s of this.stubs.values()) for (const c of Object.values(s)) c.close();
    this.stubs.clear();
  }

  /**
   * Replaces the endpoints tried (order = preference). The endpoint in use
   * stays while it is listed, unless the most preferred one changed: an agent
   * whose own member started (its URL now first) moves to it, off the seed
   * it joined through (which may be cut off from the rest later).
   */
  setEndpoints(endpoints: readonly string[]): void {
    const next = [...new Set(endpoints)];
    const cur = this.endpoints[this.current];
    const preferenceChanged = next[0] !== this.endpoints[0];
    this.endpoints = next;
    const i = cur ? next.indexOf(cur) : -1;
    this.current = i >= 0 && !preferenceChanged ? i : 0;
    for (const [url, s] of this.stubs) {
      if (!next.includes(url)) {
        for (const c of Object.values(s)) c.close();
        this.stubs.delete(url);
      }
    }
    if (this.endpoints[this.current] !== cur) this.onEndpointChanged?.('endpoints');
  }

  /** This agent's own member's client URL while one runs here (see `setHome`). */
  private home: string | undefined;

  /**
   * The endpoint every unary call starts at while it is first in the list:
   * the agent's own member. A call answered there brings the long-lived
   * streams back to it (they fail over elsewhere while it has no leader, as
   * it joins or elects, and must not stay on a member that is cut off later).
   */
  setHome(url: string | undefined): void {
    this.home = url;
  }

  /**
   * Told when the endpoint in use changed, and why: the list or its
   * preference changed (`setEndpoints`), or a call or stream failed there
   * (`failover`). Long-lived streams then move; one that is still showing
   * data may stay on a failover (a busy member times out calls while its
   * watch streams are fine, and moving them restarts their catch-up).
   */
  onEndpointChanged: ((cause: EndpointChange) => void) | undefined;
  /** Called after each acknowledged write of a key (`put`, a `putIfAbsent` that created it), with the key and the revision it made. */
  onWrite: ((key: string, revision: number) => void) | undefined;

  /** Sends etcd's auth token (from Authenticate) with every call from now on; undefined stops. */
  setAuthToken(token: string | undefined): void {
    if (token === undefined) this.metadata.remove('token');
    else this.metadata.set('token', token);
  }

  /** Sets the cluster this agent belongs to; from then on answers from any other cluster are refused. */
  setClusterId(clusterId: string | undefined): void {
    this.clusterId = clusterId;
    if (clusterId === undefined) this.metadata.remove(CLUSTER_ID_METADATA);
    else this.metadata.set(CLUSTER_ID_METADATA, clusterId);
  }

  /** The cluster this agent belongs to, if known. */
  get expectedClusterId(): string | undefined {
    return this.clusterId;
  }

  private checkCluster(url: string, res: unknown): void {
    const theirs = headerClusterId(res);
    if (this.clusterId === undefined || theirs === '' || theirs === this.clusterId) return;
    throw this.foreign(new ForeignClusterError(url, theirs, this.clusterId));
  }

  /** Tells onForeignCluster once per endpoint and cluster id; returns the error to throw. */
  private foreign(e: ForeignClusterError): ForeignClusterError {
    const key = `${e.endpoint} ${e.theirClusterId}`;
    if (!this.foreignSeen.has(key)) {
      this.foreignSeen.add(key);
      this.onForeignCluster?.(e);
    }
    return e;
  }

  /** The endpoint the last successful call used. */
  get endpoint(): string | undefined {
    return this.endpoints[this.current];
  }

  private stub(url: string): Stubs {
    let s = this.stubs.get(url);
    if (!s) {
      const target = url.replace(/^[a-z]+:\/\//, '');
      const creds = url.startsWith('https://') ? credentials.createSsl(this.tls.ca ?? null, this.tls.identity?.key ?? null, this.tls.identity?.cert ?? null) : credentials.createInsecure();
      // One channel, and so one connection, per endpoint for all four services (channel-options.ts).
      const channel = new Channel(target, creds, { ...AGENT_CHANNEL_OPTIONS, ...OWN_CONNECTION });
      const options = { channelOverride: channel };
      s = { kv: new KvClient(target, creds, options), lease: new LeaseClient(target, creds, options), cluster: new ClusterClientCtor(target, creds, options), watch: new WatchClient(target, creds, options) };
      this.stubs.set(url, s);
    }
    return s;
  }

  private async call<Res>(service: keyof Stubs, method: string, req: unknown, pin?: string, timeoutMs = this.timeoutMs): Promise<Res> {
    if (this.endpoints.length === 0 && pin === undefined) throw new ClusterUnavailableError('no endpoints to reach the cluster');
    let lastErr: unknown;
    const tries = pin ? 1 : this.endpoints.length;
    // A peer's calls start at its own member (home) whatever failed before: it forwards to
    // the leader, and the endpoint this client failed over to may be cut off from the rest.
    const start = this.home !== undefined && this.endpoints[0] === this.home ? 0 : this.current;
    for (let t = 0; t < tries; t++) {
      const index = pin ? -1 : (start + t) % this.endpoints.length;
      const url = pin ?? this.endpoints[index]!;
      const client = this.stub(url)[service] as unknown as Record<string, UnaryFn>;
      try {
        const res = await new Promise<Res>((resolve, reject) => {
          // The call's timeout counts the time this process was listening (listening-timeout.ts): a
          // deadline of gRPC's own fired after a stall of ours, with the answer unread in the socket,
          // and a fleet process of 250 agents starting at once gave up (and asked again) most of its
          // first calls. gRPC's deadline stays, as the bound of the fresh windows.
          let late = false;
          const timer = listeningTimeout(timeoutMs, () => {
            late = true;
            call.cancel();
          });
          const call = client[method]!.call(client, req, this.metadata, { deadline: Date.now() + timeoutMs * (MAX_FRESH_WINDOWS + 1) }, (err, r) => {
            timer.cancel();
            if (err) reject(late ? Object.assign(err, { code: GrpcStatus.DEADLINE_EXCEEDED, details: `no answer within ${timeoutMs} ms` }) : err);
            else resolve(r as Res);
          });
        });
        this.checkCluster(url, res);
        if (!pin && this.current !== index) {
          // An endpoint before this one failed: the long-lived streams leave it too.
          this.current = index;
          this.onEndpointChanged?.('failover');
        }
        return res;
      } catch (err) {
        if (err instanceof ForeignClusterError) {
          lastErr = err;
          if (pin) throw err;
          continue;
        }
        const e = err as ServiceError;
        if (e.code === GrpcStatus.FAILED_PRECONDITION && /cluster id mismatch/.test(e.details ?? '')) {
          // The member refused this agent's cluster id (cluster-guard.ts); its answer names its own.
          const theirs = /belongs to cluster ([0-9a-f]+)/.exec(e.details ?? '')?.[1] ?? 'another';
          lastErr = this.foreign(new ForeignClusterError(url, theirs, this.clusterId ?? '?'));
          if (pin) throw lastErr;
          continue;
        }
        // UNIMPLEMENTED: not an etcd API there (an agent's hello server while it waits to bootstrap): try the next.
        if (e.code !== GrpcStatus.UNAVAILABLE && e.code !== GrpcStatus.DEADLINE_EXCEEDED && e.code !== GrpcStatus.UNIMPLEMENTED) throw new ClusterRequestError(e.code, e.details || e.message);
        lastErr = err;
      }
    }
    throw new ClusterUnavailableError(`no endpoint answered (${this.endpoints.join(', ')})`, { cause: lastErr });
  }

  /**
   * Checks that `url` answers (a serializable read), without changing the
   * endpoint list; resolves with the cluster id (hex) its answer carries.
   * Rejects with ForeignClusterError when it belongs to another cluster.
   */
  async ping(url: string): Promise<string> {
    const res = await this.call('kv', 'Range', { key: enc.encode('/_mgmt/idealClusterSize'), serializable: true }, url);
    return headerClusterId(res);
  }

  /** Every key under `prefix`, read (serializable) from the endpoint `url` only. */
  async getPrefixAt(url: string, prefix: string): Promise<KeyValue[]> {
    const key = enc.encode(prefix);
    const res = await this.call<etcdserverpb.RangeResponse>('kv', 'Range', { key, rangeEnd: prefixRangeEnd(key), serializable: true }, url);
    return res.kvs.map((kv) => ({ key: dec.decode(kv.key), value: dec.decode(kv.value), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0) }));
  }

  /**
   * Every key under `prefix` with the store revision the read saw; a
   * serializable read (the answering member's own state, as a watch from
   * the next revision continues it) unless `linearizable`. The deadline is
   * FULL_READ_TIMEOUT_MS: a large prefix read by a whole fleet starting at
   * once queues on the members, and one given up after the usual 3 s (and
   * asked again of the next member) is work done for nothing.
   */
  async getPrefixWithRevision(prefix: string, linearizable = false): Promise<{ kvs: KeyValue[]; revision: number }> {
    const key = enc.encode(prefix);
    const res = await this.call<etcdserverpb.RangeResponse>('kv', 'Range', { key, rangeEnd: prefixRangeEnd(key), serializable: !linearizable }, undefined, FULL_READ_TIMEOUT_MS);
    const kvs = res.kvs.map((kv) => ({ key: dec.decode(kv.key), value: dec.decode(kv.value), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0), modRevision: Number(kv.modRevision ?? 0) }));
    return { kvs, revision: Number(res.header?.revision ?? 0) };
  }

  /**
   * Opens a long-lived stream (`Watch` or `LeaseKeepAlive`) on the current
   * endpoint, with no deadline; `failOver()` moves to the next endpoint when
   * it breaks. Undefined when there is no endpoint.
   */
  openStream<Req, Res>(service: 'watch' | 'lease'): { url: string; call: DuplexCall<Req, Res> } | undefined {
    const url = this.endpoints[this.current];
    if (url === undefined) return undefined;
    const method = service === 'watch' ? 'Watch' : 'LeaseKeepAlive';
    const stub = this.stub(url)[service] as unknown as Record<string, (md: Metadata) => DuplexCall<Req, Res>>;
    return { url, call: stub[method]!.call(stub, this.metadata) };
  }

  /** A stream on `url` broke: the next stream (and call) starts at the next endpoint. */
  failOver(url: string): void {
    if (this.endpoints[this.current] !== url || this.endpoints.length === 0) return;
    this.current = (this.current + 1) % this.endpoints.length;
    // The other long-lived streams on `url` move too: a member that stopped answering one answers none.
    if (this.endpoints[this.current] !== url) this.onEndpointChanged?.('failover');
  }

  /** The endpoints tried, in order. */
  get endpointList(): readonly string[] {
    return this.endpoints;
  }

  /** Every key under `prefix` (a linearizable read). */
  async getPrefix(prefix: string): Promise<KeyValue[]> {
    const key = enc.encode(prefix);
    const res = await this.call<etcdserverpb.RangeResponse>('kv', 'Range', { key, rangeEnd: prefixRangeEnd(key) });
    return res.kvs.map((kv) => ({ key: dec.decode(kv.key), value: dec.decode(kv.value), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0) }));
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const res = await this.call<etcdserverpb.RangeResponse>('kv', 'Range', { key: enc.encode(key) });
    const kv = res.kvs[0];
    return kv ? { key, value: dec.decode(kv.value), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0), modRevision: Number(kv.modRevision ?? 0) } : undefined;
  }

  async put(key: string, value: string, lease = 0): Promise<void> {
    const res = await this.call<etcdserverpb.PutResponse>('kv', 'Put', { key: enc.encode(key), value: enc.encode(value), lease });
    this.onWrite?.(key, Number(res.header?.revision ?? 0));
  }

  /** Deletes a key; resolves with how many keys were deleted (0 or 1). */
  async delete(key: string): Promise<number> {
    const res = await this.call<etcdserverpb.DeleteRangeResponse>('kv', 'DeleteRange', { key: enc.encode(key) });
    return Number(res.deleted ?? 0);
  }

  /**
   * Puts and deletes in one transaction (no conditions), every put on
   * `lease`; more operations than a transaction may hold (etcd's 128) go in
   * as few transactions as fit.
   */
  async putAndDelete(puts: ReadonlyArray<{ key: string; value: string }>, deletes: readonly string[], lease = 0): Promise<number> {
    const ops = [
      ...puts.map((p) => ({ requestPut: { key: enc.encode(p.key), value: enc.encode(p.value), lease } })),
      ...deletes.map((k) => ({ requestDeleteRange: { key: enc.encode(k) } })),
    ];
    let revision = 0;
    for (let i = 0; i < ops.length; i += MAX_TXN_OPS) {
      const res = await this.call<etcdserverpb.TxnResponse>('kv', 'Txn', { compare: [], success: ops.slice(i, i + MAX_TXN_OPS), failure: [] });
      revision = Number(res.header?.revision ?? 0);
    }
    for (const p of puts) this.onWrite?.(p.key, revision);
    return revision;
  }

  /** Puts `key` only if it does not exist; returns whether it did so, and the current value otherwise. */
  async putIfAbsent(key: string, value: string, lease = 0): Promise<{ created: boolean; existing?: KeyValue }> {
    const k = enc.encode(key);
    const res = await this.call<etcdserverpb.TxnResponse>('kv', 'Txn', {
      compare: [{ key: k, target: 1 /* CREATE */, result: 0 /* EQUAL */, createRevision: 0 }],
      success: [{ requestPut: { key: k, value: enc.encode(value), lease } }],
      failure: [{ requestRange: { key: k } }],
    });
    if (res.succeeded) {
      this.onWrite?.(key, Number(res.header?.revision ?? 0));
      return { created: true };
    }
    const kv = res.responses[0]?.responseRange?.kvs?.[0];
    return { created: false, existing: kv ? { key, value: dec.decode(kv.value), lease: Number(kv.lease ?? 0), createRevision: Number(kv.createRevision ?? 0) } : undefined };
  }

  /**
   * Grants a lease of `ttlSeconds`; with a nonzero `id`, that lease (etcd lets
   * a client choose it). A grant whose answer was lost (a slow member's
   * timeout, then the next endpoint) finds the lease granted, 'lease already
   * exists', and resolves with it: a retry never leaves an orphan lease.
   */
  async leaseGrant(ttlSeconds: number, id = 0): Promise<number> {
    try {
      const res = await this.call<etcdserverpb.LeaseGrantResponse>('lease', 'LeaseGrant', { TTL: ttlSeconds, ID: id });
      return Number(res.ID);
    } catch (err) {
      if (id !== 0 && err instanceof ClusterRequestError && /lease already exists/.test(err.message)) return id;
      throw err;
    }
  }

  /** Renews a lease once; resolves with the TTL (<= 0: the lease is gone). */
  async leaseKeepAlive(id: number): Promise<number> {
    // A unary TimeToLive-free renewal: one message on the bidi stream.
    if (this.endpoints.length === 0) throw new ClusterUnavailableError('no endpoints to reach the cluster');
    const url = this.endpoints[this.current]!;
    const lease = this.stub(url).lease as unknown as {
      LeaseKeepAlive: (metadata: Metadata, opts: { deadline: number }) => {
        write(r: unknown): void;
        end(): void;
        on(e: string, fn: (x: never) => void): void;
      };
    };
    return new Promise<number>((resolve, reject) => {
      const call = lease.LeaseKeepAlive(this.metadata, { deadline: Date.now() + this.timeoutMs });
      let done = false;
      const finish = (fn: () => void) => {
        if (done) return;
        done = true;
        fn();
      };
      call.on('data', (res: etcdserverpb.LeaseKeepAliveResponse) =>
        finish(() => {
          call.end();
          resolve(Number(res.TTL ?? 0));
        }),
      );
      call.on('error', (err: ServiceError) => finish(() => {
        this.current = (this.current + 1) % Math.max(1, this.endpoints.length);
        reject(new ClusterUnavailableError(err.details || err.message, { cause: err }));
      }));
      call.on('end', () => finish(() => reject(new ClusterUnavailableError('keep-alive stream ended'))));
      call.write({ ID: id });
    });
  }

  /** The keys attached to lease `id` (etcd's LeaseTimeToLive with `keys`); none once it is gone. */
  async leaseKeys(id: number): Promise<string[]> {
    const res = await this.call<etcdserverpb.LeaseTimeToLiveResponse>('lease', 'LeaseTimeToLive', { ID: id, keys: true });
    return (res.keys ?? []).map((k) => dec.decode(k));
  }

  /**
   * Moves `keys` onto `lease`, their values untouched (puts with
   * ignore_value), in as few transactions as fit. Each transaction
   * requires its keys to exist; resolves false when one did not (deleted
   * meanwhile: the caller lists them again).
   */
  async moveToLease(keys: readonly string[], lease: number): Promise<boolean> {
    for (let i = 0; i < keys.length; i += MAX_TXN_OPS) {
      const batch = keys.slice(i, i + MAX_TXN_OPS).map((k) => enc.encode(k));
      const res = await this.call<etcdserverpb.TxnResponse>('kv', 'Txn', {
        compare: batch.map((key) => ({ key, target: 0 /* VERSION */, result: 1 /* GREATER */, version: 0 })),
        success: batch.map((key) => ({ requestPut: { key, lease, ignoreValue: true } })),
        failure: [],
      });
      if (!res.succeeded) return false;
      const revision = Number(res.header?.revision ?? 0);
      for (const key of keys.slice(i, i + MAX_TXN_OPS)) this.onWrite?.(key, revision);
    }
    return true;
  }

  async leaseRevoke(id: number): Promise<void> {
    await this.call('lease', 'LeaseRevoke', { ID: id });
  }

  /** etcd's MemberList: the answering member's view, or (`linearizable`) the cluster's as of now. */
  async memberList(linearizable = false): Promise<etcdserverpb.Member.$Properties[]> {
    const res = await this.call<etcdserverpb.MemberListResponse>('cluster', 'MemberList', { linearizable });
    return res.members;
  }

  /** etcd's MemberUpdate: a member's new peer URLs (through `pin` only, when given). */
  async memberUpdate(id: number, peerUrls: readonly string[], pin?: string): Promise<void> {
    await this.call('cluster', 'MemberUpdate', { ID: id, peerURLs: [...peerUrls] }, pin);
  }

  /** Closes every connection. */
  close(): void {
    this.unsubscribeRenewals?.();
    this.closeStubs();
  }
}
