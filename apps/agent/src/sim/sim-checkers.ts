/**
 * What the agent simulator checks. After every step: never two members for
 * one hostname; never more than one membership change in flight (counted
 * where the agents' changes reach the Raft driver); and every membership change the
 * leader applies leaves at least a quorum of the new configuration live.
 * When the faults stop: within a bounded simulated time the cluster has
 * min(ideal size, live volunteers) voters and every live agent is settled.
 */
import { IDEAL_CLUSTER_SIZE_KEY, parseIdealClusterSize } from '@mgmt/cluster-fsm';
import type { ConfState } from '@mgmt/raft';
import { ChangesInFlight } from './sim-nominator.js';
import type { SimMember } from './sim-member.js';
import type { SimWorld } from './sim-world.js';

/** Installs the step checkers on `world`; returns where their violations collect. */
export function installCheckers(world: SimWorld): string[] {
  const violations: string[] = [];
  const changes = new ChangesInFlight();
  world.confChangeHooks.push(changes.hook);
  const seen = new Set<string>();
  const report = (v: string) => {
    if (seen.has(v)) return;
    seen.add(v);
    violations.push(`step ${world.steps}: ${v}`);
  };
  world.afterStep.push(() => {
    for (const v of changes.violations.splice(0)) report(v);
    const leader = world.leader();
    if (!leader) return;
    const names = new Map<string, number>();
    for (const m of leader.state.members.list()) {
      if (m.name === '') continue;
      const other = names.get(m.name);
      if (other !== undefined) report(`two members for hostname ${m.name} (${other.toString(16)} and ${m.id.toString(16)})`);
      names.set(m.name, m.id);
    }
  });
  world.onConfApplied.push((m, voters) => {
    if (!m.driver.isLeader) return;
    const live = voters.filter((v) => isLive(world, m, v)).length;
    const quorum = Math.floor(voters.length / 2) + 1;
    if (live < quorum) report(`a membership change left ${live} live voters of ${voters.length} (quorum ${quorum})`);
  });
  // A member that stops on purpose while still a voter takes its vote with it: the others must keep a quorum.
  world.onMemberLeaving.push((m) => {
    // The cluster's configuration, not the member's own: a removed member may not have applied its removal (seed 2089).
    const voters = newestConfiguration(world, m).voters;
    if (!voters.includes(m.id)) return;
    if (m.driver.isLeader && voters.length > 1) report(`${m.o.hostname} stopped its member while leading ${voters.length} voters (no hand-over)`);
    const live = voters.filter((v) => v !== m.id && isRunning(world, v)).length;
    const quorum = Math.floor(voters.length / 2) + 1;
    if (live < quorum) report(`${m.o.hostname} stopped its member while a voter: ${live} live voters of ${voters.length} left (quorum ${quorum})`);
  });
  return violations;
}

/** Whether member `id` runs on a live host. */
function isRunning(world: SimWorld, id: number): boolean {
  const m = world.members.get(id);
  const host = m ? world.hosts.get(m.o.address) : undefined;
  return m !== undefined && !m.stopped && host !== undefined && host.alive && host.facts.peer === m;
}

/** Whether voter `id` runs on a live host the leader reaches. */
function isLive(world: SimWorld, leader: SimMember, id: number): boolean {
  const m = world.members.get(id);
  if (!m || m.stopped) return false;
  const host = world.hosts.get(m.o.address);
  if (!host || !host.alive || host.facts.peer !== m) return false;
  return world.reaches(leader.o.address, m.o.address) && world.reaches(m.o.address, leader.o.address);
}

/** Why the cluster has not converged yet (undefined once it has). */
export function notConverged(world: SimWorld): string | undefined {
  const leader = world.leader();
  if (!leader) return 'no leader';
  const idealKv = world.read(leader, IDEAL_CLUSTER_SIZE_KEY, false)[0];
  const ideal = parseIdealClusterSize(idealKv?.value, 5).size;
  const live = [...world.hosts.values()].filter((h) => h.alive && !h.done);
  // Two live agents of one hostname are one volunteer (the second gives up).
  const volunteers = new Set(live.map((h) => h.hostname)).size;
  const want = Math.min(ideal, volunteers);
  const voters = leader.driver.conf.voters.length;
  if (voters !== want) return `${voters} voters, want min(ideal ${ideal}, live volunteers ${volunteers}) = ${want}`;
  if (leader.driver.conf.learners.length > 0 || leader.driver.confChangePending) return 'a membership change is still under way';
  for (const h of live) {
    const snap = h.actor.getSnapshot();
    if (!(snap.matches({ peer: 'running' }) || snap.matches({ volunteer: 'waiting' }))) return `${h.address} is not settled (${h.state})`;
  }
  return undefined;
}

/**
 * The newest configuration the running members know: the leader's, or with
 * no leader (an election under way), that of the member that applied the
 * most (committed entries are the same on every member, so the furthest
 * applied holds the newest configuration). `m` is among the candidates.
 */
function newestConfiguration(world: SimWorld, m: SimMember): ConfState {
  const leader = world.leader();
  if (leader) return leader.driver.conf;
  let best = m;
  for (const other of world.running()) if (other.driver.appliedIndex > best.driver.appliedIndex) best = other;
  return best.driver.conf;
}
