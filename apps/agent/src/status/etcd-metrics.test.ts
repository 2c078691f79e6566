import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ObservedCall } from '@mgmt/kv';
import { createEtcdMetrics } from './etcd-metrics.js';

async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const found = (metric?.values ?? []).find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x));
  return found?.value;
}

describe('etcd gRPC call counters', () => {
  it('count each call by method and code, summed when scraped and kept across scrapes', async () => {
    const registry = new Registry();
    const metrics = createEtcdMetrics(registry);
    const put: ObservedCall = { type: 'unary', service: 'etcdserverpb.KV', method: 'Put' };
    const watch: ObservedCall = { type: 'bidi_stream', service: 'etcdserverpb.Watch', method: 'Watch' };
    for (let i = 0; i < 3; i++) {
      metrics.observeCall.started(put);
      metrics.observeCall.received(put);
      metrics.observeCall.sent(put);
      metrics.observeCall.handled(put, i === 2 ? 'Unavailable' : 'OK');
    }
    metrics.observeCall.started(watch);
    const labels = { grpc_type: 'unary', grpc_service: 'etcdserverpb.KV', grpc_method: 'Put' };
    expect(await value(registry, 'grpc_server_started_total', labels)).toBe(3);
    expect(await value(registry, 'grpc_server_msg_received_total', labels)).toBe(3);
    expect(await value(registry, 'grpc_server_msg_sent_total', labels)).toBe(3);
    expect(await value(registry, 'grpc_server_handled_total', { ...labels, grpc_code: 'OK' })).toBe(2);
    expect(await value(registry, 'grpc_server_handled_total', { ...labels, grpc_code: 'Unavailable' })).toBe(1);
    expect(await value(registry, 'grpc_server_started_total', { grpc_type: 'bidi_stream', grpc_method: 'Watch' })).toBe(1);
    metrics.observeCall.started(put);
    expect(await value(registry, 'grpc_server_started_total', labels)).toBe(4);
    expect(await value(registry, 'grpc_server_handled_total', { ...labels, grpc_code: 'OK' })).toBe(2);
  });
});
