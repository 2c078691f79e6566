// Proves `mgmt run --nats-creds` with real processes and a real nats-server
// that admits only one user's NKEY (and one in operator/JWT mode, which
// checks the user JWT against its account): a malformed credentials file is refused
// with one line and exit 2 before anything listens; an agent given the
// user's credentials file (user JWT + NKEY seed, as nsc writes it) starts
// its member through the server and serves etcdctl; one without
// credentials, or with another user's, exits non-zero with one line that
// says the NATS server refused it.
import { makeNatsCreds, natsOperator, startNatsServer } from '@mgmt/transport/testing';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
const creds = makeNatsCreds({ name: 'mgmt-agents' });
let tmp: { dir: string; cleanup: () => void };
let nats: Awaited<ReturnType<typeof startNatsServer>>;

beforeAll(async () => {
  tmp = tempDir('mgmt-nats-creds-');
  nats = await startNatsServer({ nkeyUsers: [creds.user] });
});
afterAll(async () => {
  await killAll(procs);
  await nats?.dispose();
  tmp.cleanup();
});

function credsFile(name: string, text: string): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

async function start(name: string, extra: string[]): Promise<AgentProc> {
  const p = await startAgent({ name, dir: tmp.dir, serverUrl: nats.url, extra });
  procs.push(p);
  return p;
}

const stderrLines = (p: AgentProc) => fs.readFileSync(p.logFile, 'utf8').split('\n').filter((l) => l.startsWith('mgmt'));

describe('mgmt run --nats-creds', () => {
  it('refuses a malformed credentials file with one line and exit 2, before anything listens', async () => {
    const good = creds.text;
    const seedless = good.slice(0, good.indexOf('****'));
    const p = await start('bad', ['--nats-creds', credsFile('seedless.creds', seedless)]);
    expect(await p.exit).toBe(2);
    expect(stderrLines(p)).toEqual([`mgmt: --nats-creds: ${path.join(tmp.dir, 'seedless.creds')} has no user NKEY seed block`]);
    expect(fs.existsSync(p.dataDir)).toBe(false);
  });

  it('joins a nats-server that requires user credentials when given them, and serves etcdctl', async () => {
    const p = await start('n1', ['--nats-creds', credsFile('user.creds', creds.text)]);
    await waitFor('n1 serves through the nats-server', () => (fs.readFileSync(p.logFile, 'utf8').includes('peer started') ? true : undefined), 60_000);
    await waitFor('etcdctl answers', async () => ((await etcdctl(p.clientUrl, 'put', 'k', 'v').catch(() => '')) === 'OK\n' ? true : undefined), 30_000);
    expect(await etcdctl(p.clientUrl, 'get', 'k', '--print-value-only')).toBe('v\n');
  });

  it('joins a nats-server in operator (JWT) mode with a user of its account', async () => {
    const operator = natsOperator();
    const jwtServer = await startNatsServer({ operator: operator.server });
    try {
      const p = await startAgent({ name: 'j1', dir: tmp.dir, serverUrl: jwtServer.url, extra: ['--nats-creds', credsFile('jwt-user.creds', operator.user().text)] });
      procs.push(p);
      await waitFor('j1 serves through the JWT-mode nats-server', () => (fs.readFileSync(p.logFile, 'utf8').includes('peer started') ? true : undefined), 60_000);
      await waitFor('etcdctl answers', async () => ((await etcdctl(p.clientUrl, 'put', 'k', 'jwt').catch(() => '')) === 'OK\n' ? true : undefined), 30_000);
    } finally {
      await killAll(procs.filter((q) => q.name === 'j1'));
      await jwtServer.dispose();
    }
  });

  it('is refused with one clear line without credentials, or with another user\'s', async () => {
    const none = await start('n2', []);
    expect(await none.exit).not.toBe(0);
    expect(stderrLines(none)).toEqual([`mgmt run: the local raft member failed to start after 1 attempts: the NATS server at ${nats.url.replace('nats://', '')} requires credentials and this member has none (AUTHORIZATION_VIOLATION)`]);
    const other = await start('n3', ['--nats-creds', credsFile('other.creds', makeNatsCreds().text)]);
    expect(await other.exit).not.toBe(0);
    expect(stderrLines(other)).toEqual([expect.stringMatching(/^mgmt run: .*the NATS server at .* refused this member's credentials \(AUTHORIZATION_VIOLATION\)$/)]);
  });
});
