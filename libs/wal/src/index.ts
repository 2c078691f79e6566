/** Public API of @mgmt/wal: the durable Raft log. */
export { DurableStorage, type DurableStorageOptions } from './durable-storage.js';
export { Wal, type WalOptions, type WalSave, type WalStats } from './wal.js';
export type { RecoveredState, TornTail, SegmentInfo } from './recovery.js';
export type { WalIdentity } from './records.js';
export type { FileSystem, AppendFile } from './file-system.js';
export { NodeFileSystem } from './node-file-system.js';
export { SimDisk, SimCrashError, SimFsError, type CrashMode } from './sim-disk.js';
export { WalStorageModel } from './sim-storage-model.js';
export type { WalLogger } from './logger.js';
export { silentLogger } from './logger.js';
export {
  WalError,
  WalCorruptionError,
  WalMissingSegmentError,
  WalForeignDataError,
  WalDiskFullError,
  WalFatalError,
  WalClosedError,
  WalOverloadedError,
  WalAssertionError,
} from './errors.js';
export { walLayout, type WalLayout } from './layout.js';
