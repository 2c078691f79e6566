/**
 * Runs the nominator machine while this host's member leads: feeds it a
 * fresh ClusterView every few hundred milliseconds and performs its
 * decisions against the local member (key writes and membership changes go
 * through Raft like any client write). Also keeps the keys the leader owns
 * (`nominated/*`, `idealClusterSize`, `clusterId`) as the configuration
 * says (leader-repairs.ts). Stops when leadership is lost.
 */
import {
  DEFAULT_FAILURE_TIMEOUT_MS,
  FAILURE_TIMEOUT_KEY,
  IDEAL_STANDBY_SIZE_KEY,
  MGMT_PREFIX,
  describeDecision,
  encodeUrls,
  nominatedKey,
  nominatorMachine,
  parseFailureTimeout,
  parseIdealStandbySize,
  type ApplyDecisionInput,
  type Decision,
} from '@mgmt/cluster-fsm';
import { ConfChangeType, type DriverClock } from '@mgmt/raft';
import { randomInt } from 'node:crypto';
import { createActor, fromPromise, type Actor, type SimulatedClock } from 'xstate';
import type { Logger } from '../log.js';
import type { Member } from '../raft/member.js';
import { Proposer } from '../raft/proposer.js';
import { systemClock } from '../raft/system-clock.js';
import { encodeMemberAttributes } from './members.js';
import { planLeaderRepairs, type LeaderRepairPlan } from './leader-repairs.js';
import { confirmRepairs } from './repair-confirm.js';
import { SettingReader } from './setting-reader.js';
import { buildClusterView, type IdealSizeReader } from './view.js';
import { MgmtKeys, storeKeys } from './mgmt-keys.js';
import { afterView, isSteady, paceInputs, shouldBuildView, shouldSample, type PaceSample, type PaceState } from './nominator-pace.js';
import { WarnOnce } from './warn-once.js';

/** How often the leader checks the keys it owns, in nominator ticks (300 ms; one timer drives both). */
const REPAIR_EVERY_TICKS = 3;

const enc = new TextEncoder();

/**
 * What the runner takes from the world: real time, timers and random ids in
 * production; the agent simulator passes its simulated clock and seeded ids,
 * so that it runs this very code.
 */
export interface NominatorEnv {
  clock: DriverClock;
  /** The id of a member about to be added (random, below 2^47). */
  newMemberId(): number;
  /** The two seeds of the proposer's request ids (default: from the OS). */
  proposerSeeds?: readonly [number, number];
  /** The clock of the nominator machine's delays (default: XState's, real time). */
  actorClock?: SimulatedClock;
}

/** Real time, real timers, ids from the OS. */
export const PRODUCTION_NOMINATOR_ENV: NominatorEnv = { clock: systemClock, newMemberId: () => randomInt(1, 2 ** 47) };

/** Performs one nominator decision on the leader's member. */
export async function applyDecision(member: Member, proposer: Proposer, d: ApplyDecisionInput, newMemberId = PRODUCTION_NOMINATOR_ENV.newMemberId): Promise<void> {
  const mustApply = (r: { ok: boolean; error?: Error }) => {
    if (!r.ok) throw r.error ?? new Error('write refused');
  };
  switch (d.kind) {
    case 'nominate':
      mustApply(await proposer.propose({ put: { key: enc.encode(nominatedKey(d.hostname)), value: enc.encode(encodeUrls(d.peerUrls)) } }));
      return;
    case 'unnominate':
      mustApply(await proposer.propose({ deleteRange: { key: enc.encode(nominatedKey(d.hostname)) } }));
      return;
    case 'addLearner':
      await member.raft.proposeConfChange({
        type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE,
        nodeId: newMemberId(),
        context: encodeMemberAttributes({ name: d.hostname, peerUrls: d.peerUrls }),
      });
      return;
    case 'promoteLearner':
      await member.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: Number(d.memberId) });
      return;
    case 'removeMember':
      await member.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: Number(d.memberId) });
      return;
    case 'transferLeadership':
      member.raft.transferLeadership(Number(d.toMemberId));
      return;
  }
}

/** The nominator while this member leads. */
/**
 * A gap between nominator ticks (the leader's heartbeat rounds, 100 ms apart) longer than this means the
 * process was stalled (starved of CPU, a long collection). Timers run
 * before pending socket reads, so the first tick after a stall would see
 * every peer silent for the length of the stall and call healthy voters
 * failed: a peer counts as silent only for as long as this process has been
 * listening (`buildClusterView`'s `listeningSinceMs`). Seen with a
 * thousand fleet agents on this 2-core machine: voters replaced by
 * volunteers one after another.
 */
const STALL_MS = 500;

export class NominatorRunner {
  private actor: Actor<typeof nominatorMachine> | undefined;
  private stopTimer: (() => void) | undefined;
  private ticks = 0;
  /** When the last tick ran, and since when this process has been listening without a stall (see STALL_MS). */
  private lastTickMs: number;
  private listeningSinceMs: number;
  private repairing = false;
  /** The store revision and member table of the last check that found nothing to repair: unchanged, nothing to look at. */
  private repairedClean: string | undefined;
  private repairSuspects = new Set<string>();
  private readonly warnOnce: WarnOnce;
  private lastLogged = '';
  /** The last wait logged, its numbers left out (logWait). */
  private lastWaitKind = '';
  /** When the last view was built and whether the nominator had settled (nominator-pace.ts). */
  private pace: PaceState | undefined;
  /**
   * The member's `/_mgmt/` keys, decoded once per change (mgmt-keys.ts). Its
   * version counts the changes: what a view reads of the store changes only
   * with it, so client writes elsewhere do not make the leader rebuild views.
   */
  private keys: MgmtKeys | undefined;
  /** `/_mgmt/idealStandbySize` and `/_mgmt/failureTimeout`, each bad value warned about once. */
  private readonly standbySize: SettingReader;
  private readonly failureTimeout: SettingReader;
  /** The nominator's latest reason, for status. */
  reason = 'not the leader';

  constructor(
    private readonly member: Member,
    private readonly idealSize: IdealSizeReader,
    private readonly log: Logger,
    private readonly env: NominatorEnv = PRODUCTION_NOMINATOR_ENV,
  ) {
    this.lastTickMs = this.listeningSinceMs = env.clock.nowMs();
    this.warnOnce = new WarnOnce((key, problem) => this.log.warn({ key }, problem));
    this.standbySize = new SettingReader(IDEAL_STANDBY_SIZE_KEY, 0, parseIdealStandbySize, (m) => this.log.warn({ key: IDEAL_STANDBY_SIZE_KEY }, m));
    this.failureTimeout = new SettingReader(FAILURE_TIMEOUT_KEY, DEFAULT_FAILURE_TIMEOUT_MS, parseFailureTimeout, (m) => this.log.warn({ key: FAILURE_TIMEOUT_KEY }, m));
  }

  get running(): boolean {
    return this.actor !== undefined;
  }

  start(): void {
    if (this.actor) return;
    const { clock } = this.env;
    const proposer = new Proposer(this.member.raft, this.member.state, undefined, clock, this.env.proposerSeeds);
    const machine = nominatorMachine.provide({
      // Once a change is applied here, a fresh view at once (after the actor's own
      // transition) rather than at the next 100 ms tick: the machine observes the
      // change and decides the next one without that wait (formation: ~50 ms saved
      // per change, a dozen changes for 5 members). Still one change at a time.
      actors: { applyDecision: fromPromise<void, ApplyDecisionInput>(({ input }) => applyDecision(this.member, proposer, input, this.env.newMemberId).then(() => clock.defer(() => this.feed()))) },
    });
    // A learner that caught up is promoted after 0.5 s of health (5 ticks of
    // 100 ms), rather than the library's 3 s: a forming cluster waits for
    // its learners' promotions. (They catch up side by side.)
    const actor = createActor(machine, { input: { policy: { stabilizationTicks: 5 } }, ...(this.env.actorClock ? { clock: this.env.actorClock } : {}) });
    actor.subscribe((snap) => {
      this.reason = snap.context.reason;
      const d: Decision | undefined = snap.context.decision;
      const line = d ? describeDecision(d) : '';
      if (d && d.kind !== 'none' && line !== this.lastLogged) {
        this.lastLogged = line;
        this.log.info({ decision: d.kind, host: d.hostname, reason: d.reason }, `nominator: ${line}`);
      } else if (d?.kind === 'none' || snap.context.reason.startsWith('backing off')) this.logWait(snap.context.reason);
    });
    actor.start();
    this.actor = actor;
    this.keys = new MgmtKeys(this.member.state.kv, (fn) => this.member.state.onRestore(fn));
    this.feed();
    // On the leader's heartbeat rounds (100 ms), not a timer of its own: one event-loop wake-up fewer each round.
    this.stopTimer = this.member.raft.onBeat(() => this.tick(proposer));
    this.log.info({}, 'nominator started (this member leads)');
  }

  /**
   * What the nominator waits for, once per kind of wait (the counts in a
   * reason change every tick: 'healthy for 3/5 ticks'): the formation
   * benchmark's phase table shows when a change began, these lines say why
   * the time between two changes went (issue 21).
   */
  private logWait(reason: string): void {
    const kind = reason.replace(/\d+/g, '#');
    if (kind === this.lastWaitKind) return;
    this.lastWaitKind = kind;
    this.log.info({ reason }, `nominator waiting: ${reason}`);
  }

  /** A nominator tick: a fresh view when one could tell the nominator something new (nominator-pace.ts). */
  private tick(proposer: Proposer): void {
    const now = this.env.clock.nowMs();
    // A tick this late means this process was stalled: what peers sent meanwhile is not read yet.
    if (now - this.lastTickMs > STALL_MS) this.listeningSinceMs = now;
    this.lastTickMs = now;
    if (!this.actor || !this.member.raft.isLeader) return;
    if (++this.ticks % REPAIR_EVERY_TICKS === 0) void this.repair(proposer);
    const mgmtVersion = this.keys?.version ?? 0;
    if (!shouldSample(this.pace, this.ticks, now, mgmtVersion)) return;
    const sample = { inputs: this.paceInputs(), nowMs: now, mgmtVersion };
    if (shouldBuildView(this.pace, sample)) this.feed(sample);
  }

  /** Everything the next view is made of apart from time (cheap: no store reads). */
  private paceInputs(): string {
    const raft = this.member.raft;
    const nowMs = this.env.clock.nowMs();
    return paceInputs({
      mgmtVersion: this.keys?.version ?? 0,
      leaderLastIndex: raft.lastIndex,
      committedInTerm: raft.committedInTerm,
      confChangePending: raft.confChangePending,
      members: this.member.state.members.list(),
      progress: raft.status().progress.filter((p) => p.id !== raft.id).map((p) => ({ id: p.id, heardAgoMs: raft.heardAgoMs(p.id, nowMs), match: p.match })),
    });
  }

  private feed(sample: PaceSample = { inputs: this.paceInputs(), nowMs: this.env.clock.nowMs(), mgmtVersion: this.keys?.version ?? 0 }): void {
    if (!this.actor || !this.keys || !this.member.raft.isLeader) return;
    // Warn before the nominator acts on the same store (it deletes a nomination nobody volunteered for).
    this.warnOnce.report(this.planRepairs().warnings);
    const kv = this.member.state.kv;
    const settings = { idealStandbySize: this.standbySize.read(kv), failureTimeoutMs: this.failureTimeout.read(kv) };
    const view = buildClusterView(this.member, this.keys, this.idealSize.read(kv), sample.nowMs, settings, this.listeningSinceMs);
    this.actor.send({ type: 'view.updated', view });
    this.pace = afterView(this.pace, sample, isSteady(view, this.actor.getSnapshot().context.decision?.kind));
  }

  /**
   * Puts back what a client deleted or changed among the leader's keys, one
   * log line each, through the log like any write. Only a key found wrong by
   * two checks in a row is re-written (repair-confirm.ts).
   */
  private async repair(proposer: Proposer): Promise<void> {
    if (this.repairing || !this.actor || !this.member.raft.isLeader) return;
    const inputs = `${this.member.state.kv.revision}|${JSON.stringify(this.member.state.members.list())}`;
    if (inputs === this.repairedClean) return;
    this.repairing = true;
    try {
      const plan = this.planRepairs();
      this.repairedClean = plan.puts.length === 0 ? inputs : undefined;
      const { confirmed, suspects } = confirmRepairs(plan.puts, this.repairSuspects);
      this.repairSuspects = suspects;
      for (const r of confirmed) {
        const res = await proposer.propose({ put: { key: enc.encode(r.key), value: enc.encode(r.value) } });
        if (res.ok) this.log.info({ key: r.key }, `re-wrote ${r.key}: ${r.why}`);
        else this.log.debug({ key: r.key, err: res.error?.message }, 'repair not written; retrying');
      }
    } catch (err) {
      this.log.debug({ err: (err as Error).message }, 'repair failed; retrying');
    } finally {
      this.repairing = false;
    }
  }

  private planRepairs(): LeaderRepairPlan {
    const kv = this.member.state.kv;
    return planLeaderRepairs({
      stored: (this.keys ?? storeKeys(kv)).under(MGMT_PREFIX),
      members: this.member.state.members.list(),
      idealClusterSize: this.idealSize.read(kv),
      clusterId: this.member.identity.clusterId,
    });
  }

  stop(): void {
    if (!this.actor) return;
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.keys?.stop();
    this.keys = undefined;
    this.actor.send({ type: 'leadership.lost' });
    this.actor.stop();
    this.actor = undefined;
    this.pace = undefined;
    this.repairedClean = undefined;
    this.reason = 'not the leader';
    this.log.info({}, 'nominator stopped');
  }
}
