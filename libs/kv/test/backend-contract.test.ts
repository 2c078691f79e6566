// Proves how the server uses its backend: linearizable reads (and
// read-only txns, and a linearizable member list) wait for readIndex, serializable ones do not; read-only
// txns are not proposed; a backend failure that is not an etcd error
// reaches the client as UNKNOWN and the server keeps serving; etcd errors
// from the backend keep their code and message.
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Errors, LocalBackend, createEtcdServer, type ApplyResult, type Command, type EtcdServer } from '../src/index.js';

class CountingBackend extends LocalBackend {
  readIndexCalls = 0;
  proposals = 0;
  override async readIndex(): Promise<void> {
    this.readIndexCalls++;
  }
  override async propose(command: Command): Promise<ApplyResult> {
    this.proposals++;
    const key = command.put?.key ? Buffer.from(command.put.key).toString() : '';
    if (key === 'boom') throw new Error('disk on fire');
    if (key === 'noleader') throw Errors.noLeader();
    return super.propose(command);
  }
}

let backend: CountingBackend;
let server: EtcdServer;
let endpoint: string;

beforeAll(async () => {
  backend = new CountingBackend({ name: 'contract' });
  server = createEtcdServer(backend, { logError: () => {} });
  endpoint = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
});
afterAll(async () => {
  backend.close();
  await server.close();
});

describe('server and backend', () => {
  it('waits for readIndex on linearizable reads only, and never proposes reads', async () => {
    const client = new Etcd3({ hosts: `http://${endpoint}` });
    await client.put('r').value('1');
    const proposals = backend.proposals;
    const before = backend.readIndexCalls;
    await client.get('r').string();
    expect(backend.readIndexCalls).toBe(before + 1);
    await client.get('r').serializable(true).string();
    expect(backend.readIndexCalls).toBe(before + 1);
    await client.if('r', 'Value', '==', '1').then(client.get('r')).commit();
    expect(backend.readIndexCalls).toBe(before + 2);
    expect(backend.proposals).toBe(proposals);
    client.close();
  });

  it('waits for readIndex before a linearizable member list (etcd 3.5) only', async () => {
    const client = new Etcd3({ hosts: `http://${endpoint}` });
    const before = backend.readIndexCalls;
    expect((await client.cluster.memberList({})).members).toHaveLength(1);
    expect(backend.readIndexCalls).toBe(before);
    expect((await client.cluster.memberList({ linearizable: true })).members).toHaveLength(1);
    expect(backend.readIndexCalls).toBe(before + 1);
    client.close();
  });

  it('passes etcd errors through and turns other failures into UNKNOWN, then keeps serving', async () => {
    const a = new Etcd3({ hosts: `http://${endpoint}` });
    await expect(a.put('noleader').value('x')).rejects.toThrow('etcdserver: no leader');
    a.close();
    const b = new Etcd3({ hosts: `http://${endpoint}` });
    await expect(b.put('boom').value('x')).rejects.toThrow('disk on fire');
    b.close();
    const c = new Etcd3({ hosts: `http://${endpoint}` });
    await c.put('ok').value('fine');
    expect(await c.get('ok').string()).toBe('fine');
    c.close();
  });
});
