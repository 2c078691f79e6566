// Proves the worker-thread pieces end to end: spawnAgentWorker starts a
// TypeScript entry in a real worker thread (through the tsx bootstrap),
// comlink carries control calls (start, status, propose), Raft bytes flow
// main-to-worker and worker-to-worker over hub-wired MessagePorts, a
// terminated agent is reported unreachable and a respawned one is reached
// again, and nothing is left running after terminate.
import { MessageChannel } from 'node:worker_threads';
import { transfer } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentWorkerExitedError, createWorkerHub, createWorkerTransport, silentLogger, spawnAgentWorker } from '../src/index.js';
import type { AgentWorkerHandle, Transport } from '../src/index.js';
import { Collector } from '../src/testing/conformance.js';
import { waitFor, waitForAsync } from '../src/testing/wait.js';

interface EchoControl {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<{ memberId: number; echoed: number; proposals: number }>;
  propose(data: Uint8Array): Promise<number>;
  send(to: number, bytes: Uint8Array): Promise<string>;
}

const ENTRY = new URL('./fixtures/echo-agent.ts', import.meta.url);
const MAIN_ID = 100;

describe('agent workers', () => {
  const hub = createWorkerHub();
  const agents = new Map<number, AgentWorkerHandle<EchoControl>>();
  let main: Transport;

  afterAll(async () => {
    await Promise.all([...agents.values()].map((a) => a.terminate()));
    await main?.close();
    hub.close();
  });

  async function spawn(id: number): Promise<AgentWorkerHandle<EchoControl>> {
    const agent = spawnAgentWorker<EchoControl>(hub, ENTRY, { memberId: id, data: { peers: [MAIN_ID, 1, 2, 3].filter((p) => p !== id) } });
    agents.set(id, agent);
    await agent.control.start();
    return agent;
  }

  it('starts TypeScript agents in worker threads and exchanges messages with them', async () => {
    const { port1, port2 } = new MessageChannel();
    main = createWorkerTransport({ localId: MAIN_ID, hubPort: port2, logger: silentLogger });
    await main.start();
    hub.attach(MAIN_ID, port1);
    for (const id of [1, 2, 3]) main.addPeer(id, `worker://${id}`);
    const atMain = new Collector(main);
    await Promise.all([1, 2, 3].map(spawn));
    for (const id of [1, 2, 3]) expect(main.send(id, new Uint8Array([0, id]))).toBe('queued');
    await waitFor(() => atMain.messages.length === 3, 'three echoes');
    for (const m of atMain.messages) expect([...m.bytes]).toEqual([1, m.from]);
    const status = await agents.get(2)!.control.status();
    expect(status).toMatchObject({ memberId: 2, echoed: 1 });
  });

  it('carries control calls with transferred buffers through comlink', async () => {
    const data = new Uint8Array(1024);
    expect(await agents.get(1)!.control.propose(transfer(data, [data.buffer]))).toBe(1);
    expect(data.byteLength).toBe(0); // transferred, not copied
  });

  it('moves messages worker to worker without the main thread', async () => {
    const before = (await agents.get(3)!.control.status()).echoed;
    expect(await agents.get(1)!.control.send(3, new Uint8Array([4]))).toBe('queued');
    let echoed = before;
    await waitForAsync(async () => {
      echoed = (await agents.get(3)!.control.status()).echoed;
      return echoed > before;
    }, 'agent 3 echoes agent 1');
    expect(echoed).toBe(before + 1);
  });

  it('rejects control calls with AgentWorkerExitedError when the entry fails to load', async () => {
    const broken = spawnAgentWorker<EchoControl>(hub, new URL('./fixtures/broken-agent.ts', import.meta.url), { memberId: 50 });
    const error = await broken.untilExit(broken.control.start()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentWorkerExitedError);
    expect(String((error as Error).message)).toMatch(/agent worker 50 exited with code 1: broken agent entry/);
    await broken.terminate();
    expect(hub.memberIds()).not.toContain(50);
  });

  it('reports a terminated agent unreachable and reaches it again after a respawn', async () => {
    const unreachable: number[] = [];
    main.onUnreachable((id) => unreachable.push(id));
    await agents.get(2)!.terminate();
    await waitFor(() => unreachable.includes(2), 'unreachable report for agent 2');
    await spawn(2);
    const atMain = new Collector(main);
    await waitFor(
      () => {
        main.send(2, new Uint8Array([0, 2]));
        return atMain.messages.some((m) => m.from === 2);
      },
      'an echo from the respawned agent',
      10_000,
      20,
    );
  });
});
