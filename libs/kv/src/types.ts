/** Short names for the etcd wire message shapes the store takes and returns. */
import type { etcdserverpb, mgmtkv, mvccpb } from '@mgmt/proto';

export type RangeRequest = etcdserverpb.RangeRequest.$Properties;
export type RangeResponse = etcdserverpb.RangeResponse.$Properties;
export type PutRequest = etcdserverpb.PutRequest.$Properties;
export type PutResponse = etcdserverpb.PutResponse.$Properties;
export type DeleteRangeRequest = etcdserverpb.DeleteRangeRequest.$Properties;
export type DeleteRangeResponse = etcdserverpb.DeleteRangeResponse.$Properties;
export type TxnRequest = etcdserverpb.TxnRequest.$Properties;
export type TxnResponse = etcdserverpb.TxnResponse.$Properties;
export type RequestOp = etcdserverpb.RequestOp.$Properties;
export type ResponseOp = etcdserverpb.ResponseOp.$Properties;
export type Compare = etcdserverpb.Compare.$Properties;
export type CompactionRequest = etcdserverpb.CompactionRequest.$Properties;
export type CompactionResponse = etcdserverpb.CompactionResponse.$Properties;
export type LeaseGrantRequest = etcdserverpb.LeaseGrantRequest.$Properties;
export type LeaseGrantResponse = etcdserverpb.LeaseGrantResponse.$Properties;
export type LeaseRevokeRequest = etcdserverpb.LeaseRevokeRequest.$Properties;
export type LeaseRevokeResponse = etcdserverpb.LeaseRevokeResponse.$Properties;
export type ResponseHeader = etcdserverpb.ResponseHeader.$Properties;
export type KeyValue = mvccpb.KeyValue.$Properties;
export type WatchEvent = mvccpb.Event.$Properties;
/** A store command: exactly one of its request fields is set. */
export type Command = mgmtkv.Command.$Properties;
export type LeaseExpireRequest = mgmtkv.LeaseExpireRequest.$Properties;
