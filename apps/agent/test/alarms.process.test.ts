// Proves alarms and health on a 3-member cluster of real `mgmt run` agents
// with etcd's --quota-backend-bytes: writes past the quota get etcd's
// "database space exceeded" and raise NOSPACE for the whole cluster
// (`etcdctl alarm list` on every member, /health false with 503 on every
// member, `?exclude=NOSPACE` passes it, a follower refuses writes too);
// deleting, compacting, defragmenting and `etcdctl alarm disarm` lift it
// and every member is healthy again, still three voters. Then, with two of
// the three members SIGKILLed, the survivor's /health is false (no quorum)
// and `etcdctl defrag` still answers there.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startThreeMembers, voterNames, type AgentProc } from './process-harness.js';

const QUOTA_BYTES = 256 * 1024;
let tmp: { dir: string; cleanup: () => void };
const procs: AgentProc[] = [];
const all = () => procs.map((p) => p.clientUrl).join(',');

beforeAll(async () => {
  tmp = tempDir('mgmt-alarms-');
  await startThreeMembers(tmp.dir, ['c1', 'c2', 'c3'], procs, () => ['--quota-backend-bytes', String(QUOTA_BYTES)]);
}, 200_000);

afterAll(async () => {
  for (const p of procs) {
    if (p.child.exitCode !== null && p.child.signalCode !== 'SIGKILL') console.error(`${p.name} exited (${p.child.exitCode ?? p.child.signalCode}):\n${fs.readFileSync(p.logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  }
  await killAll(procs);
  tmp?.cleanup();
});

const health = async (url: string, query = '') => {
  const res = await fetch(`${url}/health${query}`);
  return { status: res.status, body: (await res.json()) as unknown };
};
/** etcdctl's stderr, or '' when the command succeeded. */
const refusal = (url: string, ...args: string[]) => etcdctl(url, ...args).then(() => '', (err: Error) => err.message);

describe('NOSPACE on a 3-member cluster', () => {
  it('is raised past the quota for every member, refuses writes everywhere, and is lifted by freeing space and disarming', async () => {
    for (const p of procs) expect(await health(p.clientUrl)).toEqual({ status: 200, body: { health: 'true' } });
    const big = 'x'.repeat(8 * 1024);
    let refused = '';
    for (let i = 0; i < 2 * (QUOTA_BYTES / big.length) && !refused; i++) refused = await refusal(procs[0]!.clientUrl, 'put', `/big/${i}`, big);
    expect(refused).toContain('etcdserver: mvcc: database space exceeded');

    // The alarm is a replicated record: every member lists it and reports unhealthy.
    for (const p of procs) {
      await waitFor(`${p.name} lists NOSPACE`, async () => (await etcdctl(p.clientUrl, 'alarm', 'list')).includes('alarm:NOSPACE'), 30_000);
      expect(await health(p.clientUrl)).toEqual({ status: 503, body: { health: 'false' } });
      expect(await health(p.clientUrl, '?exclude=NOSPACE')).toEqual({ status: 200, body: { health: 'true' } });
    }
    expect(await refusal(procs[2]!.clientUrl, 'put', '/small', 'x')).toContain('database space exceeded');

    // Free the space, then disarm: writes pass again and every member is healthy.
    expect(await etcdctl(procs[1]!.clientUrl, 'del', '--prefix', '/big/')).toMatch(/^\d+\n$/);
    const status = JSON.parse(await etcdctl(procs[0]!.clientUrl, 'endpoint', 'status', '-w', 'json')) as Array<{ Status: { header: { revision: number } } }>;
    const revision = status[0]!.Status.header.revision;
    expect(await etcdctl(procs[0]!.clientUrl, 'compact', String(revision))).toBe(`compacted revision ${revision}\n`);
    expect(await etcdctl(all(), 'defrag')).toMatch(/^(Finished defragmenting etcd member\[http:\/\/127\.0\.0\.1:\d+\]\n){3}$/);
    expect(await etcdctl(procs[0]!.clientUrl, 'alarm', 'disarm')).toMatch(/alarm:NOSPACE/);
    expect(await etcdctl(procs[0]!.clientUrl, 'alarm', 'list')).toBe('');
    expect(await etcdctl(procs[2]!.clientUrl, 'put', '/small', 'x')).toBe('OK\n');
    for (const p of procs) await waitFor(`${p.name} healthy again`, async () => (await health(p.clientUrl)).status === 200, 30_000);
    expect(await voterNames(procs[0]!.endpoint)).toEqual(['c1', 'c2', 'c3']);
  }, 180_000);
});

describe('/health without a quorum', () => {
  it('is false on the survivor once two of three members are killed', async () => {
    const [survivor, ...victims] = procs;
    for (const v of victims) {
      v.child.kill('SIGKILL');
      await v.exit;
    }
    const answer = await waitFor('the survivor to report unhealthy', async () => {
      const h = await health(survivor!.clientUrl);
      return h.status === 503 ? h : undefined;
    }, 30_000);
    expect(answer).toEqual({ status: 503, body: { health: 'false' } });
    // Defragment is local: it still answers, within etcdctl's default timeout.
    expect(await etcdctl(survivor!.clientUrl, 'defrag')).toBe(`Finished defragmenting etcd member[${survivor!.clientUrl}]\n`);
  }, 60_000);
});
