// Proves zones and standbys (issue 22) with real `mgmt run` processes on
// loopback and the real etcdctl:
// - six agents in three zones (a1 a2, b1 b2, c1 c2) with ideal size 3: the
//   voters are one per zone;
// - the zone-b voter SIGKILLed: the other zone-b host replaces it;
// - with /_mgmt/idealStandbySize 1, one learner exists (`etcdctl member
//   list` shows it as a learner, `mgmt status` as a standby, with zones);
//   a voter SIGKILLed: the standby is promoted and writes continue.
// The times from kill to a full voting set are printed (not asserted).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctlAny, killAll, memberList, mgmt, startAgent, type AgentProc } from './process-harness.js';

const HOSTS = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'];
const procs = new Map<string, AgentProc>();
let tmp: { dir: string; cleanup: () => void };

const zoneOf = (name: string) => name[0]!;

/** Endpoints of the hosts still running. */
function live(): string[] {
  return [...procs.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => p.endpoint);
}

async function members(): Promise<Array<{ name: string; learner: boolean }> | undefined> {
  for (const e of live()) {
    try {
      const list = await memberList(e);
      if (list.length > 0) return list;
    } catch {
      // not serving: try the next host
    }
  }
  return undefined;
}

/** Waits until there are 3 voters, all running, one per zone (unless `spread` is false), and `check` holds. */
async function waitSpread(what: string, check: (voters: string[], learners: string[]) => boolean = () => true, spread = true): Promise<string[]> {
  return waitFor(what, async () => {
    const list = await members();
    if (list === undefined) return undefined;
    const voters = list.filter((m) => !m.learner).map((m) => m.name).sort();
    const learners = list.filter((m) => m.learner).map((m) => m.name).sort();
    const running = new Set([...procs.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => p.name));
    const full = voters.length === 3 && (!spread || new Set(voters.map(zoneOf)).size === 3) && voters.every((v) => running.has(v));
    return full && check(voters, learners) ? voters : undefined;
  }, 90_000);
}

async function kill(name: string): Promise<number> {
  const p = procs.get(name)!;
  const at = Date.now();
  p.child.kill('SIGKILL');
  await p.exit;
  return at;
}

beforeAll(() => {
  tmp = tempDir('mgmt-zones-');
});

afterAll(async () => {
  await killAll(procs.values());
  tmp.cleanup();
});

describe('zones and standbys with real processes', () => {
  it('six agents in three zones with ideal size 3: one voter per zone', async () => {
    const first = await startAgent({ name: 'a1', dir: tmp.dir, ideal: 3, extra: ['--zone', 'a'] });
    procs.set('a1', first);
    for (const name of HOSTS.slice(1)) {
      procs.set(name, await startAgent({ name, dir: tmp.dir, seeds: [first.clientUrl], extra: ['--zone', zoneOf(name)] }));
    }
    const voters = await waitSpread('one voter per zone');
    expect(new Set(voters.map(zoneOf))).toEqual(new Set(['a', 'b', 'c']));
  }, 150_000);

  it('kill the zone-b voter: the other zone-b host replaces it', async () => {
    const voters = await waitSpread('one voter per zone');
    const victim = voters.find((v) => zoneOf(v) === 'b')!;
    const other = victim === 'b1' ? 'b2' : 'b1';
    const killedAt = await kill(victim);
    const after = await waitSpread(`${other} replaces ${victim}`, (v) => v.includes(other));
    console.log(`replacement without a standby: a full voting set ${Date.now() - killedAt} ms after the kill (${after.join(',')})`);
    expect(after).toContain(other);
  }, 120_000);

  it('with idealStandbySize 1: one learner, shown as a learner and as a standby with its zone', async () => {
    await etcdctlAny(live(), 'put', '/_mgmt/idealStandbySize', '1');
    await waitSpread('one standby', (_v, learners) => learners.length === 1);
    const rows = await waitFor('mgmt status shows a standby and zones', async () => {
      const out = await mgmt('status', '--endpoints', live().join(','), '-w', 'json').catch(() => '[]');
      const parsed = JSON.parse(out) as Array<{ host: string; role: string; zone: string }>;
      return parsed.some((r) => r.role.startsWith('standby')) && parsed.filter((r) => r.role.startsWith('voter')).length === 3 ? parsed : undefined;
    }, 30_000);
    for (const r of rows.filter((row) => row.role !== 'client')) expect(r.zone).toBe(zoneOf(r.host));
  }, 120_000);

  it('a bad idealStandbySize is ignored: the standby stays', async () => {
    const leaderLogs = (): string => [...procs.values()].map((p) => fs.readFileSync(p.logFile, 'utf8')).join('\n');
    // The leader reads the setting when it decides, not every write of it:
    // each bad value is written only once the one before it was refused.
    await etcdctlAny(live(), 'put', '--', '/_mgmt/idealStandbySize', '-1');
    await waitFor('the leader warns about -1', async () => leaderLogs().includes('ignoring /_mgmt/idealStandbySize=\\"-1\\"'), 20_000);
    await etcdctlAny(live(), 'put', '/_mgmt/idealStandbySize', 'lots');
    // The leader says once what it refused, and keeps the old value.
    await waitFor('the leader warns about lots', async () => leaderLogs().includes('ignoring /_mgmt/idealStandbySize=\\"lots\\"'), 20_000);
    const list = await waitFor('member list', members);
    expect(list.filter((m) => m.learner)).toHaveLength(1);
    await etcdctlAny(live(), 'put', '/_mgmt/idealStandbySize', '1');
  }, 60_000);

  it('kill a voter: the standby is promoted, and writes continue', async () => {
    const list = (await waitFor('member list', members))!;
    const standby = list.find((m) => m.learner)!.name;
    // A follower voter: the leader's own death adds an election to the measurement.
    const leaderName = await waitFor('the leader', async () => {
      const out = await mgmt('status', '--endpoints', live().join(','), '-w', 'json').catch(() => '[]');
      return (JSON.parse(out) as Array<{ host: string; role: string }>).find((r) => r.role === 'voter (leader)')?.host;
    }, 30_000);
    const victim = list.find((m) => !m.learner && m.name !== leaderName)!.name;
    const killedAt = await kill(victim);
    // Zone b may have no host left by now: the spread cannot be one per zone any more.
    const after = await waitSpread(`standby ${standby} promoted in place of ${victim}`, (v) => v.includes(standby) && !v.includes(victim), false);
    console.log(`replacement by a standby: a full voting set ${Date.now() - killedAt} ms after the kill (${after.join(',')})`);
    expect(after).toContain(standby);
    await waitFor('a write after the promotion', async () => {
      try {
        await etcdctlAny(live(), 'put', 'after-promotion', 'ok');
        return true;
      } catch {
        return undefined;
      }
    }, 20_000);
    expect(await etcdctlAny(live(), 'get', 'after-promotion', '--print-value-only')).toBe('ok\n');
  }, 120_000);
});
