/**
 * A message a member forwarded before it was removed can reach the leader
 * long after (a TCP connection holds it for as long as a partition lasts).
 * Proves: the leader refuses a proposal or a read request from a peer that
 * is no longer in its configuration, so a write its client saw fail on the
 * minority side is never committed once the network heals; the same
 * messages from a member are still taken.
 */
import { describe, expect, it } from 'vitest';
import { ConfChangeType, ErrStepPeerNotFound, MessageType, type Message } from '../src/index.js';
import { coreOf } from '../src/internal.js';
import { SimCluster } from '../src/sim/cluster.js';

/** Three voters, node 1 leading, no random ticks: every step is scripted. */
function cluster(): SimCluster {
  const c = new SimCluster({ seed: 17, voters: [1, 2, 3], preVote: true, checkQuorum: true });
  c.tickProbability = 0;
  c.campaign(1);
  c.settle();
  return c;
}

/** Runs `send` while the network loses every message of `type` from `from`; returns those messages. */
function held(c: SimCluster, from: number, type: MessageType, send: () => void): Message[] {
  const kept: Message[] = [];
  c.net.filter = (m) => {
    if (m.from !== from || m.type !== type) return true;
    kept.push(m);
    return false;
  };
  send();
  c.settle();
  c.net.filter = undefined;
  return kept;
}

function removeNode(c: SimCluster, id: number): void {
  expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: id })).toBe(true);
  c.settle();
  expect(coreOf(c.raw(1)).trk.progress.has(id)).toBe(false);
}

describe('messages from a removed member', () => {
  it('a proposal forwarded before the removal is refused when it arrives after it', () => {
    const c = cluster();
    const [late] = held(c, 3, MessageType.MSG_PROP, () => c.put(3, 'k'));
    expect(late).toBeDefined();
    removeNode(c, 3);
    const lastIndex = coreOf(c.raw(1)).raftLog.lastIndex();
    expect(() => c.raw(1).step(late!)).toThrow(ErrStepPeerNotFound);
    expect(coreOf(c.raw(1)).raftLog.lastIndex()).toBe(lastIndex);
    c.settle();
    expect(coreOf(c.raw(1)).raftLog.lastIndex()).toBe(lastIndex);
  });

  it('a read request forwarded before the removal is refused too', () => {
    const c = cluster();
    c.put(1, 'k');
    c.settle();
    const [late] = held(c, 3, MessageType.MSG_READ_INDEX, () => c.get(3, 'k'));
    expect(late).toBeDefined();
    removeNode(c, 3);
    expect(() => c.raw(1).step(late!)).toThrow(ErrStepPeerNotFound);
    expect(coreOf(c.raw(1)).readOnly.pendingCount).toBe(0);
    expect(coreOf(c.raw(1)).pendingReadIndexMessages).toHaveLength(0);
  });

  it('the same late proposal from a member is still appended', () => {
    const c = cluster();
    const [late] = held(c, 2, MessageType.MSG_PROP, () => c.put(2, 'k'));
    expect(late).toBeDefined();
    const lastIndex = coreOf(c.raw(1)).raftLog.lastIndex();
    c.raw(1).step(late!);
    expect(coreOf(c.raw(1)).raftLog.lastIndex()).toBe(lastIndex + 1);
  });
});
