/**
 * Where a mgmt formation's time goes, read from its members' logs (pino
 * JSON lines at info level): per member, when its process started, when its
 * command had loaded, when it reached its seed, wrote its lease and
 * volunteer key, was nominated, started its Raft member (ports listening),
 * caught up (installed the leader's snapshot) and ran as a voter; from the
 * leader's nominator, when each learner was added and promoted and when the
 * nominator began its next change after that promotion. Times are ms after
 * the formation's start (the benchmark's t0, taken just before the first
 * process is spawned). Pure: the caller reads the files.
 */

/** The file in a formation's work dir that holds its t0 (epoch ms), next to the members' `<name>.log` files. */
export const FORMATION_T0_FILE = 't0-epoch-ms';

/** One member's start-up, ms after t0 (undefined: not seen in its log). */
export interface MemberPhases {
  name: string;
  /** The process started (Node's time origin: the load line's time minus `loadTookMs`). */
  spawnedMs?: number;
  /** The command's code loaded and flags resolved ('startup: command loaded'). */
  loadedMs?: number;
  /** Node's own start-up and the module loading, as the process measured it. */
  loadTookMs?: number;
  /** The seed answered (or, for the first host, its cluster of one started). */
  connectedMs?: number;
  /** Its lease granted and volunteer key written (lifecycle volunteer.waiting). */
  volunteeredMs?: number;
  nominatedMs?: number;
  /** Its Raft member started: client and peer ports listening. */
  peerStartedMs?: number;
  /** It installed the leader's snapshot (a joiner's catch-up). */
  caughtUpMs?: number;
  /** A voter (lifecycle peer.running). */
  runningMs?: number;
  /** From the leader's log: added as a learner, promoted to voter. */
  learnerMs?: number;
  promotedMs?: number;
  /** From the leader's log: the first nominator decision after this member's promotion (the next change begun). */
  nextChangeMs?: number;
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

/** The host a nominator decision line names ('nominator: addLearner h3: ...'). */
const decisionHost = (msg: string) => msg.split(' ')[2]!.replace(/:$/, '');

/** Per-member phases from each member's log text (name -> text). */
export function formationPhases(logs: ReadonlyMap<string, string>, t0EpochMs: number): MemberPhases[] {
  const phases = new Map<string, MemberPhases>();
  const of = (name: string) => phases.get(name) ?? phases.set(name, { name }).get(name)!;
  /** Every nominator decision seen, in time order: the next change after a promotion. */
  const decisions: number[] = [];
  for (const [name, text] of logs) {
    const p = of(name);
    for (const l of parseLines(text)) {
      const at = l.time ? Date.parse(l.time) - t0EpochMs : undefined;
      if (at === undefined || Number.isNaN(at)) continue;
      const msg = l.msg ?? '';
      if (msg.startsWith('startup: command loaded')) {
        p.loadedMs ??= at;
        p.loadTookMs ??= l.sinceProcessStartMs;
        if (l.sinceProcessStartMs !== undefined) p.spawnedMs ??= at - l.sinceProcessStartMs;
      } else if (msg.startsWith('this host now belongs to cluster')) p.connectedMs ??= at;
      else if (msg === 'lifecycle: volunteer.waiting') p.volunteeredMs ??= at;
      else if (msg === 'lifecycle: nominated.starting') p.nominatedMs ??= at;
      else if (msg === 'peer started') p.peerStartedMs ??= at;
      else if (msg === 'installed snapshot') p.caughtUpMs ??= at;
      else if (msg === 'lifecycle: peer.running') p.runningMs ??= at;
      else if (msg.startsWith('nominator: ')) {
        decisions.push(at);
        if (msg.startsWith('nominator: addLearner ')) of(decisionHost(msg)).learnerMs ??= at;
        else if (msg.startsWith('nominator: promoteLearner ')) of(decisionHost(msg)).promotedMs ??= at;
      }
    }
  }
  decisions.sort((a, b) => a - b);
  for (const p of phases.values()) {
    if (p.promotedMs !== undefined) p.nextChangeMs = decisions.find((d) => d > p.promotedMs!);
  }
  return [...phases.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const ms = (x: number | undefined) => (x === undefined ? '-' : `${Math.round(x)}`);

const max = (xs: Array<number | undefined>) => {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length > 0 ? Math.max(...v) : undefined;
};

/** The table's columns: heading and the phase it shows. */
const COLUMNS: ReadonlyArray<[string, (p: MemberPhases) => number | undefined]> = [
  ['spawned', (p) => p.spawnedMs],
  ['loaded', (p) => p.loadedMs],
  ['connected', (p) => p.connectedMs],
  ['volunteered', (p) => p.volunteeredMs],
  ['learner added', (p) => p.learnerMs],
  ['nominated', (p) => p.nominatedMs],
  ['member started', (p) => p.peerStartedMs],
  ['caught up', (p) => p.caughtUpMs],
  ['promoted', (p) => p.promotedMs],
  ['voter running', (p) => p.runningMs],
  ['next change', (p) => p.nextChangeMs],
];

/**
 * The phases as a table (one row per member, ms after the start, each
 * column in the order a joiner passes through them; the first host has no
 * learner phases), then one line for the whole formation: what to read to
 * see the slow part.
 */
export function describeFormationPhases(phases: readonly MemberPhases[]): string[] {
  const header = ['host', ...COLUMNS.map(([h]) => h)];
  const rows = phases.map((p) => [p.name, ...COLUMNS.map(([, f]) => ms(f(p)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) => `  | ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const lines = [format(header), `  |${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(format)];
  const first = phases[0];
  lines.push(
    `  phases (ms after start): all loaded ${ms(max(phases.map((p) => p.loadedMs)))}, ${first?.name ?? 'first'} running ${ms(first?.runningMs)}, ` +
      `all connected ${ms(max(phases.map((p) => p.connectedMs)))}, last learner added ${ms(max(phases.map((p) => p.learnerMs)))}, ` +
      `last promoted ${ms(max(phases.map((p) => p.promotedMs)))}`,
  );
  return lines;
}
