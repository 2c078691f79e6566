/** Public API of @mgmt/raft. */
export * from './types.js';
export * from './errors.js';
export type { Storage, StorageWriter, ReadWriteStorage, InitialState, MaybePromise } from './storage.js';
export { MemoryStorage, limitSize } from './memory-storage.js';
export { mulberry32, Rng } from './random.js';
export type { RaftConfig, UnsafeTestBugs } from './config.js';
export { ReadOnlyOption, type ReadState } from './read-only.js';
export { RawNode, type Ready, type SoftState, type Status, type PeerProgress } from './rawnode.js';
export type { Role } from './raft.js';
export { encodeConfChange, decodeConfChange } from './confchange.js';
export { bootstrapNewCluster, prepareJoin, isEmptyStorage } from './bootstrap.js';
export { RaftDriver } from './driver/driver.js';
export { DRIVER_DEFAULTS, PRODUCTION_CORE_DEFAULTS, type DriverOptions, type CoreOptions } from './driver/options.js';
export { SILENT_LOGGER, type DriverClock, type DriverLogger, type DriverObserver, type DriverStorage, type ReadySave, type SendFn, type StateMachine } from './driver/seams.js';
export { DriverInvariantError, ProposalFailedError } from './driver/errors.js';
export { ManualClock } from './driver/manual-clock.js';
