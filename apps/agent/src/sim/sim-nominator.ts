/**
 * The nominator of a simulated leader: the real nominator machine (on the
 * world's SimulatedClock), fed the real ClusterView (buildClusterView over
 * the member's driver and store), its decisions performed on the simulated
 * member as NominatorRunner's applyDecision does on a real one. Every
 * membership change it proposes is reported to the world's in-flight count
 * (the checkers). Test-only switches break one rule on purpose.
 */
import { ConfChangeType } from '@mgmt/raft';
import { decodeUrls, encodeUrls, nominatedKey, nominatorMachine, type ApplyDecisionInput } from '@mgmt/cluster-fsm';
import { createActor, fromPromise, type Actor } from 'xstate';
import { encodeMemberAttributes } from '../cluster/members.js';
import { IdealSizeReader, buildClusterView } from '../cluster/view.js';
import type { Member } from '../raft/member.js';
import type { SimMember } from './sim-member.js';
import type { SimWorld } from './sim-world.js';

const enc = new TextEncoder();

/** Test-only: the nominator breaks a rule. */
export interface NominatorBugs {
  /** Adds a second learner at once, without waiting for the first change to apply. */
  addsTwoAtOnce?: boolean;
}

/** Counts the membership changes proposed and not yet applied or failed (at most one may be). */
export class ChangesInFlight {
  count = 0;
  readonly violations: string[] = [];

  async track(what: string, change: () => Promise<unknown>): Promise<void> {
    this.count++;
    if (this.count > 1) this.violations.push(`two membership changes in flight (${what} proposed while another was pending)`);
    try {
      await change();
    } finally {
      this.count--;
    }
  }
}

/** The nominator of one simulated host; runs while its member leads. */
export class SimNominator {
  private actor: Actor<typeof nominatorMachine> | undefined;
  private member: SimMember | undefined;
  private readonly idealSize: IdealSizeReader;

  constructor(
    private readonly world: SimWorld & { changes?: ChangesInFlight },
    idealClusterSize: number,
    private readonly bugs: NominatorBugs,
  ) {
    this.idealSize = new IdealSizeReader(idealClusterSize, () => {});
  }

  start(member: SimMember): void {
    if (this.actor && this.member === member) return;
    this.stop();
    this.member = member;
    const machine = nominatorMachine.provide({
      actors: { applyDecision: fromPromise<void, ApplyDecisionInput>(({ input }) => this.apply(member, input)) },
    });
    this.actor = createActor(machine, { clock: this.world.xclock, input: { policy: { stabilizationTicks: 5 } } });
    this.actor.start();
  }

  /** The nominator's latest reason ('' while it does not run). */
  get reason(): string {
    return this.actor?.getSnapshot().context.reason ?? '';
  }

  stop(): void {
    this.actor?.stop();
    this.actor = undefined;
    this.member = undefined;
  }

  /** A fresh view for the machine, while the member leads. */
  feed(): void {
    const m = this.member;
    if (!this.actor || !m || m.stopped || !m.driver.isLeader) return;
    const view = buildClusterView(m.member as unknown as Member, this.idealSize.read(m.state.kv), this.world.nowMs);
    this.actor.send({ type: 'view.updated', view });
  }

  /** Performs one decision on the leader's member (as nominator-runner.ts's applyDecision does). */
  private async apply(m: SimMember, d: ApplyDecisionInput): Promise<void> {
    const host = m.o.hostname;
    const changes = this.world.changes ?? new ChangesInFlight();
    switch (d.kind) {
      case 'nominate':
        await this.world.write(host, { put: { key: enc.encode(nominatedKey(d.hostname)), value: enc.encode(encodeUrls(d.peerUrls)) } });
        return;
      case 'unnominate':
        await this.world.write(host, { deleteRange: { key: enc.encode(nominatedKey(d.hostname)) } });
        return;
      case 'addLearner': {
        const add = (name: string, peerUrls: string[]) =>
          changes.track(`add ${name}`, () =>
            m.driver.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: this.world.rng.int(2 ** 46) + 1, context: encodeMemberAttributes({ name, peerUrls }) }),
          );
        if (this.bugs.addsTwoAtOnce) {
          // The planted bug: a second volunteer added beside the first, without waiting.
          const other = this.otherVolunteer(m, d.hostname);
          if (other) {
            await Promise.all([add(d.hostname, d.peerUrls), add(other.name, other.peerUrls)]);
            return;
          }
        }
        await add(d.hostname, d.peerUrls);
        return;
      }
      case 'promoteLearner':
        await changes.track(`promote ${d.hostname}`, () => m.driver.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: Number(d.memberId) }));
        return;
      case 'removeMember':
        await changes.track(`remove ${d.hostname}`, () => m.driver.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: Number(d.memberId) }));
        return;
      case 'transferLeadership':
        m.driver.transferLeadership(Number(d.toMemberId));
        return;
    }
  }

  /** A volunteer that is neither `hostname` nor a member (for the planted bug). */
  private otherVolunteer(m: SimMember, hostname: string): { name: string; peerUrls: string[] } | undefined {
    const names = new Set(m.state.members.list().map((x) => x.name));
    for (const kv of this.world.read(m, '/_mgmt/volunteers/', true)) {
      const name = kv.key.slice('/_mgmt/volunteers/'.length);
      if (name !== hostname && !names.has(name)) return { name, peerUrls: decodeUrls(kv.value) };
    }
    return undefined;
  }
}
