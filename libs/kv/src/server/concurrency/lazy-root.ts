/**
 * etcd's message types by reflection (concurrency-proto.ts), parsed on
 * first use instead of when a member starts. Parsing the .proto texts of
 * kv, rpc, auth, v3lock and v3election takes 10-30 ms of CPU, twice per
 * member start (the Lock/Election services and each client port's JSON
 * gateway), on the path of every agent's first start and of every nominee
 * becoming a member; most members never serve a lock, an election or a
 * /v3/ JSON call (issue 21, formation).
 */
import type { Root } from 'protobufjs';
import { loadConcurrencyRoot } from './concurrency-proto.js';

/** A function that parses the root on its first call and returns the same root after. */
export type LazyRoot = () => Root;

/** `make` (by default loadConcurrencyRoot) called once, on the first call of the result. */
export function lazyRoot(make: () => Root = loadConcurrencyRoot): LazyRoot {
  let root: Root | undefined;
  return () => (root ??= make());
}
