// Proves the reference example over the NATS transport (every agent's
// --server-urls is the URL of a real nats-server): three real `mgmt run`
// processes form a 3-member cluster that the real etcdctl lists, and a bad
// idealClusterSize is ignored with one warning. Also
// proves a second agent with a host name already in use is refused with
// one clear error, and a --no-server agent never volunteers.
import { startNatsServer } from '@mgmt/transport/testing';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, voterNames, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let nats: Awaited<ReturnType<typeof startNatsServer>>;

beforeAll(async () => {
  tmp = tempDir('mgmt-nats-');
  nats = await startNatsServer();
});

afterAll(async () => {
  await killAll(procs);
  await nats?.dispose();
  tmp.cleanup();
});

describe('clustering over NATS', () => {
  it('forms a 3-member cluster whose raft traffic goes through nats-server', async () => {
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir, ideal: 3, serverUrl: nats.url });
    procs.push(h1);
    await waitFor('h1 serves', async () => (await voterNames(h1.endpoint))?.length === 1, 60_000);
    for (const name of ['h2', 'h3']) procs.push(await startAgent({ name, dir: tmp.dir, seeds: [h1.clientUrl], serverUrl: nats.url }));
    const voters = await waitFor('three voters', async () => {
      const v = await voterNames(h1.endpoint);
      return v?.length === 3 ? v : undefined;
    }, 120_000);
    expect(voters).toEqual(['h1', 'h2', 'h3']);
    const list = await etcdctl(h1.endpoint, 'member', 'list');
    expect(list.match(new RegExp(nats.url.replace(/[/.]/g, '\\$&'), 'g'))).toHaveLength(3);
    expect(await etcdctl(procs[2]!.endpoint, 'put', '/over/nats', 'yes')).toBe('OK\n');
    expect(await etcdctl(h1.endpoint, 'get', '/over/nats', '--print-value-only')).toBe('yes\n');

    // A size that is not a positive integer is ignored with one warning; the old size stays.
    await etcdctl(h1.endpoint, 'put', '/_mgmt/idealClusterSize', 'banana');
    const leaderLog = () => procs.map((p) => fs.readFileSync(p.logFile, 'utf8')).join('');
    await waitFor('the warning', () => leaderLog().includes('banana'), 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(leaderLog().match(/"level":40[^\n]*banana/g)).toHaveLength(1);
    expect(await voterNames(h1.endpoint)).toEqual(['h1', 'h2', 'h3']);
  }, 180_000);

  it('refuses a second agent with a host name already in use', async () => {
    fs.mkdirSync(`${tmp.dir}/dup`);
    const dup = await startAgent({ name: 'h2', dir: `${tmp.dir}/dup`, seeds: [procs[0]!.clientUrl], serverUrl: nats.url });
    procs.push(dup);
    const code = await Promise.race([dup.exit, new Promise<string>((r) => setTimeout(() => r('still running'), 60_000))]);
    expect(code).toBe(1);
    const stderr = fs.readFileSync(dup.logFile, 'utf8');
    expect(stderr).toMatch(/mgmt run: .*h2/);
  }, 90_000);

  it('never volunteers with --no-server', async () => {
    const client = await startAgent({ name: 'c1', dir: tmp.dir, seeds: [procs[0]!.clientUrl], serverUrl: nats.url, extra: ['--no-server'] });
    procs.push(client);
    await waitFor('c1 connected', () => fs.readFileSync(client.logFile, 'utf8').includes('"host":"c1"') && fs.readFileSync(client.logFile, 'utf8').includes('client'), 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await etcdctl(procs[0]!.endpoint, 'get', '/_mgmt/volunteers/c1', '--keys-only')).toBe('');
    expect(await voterNames(procs[0]!.endpoint)).toEqual(['h1', 'h2', 'h3']);
  }, 90_000);
});
