/**
 * `--bootstrap-expect` on the agent's side: the Hello server that answers on
 * the client URL while no member runs here, the Hello answer itself (also
 * served by a running member beside its etcd API), and the probe of every
 * seed that decides (bootstrap-expect.ts) whether this host joins a seed's
 * cluster, starts the cluster, or waits. Moved out of agent.ts unchanged.
 */
import type { lifecycleMachine } from '@mgmt/cluster-fsm';
import type { Actor } from 'xstate';
import { decideBootstrap, type SeedAnswer } from './bootstrap-expect.js';
import type { ClusterBelonging } from './belonging.js';
import { ForeignClusterError, type ClusterClient } from './cluster-client.js';
import { HelloServer, callHello, type HelloAnswer, type HelloRequest } from './hello.js';
import type { Logger } from '../log.js';
import type { AgentTls } from '../security/agent-tls.js';

/** A lifecycle event, as the agent sends it. */
type LifecycleEvent = Parameters<Actor<typeof lifecycleMachine>['send']>[0];

/** What the Hello side of an agent reads of it. */
export interface BootstrapHelloDeps {
  config: {
    hostname: string;
    seeds: string[];
    clientUrls: string[];
    listenClientUrls?: string[];
    bootstrapExpect?: number;
    tls?: AgentTls;
  };
  client: ClusterClient;
  belonging: ClusterBelonging;
  /** Whether a member runs here now, and its cluster id. */
  member: () => { clusterId: string } | undefined;
  /** The members' client URLs this agent knows. */
  knownEndpoints: () => readonly string[];
  /** True once the agent has stopped: no server opens after that. */
  stopped: () => boolean;
  send: (event: LifecycleEvent) => void;
  log: Logger;
}

/** The Hello server, answer and seed probe of one agent. */
export class BootstrapHello {
  private server: HelloServer | undefined;
  private chain: Promise<void> = Promise.resolve();
  private lastWaitReason = '';

  constructor(private readonly d: BootstrapHelloDeps) {}

  /**
   * Asks every seed who it is (Hello) and decides (bootstrap-expect.ts):
   * join a seed that has a cluster, bootstrap when chosen, or wait and ask
   * again.
   */
  async probeSeeds(expect: number): Promise<void> {
    const { config, client, belonging, log } = this.d;
    const req: HelloRequest = { hostname: config.hostname, bootstrapExpect: expect };
    const answers: SeedAnswer[] = [];
    await Promise.all(
      config.seeds.map(async (seed) => {
        try {
          answers.push({ seed, answer: await callHello(seed, req, 1_000, config.tls?.dial) });
        } catch {
          // not up yet
        }
      }),
    );
    const d = decideBootstrap({ hostname: config.hostname, expect, seeds: config.seeds, answers, clusterId: belonging.record?.clusterId });
    if (d.kind === 'bootstrap') {
      log.info({ hosts: d.hosts }, `bootstrap-expect: ${d.hosts.length} hosts answered (${d.hosts.join(', ')}); ${config.hostname} answers at the first seed and starts the cluster`);
      this.d.send({ type: 'bootstrap.elected', hosts: d.hosts });
      return;
    }
    if (d.kind === 'join') {
      // Not this agent's own URLs: only its hello server answers there until it is a member.
      client.setEndpoints([...d.endpoints, ...config.seeds].filter((u) => !config.clientUrls.includes(u)));
      try {
        const clusterId = await client.ping(d.via);
        if (clusterId !== '') belonging.adopt(clusterId);
        log.info({ clusterId: d.clusterId, via: d.via }, `bootstrap-expect: ${d.via} belongs to cluster ${d.clusterId}; joining it`);
        this.d.send({ type: 'seed.connected', seed: d.via });
      } catch (err) {
        this.d.send({ type: 'seed.unreachable', seed: d.via, error: (err as Error).message });
      }
      return;
    }
    if (d.reason !== this.lastWaitReason) {
      this.lastWaitReason = d.reason;
      log.info({ expect }, `bootstrap-expect: ${d.reason}`);
    }
    this.d.send({ type: 'seed.unreachable', seed: config.seeds[0] ?? '', error: d.reason });
  }

  /** The cluster id this host belongs to now: its member's, else its record's. */
  private currentClusterId(): string | undefined {
    return this.d.member()?.clusterId ?? this.d.belonging.record?.clusterId;
  }

  /** Answers Hello (on the member's client port, or the waiting Hello server). */
  answer(req: HelloRequest): HelloAnswer | { refused: string } {
    const { config, belonging } = this.d;
    const ours = this.currentClusterId();
    if (req.clusterId !== undefined && ours !== undefined && req.clusterId !== ours) {
      belonging.logForeign(new ForeignClusterError(`host ${req.hostname}`, req.clusterId, ours));
      return { refused: `mgmt: cluster id mismatch: ${config.hostname} belongs to cluster ${ours}, ${req.hostname} to cluster ${req.clusterId}` };
    }
    const member = this.d.member() !== undefined;
    const endpoints = [...new Set([...(member ? config.clientUrls : []), ...this.d.knownEndpoints(), ...(belonging.record?.endpoints ?? [])])];
    return {
      hostname: config.hostname,
      clusterId: ours,
      member,
      endpoints,
      bootstrapExpect: config.bootstrapExpect,
    };
  }

  /** Opens the hello server (one at a time: open and close are chained, so a close never misses an open in flight). */
  open(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.server || this.d.member() !== undefined || this.d.stopped()) return;
      const url = (this.d.config.listenClientUrls ?? this.d.config.clientUrls)[0];
      if (!url) return;
      try {
        const tls = url.startsWith('https://') ? this.d.config.tls?.client : undefined;
        this.server = await HelloServer.listen(new URL(url).host, (req) => this.answer(req), tls);
      } catch (err) {
        this.d.log.warn({ url, err: (err as Error).message }, 'bootstrap-expect: cannot answer hello on the client URL');
      }
    });
    return this.chain;
  }

  /** Closes the hello server, if open (chained after any open in flight). */
  close(): Promise<void> {
    this.chain = this.chain.then(async () => {
      const s = this.server;
      this.server = undefined;
      await s?.close();
    });
    return this.chain;
  }
}
