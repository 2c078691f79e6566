/** Public API of @mgmt/raft. */
export * from './types.js';
export * from './errors.js';
export type { Storage, StorageWriter, ReadWriteStorage, InitialState, MaybePromise } from './storage.js';
export { MemoryStorage, limitSize } from './memory-storage.js';
export { mulberry32, Rng } from './random.js';
