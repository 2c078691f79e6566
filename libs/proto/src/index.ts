/**
 * Public API of @mgmt/proto: the Raft wire messages, generated from
 * proto/raft.proto by protobufjs-cli (see scripts/generate.mjs).
 */
import './runtime.js';
import { mgmt } from './generated/raft.js';

export const raftpb = mgmt.raft;

/** Entry types. */
export const EntryType = mgmt.raft.EntryType;
export type EntryType = mgmt.raft.EntryType;
/** Raft message types. */
export const MessageType = mgmt.raft.MessageType;
export type MessageType = mgmt.raft.MessageType;
/** Membership change kinds. */
export const ConfChangeType = mgmt.raft.ConfChangeType;
export type ConfChangeType = mgmt.raft.ConfChangeType;

/** Plain-object shapes of the messages (every field optional, as on the wire). */
export type EntryProps = mgmt.raft.Entry.$Properties;
export type HardStateProps = mgmt.raft.HardState.$Properties;
export type ConfStateProps = mgmt.raft.ConfState.$Properties;
export type SnapshotMetadataProps = mgmt.raft.SnapshotMetadata.$Properties;
export type SnapshotProps = mgmt.raft.Snapshot.$Properties;
export type MessageProps = mgmt.raft.Message.$Properties;
export type ConfChangeProps = mgmt.raft.ConfChange.$Properties;

export { ProtoDecodeError, decodeMessage, encodeMessage } from './codec.js';

/** etcd v3 API messages (etcdserverpb, mvccpb) and the kv store's commands (mgmtkv). */
export { authpb, etcdserverpb, mgmtkv, mvccpb } from './etcd.js';
export { loadEtcdJsonRoot } from './etcd-json.js';
