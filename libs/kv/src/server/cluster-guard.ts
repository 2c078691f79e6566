/**
 * Refuses calls from another cluster's agents. An mgmt agent's own client
 * sends the id of the cluster it belongs to in the `mgmt-cluster-id`
 * metadata (hex); a member of a different cluster answers every such call
 * with FAILED_PRECONDITION and logs one line naming both ids, so two
 * clusters can never exchange requests, even when an operator points one at
 * the other's seeds by mistake. Ordinary etcd clients send no such metadata
 * and are served as before.
 */
import { ResponderBuilder, ServerInterceptingCall, ServerListenerBuilder, status, type ServerInterceptor } from '@grpc/grpc-js';

/** The metadata key carrying the caller's cluster id (hex). */
export const CLUSTER_ID_METADATA = 'mgmt-cluster-id';

/** Options of the guard. */
export interface ClusterGuardOptions {
  /** This member's cluster id, as a number (the response headers' cluster_id). */
  clusterId: () => number;
  /** Told of each refused call (the caller's id as sent); the caller rate-limits its log. */
  onRefused: (callerClusterId: string, thisClusterId: string) => void;
}

/** Whether a caller's cluster id (hex, as sent) names a different cluster than `clusterId`. */
export function isForeignCluster(sent: string, clusterId: number): boolean {
  const trimmed = sent.trim().toLowerCase();
  if (!/^[0-9a-f]{1,16}$/.test(trimmed)) return true;
  return BigInt(`0x${trimmed}`) !== BigInt(clusterId);
}

/** A grpc-js server interceptor enforcing the guard. */
export function clusterGuardInterceptor(o: ClusterGuardOptions): ServerInterceptor {
  return (_method, call) =>
    new ServerInterceptingCall(
      call,
      new ResponderBuilder()
        .withStart((next) => {
          const listener = new ServerListenerBuilder()
            .withOnReceiveMetadata((metadata, mdNext) => {
              const sent = metadata.get(CLUSTER_ID_METADATA)[0];
              const own = o.clusterId();
              if (sent !== undefined && own !== 0 && isForeignCluster(String(sent), own)) {
                const ownHex = own.toString(16);
                o.onRefused(String(sent), ownHex);
                call.sendStatus({
                  code: status.FAILED_PRECONDITION,
                  details: `mgmt: cluster id mismatch: this member belongs to cluster ${ownHex}, the caller to cluster ${String(sent)}`,
                });
                return;
              }
              mdNext(metadata);
            })
            .build();
          next(listener);
        })
        .build(),
    );
}
