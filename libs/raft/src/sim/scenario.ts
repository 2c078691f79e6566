/**
 * Scenario files: Raft stories written as text, in the manner of
 * etcd-io/raft's testdata/*.txt. A file is a list of blocks:
 *
 *   # comments start with '#'
 *   campaign 1            <- a command and its arguments
 *   ----                  <- then what it printed (the golden output)
 *   1: leader term=2 ...
 *                         <- a blank line ends the block
 *
 * A command may take input lines between itself and `----` (the initial
 * logs of `add-nodes`). The runner replays every command on a SimCluster
 * (the production driver on a simulated network and clock) and compares
 * the output; regenerating the golden output is one flag (REWRITE=1, see
 * test/scenario-files.test.ts). Commands:
 *
 *   add-nodes N [pre-vote=B] [check-quorum=B] [production=B] [seed=S] [term=T]
 *       N voters 1..N; input lines `ID: t1 t2 ...` give a member's initial log terms
 *   campaign ID            ID starts an election (then the network settles)
 *   tick ID [K]            ID's Raft clock moves K ticks (default 1)
 *   stabilize [STEPS]      steps until no message is in flight (bounded), then status
 *   run STEPS              STEPS steps: everyone ticks, messages are delivered
 *   propose ID KEY         a client write of KEY at ID
 *   partition A,B | C,D    cut the two sides apart;  isolate ID;  heal
 *   crash ID / restart ID  the member's process dies / starts from its disk
 *   forget-leader ID       ID forgets its leader (its connection closed)
 *   add-learner ID / promote ID / remove ID   a membership change at the leader
 *   transfer-leadership TO the leader hands over to TO
 *   status                 one line per member;  log ID  the terms of ID's log
 */
import { coreOf, nodeOf } from '../internal.js';
import { ConfChangeType, EntryType, emptyConfState, type Entry } from '../types.js';
import { ErrProposalDropped } from '../errors.js';
import { SimCluster } from './cluster.js';

/** One block of a scenario file. */
export interface ScenarioBlock {
  /** The command line. */
  command: string;
  /** Input lines between the command and `----`. */
  input: string[];
  /** The golden output lines. */
  expected: string[];
  /** Comment and blank lines before the command (kept when the file is rewritten). */
  preamble: string[];
}

/** Parses a scenario file into blocks. */
export function parseScenario(text: string): ScenarioBlock[] {
  const lines = text.split('\n');
  const blocks: ScenarioBlock[] = [];
  let k = 0;
  while (k < lines.length) {
    const preamble: string[] = [];
    while (k < lines.length && (lines[k]!.trim() === '' || lines[k]!.startsWith('#'))) preamble.push(lines[k++]!);
    if (k >= lines.length) {
      if (preamble.some((l) => l.trim() !== '')) blocks.push({ command: '', input: [], expected: [], preamble });
      break;
    }
    const command = lines[k++]!;
    const input: string[] = [];
    while (k < lines.length && lines[k] !== '----') input.push(lines[k++]!);
    if (k >= lines.length) throw new Error(`scenario: "${command}" has no ---- line`);
    k++;
    const expected: string[] = [];
    while (k < lines.length && lines[k]!.trim() !== '') expected.push(lines[k++]!);
    blocks.push({ command, input, expected, preamble });
  }
  return blocks;
}

/** Prints blocks back as a file, with `outputs` as their golden output. */
export function printScenario(blocks: readonly ScenarioBlock[], outputs: readonly string[][]): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    out.push(...b.preamble);
    if (b.command === '') return;
    out.push(b.command, ...b.input, '----', ...(outputs[i] ?? []));
  });
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Replays a scenario's commands; returns each block's output lines and what the safety checkers found. */
export function runScenario(blocks: readonly ScenarioBlock[]): { outputs: string[][]; violations: string[] } {
  const run = new ScenarioRun();
  const outputs = blocks.map((b) => (b.command === '' ? [] : run.exec(b.command, b.input)));
  return { outputs, violations: run.violations() };
}

/** The interpreter: one SimCluster, built by add-nodes. */
class ScenarioRun {
  private c: SimCluster | undefined;

  exec(line: string, input: string[]): string[] {
    const [cmd, ...args] = line.trim().split(/\s+/);
    const flags = new Map(args.filter((a) => a.includes('=')).map((a) => a.split('=') as [string, string]));
    const pos = args.filter((a) => !a.includes('='));
    const id = (k = 0): number => Number(pos[k]);
    try {
      switch (cmd) {
        case 'add-nodes':
          return this.addNodes(Number(pos[0]), flags, input);
        case 'campaign':
          this.cluster().driver(id()).campaign();
          this.cluster().settle();
          return this.status();
        case 'tick':
          for (let k = 0; k < Number(pos[1] ?? 1); k++) this.cluster().driver(id()).tick();
          this.cluster().processAll();
          return [`${id()}: ${this.line(id())}`];
        case 'stabilize':
          this.cluster().settle(Number(pos[0] ?? 200));
          return this.status();
        case 'run':
          this.cluster().tickProbability = 1;
          this.cluster().run(Number(pos[0]));
          this.cluster().tickProbability = 0;
          return this.status();
        case 'propose': {
          const opId = this.cluster().put(id(), pos[1] ?? 'k');
          return [`op ${opId} proposed at ${id()}`];
        }
        case 'partition': {
          const bar = pos.indexOf('|');
          const side = (xs: string[]): number[] => xs.join(',').split(',').filter(Boolean).map(Number);
          this.cluster().net.partition(side(pos.slice(0, bar)), side(pos.slice(bar + 1)));
          return ['ok'];
        }
        case 'isolate':
          this.cluster().net.isolate(id(), [...this.cluster().nodes.keys()]);
          return ['ok'];
        case 'heal':
          this.cluster().net.heal();
          return ['ok'];
        case 'crash':
          this.cluster().crash(id());
          return ['ok'];
        case 'restart':
          this.cluster().restart(id());
          return ['ok'];
        case 'forget-leader':
          return [nodeOf(this.cluster().driver(id())).forgetLeader() ? 'forgot the leader' : 'no leader to forget'];
        case 'add-learner':
          return this.confChange(ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, id(), true);
        case 'promote':
          return this.confChange(ConfChangeType.CONF_CHANGE_ADD_NODE, id(), false);
        case 'remove':
          return this.confChange(ConfChangeType.CONF_CHANGE_REMOVE_NODE, id(), false);
        case 'transfer-leadership': {
          const l = this.cluster().leader();
          if (!l) return ['no leader'];
          l.driver!.transferLeadership(id());
          return ['ok'];
        }
        case 'status':
          return this.status();
        case 'log':
          return [this.terms(id())];
        default:
          return [`unknown command ${cmd}`];
      }
    } catch (err) {
      return [`error: ${(err as Error).message}`];
    }
  }

  violations(): string[] {
    return [...(this.c?.checker.violations ?? [])];
  }

  private cluster(): SimCluster {
    if (!this.c) throw new Error('no cluster yet: start with add-nodes');
    return this.c;
  }

  private addNodes(n: number, flags: Map<string, string>, input: string[]): string[] {
    const voters = Array.from({ length: n }, (_, k) => k + 1);
    const logs = new Map<number, number[]>();
    for (const l of input) {
      const [who, terms] = l.split(':');
      logs.set(Number(who), (terms ?? '').trim().split(/\s+/).filter(Boolean).map(Number));
    }
    const bool = (k: string, def: boolean): boolean => (flags.has(k) ? flags.get(k) === 'true' : def);
    const term = Number(flags.get('term') ?? 0);
    this.c = new SimCluster({
      seed: Number(flags.get('seed') ?? 1),
      voters,
      preVote: bool('pre-vote', false),
      checkQuorum: bool('check-quorum', false),
      productionOptions: bool('production', false),
      ...(logs.size > 0
        ? {
            init: (memberId, s) => {
              const terms = logs.get(memberId) ?? [1];
              const cs = emptyConfState();
              cs.voters = voters;
              void s.applySnapshot({ data: new Uint8Array(), metadata: { index: 1, term: terms[0] ?? 1, confState: cs } });
              const ents: Entry[] = terms.slice(1).map((t, k) => ({ term: t, index: k + 2, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([k]) }));
              void s.append(ents);
              void s.setHardState({ term, vote: 0, commit: 1 });
            },
          }
        : {}),
    });
    this.c.tickProbability = 0;
    return this.status();
  }

  private confChange(type: ConfChangeType, nodeId: number, addNode: boolean): string[] {
    const c = this.cluster();
    const l = c.leader();
    if (!l) return ['no leader'];
    try {
      nodeOf(l.driver!).proposeConfChange({ type, nodeId });
    } catch (err) {
      if (err instanceof ErrProposalDropped) return [`refused: ${err.message}`];
      throw err;
    }
    if (addNode) c.addEmptyNode(nodeId);
    l.driver!.wake();
    c.processAll();
    return ['proposed'];
  }

  private status(): string[] {
    return [...this.cluster().nodes.keys()].sort((a, b) => a - b).map((id) => `${id}: ${this.line(id)}`);
  }

  private line(id: number): string {
    const n = this.cluster().node(id);
    if (!n.driver) return n.removed ? 'removed' : 'down';
    const core = coreOf(nodeOf(n.driver));
    const st = n.driver.status();
    return `${core.role} term=${core.term} lead=${core.lead} commit=${core.raftLog.committed} applied=${n.driver.appliedIndex} last=${core.raftLog.lastIndex()} voters=${st.voters.join(',')}${st.learners.length ? ` learners=${st.learners.join(',')}` : ''}`;
  }

  private terms(id: number): string {
    const s = this.cluster().node(id).storage;
    const out: number[] = [];
    for (let i = s.firstIndex() - 1; i <= s.lastIndex(); i++) out.push(s.term(i));
    return out.join(' ');
  }
}
