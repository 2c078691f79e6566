// Proves an agent's status server answers: the page itself (self-contained:
// no external scripts or styles), the live view as server-sent events, the
// lifecycle chart with the agent's states lit, /status.json and Prometheus
// /metrics, for a real agent that bootstrapped a cluster of one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../src/agent.js';
import { silentLogger } from '../src/log.js';
import { startStatusServer, type StatusServer } from '../src/status/status-server.js';
import { freePort, tempDir, waitFor } from './helpers.js';

let agent: Agent;
let done: Promise<unknown>;
let status: StatusServer;
const tmp = tempDir('status-');

beforeAll(async () => {
  agent = new Agent(
    { hostname: 's1', seeds: [], clientUrls: [`http://127.0.0.1:${await freePort()}`], serverUrls: [`http://127.0.0.1:${await freePort()}`], idealClusterSize: 3, noServer: false, dataDir: `${tmp.dir}/s1` },
    silentLogger(),
  );
  done = agent.run();
  status = await startStatusServer(agent, 'http://127.0.0.1:0', silentLogger());
  await waitFor('the agent runs as a peer', () => agent.status().state === 'peer.running');
}, 60_000);

afterAll(async () => {
  await status?.close();
  agent?.requestShutdown();
  await done;
  tmp.cleanup();
});

describe('status server', () => {
  it('serves a self-contained page', async () => {
    const html = await (await fetch(`${status.url}/`)).text();
    expect(html).toContain('<title>mgmt cluster</title>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });

  it('reports the view as json and as server-sent events', async () => {
    const view = (await (await fetch(`${status.url}/status.json`)).json()) as { self: { state: string; role: string }; leaderName: string };
    expect(view.self.state).toBe('peer.running');
    expect(view.leaderName).toBe('s1');
    const res = await fetch(`${status.url}/events`);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(first).toMatch(/^data: \{.*"hostname":"s1"/);
  });

  it('draws the lifecycle chart with the given states lit', async () => {
    const svg = await (await fetch(`${status.url}/chart.svg?states=${encodeURIComponent(agent.status().activeStates.join(','))}`)).text();
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('running');
  });

  it('exports Prometheus metrics, request latencies and proposals included', async () => {
    // A write and a linearizable read through the agent's own etcd API.
    const { Etcd3 } = await import('etcd3');
    const client = new Etcd3({ hosts: agent.config.clientUrls[0]! });
    await client.put('metrics-probe').value('1');
    expect(await client.get('metrics-probe').string()).toBe('1');
    client.close();
    const text = await (await fetch(`${status.url}/metrics`)).text();
    expect(sample(text, 'mgmt_raft_is_leader', { agent: 's1' })).toBe(1);
    expect(sample(text, 'mgmt_lifecycle_state', { host: 's1', state: 'peer.running', agent: 's1' })).toBe(1);
    expect(sample(text, 'mgmt_raft_term', { agent: 's1' })).toBeGreaterThan(0);
    expect(sample(text, 'mgmt_raft_proposals_total', { kind: 'put', outcome: 'ok', agent: 's1' })).toBeGreaterThan(0);
    expect(sample(text, 'mgmt_request_duration_seconds_count', { kind: 'put', agent: 's1' })).toBeGreaterThan(0);
    expect(sample(text, 'mgmt_request_duration_seconds_count', { kind: 'readIndex', agent: 's1' })).toBeGreaterThan(0);
  });
});

/** The value of the sample `name` with exactly `labels` (in any order) in Prometheus text; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (JSON.stringify(Object.entries(got).sort()) === JSON.stringify(Object.entries(labels).sort())) return Number(m[3]);
  }
  return undefined;
}
