// The recent-events cache: what it covers (from a signature's first
// watcher on), what it forgets (the oldest revisions past its bounds, a
// signature with its last watcher, everything on a restore).
import { describe, expect, it } from 'vitest';
import { RecentEvents } from './recent-events.js';
import { b } from './test-helpers.js';
import type { WatchEvent } from './types.js';

const put = (key: string, value: string): WatchEvent => ({ type: 0, kv: { key: b(key), value: b(value) } });

describe('RecentEvents', () => {
  it('covers the revisions after the first watcher, with empty answers for revisions without events', () => {
    const r = new RecentEvents();
    r.addWatcher('sig', 10);
    const at11 = [put('a', '1')];
    r.record('sig', 11, at11);
    r.record('sig', 10, [put('old', 'x')]);
    expect(r.at('sig', 10)).toBeUndefined();
    expect(r.at('sig', 11)).toBe(at11);
    expect(r.at('sig', 12)).toEqual([]);
    expect(r.at('other', 11)).toBeUndefined();
  });

  it('drops the oldest revisions past its bounds, and no longer covers them', () => {
    const r = new RecentEvents(3, 1_000);
    r.addWatcher('sig', 0);
    for (let rev = 1; rev <= 5; rev++) r.record('sig', rev, [put('k', `${rev}`)]);
    expect(r.size).toBe(3);
    expect(r.at('sig', 2)).toBeUndefined();
    expect(r.at('sig', 3)?.[0]?.kv?.value).toEqual(b('3'));
    const bytes = new RecentEvents(100, 10);
    bytes.addWatcher('sig', 0);
    bytes.record('sig', 1, [put('k', '12345')]);
    bytes.record('sig', 2, [put('k', '12345')]);
    expect(bytes.at('sig', 1)).toBeUndefined();
    expect(bytes.at('sig', 2)).toHaveLength(1);
  });

  it('forgets a signature with its last watcher, and everything on a reset', () => {
    const r = new RecentEvents(4, 1_000);
    r.addWatcher('sig', 0);
    r.addWatcher('sig', 0);
    r.record('sig', 1, [put('k', '1')]);
    r.removeWatcher('sig');
    expect(r.at('sig', 1)).toHaveLength(1);
    r.removeWatcher('sig');
    expect(r.at('sig', 1)).toBeUndefined();
    expect(r.size).toBe(0);
    // Watchers that come and go leave no queue behind them.
    for (let i = 0; i < 100; i++) {
      r.addWatcher(`s${i}`, i);
      r.record(`s${i}`, i + 1, [put('k', `${i}`)]);
      r.removeWatcher(`s${i}`);
    }
    r.addWatcher('kept', 200);
    r.record('kept', 201, [put('k', 'x')]);
    r.reset(300);
    expect(r.at('kept', 201)).toBeUndefined();
    expect(r.at('kept', 301)).toEqual([]);
    expect(r.size).toBe(0);
  });
});
