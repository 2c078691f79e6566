/**
 * How a refused watch says why. etcd answers a watch it cannot create with
 * a created-and-canceled WatchResponse whose cancel_reason is the error's
 * text (v3rpc/watch.go: `wr.CancelReason = err.Error()`); for a gRPC status
 * error that text is grpc-go's `rpc error: code = ... desc = ...`.
 */
import { Errors } from '../../errors.js';

/** grpc-go's names of the status codes etcd's errors use here. */
const GO_CODE_NAMES: Record<number, string> = { 7: 'PermissionDenied', 8: 'ResourceExhausted' };

/** grpc-go's Error() text of an etcd error's status. */
export function goStatusText(error: { code: number; message: string }): string {
  return `rpc error: code = ${GO_CODE_NAMES[error.code] ?? String(error.code)} desc = ${error.message}`;
}

/** The cancel reason of a watch refused for a limit: etcd's "too many requests". */
export const TOO_MANY_REQUESTS_REASON = goStatusText(Errors.tooManyRequests());
