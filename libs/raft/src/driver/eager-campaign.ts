/**
 * Forget-leader, then an eager campaign: what a follower does when its
 * connection to the leader closes (the transport reports the peer
 * unreachable).
 *
 * The leader's peer connection closed: on loopback or a LAN that means its
 * process or host went away. This follower forgets it (etcd's
 * ForgetLeader), so it grants pre-votes at once instead of after the
 * leader's lease. The voter with the lowest id other than the lost leader
 * campaigns at once, and again every two ticks while no leader is known
 * (the others may notice the loss a little later and ignore a pre-vote
 * that comes too early); the others restart their election clock so they
 * do not campaign against it (two campaigns split the vote and cost a
 * whole randomized timeout). If that voter is gone too, the others'
 * election timeouts still elect someone. A leader that is in fact alive
 * loses nothing: followers in its lease refuse the pre-vote, and its next
 * heartbeat brings this one back.
 */
import type { RawNode } from '../rawnode.js';
import type { DriverLogger } from './seams.js';

/** One member's eager campaign; `budgetTicks` 0 turns it off. */
export class EagerCampaign {
  /** Ticks left in which to repeat a campaign started because the leader's connection closed. */
  private ticksLeft = 0;

  constructor(
    private readonly id: number,
    private readonly budgetTicks: number,
    private readonly log: DriverLogger,
  ) {}

  /** The connection to leader `lost` closed. */
  onLeaderConnectionLost(node: RawNode, lost: number): void {
    if (this.budgetTicks <= 0) return;
    if (!node.forgetLeader()) return;
    const others = node.status().voters.filter((v) => v !== lost);
    const first = others.length > 0 && Math.min(...others) === this.id;
    this.log.info({ leader: lost, campaigning: first }, 'lost the connection to the leader; forgot it');
    if (first) {
      this.ticksLeft = this.budgetTicks;
      node.campaign();
    } else {
      node.resetElectionClock();
    }
  }

  /** Whether a campaign is being repeated (then every tick acts). */
  get active(): boolean {
    return this.ticksLeft > 0;
  }

  /** On a tick: repeats the campaign every two ticks until a leader is known or the budget runs out. */
  onTick(node: RawNode): void {
    if (this.ticksLeft <= 0) return;
    this.ticksLeft--;
    const role = node.role;
    const leaderless = role === 'pre-candidate' || (role === 'follower' && node.lead === 0);
    if (!leaderless) this.ticksLeft = 0;
    else if (this.ticksLeft % 2 === 0) node.campaign();
  }
}
