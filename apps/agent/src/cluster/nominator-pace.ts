/**
 * When the leader's nominator needs a fresh view. Building one reads every
 * `/_mgmt/` key of the store and steps the nominator's machine; on an idle
 * cluster it was the leader's largest piece of own work (about a seventh
 * of its busy time at one view every 100 ms). A view is only worth building
 * when something it is made of changed, or while the nominator is in the
 * middle of something whose time matters (a learner stabilizing, a member
 * not heard from, a change in flight). Pure: samples in, a yes or no out;
 * nominator-runner.ts takes the samples and builds the views.
 */
import { DEFAULT_NOMINATOR_POLICY, type ClusterView } from '@mgmt/cluster-fsm';
import { NOMINATOR_TICK_MS } from './view.js';

/** How long the nominator must have decided `none` on a steady cluster before views are spaced out. */
export const SETTLE_AFTER_MS = 1_000;

/** The longest a settled nominator goes without a view (a safety net: anything that matters changes the inputs). */
export const SETTLED_VIEW_EVERY_MS = 5_000;

/**
 * A settled nominator takes the inputs that are not store keys (members,
 * their progress) every this many ticks (500 ms); a `/_mgmt/` change at
 * once. Taking them on every heartbeat round was a tenth of an idle
 * leader's CPU.
 */
export const SETTLED_SAMPLE_EVERY_TICKS = 5;

/** What the pacer is told at each nominator tick. */
export interface PaceSample {
  /** Everything a view is made of except time: see `paceInputs`. */
  inputs: string;
  nowMs: number;
  /** The `/_mgmt/` keys' version (the first of the inputs). */
  mgmtVersion: number;
}

/** What the pacer remembers between ticks. */
export interface PaceState {
  /** The inputs of the last view built. */
  inputs: string;
  /** When the last view was built. */
  viewAtMs: number;
  /** Since when the nominator has decided `none` on a steady cluster (undefined: it has not). */
  settledSinceMs: number | undefined;
  /** The `/_mgmt/` keys' version in the last view. */
  mgmtVersion: number;
}

/** Whether the nominator has decided `none` on a steady cluster for SETTLE_AFTER_MS. */
function isSettled(state: PaceState, nowMs: number): boolean {
  return state.settledSinceMs !== undefined && nowMs - state.settledSinceMs >= SETTLE_AFTER_MS;
}

/** Whether tick number `tick` takes the inputs at all (see SETTLED_SAMPLE_EVERY_TICKS); `mgmtVersion` is read at every tick (it is one number). */
export function shouldSample(state: PaceState | undefined, tick: number, nowMs: number, mgmtVersion: number): boolean {
  if (state === undefined || !isSettled(state, nowMs) || mgmtVersion !== state.mgmtVersion) return true;
  return tick % SETTLED_SAMPLE_EVERY_TICKS === 0;
}

/** Whether to build a view now. */
export function shouldBuildView(state: PaceState | undefined, sample: PaceSample): boolean {
  if (state === undefined || sample.inputs !== state.inputs) return true;
  return !isSettled(state, sample.nowMs) || sample.nowMs - state.viewAtMs >= SETTLED_VIEW_EVERY_MS;
}

/** The state after a view was built and the nominator answered `steady` (see `isSteady`). */
export function afterView(state: PaceState | undefined, sample: PaceSample, steady: boolean): PaceState {
  const settledSinceMs = steady ? (state?.settledSinceMs ?? sample.nowMs) : undefined;
  return { inputs: sample.inputs, viewAtMs: sample.nowMs, settledSinceMs, mgmtVersion: sample.mgmtVersion };
}

/**
 * A member heard from within this long counts as "heard lately" in the
 * inputs: five heartbeats (every 100 ms), so that a busy machine's late
 * answer does not wake the nominator; the shortest wait the nominator
 * measures on a steady cluster is the failure timeout (2 s by default).
 */
export const HEARD_LATELY_MS = 500;

/**
 * Whether a member's log is as good as the leader's for every rule of the
 * nominator (healthy: within maxLagEntries; caught up: past
 * promoteMatchRatio of the leader's index). A follower a few entries
 * behind while clients write is not news to the nominator: comparing
 * indexes exactly made every client write rebuild the view.
 */
export function closeEnough(match: number, leaderLastIndex: number): boolean {
  const p = DEFAULT_NOMINATOR_POLICY;
  return leaderLastIndex - match <= p.maxLagEntries && match >= leaderLastIndex * p.promoteMatchRatio;
}

/** What a view is made of, apart from time, as the leader's member tells it. */
export interface PaceInputSource {
  /** Changes whenever a `/_mgmt/` key changes (writes elsewhere in the store cannot change a view). */
  mgmtVersion: number;
  leaderLastIndex: number;
  committedInTerm: boolean;
  confChangePending: boolean;
  members: ReadonlyArray<{ id: number; name: string; isLearner: boolean; peerUrls: readonly string[] }>;
  /** Per member other than the leader: ms since last heard, and its match index. */
  progress: ReadonlyArray<{ id: number; heardAgoMs: number; match: number }>;
}

/**
 * One string that changes whenever a view built now could differ from the
 * last one in more than its tick: a `/_mgmt/` write, a membership change, a
 * member caught up or fallen behind, a member heard lately or not.
 */
export function paceInputs(s: PaceInputSource): string {
  const members = s.members.map((m) => `${m.id}:${m.name}:${m.isLearner ? 'l' : 'v'}:${m.peerUrls.join(',')}`).join(';');
  const progress = s.progress.map((p) => `${p.id}:${p.heardAgoMs <= HEARD_LATELY_MS ? 'h' : 's'}:${closeEnough(p.match, s.leaderLastIndex) ? 'c' : 'b'}`).join(';');
  return `${s.mgmtVersion}|${s.committedInTerm ? 1 : 0}|${s.confChangePending ? 1 : 0}|${members}|${progress}`;
}

/**
 * Whether the cluster in `view` is one where only a changed input can
 * lead to a decision: every member heard lately and caught up (a silent
 * one fails after a timeout), no learners (they stabilize over time), every voter
 * volunteering (a missing key has a grace time), every volunteer a member
 * or no room for one (a damped volunteer becomes eligible over time), and
 * the nominator deciding `none`.
 */
export function isSteady(view: ClusterView, decisionKind: string | undefined): boolean {
  if (decisionKind !== 'none') return false;
  if (view.members.some((m) => m.isLearner || !closeEnough(m.matchIndex, view.leaderLastIndex) || m.lastHeardTicksAgo * NOMINATOR_TICK_MS >= HEARD_LATELY_MS)) return false;
  const names = new Set(view.members.map((m) => m.name));
  if (![...names].every((name) => name in view.volunteers)) return false;
  const roomForMore = view.members.length < view.idealClusterSize;
  return !roomForMore || Object.keys(view.volunteers).every((name) => names.has(name));
}
