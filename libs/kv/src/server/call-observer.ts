/**
 * Reports every gRPC call the etcd API serves, for etcd's go-grpc-prometheus
 * series (grpc_server_started_total, grpc_server_handled_total,
 * grpc_server_msg_received_total, grpc_server_msg_sent_total): a
 * ServerInterceptor that says when a call starts, each message in and out,
 * and the status code it ends with. The metrics themselves live with the
 * caller (the agent's prom-client registry).
 */
import { ServerInterceptingCall, status as GrpcStatus, type ServerInterceptor } from '@grpc/grpc-js';

/** go-grpc-prometheus's call types. */
export type GrpcCallType = 'unary' | 'client_stream' | 'server_stream' | 'bidi_stream';

/** One call as the metrics label it. */
export interface ObservedCall {
  readonly type: GrpcCallType;
  /** Full service name, e.g. etcdserverpb.KV. */
  readonly service: string;
  readonly method: string;
}

/** What happens to calls; each hook is cheap and synchronous. */
export interface CallObserver {
  started(call: ObservedCall): void;
  received(call: ObservedCall): void;
  sent(call: ObservedCall): void;
  /** `code`: gRPC's status name (OK, Unavailable, ...), as go-grpc-prometheus labels it. */
  handled(call: ObservedCall, code: string): void;
}

/** gRPC status names as Go spells them (codes.Code.String()). */
const CODE_NAMES = ['OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists', 'PermissionDenied', 'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange', 'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated'];

/**
 * The interceptor that tells `observer` about every call. Calls of one
 * method share one ObservedCall, so an observer may key on the object.
 */
export function callObserverInterceptor(observer: CallObserver): ServerInterceptor {
  const byPath = new Map<string, ObservedCall>();
  return (method, call) => {
    let observed = byPath.get(method.path);
    if (observed === undefined) {
      const slash = method.path.lastIndexOf('/');
      const type: GrpcCallType = method.requestStream ? (method.responseStream ? 'bidi_stream' : 'client_stream') : method.responseStream ? 'server_stream' : 'unary';
      observed = { type, service: method.path.slice(1, slash), method: method.path.slice(slash + 1) };
      // Only the served methods reach here (grpc-js answers unknown paths itself), so the map stays small.
      byPath.set(method.path, observed);
    }
    observer.started(observed);
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMessage: (message, nextMessage) => {
            observer.received(observed);
            nextMessage(message);
          },
        }),
      sendMessage: (message, next) => {
        observer.sent(observed);
        next(message);
      },
      sendStatus: (status, next) => {
        observer.handled(observed, CODE_NAMES[status.code] ?? String(status.code ?? GrpcStatus.UNKNOWN));
        next(status);
      },
    });
  };
}
