/**
 * CPU time of a process from /proc/<pid>/stat (user + system, children
 * excluded), and the share of one core it used between two readings: the
 * idle-leader row.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux for every architecture Node runs on). */
const USER_HZ = 100;

/** The fields of /proc/<pid>/stat after the command name; utime and stime are fields 14 and 15 (1-based, man 5 proc). */
export function parseCpuSeconds(stat: string): number {
  // The command name is in parentheses and may itself contain spaces or ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const utime = Number(rest[14 - 3]);
  const stime = Number(rest[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc stat line: ${stat.slice(0, 80)}`);
  return (utime + stime) / USER_HZ;
}

/** CPU seconds process `pid` has used so far, or undefined when it is gone. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseCpuSeconds(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Percent of one core each process used over `windowMs` of wall time (NaN for a process that is gone). */
export async function corePercentOver(pids: ReadonlyArray<number | undefined>, windowMs: number): Promise<number[]> {
  const before = pids.map(cpuSeconds);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, windowMs));
  const wallS = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => {
    const a = before[i];
    const b = cpuSeconds(pid);
    return a === undefined || b === undefined ? Number.NaN : (100 * (b - a)) / wallS;
  });
}
