import type { EtcdBackend } from '@mgmt/kv';
import { describe, expect, it } from 'vitest';
import { commandKind, instrumentBackend } from './instrument.js';

describe('instrumentBackend', () => {
  it('times proposals by command kind and readIndex, success or failure, and passes everything else through', async () => {
    const seen: Array<[string, boolean]> = [];
    let fail = false;
    const counter = { calls: 0 };
    const backend = {
      propose() {
        return fail ? Promise.reject(new Error('no leader')) : Promise.resolve({ revision: 1 });
      },
      readIndex() {
        return Promise.resolve();
      },
      members() {
        counter.calls++;
        return Promise.resolve([]);
      },
    } as unknown as EtcdBackend;
    const timed = instrumentBackend(backend, (kind, seconds, ok) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      seen.push([kind, ok]);
    });
    await timed.propose({ put: { key: new Uint8Array([1]) } });
    await timed.readIndex();
    fail = true;
    await expect(timed.propose({ txn: {} })).rejects.toThrow('no leader');
    await timed.members();
    expect(counter.calls).toBe(1);
    expect(timed.members).toBe(timed.members);
    expect(seen).toEqual([
      ['put', true],
      ['readIndex', true],
      ['txn', false],
    ]);
  });

  it('names a command by its one set field', () => {
    expect(commandKind({ leaseGrant: { ID: 1, TTL: 5 } })).toBe('leaseGrant');
    expect(commandKind({})).toBe('unknown');
  });
});
