// Proves the chunked sorted index agrees with a plain sorted array under
// random inserts and deletes (including enough keys to split chunks), and
// that range scans return exactly the keys in [start, end).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.js';

describe('SortedKeys', () => {
  it('matches a sorted array (property)', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\0', '\xff'), maxLength: 6 });
    const op = fc.record({ insert: fc.boolean(), key });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), key, fc.option(key, { nil: null }), (ops, start, end) => {
        const index = new SortedKeys();
        const model = new Set<string>();
        for (const o of ops) {
          expect(o.insert ? index.insert({ key: o.key }) : index.delete(o.key)).toBe(o.insert ? !model.has(o.key) : model.has(o.key));
          if (o.insert) model.add(o.key);
          else model.delete(o.key);
        }
        index.invariants();
        const sorted = [...model].sort();
        expect([...index.range('', null)]).toEqual(sorted);
        expect([...index.range(start, end)]).toEqual(sorted.filter((k) => k >= start && (end === null || k < end)));
      }),
    );
  });

  it('bulk-loads sorted keys and stays usable', () => {
    const index = new SortedKeys();
    const keys = Array.from({ length: 1000 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    index.load(keys.map((key) => ({ key })));
    index.invariants();
    index.insert({ key: 'k0500x' });
    index.delete('k0000');
    index.invariants();
    expect([...index.range('k0499', 'k0501')]).toEqual(['k0499', 'k0500', 'k0500x']);
  });

  it('keeps order across many chunk splits and merges', () => {
    const index = new SortedKeys();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 5000}`);
    for (const k of keys) index.insert({ key: k });
    index.invariants();
    expect(index.size).toBe(5000);
    for (const k of keys.slice(0, 4000)) index.delete(k);
    index.invariants();
    expect([...index.range('', null)]).toEqual(keys.slice(4000).sort());
  });
});
