/**
 * Internal API of @mgmt/raft for its own simulator and tests (not exported
 * from index.ts): the core behind a RawNode, for checkers and white-box
 * assertions. Production code asks the RawNode or the driver instead.
 */
import type { Raft } from './raft.js';
import type { RawNode } from './rawnode.js';
import type { RaftDriver } from './driver/driver.js';

/** The core a RawNode drives (white-box access for checkers and tests). */
export function coreOf(node: RawNode): Raft {
  // Element access reaches the private field on purpose: this module is the one sanctioned way in.
  return node['raft'];
}

/** The RawNode a driver owns (white-box access for the simulator's crash model and tests). */
export function nodeOf(driver: RaftDriver): RawNode {
  return driver['node'];
}
