/**
 * One run of whole agents in the simulated world (sim-world.ts): hosts
 * started and restarted on their own simulated disks, clients writing and
 * reading throughout (sim-clients.ts), the checkers installed
 * (sim-checkers.ts), and the convergence bound once the faults stop. The
 * scenarios (scenarios.ts) drive it; simulate.ts runs one seed.
 */
import { IDEAL_CLUSTER_SIZE_KEY } from '@mgmt/cluster-fsm';
import { installCheckers, notConverged } from './sim-checkers.js';
import { SimClients, type ClientBugs } from './sim-clients.js';
import { LEASE_TTL_MS, SimHost, type HostBugs, type SimDisk } from './sim-host.js';
import { addsTwoAtOnce } from './sim-nominator.js';
import { SimWorld, type WorldBugs } from './sim-world.js';

const enc = new TextEncoder();

/** Steps (20 ms each) the cluster gets to converge once the faults stop: 60 simulated seconds. */
const CONVERGE_WITHIN_STEPS = 3_000;

/** Clients writing and reading application keys throughout a run. */
const CLIENTS = 3;
/** Steps the clients' last operations get to be answered once converged (past every deadline: 4 simulated seconds). */
const CLIENT_DRAIN_STEPS = 200;

/** Test-only switches that break a rule, to show the checkers catch it. */
export type SimBugs = HostBugs & ClientBugs & WorldBugs;

/** A run of whole agents; see the file comment. */
export class AgentSim {
  readonly world: SimWorld;
  readonly violations: string[];
  readonly clients: SimClients;
  /** The idealClusterSize hosts are started with. */
  ideal = 5;
  private readonly disks = new Map<string, SimDisk>();

  constructor(
    seed: number,
    private readonly bugs: SimBugs,
    clients = CLIENTS,
  ) {
    this.world = new SimWorld(seed, bugs);
    this.violations = installCheckers(this.world);
    this.clients = new SimClients(this.world, clients, bugs);
    if (bugs.addsTwoAtOnce) this.world.confChangeHooks.unshift(addsTwoAtOnce(this.world));
  }

  /**
   * Starts (or restarts, on the same disk unless `wiped`) the agent at
   * `address`, named `hostname` (its address, unless it shares a name).
   */
  start(address: string, seeds: string[], idealClusterSize: number, wiped = false, hostname = address): SimHost {
    if (wiped) this.disks.delete(address);
    let disk = this.disks.get(address);
    if (!disk) this.disks.set(address, (disk = {}));
    const host = new SimHost(this.world, hostname, address, seeds, disk, idealClusterSize, this.bugs);
    this.world.hosts.set(address, host);
    return host;
  }

  async run(steps: number): Promise<void> {
    for (let i = 0; i < steps; i++) {
      this.clients.step();
      await this.world.step(LEASE_TTL_MS);
    }
  }

  /**
   * Once converged: every key read once more, every client's operation
   * answered (or past its deadline), then the clients' history is judged
   * and every acknowledged write looked for in the leader's store.
   */
  async checkClients(): Promise<void> {
    const host = this.world.leader()?.o.address;
    if (host === undefined) return;
    this.clients.readAll(host);
    for (let i = 0; i < CLIENT_DRAIN_STEPS && !this.clients.idle; i++) await this.world.step(LEASE_TTL_MS);
    if (!this.clients.idle) this.violations.push(`a client operation was neither answered nor timed out within ${(CLIENT_DRAIN_STEPS * 20) / 1000} simulated seconds`);
    this.violations.push(...this.clients.check(this.world.leader()));
  }

  /** Sets `/_mgmt/idealClusterSize` through the leader (as `etcdctl put` would) and runs 5 steps. */
  async setIdeal(size: number): Promise<void> {
    this.setIdealNow(size);
    await this.run(5);
  }

  /** Writes `/_mgmt/idealClusterSize` through the leader, without waiting for it. */
  setIdealNow(size: number): void {
    const leader = this.world.leader();
    if (!leader) return;
    this.world.write(leader.o.address, { put: { key: enc.encode(IDEAL_CLUSTER_SIZE_KEY), value: enc.encode(String(size)) } }).catch(() => {});
  }

  /** Runs until converged or the bound passes (then a violation); returns why not (undefined once converged). */
  async converge(): Promise<string | undefined> {
    let why: string | undefined;
    for (let i = 0; i < CONVERGE_WITHIN_STEPS; i += 25) {
      await this.run(25);
      why = notConverged(this.world);
      if (why === undefined) return undefined;
    }
    this.violations.push(`did not converge within ${(CONVERGE_WITHIN_STEPS * 20) / 1000} simulated seconds: ${why}`);
    return why;
  }

  addresses(): string[] {
    return [...this.world.hosts.keys()];
  }

  stop(): void {
    for (const h of this.world.hosts.values()) if (h.alive) h.kill();
  }
}
