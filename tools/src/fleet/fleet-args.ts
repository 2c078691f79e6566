/**
 * The flags of `nx run tools:fleet`: how many agents, how many share one
 * process, how long each steady-state window is. Pure: argv in, options or
 * one line of error out (the caller prints it and exits 2).
 */

/** What the fleet harness runs. */
export interface FleetOptions {
  /** Agents beside the 3-member cluster. */
  agents: number;
  /** Agents per process (they share its event loop). */
  perProcess: number;
  /** Length of each CPU/request-rate window, in ms. */
  windowMs: number;
  /** Changes timed for propagation, of each kind. */
  changes: number;
  /** Skip the mass restart and the leader kill (the CI test). */
  quick: boolean;
}

export const DEFAULT_FLEET_OPTIONS: FleetOptions = { agents: 1000, perProcess: 250, windowMs: 10_000, changes: 5, quick: false };

const MAX_AGENTS = 5_000;

/** Parses `--agents N --per-process N --window-ms N --changes N --quick`. */
export function parseFleetArgs(argv: readonly string[]): FleetOptions | { error: string } {
  const o: FleetOptions = { ...DEFAULT_FLEET_OPTIONS };
  const ints: Record<string, { key: 'agents' | 'perProcess' | 'windowMs' | 'changes'; min: number; max: number }> = {
    '--agents': { key: 'agents', min: 1, max: MAX_AGENTS },
    '--per-process': { key: 'perProcess', min: 1, max: MAX_AGENTS },
    '--window-ms': { key: 'windowMs', min: 1_000, max: 600_000 },
    '--changes': { key: 'changes', min: 1, max: 100 },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--quick') {
      o.quick = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = ints[flag];
    if (!spec) return { error: `fleet: unknown flag ${JSON.stringify(arg)} (flags: --agents N, --per-process N, --window-ms N, --changes N, --quick)` };
    const text = inline ?? argv[++i];
    if (text === undefined) return { error: `fleet: ${flag} needs a value` };
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < spec.min || n > spec.max) return { error: `fleet: ${flag} must be an integer from ${spec.min} to ${spec.max}, not ${JSON.stringify(text)}` };
    o[spec.key] = n;
  }
  return o;
}

/** The value below which `p` of `values` lie (nearest rank); undefined for none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
