/**
 * The nemesis: every 2-3 s (seeded) one fault, at most one member down at a
 * time so a majority stays: SIGKILL a member (the leader sometimes) and
 * restart it with the same arguments after 1-3 s; SIGSTOP a member for
 * 1-3 s; or set `/_mgmt/idealClusterSize` to 3 or 4.
 */
import { etcdctl, sleep, type Agent, type Cluster } from './cluster.js';
import type { Rng } from './rng.js';

/** One fault as it happened, with times on the history's clock (performance.now()). */
export interface Fault {
  kind: 'kill' | 'pause' | 'ideal';
  /** The agent hit, or the ideal size set. */
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

async function pickVictim(cluster: Cluster, rng: Rng): Promise<{ agent: Agent; leader: boolean } | undefined> {
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
    if (agent) return { agent, leader: true };
  }
  const candidates = up.filter((a) => voters.includes(a.name));
  if (candidates.length === 0) return undefined;
  const agent = rng.pick(candidates);
  return { agent, leader: agent.name === leader };
}

/** Starts the nemesis loop against `cluster`. */
export function startNemesis(cluster: Cluster, rng: Rng): Nemesis {
  const faults: Fault[] = [];
  let stopping = false;
  let skipped = 0;
  const interruptible = async (ms: number): Promise<void> => {
    const t0 = performance.now();
    while (!stopping && performance.now() - t0 < ms) await sleep(Math.min(100, ms));
  };
  const loop = (async () => {
    while (!stopping) {
      await interruptible(rng.int(2000, 3000));
      if (stopping) break;
      const r = rng.next();
      const holdMs = rng.int(1000, 3000);
      if (r < 0.75) {
        const kind = r < 0.4 ? 'kill' : 'pause';
        const v = await pickVictim(cluster, rng);
        if (!v) {
          skipped++;
          continue;
        }
        const fault: Fault = { kind, target: v.agent.name, leader: v.leader, start: performance.now() };
        faults.push(fault);
        if (kind === 'kill') {
          await cluster.kill(v.agent);
          await interruptible(holdMs);
          cluster.restart(v.agent);
        } else {
          cluster.pause(v.agent);
          await interruptible(holdMs);
          cluster.resume(v.agent);
        }
        fault.end = performance.now();
      } else {
        const size = rng.pick([3, 4]);
        const fault: Fault = { kind: 'ideal', target: String(size), start: performance.now() };
        faults.push(fault);
        const ok = await cluster.setIdealSize(size);
        fault.end = performance.now();
        if (!ok) fault.note = 'write failed';
      }
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

/** Counts per kind, e.g. `kill 2, pause 1, ideal 1`. */
export function summarizeFaults(faults: Fault[]): string {
  const n = (k: Fault['kind']) => faults.filter((f) => f.kind === k).length;
  const leader = faults.filter((f) => f.leader).length;
  return `kill ${n('kill')}, pause ${n('pause')}, ideal ${n('ideal')}, leader hit ${leader}`;
}

/** One line per fault, for reports: kind, target, times relative to `t0`. */
export function describeFaults(faults: Fault[], t0: number): string {
  const s = (t: number | undefined) => (t === undefined ? '?' : ((t - t0) / 1000).toFixed(2));
  return faults.map((f) => `${s(f.start)}s..${s(f.end)}s ${f.kind} ${f.target}${f.leader ? ' (leader)' : ''}${f.note ? ` ${f.note}` : ''}`).join('\n');
}
