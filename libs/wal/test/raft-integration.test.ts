// Proves DurableStorage works under the real Raft core (RawNode from
// @mgmt/raft): a 3-member cluster on SimDisks bootstraps, elects, commits
// proposals, snapshots and compacts, while members crash at random, between
// Readys or inside a save or snapshot (power cut with unsynced data lost,
// torn or kept), and restart from their disks
// alone: state machine from the snapshot, then the committed log. Every
// member's applied sequence stays a prefix of one history, nothing a
// member applied before a crash is missing afterwards, and all converge.
import { describe, expect, it } from 'vitest';
import { bootstrapNewCluster, EntryType, mulberry32, RawNode, Rng, type Message } from '@mgmt/raft';
import { DurableStorage, SimDisk } from '../src/index.js';

const SEED = Number(process.env.SEED ?? 7);
const IDS = [1, 2, 3];
const decoder = new TextDecoder();
const encoder = new TextEncoder();

class Member {
  disk: SimDisk;
  storage!: DurableStorage;
  node!: RawNode;
  applied: string[] = [];
  appliedIndex = 0;

  constructor(
    readonly id: number,
    seed: number,
  ) {
    this.disk = new SimDisk({ seed });
    this.open();
    bootstrapNewCluster(this.storage, IDS);
    this.start(seed);
  }

  private open(): void {
    this.storage = DurableStorage.open({ fs: this.disk, dir: `/m${this.id}`, identity: { clusterId: 'it', memberId: this.id }, io: 'sync', segmentSizeBytes: 2048 });
  }

  /** The state machine restarts from the snapshot; Raft hands back the committed log after it. */
  private start(seed: number): void {
    const snap = this.storage.snapshot();
    this.applied = snap.data.byteLength > 0 ? (JSON.parse(decoder.decode(snap.data)) as string[]) : [];
    this.appliedIndex = snap.metadata.index;
    this.node = new RawNode({ id: this.id, electionTick: 10, heartbeatTick: 1, storage: this.storage, random: mulberry32(seed), preVote: true, checkQuorum: true, applied: this.appliedIndex });
  }

  crashAndRestart(rng: Rng): void {
    this.disk.crash((['lose', 'tear', 'keep'] as const)[rng.int(3)]);
    this.open();
    this.start(rng.int(1e9));
  }

  /** One Ready: persist (one fsync), then hand back the messages, then apply. */
  handleReady(): Message[] {
    if (!this.node.hasReady()) return [];
    const rd = this.node.ready();
    this.storage.saveSync({ snapshot: rd.snapshot, entries: rd.entries, hardState: rd.hardState });
    if (rd.snapshot) {
      this.applied = JSON.parse(decoder.decode(rd.snapshot.data)) as string[];
      this.appliedIndex = rd.snapshot.metadata.index;
    }
    for (const e of rd.committedEntries) {
      if (e.index <= this.appliedIndex) continue;
      if (e.type === EntryType.ENTRY_NORMAL && e.data.byteLength > 0) this.applied.push(decoder.decode(e.data));
      this.appliedIndex = e.index;
    }
    this.node.advance(rd);
    this.storage.checkInvariants();
    if (this.appliedIndex - this.storage.snapshot().metadata.index >= 8) {
      this.storage.createSnapshot(this.appliedIndex, undefined, encoder.encode(JSON.stringify(this.applied)));
      this.storage.compact(this.appliedIndex - 2);
    }
    return rd.messages;
  }
}

function isPrefix(a: string[], b: string[]): boolean {
  return a.length <= b.length && a.every((v, i) => v === b[i]);
}

describe('DurableStorage under RawNode with crashes', () => {
  it('keeps one history and every applied value across power cuts', () => {
    const rng = new Rng(SEED);
    const where = `seed=${SEED} (replay: SEED=${SEED} npx vitest run test/raft-integration.test.ts)`;
    const members = new Map(IDS.map((id) => [id, new Member(id, SEED * 10 + id)]));
    let inflight: Message[] = [];
    let proposed = 0;
    const everApplied = new Set<string>();
    let crashes = 0;
    for (let step = 0; step < 1500; step++) {
      for (const m of members.values()) m.node.tick();
      const next: Message[] = [];
      for (const msg of inflight) {
        if (rng.int(20) === 0) continue; // the network drops some
        try {
          members.get(msg.to)!.node.step(msg);
        } catch {
          /* stale answers to a restarted member */
        }
      }
      if (step % 3 === 0) {
        const leader = [...members.values()].find((m) => m.node.status().role === 'leader');
        if (leader) {
          try {
            leader.node.propose(encoder.encode(`v${proposed}`));
            proposed++;
          } catch {
            /* dropped during a transfer or before the leader's first commit */
          }
        }
      }
      const crashAndCheck = (victim: Member) => {
        const before = [...victim.applied];
        victim.crashAndRestart(rng);
        crashes++;
        // From its disk alone it restarts at a snapshot it had, and Raft replays the rest.
        expect(isPrefix(victim.applied, before), `${where} step ${step}`).toBe(true);
        for (let k = 0; k < 3; k++) victim.handleReady();
        // Its durable commit index covers everything it applied (saved before applying), so its own
        // log gives every value back without the leader's help.
        expect(victim.applied.slice(0, before.length), `${where}: member ${victim.id} lost applied values in the crash at step ${step}`).toEqual(before);
      };
      for (const m of members.values()) {
        try {
          next.push(...m.handleReady());
        } catch (err) {
          // The armed disk killed the member mid-save (or mid-snapshot): nothing of that Ready was sent.
          if (!m.disk.isDead) throw err;
          crashAndCheck(m);
        }
      }
      inflight = next;
      if (step % 97 === 50) {
        const victim = members.get(IDS[rng.int(IDS.length)]!)!;
        // Half the time a power cut between Readys, half the time the process dies inside a later save.
        if (rng.int(2) === 0) crashAndCheck(victim);
        else victim.disk.crashAfterOps(rng.int(12));
      }
      const longest = [...members.values()].map((m) => m.applied).reduce((a, b) => (a.length >= b.length ? a : b));
      for (const m of members.values()) expect(isPrefix(m.applied, longest), `${where} step ${step} member ${m.id}`).toBe(true);
      for (const v of longest) everApplied.add(v);
    }
    // Quiet period: no crashes, no drops, everyone catches up.
    for (let step = 0; step < 200; step++) {
      for (const m of members.values()) m.node.tick();
      for (const msg of inflight) {
        try {
          members.get(msg.to)!.node.step(msg);
        } catch {
          /* ignore */
        }
      }
      inflight = [...members.values()].flatMap((m) => m.handleReady());
    }
    expect(crashes, where).toBeGreaterThan(10);
    const finals = [...members.values()].map((m) => m.applied);
    expect(finals[0]!.length, where).toBeGreaterThan(50);
    expect(finals[1], where).toEqual(finals[0]);
    expect(finals[2], where).toEqual(finals[0]);
    for (const v of everApplied) expect(finals[0], where).toContain(v);
  });
});
