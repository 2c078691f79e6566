/**
 * Network faults of peer (Raft) traffic for the chaos runner, through the
 * agents' `MGMT_FAULT_FILE` testing hook (apps/agent/src/raft/fault-file.ts):
 * one JSON rules file per agent naming the peer URLs it drops to and from.
 * A file is replaced by rename, so an agent never reads half of one; agents
 * poll it every ~100 ms. Client traffic (the etcd API) is never cut.
 */
import fs from 'node:fs';
import type { Agent, Cluster } from './cluster.js';

/** One agent's rules, as the hook reads them. */
export interface PeerRules {
  dropTo: string[];
  dropFrom: string[];
}

/** How long agents take at most to see a rewritten rules file (their poll is 100 ms). */
export const RULES_SETTLE_MS = 300;

/** Writes and remembers every agent's rules file. */
export class PeerNetwork {
  /** Rules currently written, by agent name (absent = none). */
  private readonly rules = new Map<string, PeerRules>();
  /** Every rules file written, in order (time on the history's clock), for reports. */
  readonly writes: { at: number; agent: string; rules: PeerRules }[] = [];

  constructor(
    private readonly cluster: Cluster,
    /** Applies an agent's rules some other way than its rules file (`--hosts netns`: nftables in its namespace). */
    private readonly apply?: (agent: Agent, rules: PeerRules) => void,
  ) {}

  /** Cuts every link between agents of different groups, both ways (each side drops to and from the other). */
  partition(groups: Agent[][]): void {
    for (const [i, group] of groups.entries()) {
      const others = groups.filter((_, j) => j !== i).flat();
      for (const a of group) this.write(a, { dropTo: others.map((o) => o.peerUrl), dropFrom: others.map((o) => o.peerUrl) });
    }
  }

  /** Cuts the link from `from` to `to` only: `from` drops what it sends to `to`; `to` still reaches `from`. */
  cutOneWay(from: Agent, to: Agent): void {
    this.write(from, { dropTo: [to.peerUrl], dropFrom: [] });
  }

  /** Empties every agent's rules. */
  heal(): void {
    for (const a of this.cluster.agents) if (this.rules.has(a.name)) this.write(a, { dropTo: [], dropFrom: [] });
    this.rules.clear();
  }

  /** Whether any rule is in effect. */
  isCut(): boolean {
    return [...this.rules.values()].some((r) => r.dropTo.length > 0 || r.dropFrom.length > 0);
  }

  /** The rules in effect, by agent name, with peer URLs replaced by agent names (for reports). */
  describe(): Record<string, { dropTo: string[]; dropFrom: string[] }> {
    const nameOf = (url: string) => this.cluster.agents.find((a) => a.peerUrl === url)?.name ?? url;
    const out: Record<string, { dropTo: string[]; dropFrom: string[] }> = {};
    for (const [n, r] of this.rules) out[n] = { dropTo: r.dropTo.map(nameOf), dropFrom: r.dropFrom.map(nameOf) };
    return out;
  }

  private write(a: Agent, rules: PeerRules): void {
    if (this.apply) {
      this.apply(a, rules);
    } else {
      const tmp = `${a.faultFile}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(rules));
      fs.renameSync(tmp, a.faultFile);
    }
    this.rules.set(a.name, rules);
    this.writes.push({ at: performance.now(), agent: a.name, rules });
  }
}
