/**
 * The count of requests the etcd API refused for a per-connection limit
 * (`mgmt_grpc_connection_limit_refused_total{limit}`; etcd has no such
 * limits, so no etcd series to follow). One counter per registry, however
 * often this member starts a peer.
 */
import type { LimitRefusal } from '@mgmt/kv';
import { Counter, type Registry } from 'prom-client';

const NAME = 'mgmt_grpc_connection_limit_refused_total';

/** The counter on `registry` (made once), as the server's onConnectionLimit. */
export function connectionLimitCounter(registry: Registry): (refusal: LimitRefusal) => void {
  const counter =
    (registry.getSingleMetric(NAME) as Counter<'limit'> | undefined) ??
    new Counter({ name: NAME, help: 'Requests refused with "too many requests" because their client connection reached a limit, by limit (watches, leases, streams, requests)', labelNames: ['limit'], registers: [registry] });
  return (refusal) => counter.inc({ limit: refusal.kind });
}
