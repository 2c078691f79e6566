/**
 * The fleet harness's phases and targets: every phase is bounded, and a
 * phase that fails or does not reach its goal puts what it reached in its
 * table cell, so a run under overload still ends with its whole table.
 * Pure, except `runPhase`, which only awaits the phase it is given.
 */

/** One row of the table. */
export interface FleetRow {
  what: string;
  value: string;
}

/** A target of the issue: a measured figure must be at most `limit` (in `unit`). */
export interface FleetTarget {
  /** What the target is about, as the `targets not met` row names it. */
  name: string;
  limit: number;
  unit: string;
}

/** The targets of the issue, by name. */
export const FLEET_TARGETS = {
  idleLeaderCpu: { name: 'idle leader CPU', limit: 2, unit: '% core' },
  steadyLeaderCpu: { name: 'steady leader CPU', limit: 25, unit: '% core' },
  propagationP99: { name: 'propagation p99', limit: 1000, unit: 'ms' },
  restartAllRegistered: { name: 'whole fleet restarted, all registered', limit: 30, unit: 's' },
  leaderKillAttached: { name: 'leader killed, all attached', limit: 10, unit: 's' },
  soloCpu: { name: 'idle client agent CPU', limit: 1, unit: '% core' },
  soloRss: { name: 'idle client agent RSS', limit: 80, unit: 'MB' },
} satisfies Record<string, FleetTarget>;

/** A number with its unit, as the table prints it; `n/a` for none. */
export function fmt(n: number | undefined, unit: string): string {
  return n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(n >= 100 ? 0 : 1)} ${unit}`;
}

/**
 * Judges `value` against `target`: an empty string when met, else a mark for
 * the table cell (and the target's name is added to `missed`). A figure that
 * was not measured misses its target too.
 */
export function judge(value: number | undefined, target: FleetTarget, missed: string[]): string {
  if (value !== undefined && !Number.isNaN(value) && value <= target.limit) return '';
  missed.push(target.name);
  return ` [NOT MET: target at most ${target.limit} ${target.unit}]`;
}

/** How far a bounded wait for `n` things got: `973/1000 in 300 s`. */
export function reached(done: number, of: number, waitedMs: number): string {
  return `${done}/${of} in ${Math.round(waitedMs / 1000)} s`;
}

/** The one line a failed phase leaves in its cell (no stack). */
export function phaseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `error: ${message.split('\n', 1)[0]}`;
}

/**
 * Runs one phase; an error it throws becomes a row (`what: error: ...`) and
 * the run goes on. Resolves with the phase's result, or undefined after an error.
 */
export async function runPhase<T>(what: string, row: (what: string, value: string) => void, phase: () => Promise<T>): Promise<T | undefined> {
  try {
    return await phase();
  } catch (err) {
    row(what, phaseError(err));
    return undefined;
  }
}
