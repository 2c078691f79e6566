/**
 * Where a mgmt formation's time goes, read from its members' logs (pino
 * JSON lines at info level): per member, when its command had loaded, when
 * it reached its seed, was nominated, started its Raft member and ran as a
 * voter; from the leader's nominator, when each learner was added and
 * promoted. Times are ms after the formation's start (the benchmark's t0,
 * taken just before the first process is spawned). Pure: the caller reads
 * the files.
 */

/** One member's start-up, ms after t0 (undefined: not seen in its log). */
export interface MemberPhases {
  name: string;
  /** The command's code loaded and flags resolved ('startup: command loaded'). */
  loadedMs?: number;
  /** Node's own start-up and the module loading, as the process measured it. */
  loadTookMs?: number;
  /** The seed answered (or, for the first host, its cluster of one started). */
  connectedMs?: number;
  nominatedMs?: number;
  peerStartedMs?: number;
  /** A voter (lifecycle peer.running). */
  runningMs?: number;
  /** From the leader's log: added as a learner, promoted to voter. */
  learnerMs?: number;
  promotedMs?: number;
}

interface LogLine {
  time?: string;
  msg?: string;
  host?: string;
  sinceProcessStartMs?: number;
  decision?: string;
}

function parseLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as LogLine);
    } catch {
      // a line cut short by the kill at the end
    }
  }
  return out;
}

/** Per-member phases from each member's log text (name -> text). */
export function formationPhases(logs: ReadonlyMap<string, string>, t0EpochMs: number): MemberPhases[] {
  const phases = new Map<string, MemberPhases>();
  const of = (name: string) => phases.get(name) ?? phases.set(name, { name }).get(name)!;
  for (const [name, text] of logs) {
    const p = of(name);
    for (const l of parseLines(text)) {
      const at = l.time ? Date.parse(l.time) - t0EpochMs : undefined;
      if (at === undefined || Number.isNaN(at)) continue;
      const msg = l.msg ?? '';
      if (msg.startsWith('startup: command loaded')) {
        p.loadedMs ??= at;
        p.loadTookMs ??= l.sinceProcessStartMs;
      } else if (msg.startsWith('this host now belongs to cluster')) p.connectedMs ??= at;
      else if (msg === 'lifecycle: nominated.starting') p.nominatedMs ??= at;
      else if (msg === 'peer started') p.peerStartedMs ??= at;
      else if (msg === 'lifecycle: peer.running') p.runningMs ??= at;
      else if (msg.startsWith('nominator: addLearner ')) of(msg.split(' ')[2]!.replace(/:$/, '')).learnerMs ??= at;
      else if (msg.startsWith('nominator: promoteLearner ')) of(msg.split(' ')[2]!.replace(/:$/, '')).promotedMs ??= at;
    }
  }
  return [...phases.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const ms = (x: number | undefined) => (x === undefined ? '-' : `${Math.round(x)}`);

/** One line per member, then the phases of the whole formation: what to read to see the slow part. */
export function describeFormationPhases(phases: readonly MemberPhases[]): string[] {
  const lines = phases.map(
    (p) =>
      `  ${p.name}: loaded ${ms(p.loadedMs)} (took ${ms(p.loadTookMs)}), connected ${ms(p.connectedMs)}, nominated ${ms(p.nominatedMs)}, ` +
      `learner ${ms(p.learnerMs)}, member started ${ms(p.peerStartedMs)}, promoted ${ms(p.promotedMs)}, running ${ms(p.runningMs)}`,
  );
  const max = (xs: Array<number | undefined>) => {
    const v = xs.filter((x): x is number => x !== undefined);
    return v.length > 0 ? Math.max(...v) : undefined;
  };
  const first = phases[0];
  lines.push(
    `  phases (ms after start): all loaded ${ms(max(phases.map((p) => p.loadedMs)))}, ${first?.name ?? 'first'} running ${ms(first?.runningMs)}, ` +
      `all connected ${ms(max(phases.map((p) => p.connectedMs)))}, last learner added ${ms(max(phases.map((p) => p.learnerMs)))}, ` +
      `last promoted ${ms(max(phases.map((p) => p.promotedMs)))}`,
  );
  return lines;
}
