// Proves `mgmt run --zone` (issue 22): taken from the flag or MGMT_ZONE (the
// flag wins), absent by default, and an empty, overlong or odd name is one
// clear ConfigError (the CLI prints it on one line and exits 2).
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveRunConfig } from './run-config.js';

describe('--zone', () => {
  it('is absent by default, read from MGMT_ZONE, and the flag wins', () => {
    expect(resolveRunConfig({ hostname: 'h1' }, {}).zone).toBeUndefined();
    expect(resolveRunConfig({ hostname: 'h1' }, { MGMT_ZONE: 'rack-b' }).zone).toBe('rack-b');
    expect(resolveRunConfig({ hostname: 'h1', zone: 'rack-a' }, { MGMT_ZONE: 'rack-b' }).zone).toBe('rack-a');
  });

  it.each([
    ['', '--zone: a zone name must not be empty'],
    ['z'.repeat(64), '--zone: a zone name is at most 63 characters (got 64)'],
    ['rack 1', '--zone: zone "rack 1" must be letters, digits'],
  ])('refuses %j with one clear message', (zone, message) => {
    expect(() => resolveRunConfig({ hostname: 'h1', zone }, {})).toThrow(ConfigError);
    expect(() => resolveRunConfig({ hostname: 'h1', zone }, {})).toThrow(message);
  });
});
