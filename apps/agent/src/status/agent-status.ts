/**
 * What an agent reports about itself and the cluster: its status (for
 * `mgmt status`, published under /_mgmt/status/<host>), the view the status
 * page and the metrics draw, and its lifecycle transitions.
 */
import { MGMT_PREFIX, VOLUNTEER_WAITING_REASON, activeStateIds } from '@mgmt/cluster-fsm';
import type { StateValue } from 'xstate';
import { hostRole, type HostRole } from './host-role.js';

/** What `mgmt status` shows for one agent. */
export interface AgentStatus {
  hostname: string;
  state: string;
  reason: string;
  /** The Raft role (leader, follower, candidate), or `client` without a member. */
  role: string;
  /** voter, standby, volunteer or client (host-role.ts); absent from older agents. */
  memberRole?: HostRole;
  /** This host's `--zone`; absent when it has none. */
  zone?: string;
  memberId: number | undefined;
  leader: number | undefined;
  term: number | undefined;
  commit: number | undefined;
  applied: number | undefined;
  nominator: string | undefined;
  /** Whether this host's resource graph is converged; absent when it runs no graph. */
  converged?: boolean;
  /** The URLs other hosts are told to dial (advertised, never a wildcard); absent from older agents. */
  clientUrls?: string[];
  peerUrls?: string[];
  /** Lifecycle states to light on the chart (ids of the lifecycle machine). */
  activeStates: string[];
}

/** The status without its counters (commit, applied): a change of anything else is published at once. */
/** What an agent's status is made of (agentStatusOf). */
export interface StatusFacts {
  config: { hostname: string; noServer: boolean; zone?: string; clientUrls: string[]; serverUrls: string[] };
  /** The lifecycle machine's state and reason. */
  lifecycle: { value: StateValue; reason: string };
  /** This host's Raft member, when it runs one, and its entry in the configuration. */
  raft?: { id: number; appliedIndex: number; status(): { role: string; lead: number; term: number; commit: number } };
  member?: { isLearner: boolean };
  /** What the nominator does, when it runs here. */
  nominatorReason?: string;
  /** Whether the resource graph is converged; absent without a graph. */
  converged?: boolean;
}

/** The status of an agent, from what it is made of. Pure. */
export function agentStatusOf(f: StatusFacts): AgentStatus {
  const st = f.raft?.status();
  return {
    hostname: f.config.hostname,
    state: stateName(f.lifecycle.value),
    reason: f.lifecycle.reason,
    role: st ? st.role : 'client',
    memberRole: hostRole({ noServer: f.config.noServer, member: f.raft ? f.member : undefined }),
    ...(f.config.zone !== undefined ? { zone: f.config.zone } : {}),
    memberId: f.raft?.id,
    leader: st?.lead,
    term: st?.term,
    commit: st?.commit,
    applied: f.raft?.appliedIndex,
    nominator: f.nominatorReason,
    converged: f.converged,
    clientUrls: f.config.clientUrls,
    peerUrls: f.config.serverUrls,
    activeStates: activeStateIds('lifecycle', f.lifecycle.value),
  };
}

/**
 * The status as the agent publishes it: a waiting volunteer's reason
 * without the cluster's size (VOLUNTEER_WAITING_REASON: every member lost
 * or added changed every volunteer's status; `mgmt status` adds the size).
 */
export function publishedStatus(s: AgentStatus): AgentStatus {
  return s.state === 'volunteer.waiting' && s.reason.startsWith('volunteer: waiting') ? { ...s, reason: VOLUNTEER_WAITING_REASON } : s;
}

export function statusGist(s: AgentStatus): string {
  return JSON.stringify({ ...s, commit: undefined, applied: undefined });
}

/** What the status page and the metrics show: every host's published status, the volunteers, the ideal size, and this agent. */
export interface ClusterView {
  hosts: AgentStatus[];
  volunteers: string[];
  idealClusterSize: string | undefined;
  self: AgentStatus;
}

/** One lifecycle transition, for the status page's log. */
export interface Transition {
  atMs: number;
  host: string;
  state: string;
  reason: string;
}

/** Where an agent publishes its status. */
export const STATUS_PREFIX = `${MGMT_PREFIX}status/`;

/** The status key of `hostname`. */
export function statusKey(hostname: string): string {
  return `${STATUS_PREFIX}${hostname}`;
}

/** A lifecycle state value as one dotted name (`peer.running`). */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [k, v] = Object.entries(value)[0] ?? ['?', undefined];
    return v === undefined ? k : `${k}.${stateName(v)}`;
  }
  return String(value);
}


/** Whether `text` is a status `hostname` published (any of its versions: it changes with every commit). */
export function isStatusOf(text: string, hostname: string): boolean {
  try {
    return (JSON.parse(text) as Partial<AgentStatus>).hostname === hostname;
  } catch {
    return false;
  }
}
