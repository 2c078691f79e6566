/**
 * Proves client agents spread over the cluster's endpoints: every endpoint
 * is kept, a host always gets the same order, and a fleet's first choices
 * cover every member about evenly.
 */
import { describe, expect, it } from 'vitest';
import { spreadEndpoints } from './spread-endpoints.js';

const urls = ['http://10.0.0.3:2379', 'http://10.0.0.1:2379', 'http://10.0.0.2:2379', 'http://10.0.0.1:2379'];

describe('spreadEndpoints', () => {
  it('keeps every endpoint once, in the same order for the same host', () => {
    const order = spreadEndpoints('web-7', urls);
    expect([...order].sort()).toEqual(['http://10.0.0.1:2379', 'http://10.0.0.2:2379', 'http://10.0.0.3:2379']);
    expect(spreadEndpoints('web-7', [...urls].reverse())).toEqual(order);
  });

  it("spreads a thousand hosts' first choices over every endpoint", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const first = spreadEndpoints(`f${String(i).padStart(4, '0')}`, urls)[0]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(n).toBeGreaterThan(200);
  });
});
