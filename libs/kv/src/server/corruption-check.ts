/**
 * etcd's corruption check (`--experimental-corrupt-check-time`), run by the
 * leader: its own HashKV at its current revision against every other
 * member's at the same revision, asked over the etcd API. A member whose
 * hash differs while its compact revision is the same holds a different
 * keyspace: the check raises CORRUPT for it (alarms.ts), which stops every
 * write until an operator looks and disarms. A member that has not applied
 * the revision yet, or does not answer, is skipped this round.
 */
import { credentials, makeGenericClientConstructor, type Client } from '@grpc/grpc-js';
import { etcdserverpb } from '@mgmt/proto';
import type { Alarms } from './alarms.js';
import type { EtcdBackend } from './backend.js';
import { hashKv } from './hash-kv.js';
import { MaintenanceService } from './services.js';

/** A member's answer to HashKV at the checked revision. */
export interface MemberHash {
  readonly memberId: number;
  readonly hash: number;
  readonly compactRevision: number;
}

/** The members whose keyspace differs from `local`'s (same compact revision, other hash). */
export function mismatchedMembers(local: { hash: number; compactRevision: number }, others: readonly MemberHash[]): number[] {
  return others.filter((o) => o.compactRevision === local.compactRevision && o.hash !== local.hash).map((o) => o.memberId);
}

type HashKvClient = Client & { HashKV(req: object, options: { deadline: number }, cb: (e: Error | null, res?: etcdserverpb.HashKVResponse) => void): void };
const HashKvCtor = makeGenericClientConstructor({ HashKV: MaintenanceService.HashKV }, 'Maintenance');

/** HashKV of the member at `endpoint` (host:port, plaintext) at `revision`; undefined when it cannot answer now. */
async function askHashKv(endpoint: string, revision: number, timeoutMs: number): Promise<MemberHash | undefined> {
  const client = new HashKvCtor(endpoint, credentials.createInsecure()) as unknown as HashKvClient;
  try {
    const res = await new Promise<etcdserverpb.HashKVResponse | undefined>((resolve) =>
      client.HashKV({ revision }, { deadline: Date.now() + timeoutMs }, (e, r) => resolve(e ? undefined : r)),
    );
    if (!res) return undefined;
    return { memberId: res.header?.memberId ?? 0, hash: res.hash ?? 0, compactRevision: res.compactRevision ?? 0 };
  } finally {
    client.close();
  }
}

/**
 * One round of the check from `backend` (the leader) against the members at
 * `endpoints` (their client URLs' host:port, this member's own excluded);
 * raises CORRUPT for each mismatched member and resolves with their ids.
 */
export async function checkCorruption(backend: EtcdBackend, alarms: Alarms, endpoints: readonly string[], timeoutMs = 5000): Promise<number[]> {
  const local = hashKv(backend.store, 0);
  const answers = await Promise.all(endpoints.map((e) => askHashKv(e, local.revision, timeoutMs)));
  const self = backend.header().memberId;
  const bad = mismatchedMembers(local, answers.filter((a): a is MemberHash => a !== undefined && a.memberId !== self));
  for (const memberId of bad) await alarms.activate(memberId, etcdserverpb.AlarmType.CORRUPT);
  return bad;
}
