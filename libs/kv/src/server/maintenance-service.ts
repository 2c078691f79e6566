import { crc32c } from '@node-rs/crc32';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { Errors, EtcdError, GrpcCode } from '../errors.js';
import type { EtcdBackend } from './backend.js';
import { unary, type ErrorLog, type Headers } from './rpc.js';

/**
 * etcdserverpb.Maintenance: Status (etcdctl endpoint status), Alarm (no
 * alarms: etcdctl endpoint health lists them), Defragment (nothing to do
 * in memory), HashKV (a checksum of the keyspace to compare members) and
 * MoveLeader when the backend can.
 */
export function maintenanceHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog): UntypedServiceImplementation {
  return {
    Status: unary(log, 'Status', async () => {
      const s = await backend.status();
      return {
        header: headers.at(),
        version: s.version,
        dbSize: s.dbSizeBytes,
        leader: s.leader,
        raftIndex: s.raftIndex,
        raftTerm: s.raftTerm,
        raftAppliedIndex: s.raftAppliedIndex,
        errors: [...s.errors],
        dbSizeInUse: s.dbSizeInUseBytes,
        isLearner: s.isLearner,
      };
    }),
    Alarm: unary(log, 'Alarm', async () => ({ header: headers.at(), alarms: [] })),
    Defragment: unary(log, 'Defragment', async () => ({ header: headers.at() })),
    HashKV: unary(log, 'HashKV', async (req: etcdserverpb.HashKVRequest) => {
      const store = backend.store;
      const revision = req.revision || store.revision;
      if (revision > store.revision) throw Errors.futureRev();
      if (revision < store.compactRevision) throw Errors.compacted();
      // The live keyspace at `revision`, hashed in key order.
      const answer = store.range({ key: Buffer.from([0]), rangeEnd: Buffer.from([0]), revision, serializable: true });
      let hash = 0;
      for (const kv of answer.kvs) {
        hash = crc32c(Buffer.from(kv.key ?? []), hash);
        hash = crc32c(Buffer.from(kv.value ?? []), hash);
        hash = crc32c(Buffer.from(`${kv.createRevision},${kv.modRevision},${kv.version},${kv.lease}`), hash);
      }
      return { header: headers.at(), hash: hash >>> 0, compactRevision: store.compactRevision };
    }),
    MoveLeader: unary(log, 'MoveLeader', async (req: etcdserverpb.MoveLeaderRequest) => {
      if (!backend.moveLeader) throw new EtcdError(GrpcCode.UNIMPLEMENTED, 'etcdserver: move leader is not supported');
      await backend.moveLeader(req.targetID ?? 0);
      return { header: headers.at() };
    }),
  };
}
