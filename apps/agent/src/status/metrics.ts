/**
 * Prometheus metrics of one agent (prom-client), in its own registry:
 * Raft term, commit and applied index, leader changes, lifecycle state per
 * host, and how many hosts volunteer. Sampled when /metrics is scraped.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { Agent } from '../agent.js';

/** The agent's metrics; `render()` samples the agent and returns the Prometheus text. */
export interface AgentMetrics {
  readonly registry: Registry;
  render(): Promise<string>;
}

/** Creates the agent's metrics in a registry of their own. */
export function createMetrics(agent: Agent): AgentMetrics {
  const registry = new Registry();
  const term = new Gauge({ name: 'mgmt_raft_term', help: 'Current Raft term of this member', registers: [registry] });
  const commit = new Gauge({ name: 'mgmt_raft_commit_index', help: 'Raft commit index of this member', registers: [registry] });
  const applied = new Gauge({ name: 'mgmt_raft_applied_index', help: 'Raft applied index of this member', registers: [registry] });
  const isLeader = new Gauge({ name: 'mgmt_raft_is_leader', help: '1 if this member leads', registers: [registry] });
  const leaderChanges = new Counter({ name: 'mgmt_raft_leader_changes_total', help: 'Leader changes seen by this agent', registers: [registry] });
  const lifecycle = new Gauge({ name: 'mgmt_lifecycle_state', help: '1 for the lifecycle state each host is in', labelNames: ['host', 'state'], registers: [registry] });
  const volunteers = new Gauge({ name: 'mgmt_volunteers', help: 'Hosts volunteering to be members', registers: [registry] });
  let lastLeader: number | undefined;
  const collect = async () => {
    const view = await agent.clusterView();
    const self = view.self;
    term.set(self.term ?? 0);
    commit.set(self.commit ?? 0);
    applied.set(self.applied ?? 0);
    isLeader.set(self.role === 'leader' ? 1 : 0);
    if (self.leader !== undefined && self.leader !== lastLeader) {
      if (lastLeader !== undefined) leaderChanges.inc();
      lastLeader = self.leader;
    }
    lifecycle.reset();
    for (const h of view.hosts) lifecycle.set({ host: h.hostname, state: h.state }, 1);
    volunteers.set(view.volunteers.length);
  };
  return {
    registry,
    async render() {
      await collect();
      return registry.metrics();
    },
  };
}
