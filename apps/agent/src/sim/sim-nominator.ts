/**
 * The nominator of a simulated host: production's NominatorRunner itself
 * (its pacing, its views, its repairs of the leader's keys, its decisions
 * through the Proposer and the driver), on the world's clock, seeded ids
 * and XState's SimulatedClock; one runner per member, kept across that
 * member's leadership changes, as production-port.ts keeps it.
 *
 * The checkers count membership changes where they reach the driver
 * (`trackConfChanges`), and the planted bug that adds two members at once
 * is a test-only wrapper at that same seam.
 */
import { ConfChangeType, type ConfChange, type ConfState } from '@mgmt/raft';
import { decodeUrls } from '@mgmt/cluster-fsm';
import { encodeMemberAttributes } from '../cluster/members.js';
import { NominatorRunner } from '../cluster/nominator-runner.js';
import { IdealSizeReader } from '../cluster/view.js';
import { silentLogger } from '../log.js';
import type { Member } from '../raft/member.js';
import type { SimMember } from './sim-member.js';
import type { SimWorld } from './sim-world.js';

/** Test-only: the nominator breaks a rule. */
export interface NominatorBugs {
  /** Adds a second learner at once, without waiting for the first change to apply. */
  addsTwoAtOnce?: boolean;
}

/** A membership change on its way through a member's driver. */
export type ConfChangeHook = (m: SimMember, cc: ConfChange, propose: (cc: ConfChange) => Promise<ConfState>) => Promise<ConfState>;

/**
 * Counts, per member, the membership changes its agent proposed and that
 * are not yet applied or failed: an agent may have one in flight at a time.
 * (A new leader cannot know what its predecessor still has in flight; Raft
 * itself refuses a change while one is in its log uncommitted.)
 *
 * A change stops being in flight when the driver tells its proposer (its
 * waiter is told, or times out, and no change is left uncommitted in the
 * log: `confChangePending` is false). The proposer's promise settles a few
 * microtasks later, and on the same step of the clock the nominator may
 * already have seen the driver idle and proposed the next change: a change
 * whose entry was lost with its leader's term timed out at the very step a
 * later nominator of the same host, back in the lead, looked again (seed
 * 20658). So a second proposal counts as a violation only while the driver
 * still has one pending.
 */
export class ChangesInFlight {
  private readonly pending = new Map<number, string[]>();
  readonly violations: string[] = [];

  /** The hook that counts (see SimWorld.confChangeHooks). */
  readonly hook: ConfChangeHook = async (m, cc, propose) => {
    const list = this.pending.get(m.id) ?? [];
    this.pending.set(m.id, list);
    const what = `${describe(cc)} at ${m.o.clock.nowMs()} ms`;
    if (list.length > 0 && m.driver.confChangePending) this.violations.push(`two membership changes in flight at ${m.o.address} (${what} proposed while ${list.join(', ')} was pending)`);
    list.push(what);
    try {
      return await propose(cc);
    } finally {
      list.splice(list.indexOf(what), 1);
    }
  };
}

function describe(cc: ConfChange): string {
  const kind = cc.type === ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE ? 'add learner' : cc.type === ConfChangeType.CONF_CHANGE_ADD_NODE ? 'promote' : 'remove';
  return `${kind} ${cc.nodeId.toString(16)}`;
}

/** The planted bug: beside each learner added, a second volunteer added too, without waiting. */
export function addsTwoAtOnce(world: SimWorld): ConfChangeHook {
  return async (m, cc, propose) => {
    const other = cc.type === ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE ? otherVolunteer(world, m, cc) : undefined;
    if (!other) return propose(cc);
    const second = propose({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: world.rng.int(2 ** 46) + 1, context: encodeMemberAttributes(other) });
    const [first] = await Promise.all([propose(cc), second]);
    return first;
  };
}

/** A volunteer that is neither being added by `cc` nor a member. */
function otherVolunteer(world: SimWorld, m: SimMember, cc: ConfChange): { name: string; peerUrls: string[] } | undefined {
  const names = new Set(m.state.members.list().map((x) => x.name));
  const adding = new TextDecoder().decode(cc.context ?? new Uint8Array());
  for (const kv of world.read(m, '/_mgmt/volunteers/', true)) {
    const name = kv.key.slice('/_mgmt/volunteers/'.length);
    if (!names.has(name) && !adding.includes(`"${name}"`)) return { name, peerUrls: decodeUrls(kv.value) };
  }
  return undefined;
}

/** The nominator of one simulated host; runs while its member leads. */
export class SimNominator {
  private runner: NominatorRunner | undefined;
  private member: SimMember | undefined;
  private readonly idealSize: IdealSizeReader;

  constructor(
    private readonly world: SimWorld,
    idealClusterSize: number,
  ) {
    this.idealSize = new IdealSizeReader(idealClusterSize, () => {});
  }

  /** The member leads (again): its runner starts, a new one for a new member. */
  start(member: SimMember): void {
    if (!this.runner || this.member !== member) {
      this.runner?.stop();
      const { world } = this;
      this.runner = new NominatorRunner(member.member as unknown as Member, this.idealSize, silentLogger(), {
        clock: world.clock,
        newMemberId: () => world.rng.int(2 ** 46) + 1,
        proposerSeeds: [world.rng.int(2 ** 31), world.rng.int(2 ** 31)],
        actorClock: world.xclock,
      });
      this.member = member;
    }
    this.runner.start();
  }

  /** Leadership lost, or the member stops. */
  stop(): void {
    this.runner?.stop();
  }
}
