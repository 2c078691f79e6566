/**
 * Messages between the hub (main thread) and a member's worker transport,
 * and on the MessagePort wired between two members.
 *
 * On a peer port each side first posts the string `hello` (a link is up once
 * the peer's hello arrives), then messages (a Uint8Array, or an array of
 * them, buffers transferred) and credits (a number): how many messages it
 * has taken off the port since its last credit. A sender keeps at most
 * `maxInFlightMessages` uncredited, so a slow receiver pushes back into the
 * sender's bounded queue instead of growing the port's queue without bound.
 */
import type { MessagePort } from 'node:worker_threads';
import { isMemberId } from '../core/options.js';

/** Hub to member: here is the port to reach `peerId`. */
export interface PeerPortMessage {
  readonly type: 'peer-port';
  readonly peerId: number;
  readonly port: MessagePort;
}

/** Hub to member: `peerId` left (its worker exited or was detached). */
export interface PeerGoneMessage {
  readonly type: 'peer-gone';
  readonly peerId: number;
}

/** Everything the hub sends to a member. */
export type HubToMember = PeerPortMessage | PeerGoneMessage;

/** Checks the shape of a hub message (it crosses a thread boundary). */
export function isHubToMember(value: unknown): value is HubToMember {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.type === 'peer-port' || v.type === 'peer-gone') && typeof v.peerId === 'number';
}

/**
 * Member to hub: my transport started (`join`, as member `memberId`; absent:
 * the id the worker was attached under) or closed (`leave`).
 */
export interface MemberToHub {
  readonly type: 'join' | 'leave';
  readonly memberId?: number;
}

/** Checks the shape of a member message. */
export function isMemberToHub(value: unknown): value is MemberToHub {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.memberId !== undefined && !isMemberId(v.memberId)) return false;
  return v.type === 'join' || v.type === 'leave';
}

/** The key under which spawnAgentWorker puts its data in `workerData`. */
export const AGENT_WORKER_DATA_KEY = 'mgmtAgentWorker';

/** What spawnAgentWorker passes to the worker. */
export interface AgentWorkerData {
  readonly entryUrl: string;
  readonly memberId: number;
  readonly transportPort: MessagePort;
  readonly user: unknown;
}
