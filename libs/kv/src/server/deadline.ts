/**
 * Calls whose client already gave up are not served. An overloaded member
 * reads requests late; by then many callers' deadlines have passed and they
 * have retried elsewhere, so serving them is work nobody reads (and a write
 * served then is one the client counts as failed). A thousand agents
 * retrying a 3 s call every few seconds kept every member busy with
 * abandoned requests and none caught up. gRPC's answer to such a call is
 * DEADLINE_EXCEEDED, as the client saw already. Pure: times come in.
 */
import { status, type ServerErrorResponse } from '@grpc/grpc-js';

/** Whether a call's deadline (grpc-js: a Date, a number of ms since the epoch, or Infinity for none) has passed at `nowMs`. */
export function deadlinePassed(deadline: Date | number, nowMs: number): boolean {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) && ms <= nowMs;
}

/** The status of a call not served because its deadline passed (grpc-go's text). */
export function deadlineExceeded(): ServerErrorResponse {
  return Object.assign(new Error('context deadline exceeded'), { code: status.DEADLINE_EXCEEDED, details: 'context deadline exceeded' });
}
