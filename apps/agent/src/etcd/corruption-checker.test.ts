// Proves which members the corruption check asks: every other member, by
// the host:port of its first plaintext client URL; members without one
// (https only, or not started) are not asked.
import { describe, expect, it } from 'vitest';
import { otherMemberEndpoints } from './corruption-checker.js';

describe('corruption check endpoints', () => {
  it('asks every other member on its first http client URL', () => {
    const members = [
      { id: 1, clientUrls: ['http://10.0.0.1:2379'] },
      { id: 2, clientUrls: ['http://10.0.0.2:2379', 'http://10.0.0.2:2479'] },
      { id: 3, clientUrls: ['https://10.0.0.3:2379'] },
      { id: 4, clientUrls: [] },
    ];
    expect(otherMemberEndpoints(members, 1)).toEqual(['10.0.0.2:2379']);
  });
});
