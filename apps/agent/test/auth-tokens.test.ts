// Proves etcd's simple tokens work across a cluster of our members (Raft,
// durable log, TCP), as a client that authenticated once expects: a token
// issued by one member is accepted by every member, still after the leader
// changed, and refused everywhere (`etcdserver: invalid auth token`) once
// the user's password changed or auth was turned off and on again; a role
// revoked on one member applies at once on the others.
import { credentials, makeGenericClientConstructor, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { AuthService, KvService } from '@mgmt/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from './cluster-harness.js';
import { waitFor } from './helpers.js';

type Call = (req: object, md: Metadata, cb: (err: ServiceError | null, res: Record<string, unknown>) => void) => void;

const AuthClient = makeGenericClientConstructor(AuthService, 'Auth');
const KvClient = makeGenericClientConstructor(KvService, 'KV');

function call(client: Client, method: string, req: object, token?: string): Promise<Record<string, unknown>> {
  const md = new Metadata();
  if (token !== undefined) md.set('token', token);
  return new Promise((resolve, reject) => ((client as unknown as Record<string, Call>)[method]!.bind(client))(req, md, (err, res) => (err ? reject(err) : resolve(res))));
}

const b = (s: string) => Buffer.from(s);

describe('auth tokens across the members of a cluster', () => {
  let cluster: TestCluster;
  let auth: Client[];
  let kv: Client[];
  let rootToken = '';

  beforeAll(async () => {
    cluster = await startCluster(3);
    auth = cluster.nodes.map((n) => new AuthClient(n.endpoint, credentials.createInsecure()));
    kv = cluster.nodes.map((n) => new KvClient(n.endpoint, credentials.createInsecure()));
    await call(auth[0]!, 'UserAdd', { name: 'root', password: 'rootpw' });
    await call(auth[1]!, 'UserGrantRole', { user: 'root', role: 'root' });
    await call(auth[2]!, 'RoleAdd', { name: 'rw' });
    await call(auth[0]!, 'RoleGrantPermission', { name: 'rw', perm: { permType: 2, key: b('k/'), rangeEnd: b('k0') } });
    await call(auth[1]!, 'UserAdd', { name: 'alice', password: 'apw' });
    await call(auth[2]!, 'UserGrantRole', { user: 'alice', role: 'rw' });
    await call(auth[0]!, 'AuthEnable', {});
    rootToken = String((await call(auth[1]!, 'Authenticate', { name: 'root', password: 'rootpw' })).token);
  }, 120_000);
  afterAll(async () => {
    for (const c of [...(auth ?? []), ...(kv ?? [])]) c.close();
    await cluster?.stop();
  });

  it('reports auth on and its revision on every member (AuthStatus)', async () => {
    for (const c of auth) expect(await call(c, 'AuthStatus', {}, rootToken)).toMatchObject({ enabled: true, authRevision: 7 });
  });

  it('accepts a token issued by one member on every member, and after the leader changed', async () => {
    const token = String((await call(auth[0]!, 'Authenticate', { name: 'alice', password: 'apw' })).token);
    for (const [i, c] of kv.entries()) await call(c, 'Put', { key: b(`k/${i}`), value: b('v') }, token);
    const leader = cluster.leader()!;
    const next = cluster.nodes.find((n) => n !== leader)!;
    leader.member.raft.transferLeadership(next.member.identity.memberId);
    await waitFor('a new leader', () => cluster.leader() !== undefined && cluster.leader() !== leader);
    for (const c of kv) expect((await call(c, 'Range', { key: b('k/'), rangeEnd: b('k0') }, token)).count).toBe(3);
  });

  it('applies a revoked role at once on every member', async () => {
    const token = String((await call(auth[2]!, 'Authenticate', { name: 'alice', password: 'apw' })).token);
    await call(auth[0]!, 'UserRevokeRole', { name: 'alice', role: 'rw' }, rootToken);
    for (const c of kv) await expect(call(c, 'Range', { key: b('k/0') }, token)).rejects.toMatchObject({ details: 'etcdserver: permission denied' });
    await call(auth[0]!, 'UserGrantRole', { user: 'alice', role: 'rw' }, rootToken);
  });

  it('refuses the token everywhere once the password changed, or auth was turned off and on', async () => {
    const token = String((await call(auth[1]!, 'Authenticate', { name: 'alice', password: 'apw' })).token);
    await call(auth[2]!, 'UserChangePassword', { name: 'alice', password: 'new' }, rootToken);
    for (const c of kv) await expect(call(c, 'Range', { key: b('k/0') }, token)).rejects.toMatchObject({ code: 16, details: 'etcdserver: invalid auth token' });
    const fresh = String((await call(auth[0]!, 'Authenticate', { name: 'alice', password: 'new' })).token);
    await call(auth[0]!, 'AuthDisable', {}, rootToken);
    await call(auth[0]!, 'AuthEnable', {});
    for (const c of kv) await expect(call(c, 'Range', { key: b('k/0') }, fresh)).rejects.toMatchObject({ details: 'etcdserver: invalid auth token' });
  });
});
