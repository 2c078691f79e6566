import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { ApplyResult } from '../store.js';
import type {
  Command,
  CompactionRequest,
  DeleteRangeRequest,
  PutRequest,
  RangeRequest,
  RequestOp,
  TxnRequest,
} from '../types.js';
import { checkDeleteRange, checkPut, checkRange, checkTxn } from '../validate.js';
import type { Authorizer } from '../auth/authorizer.js';
import type { EtcdBackend } from './backend.js';
import { authUserOf, callerOf, tokenOf } from './auth-guard.js';
import type { KeyValueBytes } from './key-value-bytes.js';
import { RangeAnswerCache, plainReadKey } from './range-answer-cache.js';
import { RangeEncoder, type RangeResponseOut } from './range-encoding.js';
import { unary, type ErrorLog, type Headers } from './rpc.js';

/** Options of the KV service. */
export interface KvServiceOptions {
  /** The server's KeyValue encodings, shared with the Watch service (key-value-bytes.ts). */
  readonly kvBytes?: KeyValueBytes;
  readonly maxTxnOps: number;
  /** With auth: ranges are checked here, after the read barrier, so a revoked role applies at once. */
  readonly auth?: Authorizer;
}

/**
 * etcdserverpb.KV: reads from the local store (after a ReadIndex barrier
 * unless serializable); writes through the backend's log.
 */
export function kvHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog, options: KvServiceOptions): UntypedServiceImplementation {
  const write = async (command: Command): Promise<object> => {
    const result: ApplyResult = await backend.propose(command);
    if (!result.ok) throw result.error;
    return { ...result.response, header: headers.at(result.revision) };
  };
  const ranges = new RangeEncoder(options.kvBytes);
  const answers = new RangeAnswerCache();
  return {
    Range: unary(log, 'Range', async (req: RangeRequest, call): Promise<RangeResponseOut> => {
      checkRange(req);
      if (!req.serializable) {
        await backend.readIndex();
        options.auth?.checkToken(tokenOf(call), callerOf(call));
      }
      options.auth?.checkRange(callerOf(call), req.key, req.rangeEnd, 'read');
      const store = backend.store;
      const plain = plainReadKey(req);
      if (plain !== undefined) {
        const kept = answers.get(plain, store, store.revision, headers.at(store.revision));
        if (kept) return kept;
      }
      const answer = store.range(req);
      const header = headers.at(answer.revision);
      const encoded = ranges.encode(header, answer.kvs, answer.more, answer.count);
      if (plain !== undefined) answers.set(plain, store, answer.revision, header, answer.kvs.length, encoded);
      return encoded;
    }),
    Put: unary(log, 'Put', async (req: PutRequest, call) => {
      checkPut(req);
      return write({ put: req, ...authUserOf(call) });
    }),
    DeleteRange: unary(log, 'DeleteRange', async (req: DeleteRangeRequest, call) => {
      checkDeleteRange(req);
      return write({ deleteRange: req, ...authUserOf(call) });
    }),
    Txn: unary(log, 'Txn', async (req: TxnRequest, call) => {
      checkTxn(req, options.maxTxnOps);
      if (isReadOnly(req)) {
        // etcd serves a read-only txn locally: no log entry, nothing changes.
        if (!isSerializable(req)) {
          await backend.readIndex();
          options.auth?.checkToken(tokenOf(call), callerOf(call));
        }
        const result = backend.store.apply({ txn: req, ...authUserOf(call) });
        if (!result.ok) throw result.error;
        return { ...result.response, header: headers.at(result.revision) };
      }
      return write({ txn: req, ...authUserOf(call) });
    }),
    Compact: unary(log, 'Compact', async (req: CompactionRequest) => write({ compaction: req })),
  };
}

function isReadOnly(req: TxnRequest): boolean {
  const ops = (list: readonly RequestOp[] | null | undefined) =>
    (list ?? []).every((op) => !op.requestPut && !op.requestDeleteRange && (!op.requestTxn || isReadOnly(op.requestTxn)));
  return ops(req.success) && ops(req.failure);
}

function isSerializable(req: TxnRequest): boolean {
  const ops = (list: readonly RequestOp[] | null | undefined) =>
    (list ?? []).every((op) => (op.requestRange ? Boolean(op.requestRange.serializable) : !op.requestTxn || isSerializable(op.requestTxn)));
  return ops(req.success) && ops(req.failure);
}
