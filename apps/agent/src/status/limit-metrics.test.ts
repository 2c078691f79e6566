// Proves the limit counter counts every refusal by limit, and that a second
// peer start on the same registry reuses the counter instead of failing.
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { connectionLimitCounter } from './limit-metrics.js';

describe('connectionLimitCounter', () => {
  it('counts refusals by limit, once registered per registry', async () => {
    const registry = new Registry();
    const count = connectionLimitCounter(registry);
    count({ kind: 'watches', peer: '127.0.0.1:1', first: true });
    count({ kind: 'watches', peer: '127.0.0.1:1', first: false });
    connectionLimitCounter(registry)({ kind: 'leases', peer: '127.0.0.1:2', first: true });
    const text = await registry.metrics();
    expect(text).toContain('mgmt_grpc_connection_limit_refused_total{limit="watches"} 2');
    expect(text).toContain('mgmt_grpc_connection_limit_refused_total{limit="leases"} 1');
  });
});
