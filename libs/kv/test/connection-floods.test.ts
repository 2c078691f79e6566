// Proves that a flood of 2,000 calls on one connection leaves nothing
// counted behind, however its calls end: answered, past their deadline,
// cancelled by the client, failed in the handler, refused (by the
// connection's own limit or the fair queue), server streams the client
// ends, and calls whose connection drops. After each flood the server's
// counts of calls in flight, streams and watchers (and the fair queue's
// running and waiting calls) are back to 0 while the connection stays
// open, and the same connection is served again. An agent's connection
// lives for days; a count left behind would end in refusals for good.
//
// Each flood is sent on a fresh connection, so its first bytes arrive as
// one burst of more than 64 KiB while the client port reads the opening
// (client-port.ts). The port once dropped the bytes its AuthorityRewriter
// still held when it handed the socket to the HTTP/2 server; nghttp2 then
// ended the connection with FRAME_SIZE_ERROR, every call failed with
// "Received RST_STREAM with code 6", and Node never closed the session, so
// its ~1,900 calls stayed counted in flight.
import net from 'node:net';
import type { ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBackend, createEtcdServer, type EtcdServer, type EtcdServerOptions } from '../src/index.js';
import { until } from './harness.js';
import { rawConnection, type RawConnection } from './raw-connection.js';

const FLOOD = 2000;
/** Fewer stream resets than nghttp2's rapid-reset guard lets pass at once (a burst of 1,000). */
const RESETS_KEPT = 800;
const RESOURCE_EXHAUSTED = 8;
const DEADLINE_EXCEEDED = 4;
const CANCELLED = 1;

/** A LocalBackend whose proposals can be held back or made to fail. */
function gatedBackend() {
  const backend = new LocalBackend({ name: 'flood' });
  const gated = Object.create(backend) as LocalBackend;
  let mode: 'pass' | 'hold' | 'fail' = 'pass';
  const held: Array<() => void> = [];
  gated.propose = async (command) => {
    if (mode === 'fail') throw new Error('the handler failed');
    if (mode === 'hold') await new Promise<void>((resolve) => held.push(resolve));
    return backend.propose(command);
  };
  return {
    backend: gated,
    held,
    hold: () => void (mode = 'hold'),
    fail: () => void (mode = 'fail'),
    pass: () => {
      mode = 'pass';
      for (const release of held.splice(0)) release();
    },
    close: () => backend.close(),
  };
}

/** A server over a gated backend on a free loopback port. */
async function floodServer(options: EtcdServerOptions) {
  const gate = gatedBackend();
  const server = createEtcdServer(gate.backend, { logError: () => {}, ...options });
  const endpoint = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
  return { gate, server, endpoint, stop: async () => (gate.close(), await server.close()) };
}

type PutOptions = { deadline?: number };
type RawPut = (req: object, options: PutOptions, cb: (err: ServiceError | null) => void) => { cancel(): void };

/** Sends FLOOD puts at once on `c`; the calls (to cancel), how many have ended, and their outcomes (a gRPC code, 0 for OK). */
function flood(c: RawConnection, options: PutOptions = {}, count = FLOOD) {
  const put = c.kv.Put.bind(c.kv) as unknown as RawPut;
  const calls: Array<{ cancel(): void }> = [];
  const ended = { count: 0 };
  const codes = Array.from(
    { length: count },
    (_, i) =>
      new Promise<number>((resolve) =>
        calls.push(
          put({ key: Buffer.from(`flood/${i}`), value: Buffer.from('v') }, options, (err) => {
            ended.count++;
            resolve(err ? err.code : 0);
          }),
        ),
      ),
  );
  return { calls, ended, codes: Promise.all(codes) };
}

/** How many of `codes` are `code`. */
const countOf = (codes: number[], code: number) => codes.filter((c) => c === code).length;

/** Everything the server counts for its connections is back to nothing. */
async function drained(server: EtcdServer, what: string): Promise<void> {
  const zero = () => {
    const t = server.connectionTotals();
    return t.requests === 0 && t.streams === 0 && t.watches === 0 && t.admitted === 0 && t.queued === 0;
  };
  await until(zero, `${what}: nothing left counted (${JSON.stringify(server.connectionTotals())})`);
}

/** The connection is served again: one put succeeds on it. */
async function servedAgain(c: RawConnection): Promise<void> {
  const again = await c.call(c.kv.Put.bind(c.kv), { key: Buffer.from('flood/again'), value: Buffer.from('v') });
  expect(again.err).toBeUndefined();
}

/** A TCP relay to `endpoint` whose connections can be cut (the server sees its client vanish). */
async function relay(endpoint: string) {
  const [host, port] = [endpoint.split(':')[0]!, Number(endpoint.split(':')[1])];
  const upstreams = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    upstreams.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => (client.destroy(), upstream.destroy(), upstreams.delete(upstream));
    for (const s of [client, upstream]) s.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut: () => {
      for (const s of upstreams) s.resetAndDestroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const queue of ['off', 'on'] as const) {
  describe(`floods of ${FLOOD} calls on one connection, fair queue ${queue}`, () => {
    let s: Awaited<ReturnType<typeof floodServer>>;
    beforeAll(async () => {
      s = await floodServer(queue === 'on' ? { fairQueue: { maxInFlight: 64, maxQueued: 4096 } } : {});
    });
    afterAll(async () => s.stop());

    /**
     * Runs `body` with a fresh connection, closes it after. (Not waited for:
     * the server now and then misses a closing client's FIN after a flood
     * and keeps the socket in CLOSE-WAIT, with or without the limits.)
     */
    async function onConnection(body: (c: RawConnection) => Promise<void>): Promise<void> {
      const c = rawConnection(s.endpoint);
      try {
        await body(c);
      } finally {
        c.close();
      }
    }

    it('answered calls (the opening burst of more than 64 KiB reaches the server intact)', async () => {
      await onConnection(async (c) => {
        const codes = await flood(c).codes;
        expect(countOf(codes, 0)).toBe(FLOOD);
        await drained(s.server, 'answered');
        await servedAgain(c);
      });
    });

    // A client that resets more than 1,000 streams at once (a deadline or a
    // cancel resets the stream) has its connection closed by nghttp2's
    // rapid-reset guard (GOAWAY INTERNAL_ERROR, Node 20): the counts must
    // drain then too. The smaller flood keeps its connection, which must
    // then be served again.
    for (const count of [FLOOD, RESETS_KEPT]) {
      const keeps = count === RESETS_KEPT;
      it(`${count} calls past their deadline while the backend holds them`, async () => {
        s.gate.hold();
        try {
          await onConnection(async (c) => {
            // Connected first, so the calls reach the server well before their deadline.
            await c.call(c.kv.Range.bind(c.kv), { key: Buffer.from('flood/0') });
            const { codes } = flood(c, { deadline: Date.now() + 5000 }, count);
            expect(countOf(await codes, DEADLINE_EXCEEDED)).toBe(count);
            expect(s.gate.held.length).toBeGreaterThan(0);
            await drained(s.server, 'past their deadline');
            s.gate.pass();
            if (keeps) await servedAgain(c);
          });
        } finally {
          s.gate.pass();
        }
      });

      it(`${count} calls the client cancels`, async () => {
        s.gate.hold();
        try {
          await onConnection(async (c) => {
            const { calls, codes } = flood(c, {}, count);
            const totals = () => s.server.connectionTotals();
            // Every call arrived: held by the backend (queue off), or running and waiting in the queue.
            const arrived = () => (queue === 'on' ? totals().admitted + totals().queued : s.gate.held.length);
            await until(() => totals().requests === count && arrived() === count, `${count} calls in flight`);
            if (queue === 'on') expect(totals()).toMatchObject({ admitted: 64, queued: count - 64 });
            for (const call of calls) call.cancel();
            expect(countOf(await codes, CANCELLED)).toBe(count);
            await drained(s.server, 'cancelled');
            s.gate.pass();
            if (keeps) await servedAgain(c);
          });
        } finally {
          s.gate.pass();
        }
      });

      it(`${count} server streams (election Observe) and watch and keep-alive streams the client ends`, async () => {
        await onConnection(async (c) => {
          const observes = Array.from({ length: count / 2 }, (_, i) => c.track(c.election.Observe({ name: Buffer.from(`flood-election/${i}`) })));
          const watches = Array.from({ length: count / 4 }, (_, i) => {
            const w = c.track(c.watch.Watch());
            w.write({ createRequest: { key: Buffer.from(`flood-watch/${i}`) } });
            return w;
          });
          const keepAlives = Array.from({ length: count / 4 }, () => c.track(c.lease.LeaseKeepAlive()));
          const all = [...observes, ...watches, ...keepAlives];
          const ended = all.map((stream) => new Promise<void>((resolve) => (stream.on('data', () => {}), stream.on('error', () => resolve()), stream.on('end', () => resolve()))));
          await until(() => s.server.connectionTotals().streams === count && s.server.connectionTotals().watches === count / 4, `${count} streams open`);
          for (const stream of all) stream.cancel();
          await Promise.all(ended);
          await drained(s.server, 'streams ended by the client');
          if (keeps) await servedAgain(c);
        });
      });
    }

    it('calls whose handler fails', async () => {
      s.gate.fail();
      try {
        await onConnection(async (c) => {
          const codes = await flood(c).codes;
          expect(countOf(codes, 0)).toBe(0);
          expect(countOf(codes, RESOURCE_EXHAUSTED)).toBe(0);
          await drained(s.server, 'failed in the handler');
          s.gate.pass();
          await servedAgain(c);
        });
      } finally {
        s.gate.pass();
      }
    });

    it('calls whose connection drops', async () => {
      const r = await relay(s.endpoint);
      s.gate.hold();
      const c = rawConnection(r.endpoint);
      try {
        const { codes } = flood(c);
        await until(() => s.server.connectionTotals().requests === FLOOD, `${FLOOD} calls in flight`);
        const connections = s.server.connectionTotals().connections;
        r.cut();
        expect(countOf(await codes, 0)).toBe(0);
        await until(() => s.server.connectionTotals().connections === connections - 1, 'the server saw the connection drop');
        await drained(s.server, 'connection dropped');
      } finally {
        s.gate.pass();
        c.close();
        await r.close();
      }
    });
  });
}

describe(`floods of ${FLOOD} calls on one connection, refused`, () => {
  it('by the connection\'s limit of calls in flight and by the fair queue\'s bound', async () => {
    const s = await floodServer({ connectionLimits: { requests: 500 }, fairQueue: { maxInFlight: 16, maxQueued: 100 }, onConnectionLimit: () => {} });
    const c = rawConnection(s.endpoint);
    try {
      s.gate.hold();
      const { codes, ended } = flood(c);
      // 16 run and 100 wait in the fair queue; every other call is refused, by the queue or by the connection's limit.
      await until(() => ended.count === FLOOD - 116, 'the calls not let in refused');
      expect(s.gate.held).toHaveLength(16);
      expect(s.server.connectionTotals().requests).toBe(116);
      expect(s.server.connectionTotals()).toMatchObject({ admitted: 16, queued: 100 });
      s.gate.pass();
      const outcome = await codes;
      expect(countOf(outcome, 0)).toBe(116);
      expect(countOf(outcome, RESOURCE_EXHAUSTED)).toBe(FLOOD - 116);
      await drained(s.server, 'refused');
      await servedAgain(c);
    } finally {
      c.close();
      await s.stop();
    }
  });
});
