/**
 * Runs the nominator machine while this host's member leads: feeds it a
 * fresh ClusterView every few hundred milliseconds and performs its
 * decisions against the local member (key writes and membership changes go
 * through Raft like any client write). Stops when leadership is lost.
 */
import { describeDecision, encodeUrls, nominatedKey, nominatorMachine, type ApplyDecisionInput, type Decision } from '@mgmt/cluster-fsm';
import { ConfChangeType } from '@mgmt/raft';
import { randomInt } from 'node:crypto';
import { createActor, fromPromise, type Actor } from 'xstate';
import type { Logger } from '../log.js';
import type { Member } from '../raft/member.js';
import { Proposer } from '../raft/proposer.js';
import { encodeMemberAttributes } from './members.js';
import { buildClusterView, type IdealSizeReader } from './view.js';

const enc = new TextEncoder();

/** Performs one nominator decision on the leader's member. */
export async function applyDecision(member: Member, proposer: Proposer, d: ApplyDecisionInput): Promise<void> {
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
        nodeId: randomInt(1, 2 ** 47),
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
export class NominatorRunner {
  private actor: Actor<typeof nominatorMachine> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastLogged = '';
  /** The nominator's latest reason, for status. */
  reason = 'not the leader';

  constructor(
    private readonly member: Member,
    private readonly idealSize: IdealSizeReader,
    private readonly log: Logger,
    private readonly viewEveryMs = 100,
  ) {}

  get running(): boolean {
    return this.actor !== undefined;
  }

  start(): void {
    if (this.actor) return;
    const proposer = new Proposer(this.member.raft, this.member.state);
    const machine = nominatorMachine.provide({
      actors: { applyDecision: fromPromise<void, ApplyDecisionInput>(({ input }) => applyDecision(this.member, proposer, input)) },
    });
    // A learner that caught up is promoted after 0.5 s of health (5 ticks of
    // 100 ms), rather than the library's 3 s: a forming cluster waits for
    // its learners' promotions. (They catch up side by side.)
    const actor = createActor(machine, { input: { policy: { stabilizationTicks: 5 } } });
    actor.subscribe((snap) => {
      this.reason = snap.context.reason;
      const d: Decision | undefined = snap.context.decision;
      const line = d ? describeDecision(d) : '';
      if (d && d.kind !== 'none' && line !== this.lastLogged) {
        this.lastLogged = line;
        this.log.info({ decision: d.kind, host: d.hostname, reason: d.reason }, `nominator: ${line}`);
      }
    });
    actor.start();
    this.actor = actor;
    this.feed();
    this.timer = setInterval(() => this.feed(), this.viewEveryMs);
    this.log.info({}, 'nominator started (this member leads)');
  }

  private feed(): void {
    if (!this.actor || !this.member.raft.isLeader) return;
    const view = buildClusterView(this.member, this.idealSize.read(this.member.state.kv), Date.now());
    this.actor.send({ type: 'view.updated', view });
  }

  stop(): void {
    if (!this.actor) return;
    clearInterval(this.timer);
    this.actor.send({ type: 'leadership.lost' });
    this.actor.stop();
    this.actor = undefined;
    this.reason = 'not the leader';
    this.log.info({}, 'nominator stopped');
  }
}
