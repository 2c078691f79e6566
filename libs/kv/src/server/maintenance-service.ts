import { crc32c } from '../crc32c.js';
import type { ServerWritableStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import { etcdserverpb } from '@mgmt/proto';
import { EtcdError, GrpcCode } from '../errors.js';
import { encodeSnapshotFile } from '../snapshot-file.js';
import { hashKv } from './hash-kv.js';
import type { Alarms, AlarmMember } from './alarms.js';
import type { EtcdBackend } from './backend.js';
import { toStatus, unary, type ErrorLog, type Headers } from './rpc.js';

/** Snapshot stream chunk size (etcd sends 32 KiB). */
const SNAPSHOT_CHUNK_BYTES = 32 * 1024;

/** How etcd prints an alarm in Status.errors (Go's %+v of an AlarmMember). */
function alarmText(a: AlarmMember): string {
  return `memberID:${a.memberID} alarm:${etcdserverpb.AlarmType[a.alarm]} `;
}

/**
 * etcdserverpb.Maintenance: Status (etcdctl endpoint status), Alarm (see
 * alarms.ts), Defragment (the backend's, when it keeps data on disk), Hash and HashKV
 * (checksums of the store and of the keyspace to compare members),
 * Snapshot (the store in a checked file, see snapshot-file.ts) and
 * MoveLeader when the backend can.
 */
export function maintenanceHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog, o: { alarms: Alarms }): UntypedServiceImplementation {
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
        errors: [...s.errors, ...o.alarms.list().map(alarmText)],
        dbSizeInUse: s.dbSizeInUseBytes,
        isLearner: s.isLearner,
      };
    }),
    Alarm: unary(log, 'Alarm', async (req: etcdserverpb.AlarmRequest) => {
      const Action = etcdserverpb.AlarmRequest.AlarmAction;
      const action = req.action ?? Action.GET;
      const alarm = req.alarm ?? etcdserverpb.AlarmType.NONE;
      if (action === Action.GET) {
        const all = o.alarms.list();
        // etcd's Alarm answers carry no header.
        return { alarms: alarm === etcdserverpb.AlarmType.NONE ? all : all.filter((a) => a.alarm === alarm) };
      }
      if (alarm === etcdserverpb.AlarmType.NONE) return { alarms: [] };
      const memberID = req.memberID ?? 0;
      const changed = action === Action.ACTIVATE ? await o.alarms.activate(memberID, alarm) : await o.alarms.deactivate(memberID, alarm);
      return { alarms: changed ? [changed] : [] };
    }),
    Hash: unary(log, 'Hash', async () => {
      const header = headers.at();
      return { header, hash: crc32c(Buffer.from(backend.store.snapshot())) >>> 0 };
    }),
    Snapshot: (call: ServerWritableStream<etcdserverpb.SnapshotRequest, etcdserverpb.ISnapshotResponse>) => {
      void streamSnapshot(call, backend, headers).catch((error: unknown) => {
        if (!(error instanceof EtcdError)) log('Snapshot failed', error);
        call.destroy(toStatus(error));
      });
    },
    Defragment: unary(log, 'Defragment', async () => {
      await backend.defragment?.();
      return {}; // etcd's answer carries no header
    }),
    HashKV: unary(log, 'HashKV', async (req: etcdserverpb.HashKVRequest) => {
      const { hash, compactRevision } = hashKv(backend.store, req.revision ?? 0);
      return { header: headers.at(), hash, compactRevision };
    }),
    MoveLeader: unary(log, 'MoveLeader', async (req: etcdserverpb.MoveLeaderRequest) => {
      if (!backend.moveLeader) throw new EtcdError(GrpcCode.UNIMPLEMENTED, 'etcdserver: move leader is not supported');
      await backend.moveLeader(req.targetID ?? 0);
      return { header: headers.at() };
    }),
  };
}

/**
 * Streams this member's store as a snapshot file, in chunks, waiting for
 * the client to drain (bounded memory per call beyond the file itself).
 * Each call encodes its own copy, so a snapshot requested during another
 * is simply served.
 */
async function streamSnapshot(call: ServerWritableStream<etcdserverpb.SnapshotRequest, etcdserverpb.ISnapshotResponse>, backend: EtcdBackend, headers: Headers): Promise<void> {
  const header = headers.at();
  const file = encodeSnapshotFile(backend.store.snapshot());
  for (let offset = 0; offset < file.length && !call.cancelled; offset += SNAPSHOT_CHUNK_BYTES) {
    const blob = file.subarray(offset, offset + SNAPSHOT_CHUNK_BYTES);
    const remainingBytes = file.length - offset - blob.length;
    if (!call.write({ header, remainingBytes, blob })) await new Promise((resolve) => call.once('drain', resolve));
  }
  call.end();
}
