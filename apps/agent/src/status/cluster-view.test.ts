import { describe, expect, it } from 'vitest';
import type { AgentStatus } from './agent-status.js';
import { clusterViewOf } from './cluster-view.js';

const status = (hostname: string, state = 'peer.running') => ({ hostname, state }) as unknown as AgentStatus;
const kv = (key: string, value: string) => ({ key, value, lease: 0, createRevision: 1 });

describe('clusterViewOf', () => {
  it('lists every published status (its own current one in place of the published copy), the volunteers and the ideal size', () => {
    const self = status('h1', 'peer.running');
    const v = clusterViewOf(
      [
        kv('/_mgmt/status/h2', JSON.stringify(status('h2'))),
        kv('/_mgmt/status/h1', JSON.stringify(status('h1', 'volunteer.waiting'))),
        kv('/_mgmt/status/h3', 'not json'),
        kv('/_mgmt/volunteers/h1', 'http://h1:2380'),
        kv('/_mgmt/volunteers/h2', 'http://h2:2380'),
        kv('/_mgmt/idealClusterSize', '3'),
      ],
      self,
    );
    expect(v.hosts.map((h) => `${h.hostname}:${String(h.state)}`)).toEqual(['h1:peer.running', 'h2:peer.running']);
    expect(v.volunteers).toEqual(['h1', 'h2']);
    expect(v.idealClusterSize).toBe('3');
    expect(v.self).toBe(self);
  });
});
