/**
 * Clustering scenario files: stories of whole agents written as text, in
 * the format of libs/raft's scenario files (etcd-io/raft's testdata style:
 * a command, `----`, its golden output, a blank line). The interpreter
 * replays each command on the agent simulator (agent-sim.ts: the real
 * lifecycle machine, effects, observer, nominator, store and driver), and
 * the simulator's checkers watch every step. Commands:
 *
 *   start ADDR [seeds=A,B] [ideal=N] [name=HOST] [wiped]
 *                         starts (or restarts, on its disk unless `wiped`) the agent at ADDR,
 *                         named HOST (default ADDR); the first start fixes the run (seed=S, default 1)
 *   run STEPS             STEPS steps of 20 ms, then status
 *   converge              steps until the cluster has converged (bounded), then status
 *   ideal N               writes /_mgmt/idealClusterSize through the leader
 *   kill ADDR             the process dies (its disk keeps what was synced)
 *   shutdown ADDR         Ctrl-C: it hands over, is un-nominated, then stops
 *   isolate ADDR [one-way=in|out]   cuts ADDR off from every other host
 *   heal                  every cut mended
 *   die-on-start ADDR     the process dies when it is told to start its member
 *   transfer-leadership ADDR   the leader hands over to ADDR's member
 *   status                one line per host (address, lifecycle state, role), then the members
 */
import { IDEAL_CLUSTER_SIZE_KEY } from '@mgmt/cluster-fsm';
import type { ScenarioBlock } from '@mgmt/raft/sim';
import { AgentSim } from './agent-sim.js';
import { clientUrlOf } from './sim-host.js';

/** Replays a clustering scenario; returns each block's output lines and what the checkers found. */
export function runClusterScenario(blocks: readonly ScenarioBlock[]): Promise<{ outputs: string[][]; violations: string[] }> {
  return new ClusterScenarioRun().replay(blocks);
}

/** The interpreter: one AgentSim, made by the first `start`. */
class ClusterScenarioRun {
  private sim: AgentSim | undefined;

  async replay(blocks: readonly ScenarioBlock[]): Promise<{ outputs: string[][]; violations: string[] }> {
    const outputs: string[][] = [];
    for (const b of blocks) outputs.push(b.command === '' ? [] : await this.exec(b.command));
    this.sim?.stop();
    return { outputs, violations: [...(this.sim?.violations ?? [])] };
  }

  private async exec(line: string): Promise<string[]> {
    const [cmd, ...args] = line.trim().split(/\s+/);
    const flags = new Map(args.filter((a) => a.includes('=')).map((a) => a.split('=', 2) as [string, string]));
    const pos = args.filter((a) => !a.includes('='));
    try {
      switch (cmd) {
        case 'start':
          return this.start(pos, flags);
        case 'run':
          await this.current().run(Number(pos[0]));
          return this.status();
        case 'converge': {
          const sim = this.current();
          const before = sim.world.steps;
          const why = await sim.converge();
          return [why === undefined ? `converged after ${sim.world.steps - before} steps` : `not converged: ${why}`, ...this.status()];
        }
        case 'ideal':
          this.current().setIdealNow(Number(pos[0]));
          return [`${IDEAL_CLUSTER_SIZE_KEY} = ${pos[0]}`];
        case 'kill':
          this.host(pos[0]).kill();
          return ['ok'];
        case 'shutdown':
          this.host(pos[0]).shutdown();
          return ['ok'];
        case 'isolate':
          this.isolate(pos[0]!, flags.get('one-way'));
          return ['ok'];
        case 'heal':
          this.current().world.heal();
          return ['ok'];
        case 'die-on-start':
          this.host(pos[0]).dieOnMemberStart();
          return ['ok'];
        case 'transfer-leadership': {
          const sim = this.current();
          const leader = sim.world.leader();
          const to = this.host(pos[0]).facts.peer;
          if (!leader || !to) return ['no leader, or no member there'];
          leader.driver.transferLeadership(to.id);
          return ['ok'];
        }
        case 'status':
          return this.status();
        default:
          return [`unknown command ${cmd}`];
      }
    } catch (err) {
      return [`error: ${(err as Error).message}`];
    }
  }

  private current(): AgentSim {
    if (!this.sim) throw new Error('no hosts yet: begin with start');
    return this.sim;
  }

  private host(address: string | undefined) {
    const h = address === undefined ? undefined : this.current().world.hosts.get(address);
    if (!h) throw new Error(`no host ${String(address)}`);
    return h;
  }

  private start(pos: string[], flags: Map<string, string>): string[] {
    const address = pos[0];
    if (!address) throw new Error('start needs an address');
    this.sim ??= new AgentSim(Number(flags.get('seed') ?? 1), {}, 0);
    const sim = this.sim;
    if (flags.has('ideal')) sim.ideal = Number(flags.get('ideal'));
    const seeds = (flags.get('seeds') ?? '').split(',').filter(Boolean).map(clientUrlOf);
    sim.start(address, seeds, sim.ideal, pos.includes('wiped'), flags.get('name') ?? address);
    return ['ok'];
  }

  private isolate(victim: string, oneWay: string | undefined): void {
    const sim = this.current();
    for (const other of sim.addresses()) {
      if (other === victim) continue;
      if (oneWay === 'in') sim.world.cut(other, victim, true);
      else if (oneWay === 'out') sim.world.cut(victim, other, true);
      else sim.world.cut(victim, other);
    }
  }

  /** One line per host, then the members as the leader has them. */
  private status(): string[] {
    const sim = this.current();
    const leader = sim.world.leader();
    const lines: string[] = [];
    for (const h of sim.world.hosts.values()) {
      const state = stateName(h.actor.getSnapshot().value);
      const peer = h.alive ? h.facts.peer : undefined;
      const member = peer && !peer.stopped ? leader?.state.members.get(peer.id) : undefined;
      const role = member ? (member.isLearner ? ' learner' : ' voter') : '';
      const name = h.hostname === h.address ? '' : ` (hostname ${h.hostname})`;
      lines.push(`${h.address}${name}: ${h.alive ? state : `dead (was ${state})`}${role}${leader && peer === leader ? ' leader' : ''}`);
    }
    const members = leader ? leader.state.members.list().map((m) => `${m.name}${m.isLearner ? '(learner)' : ''}`) : [];
    lines.push(leader ? `members: ${members.sort().join(' ')}` : 'members: no leader');
    return lines;
  }
}

/** An XState state value as a dotted path (`{ peer: 'running' }` -> `peer.running`). */
function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? ['?', ''];
  return v === undefined || v === '' ? k : `${k}.${stateName(v)}`;
}
