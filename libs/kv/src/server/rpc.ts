/** Glue shared by the service handlers: errors to gRPC statuses, unary calls, headers. */
import { status, type sendUnaryData, type ServerErrorResponse, type ServerUnaryCall } from '@grpc/grpc-js';
import { EtcdError } from '../errors.js';
import type { ResponseHeader } from '../types.js';
import type { EtcdBackend } from './backend.js';
import { deadlineExceeded, deadlinePassed } from './deadline.js';

/** Where the server reports errors that are not etcd errors (bugs, backend failures). */
export type ErrorLog = (message: string, error: unknown) => void;

/** A gRPC status for an error: etcd errors keep their code and message; anything else is UNKNOWN. */
export function toStatus(error: unknown): ServerErrorResponse {
  if (error instanceof EtcdError) return Object.assign(new Error(error.message), { code: error.code, details: error.message });
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message), { code: status.UNKNOWN, details: message });
}

/** A unary handler from an async function; a throw becomes the call's status. */
export function unary<Req, Res>(log: ErrorLog, name: string, fn: (req: Req, call: ServerUnaryCall<Req, Res>) => Promise<Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    // Read after its client gave up (this member is behind): not served (deadline.ts).
    if (call.cancelled || deadlinePassed(call.getDeadline(), Date.now())) return callback(deadlineExceeded());
    let pending: Promise<Res>;
    try {
      pending = fn(call.request, call);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (res) => callback(null, res),
      (error: unknown) => {
        if (!(error instanceof EtcdError)) log(`${name} failed`, error);
        callback(toStatus(error));
      },
    );
  };
}

/** Builds response headers from the backend's ids and term. */
export class Headers {
  constructor(private readonly backend: EtcdBackend) {}

  /** A header without a revision (etcd's Cluster responses). */
  bare(): ResponseHeader {
    const h = this.backend.header();
    return { clusterId: h.clusterId, memberId: h.memberId, raftTerm: h.raftTerm };
  }

  /** A header at `revision` (default: the store's current revision). */
  at(revision = this.backend.store.revision): ResponseHeader {
    const h = this.backend.header();
    return { clusterId: h.clusterId, memberId: h.memberId, revision, raftTerm: h.raftTerm };
  }
}
