// Proves the per-connection limit flags: defaults when absent, a flag wins
// over its MGMT_* variable, and a value that is not an integer from 1 to
// 1,000,000 is one ConfigError line naming the flag; `mgmt run`'s config
// carries the limits to the agent.
import { DEFAULT_CONNECTION_LIMITS, DEFAULT_FAIR_QUEUE_LIMITS } from '@mgmt/agent';
import { describe, expect, it } from 'vitest';
import { resolveConnectionLimits, resolveFairQueue } from './connection-limit-flags.js';
import { ConfigError, resolveRunConfig } from './run-config.js';

describe('resolveConnectionLimits', () => {
  it('gives the defaults when nothing is set', () => {
    expect(resolveConnectionLimits({}, {})).toEqual(DEFAULT_CONNECTION_LIMITS);
  });

  it('takes flags over environment variables, each limit on its own', () => {
    const limits = resolveConnectionLimits(
      { maxWatchesPerConnection: '100', maxRequestsPerConnection: '7' },
      { MGMT_MAX_WATCHES_PER_CONNECTION: '5', MGMT_MAX_LEASES_PER_CONNECTION: '20', MGMT_MAX_STREAMS_PER_CONNECTION: '' },
    );
    expect(limits).toEqual({ watches: 100, leases: 20, streams: DEFAULT_CONNECTION_LIMITS.streams, requests: 7 });
  });

  it.each([
    [{ maxWatchesPerConnection: '0' }, '--max-watches-per-connection: "0" is not an integer from 1 to 1000000'],
    [{ maxLeasesPerConnection: 'many' }, '--max-leases-per-connection: "many" is not an integer from 1 to 1000000'],
    [{ maxStreamsPerConnection: '1.5' }, '--max-streams-per-connection: "1.5" is not an integer from 1 to 1000000'],
    [{ maxRequestsPerConnection: '2000000' }, '--max-requests-per-connection: "2000000" is not an integer from 1 to 1000000'],
  ])('refuses %j with one line', (flags, message) => {
    expect(() => resolveConnectionLimits(flags, {})).toThrow(ConfigError);
    expect(() => resolveConnectionLimits(flags, {})).toThrow(message);
  });

  it('reaches the agent config of mgmt run', () => {
    const config = resolveRunConfig({ hostname: 'h1', maxLeasesPerConnection: '64' }, {});
    expect(config.connectionLimits).toEqual({ ...DEFAULT_CONNECTION_LIMITS, leases: 64 });
  });

  it('resolves the fair queue bounds the same way', () => {
    expect(resolveFairQueue({}, {})).toEqual(DEFAULT_FAIR_QUEUE_LIMITS);
    expect(resolveFairQueue({ maxRequestsInFlight: '64' }, { MGMT_MAX_QUEUED_REQUESTS: '500' })).toEqual({ maxInFlight: 64, maxQueued: 500 });
    expect(() => resolveFairQueue({ maxQueuedRequests: '-1' }, {})).toThrow('--max-queued-requests: "-1" is not an integer from 1 to 1000000');
    expect(resolveRunConfig({ hostname: 'h1' }, { MGMT_MAX_REQUESTS_IN_FLIGHT: '128' }).fairQueue).toEqual({ ...DEFAULT_FAIR_QUEUE_LIMITS, maxInFlight: 128 });
  });
});
