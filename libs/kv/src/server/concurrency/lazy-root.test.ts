/**
 * etcd's reflection types are parsed on first use: making the lazy root
 * parses nothing, the first call parses once, and later calls get the same
 * root (the Lock/Election services and every gateway share one).
 */
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { lazyRoot } from './lazy-root.js';

describe('lazyRoot', () => {
  it('parses on the first call only, and returns the same root after', () => {
    let parses = 0;
    const rootOf = lazyRoot(() => {
      parses++;
      return new protobuf.Root();
    });
    expect(parses).toBe(0);
    const first = rootOf();
    expect(rootOf()).toBe(first);
    expect(parses).toBe(1);
  });

  it("by default gives etcd's messages with their .proto field names", () => {
    const type = lazyRoot()().lookupType('v3lockpb.LockRequest');
    expect(Object.keys(type.fields)).toEqual(['name', 'lease']);
  });
});
