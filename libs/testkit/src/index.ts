/**
 * Public API of @mgmt/testkit: pure helpers any project (the Raft core's
 * simulator included) may use. Node-only helpers (ports, processes,
 * directories, polling) are in `@mgmt/testkit/node`.
 */
export { mulberry32, Rng } from './rng.js';
export { assert, assertPrefix, isPrefix, AssertionFailedError } from './assert.js';
