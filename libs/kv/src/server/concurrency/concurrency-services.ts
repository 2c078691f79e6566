/**
 * etcd's v3lock.Lock and v3election.Election gRPC services over a backend
 * (see contend.ts and waits.ts for the queue), with etcd's method paths
 * (/v3lockpb.Lock/Lock ...) and errors ("election: not leader", "election:
 * no leader"). Messages go through reflection types (concurrency-proto.ts),
 * so handlers see the .proto field names.
 */
import { type MethodDefinition, type ServerUnaryCall, type ServerWritableStream, type ServiceDefinition, type UntypedServiceImplementation, type sendUnaryData } from '@grpc/grpc-js';
import type { Root, Type } from 'protobufjs';
import { etcdserverpb } from '@mgmt/proto';
import { EtcdError, GrpcCode } from '../../errors.js';
import type { KeyValue, ResponseHeader } from '../../types.js';
import type { EtcdBackend } from '../backend.js';
import { toStatus, type ErrorLog, type Headers } from '../rpc.js';
import { takeTurn } from './contend.js';
import { firstCreated, prefixRange } from './waits.js';

type Message = Record<string, unknown>;

function method(root: Root, path: string, request: string, response: string, responseStream = false): MethodDefinition<Message, Message> {
  const req: Type = root.lookupType(request);
  const res: Type = root.lookupType(response);
  const toObject = (t: Type, bytes: Buffer) => t.toObject(t.decode(bytes), { longs: Number }) as Message;
  return {
    path,
    requestStream: false,
    responseStream,
    requestSerialize: (m) => Buffer.from(req.encode(req.fromObject(m)).finish()),
    requestDeserialize: (b) => toObject(req, b),
    responseSerialize: (m) => Buffer.from(res.encode(res.fromObject(m)).finish()),
    responseDeserialize: (b) => toObject(res, b),
    originalName: path.slice(path.lastIndexOf('/') + 1),
  };
}

/** The two services' definitions, from `root` (concurrency-proto.ts). */
export function concurrencyServices(root: Root): { lock: ServiceDefinition; election: ServiceDefinition } {
  return {
    lock: {
      Lock: method(root, '/v3lockpb.Lock/Lock', 'v3lockpb.LockRequest', 'v3lockpb.LockResponse'),
      Unlock: method(root, '/v3lockpb.Lock/Unlock', 'v3lockpb.UnlockRequest', 'v3lockpb.UnlockResponse'),
    },
    election: {
      Campaign: method(root, '/v3electionpb.Election/Campaign', 'v3electionpb.CampaignRequest', 'v3electionpb.CampaignResponse'),
      Proclaim: method(root, '/v3electionpb.Election/Proclaim', 'v3electionpb.ProclaimRequest', 'v3electionpb.ProclaimResponse'),
      Leader: method(root, '/v3electionpb.Election/Leader', 'v3electionpb.LeaderRequest', 'v3electionpb.LeaderResponse'),
      Observe: method(root, '/v3electionpb.Election/Observe', 'v3electionpb.LeaderRequest', 'v3electionpb.LeaderResponse', true),
      Resign: method(root, '/v3electionpb.Election/Resign', 'v3electionpb.ResignRequest', 'v3electionpb.ResignResponse'),
    },
  };
}

/** etcd's errors of the election service (plain Go errors there, so gRPC code Unknown). */
const notLeader = () => new EtcdError(GrpcCode.UNKNOWN, 'election: not leader');
const noLeader = () => new EtcdError(GrpcCode.UNKNOWN, 'election: no leader');

function header(h: ResponseHeader): Message {
  return { cluster_id: h.clusterId, member_id: h.memberId, revision: h.revision, raft_term: h.raftTerm };
}

function keyValue(kv: KeyValue): Message {
  return { key: kv.key, create_revision: kv.createRevision, mod_revision: kv.modRevision, version: kv.version, value: kv.value, lease: kv.lease };
}

function bytes(value: unknown): Buffer {
  return value instanceof Uint8Array ? Buffer.from(value) : Buffer.alloc(0);
}

/** A unary handler whose work is given up (AbortSignal) when the client cancels. */
function cancellable(log: ErrorLog, name: string, fn: (req: Message, signal: AbortSignal) => Promise<Message>) {
  return (call: ServerUnaryCall<Message, Message>, callback: sendUnaryData<Message>): void => {
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort(new EtcdError(GrpcCode.CANCELLED, 'context canceled')));
    fn(call.request, controller.signal).then(
      (res) => callback(null, res),
      (error: unknown) => {
        if (!(error instanceof EtcdError)) log(`${name} failed`, error);
        callback(toStatus(error));
      },
    );
  };
}

/** v3lockpb.Lock: Lock waits for its turn on `name` with the caller's lease; Unlock deletes the key. */
export function lockHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog): UntypedServiceImplementation {
  return {
    Lock: cancellable(log, 'Lock', async (req, signal) => {
      const turn = await takeTurn(backend, bytes(req.name), Number(req.lease ?? 0), Buffer.alloc(0), signal);
      return { header: header(headers.at(turn.revision)), key: turn.key };
    }),
    Unlock: cancellable(log, 'Unlock', async (req) => {
      const result = await backend.propose({ deleteRange: { key: bytes(req.key) } });
      if (!result.ok) throw result.error;
      return { header: header(headers.at(result.revision)) };
    }),
  };
}

/** Proposes `put` of the leader's key only while it is still that leader's (same create revision). */
async function whileLeader(backend: EtcdBackend, leader: Message, then: 'put' | 'delete', value?: Buffer): Promise<{ succeeded: boolean; revision: number }> {
  const key = bytes(leader.key);
  const op = then === 'put' ? { requestPut: { key, value, lease: Number(leader.lease ?? 0) } } : { requestDeleteRange: { key } };
  const result = await backend.propose({
    txn: {
      compare: [{ key, target: etcdserverpb.Compare.CompareTarget.CREATE, result: etcdserverpb.Compare.CompareResult.EQUAL, createRevision: Number(leader.rev ?? 0) }],
      success: [op],
    },
  });
  if (!result.ok) throw result.error;
  return { succeeded: Boolean((result.response as etcdserverpb.ITxnResponse).succeeded), revision: result.revision };
}

/** v3electionpb.Election. */
export function electionHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog): UntypedServiceImplementation {
  return {
    Campaign: cancellable(log, 'Campaign', async (req, signal) => {
      const name = bytes(req.name);
      const lease = Number(req.lease ?? 0);
      const turn = await takeTurn(backend, name, lease, bytes(req.value), signal);
      return { header: header(headers.at(turn.revision)), leader: { name, key: turn.key, rev: turn.createRevision, lease } };
    }),
    Proclaim: cancellable(log, 'Proclaim', async (req) => {
      const leader = (req.leader ?? {}) as Message;
      const done = await whileLeader(backend, leader, 'put', bytes(req.value));
      if (!done.succeeded) throw notLeader();
      return { header: header(headers.at(done.revision)) };
    }),
    Resign: cancellable(log, 'Resign', async (req) => {
      const done = await whileLeader(backend, (req.leader ?? {}) as Message, 'delete');
      return { header: header(headers.at(done.revision)) };
    }),
    Leader: cancellable(log, 'Leader', async (req) => {
      await backend.readIndex();
      const kv = firstCreated(backend.store, bytes(req.name));
      if (!kv) throw noLeader();
      return { header: header(headers.at()), kv: keyValue(kv) };
    }),
    Observe: (call: ServerWritableStream<Message, Message>) => {
      const name = bytes(call.request.name);
      let last = '';
      const send = () => {
        const kv = firstCreated(backend.store, name);
        if (!kv) return;
        const seen = `${Buffer.from(kv.key ?? []).toString('hex')}@${kv.modRevision}`;
        if (seen === last) return;
        last = seen;
        call.write({ header: header(headers.at()), kv: keyValue(kv) });
      };
      const watcher = backend.store.watch({ ...prefixRange(name), startRevision: backend.store.revision + 1 }, () => {
        send();
        return true;
      });
      send();
      call.on('cancelled', () => watcher.cancel());
      call.on('error', () => watcher.cancel());
      call.on('close', () => watcher.cancel());
    },
  };
}
