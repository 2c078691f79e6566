/**
 * The nemesis: every 2-3 s (seeded) one fault, healed before the next, each
 * kind once in every 9 faults (a shuffled deck), and
 * at most one voter cut off at a time so a majority stays:
 * - kill: SIGKILL a voter (the leader sometimes), restart it with the same
 *   arguments after 1-3 s;
 * - pause: SIGSTOP a voter for 1-3 s;
 * - partition: cut a voter (the leader sometimes), alone or with the spare
 *   volunteer, off from the others' peer traffic both ways for 1-4 s;
 * - one-way: a voter drops everything it sends to one other voter for 1-4 s
 *   (the other still reaches it);
 * - move-leader: `etcdctl move-leader` to a random other voter;
 * - ideal: set `/_mgmt/idealClusterSize` to 3 or 4;
 * - del-mgmt, revoke-lease, garbage: what a client can do to the control
 *   keys (client-faults.ts).
 */
import { CLIENT_FAULT_KINDS, strikeAsClient, type ClientFaultKind } from './client-faults.js';
import { etcdctl, sleep, type Agent, type Cluster } from './cluster.js';
import { RULES_SETTLE_MS, type PeerNetwork } from './network.js';
import type { Rng } from './rng.js';

/** Every kind of fault, in the order the summary prints them. */
export const FAULT_KINDS = ['kill', 'pause', 'partition', 'one-way', 'move-leader', 'ideal', ...CLIENT_FAULT_KINDS] as const;

/** One fault as it happened, with times on the history's clock (performance.now()). */
export interface Fault {
  kind: (typeof FAULT_KINDS)[number];
  /** The agent hit (for one-way, `from->to`; for a partition, one side `a+b`; for move-leader, the target), or the ideal size set. */
  target: string;
  /** Whether the target was the leader when chosen. */
  leader?: boolean;
  start: number;
  /** When the fault ended (restart, SIGCONT or the write answered). */
  end?: number;
  note?: string;
}

/** A running nemesis: `stop()` ends the current fault early-ish and resolves with the faults. */
export interface Nemesis {
  faults: Fault[];
  /** Kill/pause turns skipped because a fault then could have cost the majority. */
  skipped(): number;
  stop(): Promise<Fault[]>;
}

/** The name of the current leader, from `etcdctl endpoint status`; undefined if unknown. */
export async function leaderName(cluster: Cluster): Promise<string | undefined> {
  for (const a of cluster.up()) {
    try {
      // columns: endpoint, ID, version, db size, is leader, ...
      const out = await etcdctl(a.endpoint, 'endpoint', 'status');
      const f = out.trim().split(', ');
      if (f[4] === 'true') return a.name;
    } catch {
      // ask the next
    }
  }
  return undefined;
}

/** A voter to fault, when all agents are up and 3+ voters all answer (so one cut off leaves a majority). */
async function pickVictim(cluster: Cluster, rng: Rng): Promise<{ agent: Agent; leader: boolean; voters: Agent[] } | undefined> {
  const up = cluster.up();
  if (up.length < cluster.agents.length) return undefined; // someone is still down: keep a majority
  const voters = await cluster.voters();
  // one voter down must leave a majority: at least 3 voters, all of them up
  if (voters === undefined || voters.length < 3) return undefined;
  // a restarted member takes seconds to serve again: every voter must answer first
  for (const a of up.filter((x) => voters.includes(x.name))) {
    try {
      await etcdctl(a.endpoint, 'endpoint', 'status');
    } catch {
      return undefined;
    }
  }
  const leader = await leaderName(cluster);
  if (leader !== undefined && rng.chance(0.35)) {
    const agent = up.find((a) => a.name === leader);
    if (agent) return { agent, leader: true, voters: up.filter((x) => voters.includes(x.name)) };
  }
  const candidates = up.filter((a) => voters.includes(a.name));
  if (candidates.length < 3) return undefined;
  const agent = rng.pick(candidates);
  return { agent, leader: agent.name === leader, voters: candidates };
}

/** Starts the nemesis loop against `cluster`, cutting peer traffic through `network`; `firstKinds` go before the shuffled decks. */
export function startNemesis(cluster: Cluster, network: PeerNetwork, rng: Rng, firstKinds: readonly Fault['kind'][] = []): Nemesis {
  const faults: Fault[] = [];
  let stopping = false;
  let skipped = 0;
  const interruptible = async (ms: number): Promise<void> => {
    const t0 = performance.now();
    while (!stopping && performance.now() - t0 < ms) await sleep(Math.min(100, ms));
  };
  /** Runs one fault of `kind` against a healthy cluster; false when the turn had to be skipped. */
  const strike = async (kind: Fault['kind']): Promise<boolean> => {
    if (kind === 'ideal') {
      const size = rng.pick([3, 4]);
      const fault: Fault = { kind, target: String(size), start: performance.now() };
      faults.push(fault);
      if (!(await cluster.setIdealSize(size))) fault.note = 'write failed';
      fault.end = performance.now();
      return true;
    }
    if (kind === 'move-leader') return moveLeader(cluster, rng, faults);
    if ((CLIENT_FAULT_KINDS as readonly string[]).includes(kind)) {
      const start = performance.now();
      const done = await strikeAsClient(kind as ClientFaultKind, cluster, rng);
      if (!done) return false;
      faults.push({ kind, target: done.target, start, end: performance.now(), note: done.note });
      return true;
    }
    const v = await pickVictim(cluster, rng);
    if (!v) return false;
    const fault: Fault = { kind, target: v.agent.name, leader: v.leader, start: performance.now() };
    if (kind === 'kill') {
      faults.push(fault);
      await cluster.kill(v.agent);
      await interruptible(rng.int(1000, 3000));
      cluster.restart(v.agent);
    } else if (kind === 'pause') {
      faults.push(fault);
      cluster.pause(v.agent);
      await interruptible(rng.int(1000, 3000));
      cluster.resume(v.agent);
    } else {
      const others = v.voters.filter((a) => a !== v.agent);
      const spare = cluster.agents.filter((a) => !v.voters.includes(a));
      if (kind === 'partition') {
        const side = spare.length > 0 && rng.chance(0.4) ? [v.agent, rng.pick(spare)] : [v.agent];
        fault.target = side.map((a) => a.name).join('+');
        network.partition([side, cluster.agents.filter((a) => !side.includes(a))]);
      } else {
        const other = rng.pick(others);
        const [from, to] = rng.chance(0.5) ? [v.agent, other] : [other, v.agent];
        fault.target = `${from.name}->${to.name}`;
        network.cutOneWay(from, to);
      }
      faults.push(fault);
      await interruptible(rng.int(1000, 4000));
      network.heal();
      await sleep(RULES_SETTLE_MS);
    }
    fault.end = performance.now();
    return true;
  };
  const loop = (async () => {
    // Kinds come from a shuffled deck holding each once, so every run of 9+ turns has every kind;
    // a skipped turn keeps its kind for the next turn.
    let deck: Fault['kind'][] = [...firstKinds].reverse();
    let kind: Fault['kind'] | undefined;
    while (!stopping) {
      await interruptible(rng.int(2000, 3000));
      if (stopping) break;
      if (kind === undefined) {
        if (deck.length === 0) deck = shuffle([...FAULT_KINDS], rng);
        kind = deck.pop();
      }
      if (kind === undefined) break;
      if (await strike(kind)) kind = undefined;
      else skipped++;
    }
  })();
  return {
    faults,
    skipped: () => skipped,
    stop: async () => {
      stopping = true;
      await loop;
      return faults;
    },
  };
}

/** Fisher-Yates, seeded. */
function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** `etcdctl move-leader` from the current leader to a random other voter; false if there is no leader or no other voter. */
async function moveLeader(cluster: Cluster, rng: Rng, faults: Fault[]): Promise<boolean> {
  const leader = await leaderName(cluster);
  const voters = await cluster.voters();
  const ids = await cluster.memberIds();
  const targets = (voters ?? []).filter((n) => n !== leader);
  if (leader === undefined || targets.length === 0 || ids === undefined) return false;
  const target = rng.pick(targets);
  const id = ids.get(target);
  if (id === undefined) return false;
  const fault: Fault = { kind: 'move-leader', target, start: performance.now(), note: `from ${leader}` };
  faults.push(fault);
  try {
    // etcdctl asks every endpoint given for its status first: name only the leader
    const endpoint = cluster.agents.find((a) => a.name === leader)?.endpoint ?? '';
    await etcdctl(endpoint, 'move-leader', id);
    fault.note += ': ok';
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    fault.note += `: failed (${msg.split('\n').find((l) => l.startsWith('Error:'))?.trim() ?? msg.split('\n')[0] ?? 'etcdctl failed'})`;
  }
  fault.end = performance.now();
  return true;
}

/** Counts per kind, e.g. `kill 2, pause 1, partition 1, one-way 0, move-leader 1 (1 ok), ideal 1, leader hit 2`. */
export function summarizeFaults(faults: Fault[]): string {
  const n = (k: Fault['kind']) => faults.filter((f) => f.kind === k).length;
  const leader = faults.filter((f) => f.leader).length;
  const moved = faults.filter((f) => f.kind === 'move-leader' && f.note?.endsWith(': ok')).length;
  return `${FAULT_KINDS.map((k) => `${k} ${n(k)}${k === 'move-leader' ? ` (${moved} ok)` : ''}`).join(', ')}, leader hit ${leader}`;
}

/** One line per fault, for reports: kind, target, times relative to `t0`. */
export function describeFaults(faults: Fault[], t0: number): string {
  const s = (t: number | undefined) => (t === undefined ? '?' : ((t - t0) / 1000).toFixed(2));
  return faults.map((f) => `${s(f.start)}s..${s(f.end)}s ${f.kind} ${f.target}${f.leader ? ' (leader)' : ''}${f.note ? ` ${f.note}` : ''}`).join('\n');
}
