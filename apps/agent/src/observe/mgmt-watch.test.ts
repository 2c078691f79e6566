// The /_mgmt/ watch takes a stream that does not show the agent's own
// acknowledged write in time for stale (a member cut off or without a
// leader answers nothing and closes nothing), and resumes on the next
// endpoint from the last revision seen; a stream that shows it is kept.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterClient, EndpointChange } from '../cluster/cluster-client.js';
import { silentLogger } from '../log.js';
import { PrefixWatch, SILENT_MS, STALE_MS } from './mgmt-watch.js';

class FakeCall extends EventEmitter {
  readonly writes: unknown[] = [];
  cancelled = false;
  write(req: unknown): void {
    this.writes.push(req);
  }
  end(): void {}
  cancel(): void {
    this.cancelled = true;
  }
}

const enc = new TextEncoder();

function fakeClient(urls: string[]) {
  let current = 0;
  const calls: Array<{ url: string; call: FakeCall }> = [];
  const failedOver: string[] = [];
  const client = {
    onEndpointChanged: undefined as ((cause: EndpointChange) => void) | undefined,
    get endpoint() {
      return urls[current];
    },
    getPrefixWithRevision: async () => ({ kvs: [], revision: 5 }),
    openStream: () => {
      const opened = { url: urls[current]!, call: new FakeCall() };
      calls.push(opened);
      return opened;
    },
    failOver: (url: string) => {
      failedOver.push(url);
      if (urls[current] !== url) return;
      current = (current + 1) % urls.length;
      client.onEndpointChanged?.('failover');
    },
  };
  return { client: client as unknown as ClusterClient & { onEndpointChanged: ((cause: EndpointChange) => void) | undefined }, calls, failedOver };
}

const put = (key: string, rev: number) => ({ events: [{ type: 0, kv: { key: enc.encode(key), value: enc.encode('v'), modRevision: rev } }] });

/** The stream on a was given up once: cancelled, the client moved past a, and the watch resumed on b from revision 7. */
function expectResumedOnB(calls: Array<{ url: string; call: FakeCall }>, failedOver: string[], w: PrefixWatch): void {
    expect(failedOver).toEqual(['http://a:2379']);
    expect(calls[0]!.call.cancelled).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toBe('http://b:2379');
    expect(calls[1]!.call.writes[0]).toMatchObject({ createRequest: { startRevision: 7 } });
    expect(w.staleResumes).toBe(1);
}

describe('PrefixWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resumes on the next endpoint, from the last revision seen, when the stream does not show an acknowledged write', async () => {
    const { client, calls, failedOver } = fakeClient(['http://a:2379', 'http://b:2379']);
    const w = new PrefixWatch(client, '/_mgmt/', () => {}, silentLogger());
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0]!.call.emit('data', put('/_mgmt/x', 6));
    w.expect(9); // our write at revision 9: the stream on a never shows it
    await vi.advanceTimersByTimeAsync(STALE_MS + 500);
    expectResumedOnB(calls, failedOver, w);
    w.stop();
  });

  it('moves when another stream (the keep-alive) gave up on its endpoint once it is quiet for STALE_MS, and opens once per change', async () => {
    const { client, calls } = fakeClient(['http://a:2379', 'http://b:2379']);
    const w = new PrefixWatch(client, '/_mgmt/', () => {}, silentLogger());
    client.onEndpointChanged = (cause) => w.resume(cause);
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.call.emit('data', put('/_mgmt/x', 6));
    client.failOver('http://a:2379'); // the keep-alive stream on a went unanswered
    await vi.advanceTimersByTimeAsync(STALE_MS / 2);
    // Still showing data (a busy member, not a dead one): it stays, and each response restarts the quiet time.
    calls[0]!.call.emit('data', put('/_mgmt/y', 7));
    await vi.advanceTimersByTimeAsync(STALE_MS - 100);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379']);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379', 'http://b:2379']);
    expect(calls[0]!.call.cancelled).toBe(true);
    expect(calls[1]!.call.writes[0]).toMatchObject({ createRequest: { startRevision: 8 } });
    // Its own broken stream moves the client and retries after its back-off, not at once as well.
    calls[1]!.call.emit('error', { message: 'unavailable', details: 'unavailable' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379', 'http://b:2379', 'http://a:2379']);
    w.stop();
  });

  it('moves at once when the endpoint list changed, or on a failover after STALE_MS without a response', async () => {
    const { client, calls } = fakeClient(['http://a:2379', 'http://b:2379']);
    const w = new PrefixWatch(client, '/_mgmt/', () => {}, silentLogger());
    client.onEndpointChanged = (cause) => w.resume(cause);
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(STALE_MS + 1);
    client.failOver('http://a:2379');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379', 'http://b:2379']);
    client.failOver('http://b:2379');
    w.resume('endpoints');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379', 'http://b:2379', 'http://a:2379']);
    w.stop();
  });

  it('keeps a stream that shows the write in time', async () => {
    const { client, calls, failedOver } = fakeClient(['http://a:2379', 'http://b:2379']);
    const batches: number[] = [];
    const w = new PrefixWatch(client, '/_mgmt/', (b) => batches.push(b.revision), silentLogger());
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    w.expect(8);
    await vi.advanceTimersByTimeAsync(STALE_MS / 2);
    calls[0]!.call.emit('data', put('/_mgmt/status/h1', 8));
    await vi.advanceTimersByTimeAsync(STALE_MS);
    expect(failedOver).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(batches).toEqual([5, 8]);
    w.expect(4); // already seen: nothing to wait for
    await vi.advanceTimersByTimeAsync(STALE_MS * 2);
    expect(calls).toHaveLength(1);
    w.stop();
  });

  it('keeps a stream that is behind but shows progress, and resumes once it stops', async () => {
    const { client, calls, failedOver } = fakeClient(['http://a:2379', 'http://b:2379']);
    const w = new PrefixWatch(client, '/_mgmt/', () => {}, silentLogger());
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    w.expect(20); // our write at 20; the member is still sending 6, 7, ... (catching up)
    for (let rev = 6; rev <= 9; rev++) {
      await vi.advanceTimersByTimeAsync(STALE_MS - 100);
      calls[0]!.call.emit('data', put('/_mgmt/x', rev));
    }
    await vi.advanceTimersByTimeAsync(STALE_MS);
    expect(failedOver).toEqual([]);
    expect(calls).toHaveLength(1);
    // No progress for a whole STALE_MS: stale, resumed from the last revision seen.
    await vi.advanceTimersByTimeAsync(STALE_MS + 500);
    expect(failedOver).toEqual(['http://a:2379']);
    expect(calls.map((c) => c.url)).toEqual(['http://a:2379', 'http://b:2379']);
    expect(calls[1]!.call.writes[0]).toMatchObject({ createRequest: { startRevision: 10 } });
    expect(w.staleResumes).toBe(1);
    w.stop();
  });

  it('asks a stream silent for SILENT_MS for its progress: kept when it answers, resumed elsewhere when it does not', async () => {
    const { client, calls, failedOver } = fakeClient(['http://a:2379', 'http://b:2379']);
    const w = new PrefixWatch(client, '/_mgmt/', () => {}, silentLogger());
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.call.emit('data', put('/_mgmt/x', 6));
    // Not silent long enough: nothing asked.
    await vi.advanceTimersByTimeAsync(SILENT_MS - 1_000);
    w.probe();
    expect(calls[0]!.call.writes).toHaveLength(1);
    // Silent: asked; it answers (a progress response: no events), so it stays.
    await vi.advanceTimersByTimeAsync(1_000);
    w.probe();
    expect(calls[0]!.call.writes[1]).toEqual({ progressRequest: {} });
    w.probe(); // one question at a time
    expect(calls[0]!.call.writes).toHaveLength(2);
    calls[0]!.call.emit('data', { header: { revision: 6 }, watchId: -1, events: [] });
    await vi.advanceTimersByTimeAsync(STALE_MS + 500);
    expect(calls).toHaveLength(1);
    expect(failedOver).toEqual([]);
    // Silent again, and this time nothing answers: resumed on the next endpoint from the last revision seen.
    await vi.advanceTimersByTimeAsync(SILENT_MS);
    w.probe();
    expect(calls[0]!.call.writes).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(STALE_MS + 500);
    expectResumedOnB(calls, failedOver, w);
    w.stop();
  });
});
