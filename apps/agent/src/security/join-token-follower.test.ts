// A member takes the rotated join token before it checks a joiner's proof:
// after a read barrier, from its own replica (join-token-follower.ts), not
// only at its once-a-second look; a member whose barrier fails confirms
// nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KvStore } from '@mgmt/kv';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { createClusterCa } from './cert-issuer.js';
import { JoinTokenFollower } from './join-token-follower.js';
import { JOIN_TOKEN_KEY, sealTokenRecord } from './token-record.js';

const ca = await createClusterCa('mgmt cluster CA');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup(barrier: () => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'join-token-'));
  dirs.push(dataDir);
  fs.mkdirSync(path.join(dataDir, 'tls'));
  const kv = new KvStore();
  const signer = { token: 'old-token', caCertPem: ca.certPem, caKeyPem: ca.keyPem };
  const follower = new JoinTokenFollower({ kv, signer, dataDir, log: silentLogger(), barrier });
  const rotate = (token: string) => kv.apply({ put: { key: Buffer.from(JOIN_TOKEN_KEY), value: Buffer.from(sealTokenRecord(ca.keyPem, token, randomBytes(12))) } });
  return { kv, signer, follower, rotate, dataDir };
}

describe('JoinTokenFollower', () => {
  it('takes the rotated token after the barrier, before any timer has run', async () => {
    const order: string[] = [];
    const { signer, follower, rotate, dataDir } = setup(async () => {
      order.push('barrier');
      // What the barrier waits for: the rotation committed before the join arrives is applied here.
      rotate('new-token');
    });
    await follower.current();
    expect(order).toEqual(['barrier']);
    expect(signer.token).toBe('new-token');
    // The data directory's token file follows too (a restart keeps the new token).
    expect(fs.readFileSync(path.join(dataDir, 'tls', 'token'), 'utf8').trim()).toBe('new-token');
  });

  it('keeps the token when the record is unchanged, and ignores one sealed by another CA', async () => {
    const { kv, signer, follower } = setup(async () => {});
    await follower.current();
    expect(signer.token).toBe('old-token');
    const other = await createClusterCa('another CA');
    kv.apply({ put: { key: Buffer.from(JOIN_TOKEN_KEY), value: Buffer.from(sealTokenRecord(other.keyPem, 'evil', randomBytes(12))) } });
    await follower.current();
    expect(signer.token).toBe('old-token');
  });

  it('fails when the barrier fails (the join service answers UNAVAILABLE then)', async () => {
    const { signer, follower, rotate } = setup(async () => {
      throw new Error('no leader');
    });
    rotate('new-token');
    await expect(follower.current()).rejects.toThrow('no leader');
    expect(signer.token).toBe('old-token');
  });
});
