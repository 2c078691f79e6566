/**
 * etcd's alarms (Maintenance.Alarm): NOSPACE when the keyspace outgrows the
 * quota (etcd --quota-backend-bytes), CORRUPT when members' hashes differ.
 * An alarm is replicated like everything else, as a key of its own,
 * `/_mgmt/alarms/<member id>/<NOSPACE|CORRUPT>`, so every member refuses
 * the same writes and `etcdctl alarm list` shows the same activations
 * whichever member it asks. While NOSPACE is raised, writes that add data
 * (put, txn with a put, lease grant) get etcd's "database space exceeded";
 * deletes and compaction still pass, so space can be freed, and then
 * `etcdctl alarm disarm` lifts it. CORRUPT refuses every write.
 */
import { etcdserverpb } from '@mgmt/proto';
import { Errors } from '../errors.js';
import { prefixEnd } from '../keys.js';
import type { ApplyResult } from '../store.js';
import type { Command, RequestOp, TxnRequest } from '../types.js';
import type { EtcdBackend } from './backend.js';

/** Where alarms live in the keyspace. */
export const ALARM_PREFIX = '/_mgmt/alarms/';

const AlarmType = etcdserverpb.AlarmType;
type AlarmType = etcdserverpb.AlarmType;

/** One raised alarm. */
export interface AlarmMember {
  readonly memberID: number;
  readonly alarm: AlarmType;
}

const encoder = new TextEncoder();

function alarmKey(memberId: number, alarm: AlarmType): Uint8Array {
  return encoder.encode(`${ALARM_PREFIX}${memberId}/${AlarmType[alarm]}`);
}

function parseAlarmKey(key: Uint8Array): AlarmMember | undefined {
  const [member, name] = Buffer.from(key).toString('latin1').slice(ALARM_PREFIX.length).split('/');
  const alarm = name === 'NOSPACE' ? AlarmType.NOSPACE : name === 'CORRUPT' ? AlarmType.CORRUPT : undefined;
  const memberID = Number(member);
  return alarm === undefined || !Number.isSafeInteger(memberID) ? undefined : { memberID, alarm };
}

function txnAddsData(txn: TxnRequest | null | undefined): boolean {
  const ops = (list: RequestOp[] | null | undefined) => (list ?? []).some((op) => Boolean(op.requestPut) || txnAddsData(op.requestTxn));
  return Boolean(txn) && (ops(txn!.success) || ops(txn!.failure));
}

/** Whether a command adds data (what NOSPACE refuses, as etcd's quota does). */
export function addsData(command: Command): boolean {
  return Boolean(command.put) || Boolean(command.leaseGrant) || txnAddsData(command.txn);
}

/** A rough size of what a command adds (etcd's quota cost: key, value and overhead). */
function costBytes(command: Command): number {
  const put = command.put;
  if (put) return (put.key?.length ?? 0) + (put.value?.length ?? 0) + 64;
  return 64;
}

/** The alarms of a cluster, read from and written to its keyspace through `backend`. */
export class Alarms {
  private readonly start = encoder.encode(ALARM_PREFIX);
  private readonly end = encoder.encode(prefixEnd(ALARM_PREFIX));

  constructor(private readonly backend: EtcdBackend) {}

  /** The raised alarms, as this member's store holds them. */
  list(): AlarmMember[] {
    const answer = this.backend.store.range({ key: this.start, rangeEnd: this.end, serializable: true });
    return answer.kvs.flatMap((kv) => parseAlarmKey(kv.key ?? new Uint8Array()) ?? []);
  }

  /** Whether an alarm of `alarm` is raised by any member. */
  isRaised(alarm: AlarmType): boolean {
    return this.list().some((a) => a.alarm === alarm);
  }

  async activate(memberID: number, alarm: AlarmType): Promise<AlarmMember> {
    await this.backend.propose({ put: { key: alarmKey(memberID, alarm), value: encoder.encode(new Date().toISOString()) } });
    return { memberID, alarm };
  }

  /** Lifts one alarm; resolves with it, or undefined when it was not raised (etcd answers no alarms then). */
  async deactivate(memberID: number, alarm: AlarmType): Promise<AlarmMember | undefined> {
    const raised = this.list().some((a) => a.memberID === memberID && a.alarm === alarm);
    if (!raised) return undefined;
    await this.backend.propose({ deleteRange: { key: alarmKey(memberID, alarm) } });
    return { memberID, alarm };
  }

  /**
   * etcd's quota and alarm appliers, before a client's command is proposed:
   * CORRUPT refuses every write; NOSPACE refuses what adds data; a command
   * that would take the keyspace over `quotaBytes` raises NOSPACE for this
   * member and is refused.
   */
  async check(command: Command, quotaBytes: number): Promise<void> {
    if (command.leaseExpire || command.leaseRevoke) return;
    const raised = this.list();
    if (raised.some((a) => a.alarm === AlarmType.CORRUPT)) throw Errors.corrupt();
    if (!addsData(command)) return;
    if (raised.some((a) => a.alarm === AlarmType.NOSPACE)) throw Errors.noSpace();
    if (quotaBytes > 0 && this.backend.store.sizeBytes + costBytes(command) > quotaBytes) {
      await this.activate(this.backend.header().memberId, AlarmType.NOSPACE);
      throw Errors.noSpace();
    }
  }
}

/** `backend` with the alarms and quota applied to every client proposal (the server's view of it). */
export function withAlarms(backend: EtcdBackend, alarms: Alarms, quotaBytes: number): EtcdBackend {
  const propose = async (command: Command): Promise<ApplyResult> => {
    await alarms.check(command, quotaBytes);
    return backend.propose(command);
  };
  return new Proxy(backend, {
    get(target, property) {
      if (property === 'propose') return propose;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
